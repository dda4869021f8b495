/** The browser host gives each simulated service the web SDK's WebTracerProvider; the Node host keeps BasicTracerProvider. Both must give the same spans. */
import { describe, expect, it } from 'vitest';
import { runScenarioFile } from '../../testing/trace-shape.ts';

describe("the browser host's WebTracerProvider", () => {
  for (const [file, context] of [
    ['http-chain.ts', 'async'],
    ['batch-consumer.ts', 'async'],
    ['ecommerce-notifications.ts', 'stack'],
  ] as const) {
    it(`gives the spans BasicTracerProvider gives: ${file}, context ${context}`, async () => {
      const [basic, web] = await Promise.all([
        runScenarioFile(file, { context }),
        runScenarioFile(file, { context, tracerProvider: 'web' }),
      ]);
      expect(web.errors).toEqual([]);
      expect(web.spans.length).toBeGreaterThan(3);
      expect(web.spans).toEqual(basic.spans);
      expect(web.console).toEqual(basic.console);
    });
  }
});

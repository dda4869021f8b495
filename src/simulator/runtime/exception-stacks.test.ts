import { describe, expect, it } from 'vitest';
import { runScenario } from '../platform/node/run-in-node.ts';

const code = `import { trace } from '@opentelemetry/api';
const tracer = trace.getTracer('t');

function charge(): never {
  throw new Error('declined');
}

export default function main() {
  const span = tracer.startSpan('pay');
  try {
    charge();
  } catch (error) {
    span.recordException(error as Error);
  }
  span.end();
}
`;

describe('exception events', () => {
  it('hold a stack at the scenario’s own file, line and column, with the runtime’s frames left out', async () => {
    const result = await runScenario(code, { fileName: 'pay.ts' });
    const stack = result.spans[0]?.events.find((event) => event.name === 'exception')?.attributes[
      'exception.stacktrace'
    ];
    expect(typeof stack).toBe('string');
    const lines = String(stack).split('\n');
    expect(lines[0]).toBe('Error: declined');
    expect(lines[1]).toMatch(/^ {4}at charge \(pay\.ts:5:9\)$/);
    expect(lines[2]).toMatch(/^ {4}at main \(pay\.ts:11:5\)$/);
    expect(lines.at(-1)).toMatch(/^ {4}\(\d+ frames? inside Span Lab and the OpenTelemetry SDK left out\)$/);
    expect(String(stack)).not.toMatch(/spanlab-scenario\.js|blob:|node_modules/);
  });
});

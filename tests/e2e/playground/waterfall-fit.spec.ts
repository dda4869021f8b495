import { expect, test } from '../fixtures.ts';
import { openPlayground, run } from './helpers.ts';

test('every label of the waterfall lies inside its drawing, none cut off at the left edge', async ({ page }) => {
  // In batch-consumer, the short bar of message m2 near the right edge gets its label on its left.
  await openPlayground(page, 'batch-consumer');
  await run(page);
  const charts = page.locator('trace-views figure.tv-mermaid svg');
  await expect(charts).toHaveCount(4);
  const outside = await charts.evaluateAll((svgs) =>
    svgs.flatMap((svg) => {
      const box = (svg as SVGSVGElement).viewBox.baseVal;
      return [...svg.querySelectorAll('text')]
        .map((text) => ({ label: text.textContent ?? '', b: text.getBBox() }))
        .filter(({ b }) => b.width > 0 && (b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5))
        .map(({ label }) => label);
    }),
  );
  expect(outside).toEqual([]);
});

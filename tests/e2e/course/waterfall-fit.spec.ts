import { expect, test } from '../fixtures.ts';
import { openLesson, runScenario, scenario } from './lesson-parts.ts';

test('every label of a waterfall in a lesson lies inside its drawing, none cut off at the left edge', async ({
  page,
}) => {
  // In a lesson's column, every trace of the run on one clock: short bars near the right edge.
  await openLesson(page);
  const part = scenario(page);
  await runScenario(part);
  const charts = part.locator('figure.tv-mermaid svg');
  // One waterfall for the whole run: every trace is a section of one chart, on one clock.
  await expect(charts).toHaveCount(1);
  const outside = await charts.evaluateAll((svgs) =>
    svgs.flatMap((svg) => {
      // On screen: an SVG clips what lies outside its viewBox.
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')]
        .map((text) => ({ label: text.textContent ?? '', b: text.getBoundingClientRect() }))
        .filter(({ b }) => b.width > 0 && (b.left < box.left - 0.5 || b.right > box.right + 0.5))
        .map(({ label }) => label);
    }),
  );
  expect(outside).toEqual([]);
});

/** Milliseconds as a message shows them: whole as they are, fractions rounded to what a reader can use. */
export function formatMs(ms: number): string {
  if (Number.isInteger(ms)) return `${ms} ms`;
  const digits = Math.abs(ms) < 1 ? 3 : Math.abs(ms) < 10 ? 2 : 1;
  return `${Number(ms.toFixed(digits))} ms`;
}

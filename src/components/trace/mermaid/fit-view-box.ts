/**
 * Widens an SVG's viewBox to take in everything drawn in it. Mermaid's gantt puts the label of a
 * short bar near the right edge to the left of the bar, where it can start before x = 0 and be
 * cut off. Call it once the SVG is in the page (measuring needs layout).
 */
export function fitViewBox(svg: SVGSVGElement): void {
  const view = svg.viewBox.baseVal as SVGRect | null;
  if (view === null || view.width === 0 || typeof svg.getBBox !== 'function') return;
  let content: DOMRect;
  try {
    content = svg.getBBox();
  } catch {
    return; // not rendered (display: none): nothing to measure
  }
  const left = Math.min(view.x, Math.floor(content.x));
  const right = Math.max(view.x + view.width, Math.ceil(content.x + content.width));
  if (left === view.x && right === view.x + view.width) return;
  const width = right - left;
  svg.setAttribute('viewBox', `${String(left)} ${String(view.y)} ${String(width)} ${String(view.height)}`);
  // Mermaid caps the drawing at its natural width; keep the same scale for the wider box.
  const maxWidth = Number.parseFloat(svg.style.maxWidth);
  if (Number.isFinite(maxWidth)) svg.style.maxWidth = `${String(Math.ceil((maxWidth * width) / view.width))}px`;
}

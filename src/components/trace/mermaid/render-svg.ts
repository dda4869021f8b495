import type { Mermaid } from 'mermaid';
import { uniqueId } from '../dom/h.ts';
import { loadMermaid, type MermaidLook } from './load-mermaid.ts';

/** A diagram Mermaid drew: its SVG element (not yet in the page) and the id its elements start with. */
export interface RenderedDiagram {
  svg: SVGSVGElement;
  id: string;
}

// Mermaid's output is sanitised (strict) and its text escaped by the engine; these are removed
// anyway, so nothing that loads or runs anything can reach the page even if that ever failed.
const FORBIDDEN = 'script, iframe, object, embed, img, image, a, link, meta, audio, video, foreignObject script';

function defuse(root: Element): void {
  for (const element of root.querySelectorAll(FORBIDDEN)) element.remove();
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const { name, value } of [...element.attributes]) {
      const lower = name.toLowerCase();
      const isLink = lower === 'href' || lower === 'xlink:href' || lower === 'src';
      if (lower.startsWith('on') || (isLink && !value.startsWith('#'))) element.removeAttribute(name);
    }
  }
}

/** Removes what Mermaid left in the body for a render (its measuring box; on errors, more). */
function removeLeftovers(id: string): void {
  for (const leftover of [`d${id}`, id, `i${id}`]) document.getElementById(leftover)?.remove();
}

/** Parses Mermaid's SVG markup into an element of this document, defused. */
export function svgFromMarkup(markup: string): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(markup, 'text/html');
  const svg = parsed.body.querySelector('svg');
  if (svg === null) throw new Error('Mermaid returned no SVG.');
  defuse(svg);
  return document.adoptNode(svg);
}

async function draw(mermaid: Mermaid, text: string, prefix: string): Promise<RenderedDiagram> {
  const id = uniqueId(prefix);
  // Mermaid lays the diagram out in a box it adds to the page. In the body, a diagram wider than a
  // phone's screen widens the page for a moment (the browser zooms out). A fixed box as wide as the
  // body lays it out the same, and what overflows a fixed box widens nothing.
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = `position:fixed;left:0;top:0;width:${String(document.body.clientWidth)}px;visibility:hidden;pointer-events:none`;
  document.body.append(box);
  try {
    const { svg } = await mermaid.render(id, text, box);
    return { svg: svgFromMarkup(svg), id };
  } finally {
    box.remove();
    removeLeftovers(id);
  }
}

// Mermaid keeps one configuration for the page and reads it while it lays a diagram out. The
// link graph asked for while the waterfall's gantt chart was still being drawn was laid out with
// the gantt's configuration (Mermaid's wide spacing: 300–450 px wider than its panel), and a
// gantt chart could get the graph's width. So diagrams are drawn one at a time, each configured
// just before it is drawn.
let previous: Promise<unknown> = Promise.resolve();

/**
 * Draws Mermaid `text` as an SVG element with a fresh id, configured for `look` (loading Mermaid
 * on first use); throws Mermaid's error on bad text or limits. Either way nothing Mermaid added
 * to the page stays behind.
 */
export function renderSvg(look: MermaidLook, text: string, prefix: string): Promise<RenderedDiagram> {
  const drawn = previous.then(async () => draw(await loadMermaid(look), text, prefix));
  previous = drawn.catch(() => undefined);
  return drawn;
}

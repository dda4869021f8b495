/**
 * jsdom does no layout; Mermaid only needs plausible sizes to place things. Gives every element a
 * box 7 px per character wide and 16 px high, for tests that render with the real Mermaid.
 */
export function fakeLayout(): void {
  const size = (element: Element): DOMRect => {
    const width = 7 * (element.textContent?.length ?? 1);
    return { x: 0, y: 0, width, height: 16, top: 0, left: 0, right: width, bottom: 16, toJSON: () => ({}) };
  };
  Object.assign(SVGElement.prototype, {
    getBBox(this: SVGElement) {
      return size(this);
    },
    getComputedTextLength(this: SVGElement) {
      return size(this).width;
    },
  });
  Element.prototype.getBoundingClientRect = function (this: Element) {
    return size(this);
  };
}

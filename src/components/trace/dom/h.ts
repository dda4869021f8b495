/** Attribute values: a string sets it, `true` sets it empty, `false`/`undefined` leave it out. */
export type AttributeMap = Record<string, string | boolean | undefined>;

/** A child: an element, or text (always set as text, never parsed as markup). */
export type Child = Node | string | null | undefined | false;

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill<E extends Element>(element: E, attributes: AttributeMap, children: readonly Child[]): E {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child); // a string becomes a Text node: user text is never markup
  }
  return element;
}

/** An HTML element with attributes and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: AttributeMap = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), attributes, children);
}

/** An SVG element with attributes and children; strings become text nodes. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: AttributeMap = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

let counter = 0;

/** A document-unique id with a readable prefix. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}${String(counter)}`;
}

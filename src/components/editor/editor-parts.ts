/** The parts of a `<scenario-editor>`: rendered by ScenarioEditor.astro, or made here when missing. */

/** What the visually hidden hint tells keyboard and screen reader users. */
export const KEYBOARD_HINT =
  'Code editor. Ctrl+Enter (Cmd+Enter on a Mac) runs the scenario. Tab indents; to move focus out ' +
  'of the editor with Tab instead, first press Ctrl+M (Ctrl+Shift+M on a Mac), as in VS Code.';

/** The element's parts the custom element works with. */
export interface EditorParts {
  /** Holds the highlighted code, then the editor. */
  surface: HTMLElement;
  /** The highlighted (or plain) code shown before the editor loads. */
  code: HTMLPreElement;
  /** The visually hidden keyboard hint; its id describes the editor. */
  hint: HTMLElement;
  /** A live region that says when the editor is loading. */
  status: HTMLElement;
}

let count = 0;

/** A unique id for the hint of an editor rendered on the server (a page may show one scenario twice). */
export function hintIdFor(label: string, code: string): string {
  let hash = 0x811c9dc5;
  for (const char of label + '\0' + code) {
    hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  }
  return `scenario-editor-hint-${hash.toString(36)}-${++count}`;
}

/** Finds the parts inside `element`, creating those the server did not render. */
export function ensureParts(element: HTMLElement): EditorParts {
  const doc = element.ownerDocument;
  const surface = element.querySelector<HTMLElement>('[data-part="surface"]') ?? createPart(element, 'div', 'surface');
  if (!surface.hasAttribute('role')) {
    surface.setAttribute('role', 'group');
    surface.setAttribute('aria-label', element.getAttribute('label') ?? 'Scenario code');
  }
  let code = surface.querySelector('pre');
  if (!code) {
    code = doc.createElement('pre');
    code.tabIndex = 0;
    code.append(doc.createElement('code'));
    surface.append(code);
  }
  const hint = element.querySelector<HTMLElement>('[data-part="hint"]') ?? createPart(element, 'p', 'hint');
  if (!hint.id) hint.id = `scenario-editor-hint-${++count}`;
  if (!hint.textContent) hint.textContent = KEYBOARD_HINT;
  hint.classList.add('scenario-editor__sr-only');
  surface.setAttribute('aria-describedby', hint.id);
  const status = element.querySelector<HTMLElement>('[data-part="status"]') ?? createPart(element, 'p', 'status');
  status.setAttribute('role', 'status');
  return { surface, code, hint, status };
}

/** The code the server highlighted, as plain text (with the final newlines Shiki drops). */
export function staticCodeText(element: HTMLElement, parts: EditorParts): string {
  const trailing = Number(element.dataset['trailingNewlines'] ?? 0);
  return parts.code.textContent + '\n'.repeat(Number.isInteger(trailing) && trailing > 0 ? trailing : 0);
}

/** Shows `value` as plain text where the highlighted code was (after `value` is set, or the editor is removed). */
export function renderPlainCode(parts: EditorParts, value: string): void {
  if (parts.code.textContent !== value) {
    const code = parts.code.querySelector('code') ?? parts.code;
    code.textContent = value;
  }
  if (parts.code.parentNode !== parts.surface || parts.surface.childNodes.length !== 1) {
    parts.surface.replaceChildren(parts.code);
  }
}

function createPart(element: HTMLElement, tag: 'div' | 'p', name: string): HTMLElement {
  const part = element.ownerDocument.createElement(tag);
  part.dataset['part'] = name;
  part.className = `scenario-editor__${name}`;
  element.append(part);
  return part;
}

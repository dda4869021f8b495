/** Keyboard shortcuts the element and its editors share. */

/** Ctrl+Enter, or Cmd+Enter on a Mac: run the scenario. */
export function isRunShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey;
}

/** Ctrl+M (Ctrl+Shift+M on a Mac), as in Monaco: toggle whether Tab moves focus or indents. */
export function isTabFocusToggle(event: KeyboardEvent): boolean {
  return event.ctrlKey && !event.metaKey && !event.altKey && event.key.toLowerCase() === 'm';
}

/** Tab or Shift+Tab without other modifiers. */
export function isPlainTab(event: KeyboardEvent): boolean {
  return event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey;
}

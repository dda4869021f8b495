import { h } from './h.ts';

/** Zoom steps of the pan-and-zoom box, as a share of the drawing's natural size. */
const STEPS = [0.5, 0.75, 1, 1.5, 2];

/**
 * Turns a scroll box holding an SVG into a pan-and-zoom view with visible controls: Zoom out,
 * Zoom in and a hint that the drawing scrolls; the drawing starts at its natural size, so its
 * text keeps the size it was drawn at. Returns the controls to put above the box.
 */
export function panZoom(box: HTMLElement, svg: SVGSVGElement, label: string): HTMLElement {
  const view = svg.viewBox.baseVal as SVGRect | null;
  const natural = view !== null && view.width > 0 ? view.width : svg.getBoundingClientRect().width;
  let step = STEPS.indexOf(1);
  const zoomOut = h('button', { type: 'button', class: 'tv-zoom-button' }, '−');
  const zoomIn = h('button', { type: 'button', class: 'tv-zoom-button' }, '+');
  zoomOut.setAttribute('aria-label', `Zoom out of the ${label}`);
  zoomIn.setAttribute('aria-label', `Zoom into the ${label}`);
  const shown = h('span', { class: 'tv-zoom-level', 'aria-live': 'polite' });
  const apply = (): void => {
    const scale = STEPS[step] ?? 1;
    svg.style.maxWidth = 'none';
    svg.style.width = `${String(Math.round(natural * scale))}px`;
    svg.style.height = 'auto';
    shown.textContent = `${String(Math.round(scale * 100))}%`;
    zoomOut.disabled = step === 0;
    zoomIn.disabled = step === STEPS.length - 1;
  };
  zoomOut.addEventListener('click', () => {
    step = Math.max(0, step - 1);
    apply();
  });
  zoomIn.addEventListener('click', () => {
    step = Math.min(STEPS.length - 1, step + 1);
    apply();
  });
  box.classList.add('tv-pan');
  box.tabIndex = 0;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', `${label}: scroll or drag to pan`);
  apply();
  return h(
    'div',
    { class: 'tv-zoom', role: 'group', 'aria-label': `Zoom of the ${label}` },
    zoomOut,
    shown,
    zoomIn,
    h(
      'span',
      { class: 'tv-zoom-hint' },
      'Too wide to show whole at a readable size: scroll sideways to see all of it.',
    ),
  );
}

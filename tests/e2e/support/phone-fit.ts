/** Measures of how a page fits a phone: sideways scroll of the page, and touch targets' sizes. */
import type { Locator, Page } from '@playwright/test';

/**
 * How wide the page is against a screen `screenWidth` px wide: a `scrollWidth` over it scrolls
 * sideways, and on a phone a page wider than the screen also widens `innerWidth` (it is shown zoomed out).
 */
export function pageWidth(
  page: Page,
  screenWidth: number,
): Promise<{ scrollWidth: number; innerWidth: number; wider: string[] }> {
  return page.evaluate((screenWidth) => {
    // What sticks out, to name in a failure: elements past the right edge that no scroll box clips.
    const clipped = (element: Element): boolean => {
      for (let box = element.parentElement; box !== null && box !== document.body; box = box.parentElement)
        if (/auto|scroll|hidden|clip/.test(getComputedStyle(box).overflowX)) return true;
      return false;
    };
    const wider = [...document.body.querySelectorAll('*')]
      .filter((element) => !element.closest('svg') || element.tagName === 'svg')
      .filter((element) => element.getBoundingClientRect().right > screenWidth + 1 && !clipped(element))
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`)
      .slice(0, 5);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wider };
  }, screenWidth);
}

/**
 * The controls in `scope` smaller than 24 × 24 CSS px (WCAG 2.5.8), as "name w×h". A link inside a
 * sentence is exempt (the criterion's inline exception), and a form field counts its label's box.
 */
export function smallTargets(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const small: string[] = [];
    const controls = root.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=tab]',
    );
    for (const control of controls) {
      const style = getComputedStyle(control);
      if (style.visibility === 'hidden' || control.closest('[hidden]') !== null) continue;
      const label = control.closest('label');
      const box = (control.tagName === 'INPUT' && label !== null ? label : control).getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (control.tagName === 'A' && style.display === 'inline' && control.closest('p, li, td, dd') !== null) continue;
      if (box.width < 24 - 0.5 || box.height < 24 - 0.5) {
        const name = (control.getAttribute('aria-label') ?? control.textContent ?? '').trim().slice(0, 30);
        small.push(`${name} ${String(Math.round(box.width))}×${String(Math.round(box.height))}`);
      }
    }
    return small;
  });
}

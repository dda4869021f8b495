/** Registers `<trace-views>` once (safe to import from several islands). */
import { TraceViewsElement } from './TraceViewsElement.ts';

if (customElements.get('trace-views') === undefined) customElements.define('trace-views', TraceViewsElement);

declare global {
  interface HTMLElementTagNameMap {
    'trace-views': TraceViewsElement;
  }
}

/** Registers `<sql-panel>` once (safe to import from several islands). */
import { SqlPanelElement } from './SqlPanelElement.ts';

if (customElements.get('sql-panel') === undefined) customElements.define('sql-panel', SqlPanelElement);

declare global {
  interface HTMLElementTagNameMap {
    'sql-panel': SqlPanelElement;
  }
}

/** Reads and sets the pickers of RunSettingsFields.astro inside an element. */
import { DEFAULT_SETTINGS, parseRunSettings, type RunSettings } from './run-settings.ts';

function select(root: ParentNode, name: 'context' | 'sampler'): HTMLSelectElement | null {
  return root.querySelector<HTMLSelectElement>(`select[data-run-setting="${name}"]`);
}

/** The settings the pickers show; `fallback` when the element has none. */
export function readSettingsFields(root: ParentNode, fallback: RunSettings = DEFAULT_SETTINGS): RunSettings {
  const context = select(root, 'context');
  const sampler = select(root, 'sampler');
  if (!context && !sampler) return fallback;
  const parsed = parseRunSettings(context?.value ?? fallback.context, sampler ? sampler.value : fallback.sampler);
  return parsed.ok ? parsed.settings : fallback;
}

/** Shows `settings` in the pickers, adding the sampler as a choice if it is not one yet. */
export function writeSettingsFields(root: ParentNode, settings: RunSettings): void {
  const context = select(root, 'context');
  if (context) context.value = settings.context;
  const sampler = select(root, 'sampler');
  if (!sampler) return;
  const value = settings.sampler ?? '';
  if (![...sampler.options].some((option) => option.value === value)) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    sampler.append(option);
  }
  sampler.value = value;
}

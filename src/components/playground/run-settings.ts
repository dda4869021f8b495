/**
 * A run's context mode and sampler as the site passes them around: in a share link
 * (`&context=stack&sampler=ratio:0.5`), in `?scenario=` links, in a lesson's `<Scenario>` and in
 * the pickers (`RunSettingsFields.astro`). Only settings that differ from the defaults are written,
 * so a link without them is what it always was.
 */
import { CONTEXT_MODES, parseSamplerSpec, type ContextMode, type SamplerSpec } from '@spanlab/engine';

/** The settings of a run besides its code and seed. */
export interface RunSettings {
  context: ContextMode;
  /** Undefined: the scenario's exported sampler, else always. */
  sampler: SamplerSpec | undefined;
}

/** What a run gets when nothing says otherwise. */
export const DEFAULT_SETTINGS: RunSettings = { context: 'async', sampler: undefined };

/** Settings read from text (a link's parameters, an attribute), or why they are not valid. */
export function parseRunSettings(
  context: string | null | undefined,
  sampler: string | null | undefined,
): { ok: true; settings: RunSettings } | { ok: false; reason: string } {
  const settings: RunSettings = { ...DEFAULT_SETTINGS };
  if (context !== null && context !== undefined && context !== '') {
    if (!(CONTEXT_MODES as readonly string[]).includes(context)) {
      return { ok: false, reason: `the context "${context.slice(0, 20)}" is not async or stack` };
    }
    settings.context = context as ContextMode;
  }
  if (sampler !== null && sampler !== undefined && sampler !== '') {
    const parsed = parseSamplerSpec(sampler);
    if (!parsed.ok) return { ok: false, reason: `the sampler ${parsed.message}` };
    settings.sampler = parsed.spec;
  }
  return { ok: true, settings };
}

/** The settings that differ from the defaults, as `name=value` pairs for a link. */
export function settingsParams(settings: RunSettings): Array<[name: 'context' | 'sampler', value: string]> {
  const params: Array<['context' | 'sampler', string]> = [];
  if (settings.context !== DEFAULT_SETTINGS.context) params.push(['context', settings.context]);
  if (settings.sampler !== undefined) params.push(['sampler', settings.sampler]);
  return params;
}

/** The run options of the settings (a sampler only when one is chosen). */
export function settingsOptions(settings: RunSettings): { context: ContextMode; sampler?: SamplerSpec } {
  return settings.sampler === undefined
    ? { context: settings.context }
    : { context: settings.context, sampler: settings.sampler };
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseRunSettings, settingsOptions, settingsParams } from './run-settings.ts';
import { shareUrl } from './share-link.ts';

describe('run settings', () => {
  it('reads a link’s or an attribute’s text; absent or empty is the default', () => {
    expect(parseRunSettings(null, undefined)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(parseRunSettings('', '')).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(parseRunSettings('stack', 'parent-ratio:0.50')).toEqual({
      ok: true,
      settings: { context: 'stack', sampler: 'parent-ratio:0.5' },
    });
  });

  it('says what is wrong', () => {
    expect(parseRunSettings('zone', null)).toEqual({ ok: false, reason: 'the context "zone" is not async or stack' });
    expect(parseRunSettings(null, 'ratio:7')).toEqual({
      ok: false,
      reason:
        'the sampler "ratio:7": the ratio must be a number from 0 to 1 (the share of traces kept), e.g. ratio:0.25',
    });
  });

  it('writes only what differs from the defaults, so old links stay as they were', () => {
    expect(settingsParams(DEFAULT_SETTINGS)).toEqual([]);
    expect(settingsParams({ context: 'stack', sampler: 'never' })).toEqual([
      ['context', 'stack'],
      ['sampler', 'never'],
    ]);
    expect(settingsOptions(DEFAULT_SETTINGS)).toEqual({ context: 'async' });
    const base = 'https://example.test/playground/';
    expect(shareUrl('x', 1, base)).toBe(`${base}#code=B5A`);
    expect(shareUrl('x', 3, base, { context: 'stack', sampler: 'ratio:0.5' })).toBe(
      `${base}#code=B5A&seed=3&context=stack&sampler=ratio:0.5`,
    );
  });
});

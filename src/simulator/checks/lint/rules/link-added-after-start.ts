import type { SpanLinkRecord } from '../../../trace/model.ts';
import { defineRule } from '../rule.ts';

/**
 * Whether the runtime saw a link added after its span started (`addLink`/`addLinks`). The SDK
 * keeps no such mark, so only Span Lab's runtime can set it; a file from elsewhere never has it.
 */
export function addedAfterStart(link: SpanLinkRecord): boolean {
  return link.addedAfterStart === true;
}

/** Links added with addLink/addLinks after the span started: a head sampler had already decided without them. */
export const linkAddedAfterStart = defineRule({
  id: 'link-added-after-start',
  severity: 'warning',
  summary: 'links added after the span started, which a head sampler may not consider',
  check(index) {
    return index.spans.flatMap((span) => {
      const late = span.links.filter(addedAfterStart);
      if (late.length === 0) return [];
      const targets = late.map((link) => index.linkTarget(link)).filter((t) => t !== undefined);
      const what = late.length === 1 ? 'a link' : `${late.length} links`;
      return [
        {
          message: `${index.distinctLabel(span)} got ${what} after it started (addLink/addLinks): a head sampler had already decided without ${late.length === 1 ? 'it' : 'them'} — pass links in startSpan's \`links\` option`,
          spans: [span, ...targets],
        },
      ];
    });
  },
});

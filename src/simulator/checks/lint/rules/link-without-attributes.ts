import { defineRule } from '../rule.ts';

/** Links that carry no attributes: nothing says why they are there. */
export const linkWithoutAttributes = defineRule({
  id: 'link-without-attributes',
  severity: 'info',
  summary: 'links with no attributes to say why they are there',
  check(index) {
    return index.spans.flatMap((span) => {
      const bare = span.links.filter((link) => Object.keys(link.attributes).length === 0);
      if (bare.length === 0) return [];
      const targets = bare.map((link) => index.linkTarget(link)).filter((t) => t !== undefined);
      const which =
        bare.length === span.links.length
          ? bare.length === 1
            ? 'its link has'
            : `all ${bare.length} of its links have`
          : `${bare.length} of its ${span.links.length} links ${bare.length === 1 ? 'has' : 'have'}`;
      return [
        {
          message: `${index.distinctLabel(span)}: ${which} no attributes — say why each link is there (\`messaging.message.id\`, \`link.type\`, a source name)`,
          spans: [span, ...targets],
        },
      ];
    });
  },
});

import { describe, expect, it } from 'vitest';
import { inlineMarkdownHtml, markdownHtml } from './markdown.ts';

describe('quiz Markdown', () => {
  it('renders paragraphs, emphasis and inline code', () => {
    expect(markdownHtml('A *batch* of `messages`.\n\nTwo paragraphs.')).toBe(
      '<p>A <em>batch</em> of <code>messages</code>.</p>\n<p>Two paragraphs.</p>\n',
    );
  });

  it('renders one line without a paragraph around it', () => {
    expect(inlineMarkdownHtml('Use **a link**')).toBe('Use <strong>a link</strong>');
  });

  it('shows raw HTML as text, never as markup', () => {
    expect(markdownHtml('<img src=x onerror=alert(1)>')).not.toContain('<img');
    expect(inlineMarkdownHtml('a <script>alert(1)</script> b')).toBe('a &#60;script&#62;alert(1)&#60;/script&#62; b');
  });
});

/**
 * The banks' Markdown as HTML, at build time. Raw HTML in a bank is shown as text, never as markup:
 * a question is data, and its Markdown needs no HTML.
 */
import { Marked } from 'marked';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${String(char.charCodeAt(0))};`);

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

/** Markdown blocks (paragraphs, lists, code) as HTML. */
export function markdownHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** One line of Markdown (emphasis, inline code, links) as HTML, without a paragraph around it. */
export function inlineMarkdownHtml(markdown: string): string {
  return marked.parseInline(markdown, { async: false });
}

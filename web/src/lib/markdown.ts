/**
 * Consultation instructions are Markdown written by coordinators. They are rendered to HTML with
 * marked and then sanitised with DOMPurify, so a script or an event handler in an instruction
 * (by mistake or by malice) is removed before it reaches the page.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** Safe HTML for Markdown `source`: headings, lists, emphasis and links only survive as such. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'img'],
    FORBID_ATTR: ['style'],
  });
}

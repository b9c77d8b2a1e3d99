// Markdown to HTML for the page, on the server, so the browser only ever receives HTML that markdown-it produced with
// raw HTML turned off: model output and core text cannot inject markup or scripts.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
// Remote images in model output would make every member's browser fetch a URL the model chose.
md.disable('image');

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('target', '_blank');
  token.attrSet('rel', 'noopener noreferrer nofollow ugc');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders Markdown-lite to safe HTML (markdown-it escapes every `<`; `javascript:` links are refused by its
 * validateLink). */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

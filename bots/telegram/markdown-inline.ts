// Inline Markdown (inside a paragraph, heading, list item or table cell) → text and entities.
import type { Token } from 'markdown-it';
import { endEntity, startEntity, write, type Output } from './markdown-output';

function isLinkable(url: string): boolean {
  return /^(https?:\/\/|tg:\/\/)[^\s]+$/i.test(url);
}

export function renderInline(out: Output, children: Token[]): void {
  /** For each open link, whether it became an entity (a link Telegram would refuse stays plain text). */
  const links: boolean[] = [];
  for (const t of children) {
    switch (t.type) {
      case 'text':
        write(out, t.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        write(out, '\n');
        break;
      case 'strong_open':
        startEntity(out, 'bold');
        break;
      case 'strong_close':
        endEntity(out, 'bold');
        break;
      case 'em_open':
        startEntity(out, 'italic');
        break;
      case 'em_close':
        endEntity(out, 'italic');
        break;
      case 's_open':
        startEntity(out, 'strikethrough');
        break;
      case 's_close':
        endEntity(out, 'strikethrough');
        break;
      case 'code_inline':
        startEntity(out, 'code');
        write(out, t.content);
        endEntity(out, 'code');
        break;
      case 'link_open': {
        const href = String(t.attrGet('href') ?? '');
        const ok = isLinkable(href);
        links.push(ok);
        if (ok) startEntity(out, 'text_link', { url: href });
        break;
      }
      case 'link_close':
        if (links.pop()) endEntity(out, 'text_link');
        break;
      case 'image':
        renderImage(out, t);
        break;
      default:
        // html_inline (only when html is on) and anything unknown: keep the source text.
        write(out, t.content);
    }
  }
}

/** Telegram text cannot hold an image: its alt text, linked to it when the address is one Telegram accepts. */
function renderImage(out: Output, t: Token): void {
  const src = String(t.attrGet('src') ?? '');
  const alt = t.content || src;
  if (isLinkable(src)) {
    startEntity(out, 'text_link', { url: src });
    write(out, alt || src);
    endEntity(out, 'text_link');
  } else write(out, alt);
}

// Model Markdown → Telegram text + entities. Entities are offsets into plain text, so nothing in the text is ever
// parsed by Telegram: a stray `*` or `_` stays a character and a message can never fail with "can't parse
// entities" the way parse_mode MarkdownV2 does. markdown-it does the parsing (CommonMark + tables + strikethrough).
import MarkdownIt from 'markdown-it';

/** The subset of Telegram's MessageEntity that Pnyx produces. Offsets and lengths are UTF-16 code units, which is
 * what JavaScript string indices are. */
export interface Entity {
  type: 'bold' | 'italic' | 'strikethrough' | 'code' | 'pre' | 'text_link' | 'blockquote';
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

export interface Formatted {
  text: string;
  entities: Entity[];
}

/** Telegram ignores or rejects messages with more than 100 entities; the rest of the text stays plain. */
export const MAX_ENTITIES = 100;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

type Token = ReturnType<typeof md.parse>[number];

interface Open {
  type: Entity['type'];
  start: number;
  url?: string;
  language?: string;
}

/** Renders Markdown as Telegram plain text plus entities. Never throws: on any surprise the input comes back as
 * plain text. */
export function markdownToTelegram(markdown: string): Formatted {
  try {
    return trim(render(md.parse(markdown, {})));
  } catch {
    return { text: markdown.trim(), entities: [] };
  }
}

function render(tokens: Token[]): Formatted {
  let out = '';
  let pendingBreaks = 0;
  const entities: Entity[] = [];
  const open: Open[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let quoteDepth = 0;
  let tableCell = 0;

  const flush = (): void => {
    if (pendingBreaks && out.length) out += '\n'.repeat(pendingBreaks);
    pendingBreaks = 0;
  };
  const write = (s: string): void => {
    if (!s) return;
    flush();
    out += s;
  };
  const breakBlock = (n: number): void => {
    pendingBreaks = Math.max(pendingBreaks, n);
  };
  const start = (type: Entity['type'], extra: Partial<Open> = {}): void => {
    flush();
    open.push({ type, start: out.length, ...extra });
  };
  const end = (type: Entity['type']): void => {
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.type !== type) continue;
      const [entity] = open.splice(i, 1);
      const length = out.length - entity!.start;
      if (length > 0) {
        entities.push({
          type,
          offset: entity!.start,
          length,
          ...(entity!.url ? { url: entity!.url } : {}),
          ...(entity!.language ? { language: entity!.language } : {}),
        });
      }
      return;
    }
  };
  const indent = (): string => '  '.repeat(Math.max(0, lists.length - 1));

  const inline = (children: Token[]): void => {
    const links: boolean[] = [];
    for (const t of children) {
      switch (t.type) {
        case 'text':
          write(t.content);
          break;
        case 'softbreak':
        case 'hardbreak':
          write('\n');
          break;
        case 'strong_open':
          start('bold');
          break;
        case 'strong_close':
          end('bold');
          break;
        case 'em_open':
          start('italic');
          break;
        case 'em_close':
          end('italic');
          break;
        case 's_open':
          start('strikethrough');
          break;
        case 's_close':
          end('strikethrough');
          break;
        case 'code_inline':
          start('code');
          write(t.content);
          end('code');
          break;
        case 'link_open': {
          const href = String(t.attrGet('href') ?? '');
          const ok = isLinkable(href);
          links.push(ok);
          if (ok) start('text_link', { url: href });
          break;
        }
        case 'link_close':
          if (links.pop()) end('text_link');
          break;
        case 'image': {
          const src = String(t.attrGet('src') ?? '');
          const alt = t.content || src;
          if (isLinkable(src)) {
            start('text_link', { url: src });
            write(alt || src);
            end('text_link');
          } else write(alt);
          break;
        }
        default:
          // html_inline (only when html is on) and anything unknown: keep the source text.
          write(t.content);
      }
    }
  };

  for (const t of tokens) {
    switch (t.type) {
      case 'paragraph_open':
        break;
      case 'paragraph_close':
        breakBlock(t.hidden ? 1 : 2);
        break;
      case 'inline':
        inline(t.children ?? []);
        break;
      case 'heading_open':
        start('bold');
        break;
      case 'heading_close':
        end('bold');
        breakBlock(2);
        break;
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 0 });
        if (lists.length > 1) breakBlock(1);
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(t.attrGet('start') ?? 1) || 1 });
        if (lists.length > 1) breakBlock(1);
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        breakBlock(lists.length ? 1 : 2);
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        breakBlock(1);
        if (list?.ordered) write(`${indent()}${list.next++}. `);
        else write(`${indent()}• `);
        break;
      }
      case 'list_item_close':
        breakBlock(1);
        break;
      case 'blockquote_open':
        if (quoteDepth++ === 0) start('blockquote');
        break;
      case 'blockquote_close':
        if (--quoteDepth === 0) {
          // A blockquote entity must not swallow the blank line that follows it.
          pendingBreaks = 0;
          end('blockquote');
        }
        breakBlock(2);
        break;
      case 'fence':
      case 'code_block': {
        const language = /^[A-Za-z0-9_+#.-]{1,32}/.exec(t.info.trim())?.[0];
        const code = t.content.replace(/\n$/, '');
        if (code) {
          start('pre', language ? { language } : {});
          write(code);
          end('pre');
        }
        breakBlock(2);
        break;
      }
      case 'hr':
        write('———');
        breakBlock(2);
        break;
      case 'table_open':
      case 'thead_open':
      case 'tbody_open':
      case 'thead_close':
      case 'tbody_close':
        break;
      case 'tr_open':
        tableCell = 0;
        breakBlock(1);
        break;
      case 'th_open':
      case 'td_open':
        if (tableCell++ > 0) write(' | ');
        if (t.type === 'th_open') start('bold');
        break;
      case 'th_close':
        end('bold');
        break;
      case 'td_close':
      case 'tr_close':
        break;
      case 'table_close':
        breakBlock(2);
        break;
      case 'html_block':
        write(t.content.replace(/\n$/, ''));
        breakBlock(2);
        break;
      default:
        if (t.content) write(t.content);
    }
  }
  // Close anything left open (it cannot happen with markdown-it's balanced tokens, but never lose text).
  while (open.length) end(open.at(-1)!.type);
  return { text: out, entities: entities.sort((a, b) => a.offset - b.offset || b.length - a.length) };
}

function isLinkable(url: string): boolean {
  return /^(https?:\/\/|tg:\/\/)[^\s]+$/i.test(url);
}

/** Removes leading/trailing whitespace (Telegram strips it and would shift every entity) and clips entities. */
export function trim(formatted: Formatted): Formatted {
  const lead = formatted.text.length - formatted.text.trimStart().length;
  const text = formatted.text.trim();
  return { text, entities: clip(formatted.entities, lead, lead + text.length) };
}

/** Entities restricted to [from, to) of the text, re-based to `from`. */
function clip(entities: Entity[], from: number, to: number): Entity[] {
  const out: Entity[] = [];
  for (const e of entities) {
    const s = Math.max(e.offset, from);
    const f = Math.min(e.offset + e.length, to);
    if (f > s) out.push({ ...e, offset: s - from, length: f - s });
  }
  return out;
}

/** Splits text longer than `max` into several messages, cutting at a paragraph, line or word boundary and never
 * inside a surrogate pair. An entity crossing a cut continues in the next part, so formatting survives. */
export function splitFormatted(formatted: Formatted, max: number): Formatted[] {
  const parts: Formatted[] = [];
  let rest = formatted;
  while (rest.text.length > max) {
    const cut = findCut(rest.text, max);
    const head = trim({ text: rest.text.slice(0, cut), entities: clip(rest.entities, 0, cut) });
    if (head.text) parts.push(head);
    rest = trim({ text: rest.text.slice(cut), entities: clip(rest.entities, cut, rest.text.length) });
  }
  if (rest.text || !parts.length) parts.push(rest);
  return parts.map(capEntities);
}

function findCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max / 2);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(sep, max);
    // The separator itself is whitespace: it ends up trimmed from both parts.
    if (at >= floor && at > 0) return at;
  }
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}

function capEntities(formatted: Formatted): Formatted {
  return formatted.entities.length > MAX_ENTITIES ? { ...formatted, entities: formatted.entities.slice(0, MAX_ENTITIES) } : formatted;
}

// Model Markdown → Telegram text + entities. Entities are offsets into plain text, so nothing in the text is ever
// parsed by Telegram: a stray `*` or `_` stays a character and a message can never fail with "can't parse
// entities" the way parse_mode MarkdownV2 does. markdown-it does the parsing (CommonMark + tables + strikethrough).
import MarkdownIt from 'markdown-it';
import { renderBlocks } from './markdown-blocks';

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

/** Renders Markdown as Telegram plain text plus entities. Never throws: on any surprise the input comes back as
 * plain text. */
export function markdownToTelegram(markdown: string): Formatted {
  try {
    return trim(renderBlocks(md.parse(markdown, {})));
  } catch {
    return { text: markdown.trim(), entities: [] };
  }
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

// Markdown-lite (what models and the core write) → Block Kit `rich_text` elements. Rich text is structured: every
// character of a `text` element is shown as written, so nothing in a reply is ever parsed by Slack — a stray `*`, `<`
// or `&` stays a character, `<!channel>` or `<@U…>` stays text (a ping needs a `broadcast` or `user` element, which
// this never produces), and a message can never be refused for its markup. markdown-it does the parsing, as for
// Telegram. Rendered text is never longer than its source (markup is removed, nothing is escaped), which is what lets
// the port promise that one part the core sends fits one Slack message.
import MarkdownIt from 'markdown-it';

export interface RichStyle {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
}

export type RichInline = { type: 'text'; text: string; style?: RichStyle } | { type: 'link'; url: string; text: string; style?: RichStyle };
export interface RichSection {
  type: 'rich_text_section';
  elements: RichInline[];
}
export interface RichList {
  type: 'rich_text_list';
  style: 'bullet' | 'ordered';
  indent: number;
  offset?: number;
  elements: RichSection[];
}
export type RichElement = RichSection | RichList | { type: 'rich_text_preformatted'; elements: RichInline[] } | { type: 'rich_text_quote'; elements: RichInline[] };

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
type Token = ReturnType<typeof md.parse>[number];

/** Rich text lists nest by `indent`; Slack draws at most this many levels. */
const MAX_INDENT = 6;

interface ListFrame {
  kind: 'list';
  ordered: boolean;
  indent: number;
  /** Items already emitted as earlier list elements (a nested list or code block interrupted this one). */
  emitted: number;
  items: RichSection[];
}
interface ItemFrame {
  kind: 'item';
  runs: RichInline[];
}
type Frame = ListFrame | ItemFrame;

/** Renders Markdown as rich text elements. Never throws: on any surprise the input comes back as one plain section. */
export function markdownToRichText(markdown: string): RichElement[] {
  try {
    return new Renderer().render(md.parse(markdown, {}));
  } catch {
    return markdown.trim() ? [{ type: 'rich_text_section', elements: [{ type: 'text', text: markdown.trim() }] }] : [];
  }
}

class Renderer {
  private out: RichElement[] = [];
  /** The open top-level section (paragraphs, headings), flushed when a block-level element comes. */
  private root: RichInline[] = [];
  private frames: Frame[] = [];
  /** Inside a blockquote: everything goes into its runs (Slack quotes hold inline elements only). */
  private quote: RichInline[] | null = null;
  private quoteDepth = 0;
  /** Inside a table: rows as monospace lines. */
  private table: { rows: string[][]; cell: string | null } | null = null;
  /** Inside a heading: its text is bold (rich text has no headings). */
  private headingDepth = 0;

  render(tokens: Token[]): RichElement[] {
    for (const t of tokens) this.token(t);
    this.flushRoot();
    return this.out;
  }

  private token(t: Token): void {
    switch (t.type) {
      case 'paragraph_open':
      case 'heading_open':
        this.breakBefore(t.hidden ? '\n' : undefined);
        if (t.type === 'heading_open') this.headingDepth++;
        return;
      case 'heading_close':
        this.headingDepth--;
        return;
      case 'inline':
        if (this.table && this.table.cell !== null) this.table.cell += plain(t.children ?? []);
        else this.inline(t.children ?? [], this.target());
        return;
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.openList(t.type === 'ordered_list_open', Number(t.attrGet('start') ?? 1) || 1);
      case 'bullet_list_close':
      case 'ordered_list_close':
        return this.closeList();
      case 'list_item_open':
        if (this.quote) return this.writeLine(this.quote, '• ');
        this.frames.push({ kind: 'item', runs: [] });
        return;
      case 'list_item_close': {
        if (this.quote) return;
        const item = this.frames.pop() as ItemFrame;
        const list = this.frames.at(-1) as ListFrame;
        // An item left empty (or whose text went out before a nested list) adds no bullet of its own.
        const runs = trimRuns(merge(item.runs));
        if (runs.length) list.items.push({ type: 'rich_text_section', elements: runs });
        return;
      }
      case 'blockquote_open':
        if (this.quoteDepth++ === 0 && !this.inItem()) {
          this.flushRoot();
          this.quote = [];
        }
        return;
      case 'blockquote_close':
        if (--this.quoteDepth === 0 && this.quote) {
          const runs = trimRuns(merge(this.quote));
          if (runs.length) this.out.push({ type: 'rich_text_quote', elements: runs });
          this.quote = null;
        }
        return;
      case 'fence':
      case 'code_block':
        return this.code(t.content.replace(/\n$/, ''));
      case 'hr':
        this.breakBefore();
        return append(this.target(), { type: 'text', text: '———' });
      case 'table_open':
        this.table = { rows: [], cell: null };
        return;
      case 'tr_open':
        this.table?.rows.push([]);
        return;
      case 'th_open':
      case 'td_open':
        if (this.table) this.table.cell = '';
        return;
      case 'th_close':
      case 'td_close':
        if (this.table && this.table.cell !== null) this.table.rows.at(-1)?.push(this.table.cell);
        if (this.table) this.table.cell = null;
        return;
      case 'table_close': {
        const text = (this.table?.rows ?? []).map((row) => row.join(' | ').trimEnd()).join('\n');
        this.table = null;
        return this.code(text);
      }
      case 'html_block':
        this.breakBefore();
        return append(this.target(), { type: 'text', text: t.content.replace(/\n$/, '') });
      default:
        return;
    }
  }

  private inItem(): boolean {
    return this.frames.at(-1)?.kind === 'item';
  }

  /** Where inline content goes now. */
  private target(): RichInline[] {
    if (this.quote) return this.quote;
    const top = this.frames.at(-1);
    return top?.kind === 'item' ? top.runs : this.root;
  }

  /** A new paragraph: a blank line at the top level, a line break inside items and quotes. */
  private breakBefore(separator?: string): void {
    const runs = this.target();
    if (!runs.length) return;
    const sep = separator ?? (runs === this.root ? '\n\n' : '\n');
    append(runs, { type: 'text', text: sep });
  }

  private writeLine(runs: RichInline[], text: string): void {
    if (runs.length) append(runs, { type: 'text', text: '\n' });
    append(runs, { type: 'text', text });
  }

  private flushRoot(): void {
    const runs = trimRuns(merge(this.root));
    if (runs.length) this.out.push({ type: 'rich_text_section', elements: runs });
    this.root = [];
  }

  /** Emits the items a list holds so far, so that something else (a nested list, a code block) can come between. */
  private flushList(list: ListFrame): void {
    if (!list.items.length) return;
    this.out.push({
      type: 'rich_text_list',
      style: list.ordered ? 'ordered' : 'bullet',
      indent: list.indent,
      ...(list.ordered && list.emitted > 0 ? { offset: list.emitted } : {}),
      elements: list.items,
    });
    list.emitted += list.items.length;
    list.items = [];
  }

  /** The enclosing list and, when an item is open, what it wrote so far becomes an item of its own. */
  private interruptItem(): void {
    const item = this.frames.at(-1);
    const list = this.frames.at(-2);
    if (item?.kind !== 'item' || list?.kind !== 'list') return;
    const runs = trimRuns(merge(item.runs));
    if (runs.length) list.items.push({ type: 'rich_text_section', elements: runs });
    item.runs = [];
    this.flushList(list);
  }

  private openList(ordered: boolean, start: number): void {
    if (this.quote) return;
    let indent = 0;
    if (this.inItem()) {
      indent = Math.min(MAX_INDENT, (this.frames.at(-2) as ListFrame).indent + 1);
      this.interruptItem();
    } else this.flushRoot();
    this.frames.push({ kind: 'list', ordered, indent, emitted: ordered ? start - 1 : 0, items: [] });
  }

  private closeList(): void {
    if (this.quote) return;
    const list = this.frames.pop() as ListFrame;
    // Back in an item of the enclosing list, its later items continue that list (numbered on) after this one.
    this.flushList(list);
  }

  private code(text: string): void {
    if (!text) return;
    if (this.quote) return this.writeLine(this.quote, text);
    if (this.inItem()) this.interruptItem();
    else this.flushRoot();
    this.out.push({ type: 'rich_text_preformatted', elements: [{ type: 'text', text }] });
  }

  private inline(children: Token[], runs: RichInline[]): void {
    const style: RichStyle = this.headingDepth > 0 ? { bold: true } : {};
    const counts = { bold: 0, italic: 0, strike: 0 };
    let link: string | null | undefined;
    let autolink = false;
    const current = (): RichStyle => ({
      ...style,
      ...(counts.bold ? { bold: true } : {}),
      ...(counts.italic ? { italic: true } : {}),
      ...(counts.strike ? { strike: true } : {}),
    });
    const write = (text: string, extra: RichStyle = {}) => {
      if (!text) return;
      const s = { ...current(), ...extra };
      append(runs, link ? { type: 'link', url: link, text, ...styled(s) } : { type: 'text', text, ...styled(s) });
    };
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
        case 'strong_close':
          counts.bold += t.type === 'strong_open' ? 1 : -1;
          break;
        case 'em_open':
        case 'em_close':
          counts.italic += t.type === 'em_open' ? 1 : -1;
          break;
        case 's_open':
        case 's_close':
          counts.strike += t.type === 's_open' ? 1 : -1;
          break;
        case 'code_inline':
          write(t.content, { code: true });
          break;
        case 'link_open': {
          const href = String(t.attrGet('href') ?? '');
          link = isLinkable(href) ? href : null;
          // An autolink (`<…>`) that is not a link worth following keeps its brackets, as it was written.
          autolink = t.markup === 'autolink' && !link;
          if (autolink) write('<');
          break;
        }
        case 'link_close':
          link = undefined;
          if (autolink) write('>');
          autolink = false;
          break;
        case 'image': {
          const src = String(t.attrGet('src') ?? '');
          const alt = t.content || src;
          if (isLinkable(src)) append(runs, { type: 'link', url: src, text: alt || src });
          else write(alt);
          break;
        }
        default:
          write(t.content);
      }
    }
  }
}

/** Only links Slack will accept and a person can safely follow; others stay text. */
function isLinkable(url: string): boolean {
  if (url.length > 2000) return false;
  return /^https?:\/\/[^\s<>]+$/i.test(url) || /^mailto:[\w.+%-]+@[\w-]+(\.[\w-]+)+$/i.test(url);
}

function styled(style: RichStyle): { style?: RichStyle } {
  const s: RichStyle = {};
  if (style.bold) s.bold = true;
  if (style.italic) s.italic = true;
  if (style.strike) s.strike = true;
  if (style.code) s.code = true;
  return Object.keys(s).length ? { style: s } : {};
}

function sameStyle(a: RichStyle | undefined, b: RichStyle | undefined): boolean {
  return Boolean(a?.bold) === Boolean(b?.bold) && Boolean(a?.italic) === Boolean(b?.italic) && Boolean(a?.strike) === Boolean(b?.strike) && Boolean(a?.code) === Boolean(b?.code);
}

/** Appends a run, joining it to the previous one when they look the same (fewer elements, same text). */
function append(runs: RichInline[], run: RichInline): void {
  if (!run.text) return;
  const last = runs.at(-1);
  if (last && last.type === run.type && sameStyle(last.style, run.style) && (last.type !== 'link' || (run.type === 'link' && last.url === run.url))) {
    last.text += run.text;
    return;
  }
  runs.push({ ...run });
}

function merge(runs: RichInline[]): RichInline[] {
  const out: RichInline[] = [];
  for (const run of runs) append(out, run);
  return out;
}

/** Whitespace at the edges of a section only adds blank lines. */
function trimRuns(runs: RichInline[]): RichInline[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && !out[0]!.text.trimStart()) out.shift();
  while (out.length && !out.at(-1)!.text.trimEnd()) out.pop();
  if (out.length) {
    out[0]!.text = out[0]!.text.replace(/^\s+/, '');
    out.at(-1)!.text = out.at(-1)!.text.replace(/\s+$/, '');
  }
  return out.filter((r) => r.text);
}

/** Plain text of inline tokens (table cells are monospace: no styles). */
function plain(children: Token[]): string {
  return children.map((t) => (t.type === 'softbreak' || t.type === 'hardbreak' ? ' ' : t.type === 'image' ? t.content : t.content)).join('');
}

// === Measuring and splitting ===============================================================================

export function elementText(element: RichElement): string {
  if (element.type === 'rich_text_list') return element.elements.map((s) => s.elements.map((r) => r.text).join('')).join('\n');
  return element.elements.map((r) => r.text).join('');
}

/** What a person reads, for notifications and logs: list items as bullets, everything else as written. */
export function richTextToPlain(elements: RichElement[]): string {
  return elements
    .map((e) => {
      if (e.type !== 'rich_text_list') return elementText(e);
      return e.elements.map((s, i) => `${'  '.repeat(e.indent)}${e.style === 'ordered' ? `${(e.offset ?? 0) + i + 1}.` : '•'} ${s.elements.map((r) => r.text).join('')}`).join('\n');
    })
    .join('\n');
}

/** Cuts runs into pieces of at most `max` characters each, at a line or word boundary where there is one. */
function splitRuns(runs: RichInline[], max: number): RichInline[][] {
  const pieces: RichInline[][] = [];
  let piece: RichInline[] = [];
  let size = 0;
  for (const run of runs) {
    let rest = run.text;
    while (rest) {
      const room = max - size;
      if (rest.length <= room) {
        piece.push({ ...run, text: rest });
        size += rest.length;
        break;
      }
      const cut = cutAt(rest, room);
      if (cut > 0) piece.push({ ...run, text: rest.slice(0, cut) });
      rest = rest.slice(cut);
      pieces.push(piece);
      piece = [];
      size = 0;
    }
  }
  if (piece.length) pieces.push(piece);
  return pieces.filter((p) => p.some((r) => r.text));
}

function cutAt(text: string, room: number): number {
  if (room <= 0) return 0;
  const window = text.slice(0, room);
  for (const sep of ['\n', ' ']) {
    const at = window.lastIndexOf(sep);
    if (at >= room / 2) return at + 1;
  }
  let at = room;
  const code = text.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff) at -= 1;
  return Math.max(at, 1);
}

/** An element no longer than `max` characters, or several that together say the same. */
function splitElement(element: RichElement, max: number): RichElement[] {
  if (elementText(element).length <= max) return [element];
  if (element.type === 'rich_text_list') {
    const out: RichElement[] = [];
    let items: RichSection[] = [];
    let size = 0;
    let offset = element.offset ?? 0;
    const flush = () => {
      if (!items.length) return;
      out.push({ ...element, ...(element.style === 'ordered' && offset ? { offset } : {}), elements: items });
      offset += items.length;
      items = [];
      size = 0;
    };
    for (const item of element.elements) {
      const length = item.elements.reduce((n, r) => n + r.text.length, 0) + 1;
      if (size + length > max) flush();
      if (length > max) {
        for (const piece of splitRuns(item.elements, max)) {
          items.push({ type: 'rich_text_section', elements: piece });
          flush();
        }
      } else {
        items.push(item);
        size += length;
      }
    }
    flush();
    return out;
  }
  return splitRuns(element.elements, max).map((elements) => ({ ...element, elements }) as RichElement);
}

/**
 * Rich text blocks of at most `maxBlockChars` characters of text each (Slack's 3,000-per-block text limit, with a
 * margin), elements kept whole where they fit.
 */
export function richTextBlocks(elements: RichElement[], maxBlockChars: number): Array<{ type: 'rich_text'; elements: RichElement[] }> {
  const blocks: Array<{ type: 'rich_text'; elements: RichElement[] }> = [];
  let current: RichElement[] = [];
  let size = 0;
  for (const element of elements.flatMap((e) => splitElement(e, maxBlockChars))) {
    const length = elementText(element).length;
    if (current.length && size + length > maxBlockChars) {
      blocks.push({ type: 'rich_text', elements: current });
      current = [];
      size = 0;
    }
    current.push(element);
    size += length;
  }
  if (current.length) blocks.push({ type: 'rich_text', elements: current });
  return blocks;
}

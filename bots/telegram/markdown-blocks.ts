// Block-level Markdown (paragraphs, headings, lists, quotes, code, tables) → text and entities. Telegram has no
// lists or tables: they become bullets, numbers and ` | `-separated cells.
import type { Token } from 'markdown-it';
import { breakBlock, createOutput, endEntity, finish, startEntity, write, type Output } from './markdown-output';
import { renderInline } from './markdown-inline';
import type { Formatted } from './markdown';

/** Where the renderer is in the block structure. */
interface Blocks {
  out: Output;
  /** Open lists, innermost last, with the number of an ordered list's next item. */
  lists: Array<{ ordered: boolean; next: number }>;
  quoteDepth: number;
  /** Cells written so far in the current table row. */
  tableCell: number;
}

export function renderBlocks(tokens: Token[]): Formatted {
  const state: Blocks = { out: createOutput(), lists: [], quoteDepth: 0, tableCell: 0 };
  for (const t of tokens) renderBlock(state, t);
  return finish(state.out);
}

function renderBlock(state: Blocks, t: Token): void {
  const { out } = state;
  switch (t.type) {
    case 'paragraph_open':
      break;
    case 'paragraph_close':
      breakBlock(out, t.hidden ? 1 : 2);
      break;
    case 'inline':
      renderInline(out, t.children ?? []);
      break;
    case 'heading_open':
      startEntity(out, 'bold');
      break;
    case 'heading_close':
      endEntity(out, 'bold');
      breakBlock(out, 2);
      break;
    case 'bullet_list_open':
    case 'ordered_list_open':
    case 'bullet_list_close':
    case 'ordered_list_close':
    case 'list_item_open':
    case 'list_item_close':
      renderList(state, t);
      break;
    case 'blockquote_open':
    case 'blockquote_close':
      renderQuote(state, t);
      break;
    case 'fence':
    case 'code_block':
      renderCode(out, t);
      break;
    case 'hr':
      write(out, '———');
      breakBlock(out, 2);
      break;
    case 'table_open':
    case 'thead_open':
    case 'tbody_open':
    case 'thead_close':
    case 'tbody_close':
    case 'tr_open':
    case 'th_open':
    case 'td_open':
    case 'th_close':
    case 'td_close':
    case 'tr_close':
    case 'table_close':
      renderTable(state, t);
      break;
    case 'html_block':
      write(out, t.content.replace(/\n$/, ''));
      breakBlock(out, 2);
      break;
    default:
      if (t.content) write(out, t.content);
  }
}

function renderList(state: Blocks, t: Token): void {
  const { out, lists } = state;
  switch (t.type) {
    case 'bullet_list_open':
      lists.push({ ordered: false, next: 0 });
      if (lists.length > 1) breakBlock(out, 1);
      break;
    case 'ordered_list_open':
      lists.push({ ordered: true, next: Number(t.attrGet('start') ?? 1) || 1 });
      if (lists.length > 1) breakBlock(out, 1);
      break;
    case 'bullet_list_close':
    case 'ordered_list_close':
      lists.pop();
      breakBlock(out, lists.length ? 1 : 2);
      break;
    case 'list_item_open': {
      const list = lists.at(-1);
      const indent = '  '.repeat(Math.max(0, lists.length - 1));
      breakBlock(out, 1);
      if (list?.ordered) write(out, `${indent}${list.next++}. `);
      else write(out, `${indent}• `);
      break;
    }
    case 'list_item_close':
      breakBlock(out, 1);
      break;
  }
}

/** Nested quotes are one blockquote entity: Telegram does not nest them. */
function renderQuote(state: Blocks, t: Token): void {
  const { out } = state;
  if (t.type === 'blockquote_open') {
    if (state.quoteDepth++ === 0) startEntity(out, 'blockquote');
    return;
  }
  if (--state.quoteDepth === 0) {
    // A blockquote entity must not swallow the blank line that follows it.
    out.pendingBreaks = 0;
    endEntity(out, 'blockquote');
  }
  breakBlock(out, 2);
}

function renderCode(out: Output, t: Token): void {
  const language = /^[A-Za-z0-9_+#.-]{1,32}/.exec(t.info.trim())?.[0];
  const code = t.content.replace(/\n$/, '');
  if (code) {
    startEntity(out, 'pre', language ? { language } : {});
    write(out, code);
    endEntity(out, 'pre');
  }
  breakBlock(out, 2);
}

/** A row per line, cells separated by ` | `, header cells bold. */
function renderTable(state: Blocks, t: Token): void {
  const { out } = state;
  switch (t.type) {
    case 'tr_open':
      state.tableCell = 0;
      breakBlock(out, 1);
      break;
    case 'th_open':
    case 'td_open':
      if (state.tableCell++ > 0) write(out, ' | ');
      if (t.type === 'th_open') startEntity(out, 'bold');
      break;
    case 'th_close':
      endEntity(out, 'bold');
      break;
    case 'table_close':
      breakBlock(out, 2);
      break;
    // table_open, thead/tbody, td_close, tr_close: nothing to write.
  }
}

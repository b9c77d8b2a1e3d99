// How the terminal shows a battle. Three layouts, chosen from what stdout is:
// - 'columns': an interactive terminal wide enough for two columns; both replies stream side by side in a live
//   region redrawn in place with ANSI codes (coalesced to one redraw per frame), then printed in full once done.
// - 'stacked': an interactive but narrow terminal; one status line counts the characters as they stream, then the
//   replies are printed one after the other.
// - 'plain': stdout is a pipe or a file; nothing is written until a reply is final, and no escape codes at all.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

export type ScreenMode = 'columns' | 'stacked' | 'plain';

/** The part of a stream the screen needs (process.stdout fits). */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

export interface Screen {
  readonly mode: ScreenMode;
  /** The replies as they are now; `final` prints them for good (later calls are ignored). */
  replies(texts: string[], final: boolean): void;
  /** Prints a block of core text (a ballot, a notice, a failure) after a blank line. */
  block(text: string): void;
  /** Writes raw text (prompts, echoed input). */
  write(text: string): void;
  /** Clears any live region and restores the cursor (interrupts, exit). */
  dispose(): void;
}

export interface ScreenOptions {
  out: Output;
  mode: ScreenMode;
  color: boolean;
  /** The streaming status line of the 'stacked' layout, from the character counts of A and B. */
  status: (counts: number[]) => string;
  /** Redraws of the live region are coalesced to one per this many ms. */
  frameMs?: number;
}

/** Narrowest terminal that gets two columns; below it each column would be too thin to read. */
export const MIN_COLUMNS_WIDTH = 70;
const GAP = ' │ ';

const ESC = '\u001b[';
const HIDE_CURSOR = `${ESC}?25l`;
const SHOW_CURSOR = `${ESC}?25h`;

export function chooseMode(out: Output, env: NodeJS.ProcessEnv): ScreenMode {
  if (!out.isTTY || env.TERM === 'dumb') return 'plain';
  return (out.columns ?? 80) >= MIN_COLUMNS_WIDTH ? 'columns' : 'stacked';
}

/** The core writes Markdown-lite; a terminal shows emphasis as bold/italic (color on) or drops the markers. */
export function renderInline(text: string, color: boolean): string {
  const bold = (s: string) => (color ? `${ESC}1m${s}${ESC}22m` : s);
  const italic = (s: string) => (color ? `${ESC}3m${s}${ESC}23m` : s);
  return text
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, (_, inner: string) => bold(inner))
    .replace(/(^|[\s("])([_*])(?=\S)([^_*\n]+?)(?<=\S)\2(?=$|[\s.,;:!?)"])/gm, (_, lead: string, _mark: string, inner: string) => lead + italic(inner));
}

function padTo(line: string, width: number): string {
  return line + ' '.repeat(Math.max(0, width - stringWidth(line)));
}

/** Wraps text to `width` display columns (wide characters and ANSI styles counted right). */
export function wrap(text: string, width: number): string[] {
  return wrapAnsi(text, width, { hard: true, trim: false, wordWrap: true }).split('\n');
}

/** Two texts side by side in a total of `width` columns. `tail` keeps only the last lines of each column. */
export function layoutColumns(left: string, right: string, width: number, tail?: number): string[] {
  const column = Math.max(10, Math.floor((width - GAP.length) / 2));
  let a = wrap(left, column);
  let b = wrap(right, column);
  if (tail !== undefined) {
    a = a.slice(-tail);
    b = b.slice(-tail);
  }
  const rows = Math.max(a.length, b.length);
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(`${padTo(a[i] ?? '', column)}${GAP}${b[i] ?? ''}`.trimEnd());
  return lines;
}

export function createScreen(options: ScreenOptions): Screen {
  const { out, mode, color } = options;
  const frameMs = options.frameMs ?? 50;
  let liveLines = 0;
  let pending: string[] | undefined;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  let wroteSomething = false;

  const width = () => Math.max(20, (out.columns ?? 80) - 1);
  const height = () => Math.max(6, out.rows ?? 24);

  const clearLive = () => {
    if (liveLines > 0) out.write(`${ESC}${liveLines}F${ESC}J`);
    liveLines = 0;
  };

  const drawLive = (lines: string[]) => {
    // Lines are never wider than the terminal, so moving up `liveLines` lands exactly on the region's first line.
    const body = lines.join('\n');
    out.write(`${liveLines > 0 ? `${ESC}${liveLines}F` : HIDE_CURSOR}${ESC}J${body}\n`);
    liveLines = lines.length;
  };

  const liveFrame = (texts: string[]): string[] => {
    const rendered = texts.map((t) => renderInline(t, color));
    if (mode === 'columns') {
      // Keep the live region within the screen: cursor movement cannot reach lines scrolled off the top.
      return layoutColumns(rendered[0] ?? '', rendered[1] ?? '', width(), height() - 3);
    }
    return wrap(options.status(texts.map((t) => t.length)), width());
  };

  const flush = () => {
    timer = undefined;
    if (pending && !finished) drawLive(pending);
    pending = undefined;
  };

  const separate = () => {
    if (wroteSomething) out.write('\n');
    wroteSomething = true;
  };

  return {
    mode,
    replies(texts, final) {
      if (finished) return;
      if (!final) {
        if (mode === 'plain') return;
        pending = liveFrame(texts);
        timer ??= setTimeout(flush, frameMs);
        return;
      }
      finished = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
      clearLive();
      if (mode !== 'plain') out.write(SHOW_CURSOR);
      const rendered = texts.map((t) => renderInline(t, color));
      separate();
      if (mode === 'columns') {
        out.write(`${layoutColumns(rendered[0] ?? '', rendered[1] ?? '', width()).join('\n')}\n`);
      } else {
        out.write(`${rendered.join('\n\n')}\n`);
      }
    },
    block(text) {
      separate();
      out.write(`${renderInline(text, color)}\n`);
    },
    write(text) {
      out.write(text);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (mode !== 'plain') {
        clearLive();
        out.write(SHOW_CURSOR);
      }
    },
  };
}

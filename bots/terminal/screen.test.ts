import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../core/engine/actions';
import { createTerminalPort, voteOptions } from './port';
import { chooseMode, createScreen, layoutColumns, renderInline, type Output } from './screen';

const ESC = '\u001b';

function fakeOut(tty: { columns: number; rows: number } | null): Output & { text: string } {
  return {
    text: '',
    write(s: string) {
      this.text += s;
      return true;
    },
    ...(tty ? { isTTY: true, columns: tty.columns, rows: tty.rows } : {}),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const chat = { platform: 'terminal', id: 'local', kind: 'private' as const };

describe('terminal layout', () => {
  it('picks two columns only on a wide interactive terminal', () => {
    expect(chooseMode(fakeOut(null), {})).toBe('plain');
    expect(chooseMode(fakeOut({ columns: 120, rows: 40 }), {})).toBe('columns');
    expect(chooseMode(fakeOut({ columns: 50, rows: 40 }), {})).toBe('stacked');
    expect(chooseMode(fakeOut({ columns: 120, rows: 40 }), { TERM: 'dumb' })).toBe('plain');
  });

  it('aligns the second column even when the first holds wide characters and emoji', () => {
    const lines = layoutColumns('日本語のテキスト 👍 ok and a long line that must wrap somewhere', 'right side', 61);
    const bar = lines.map((l) => stringWidth(l.slice(0, l.indexOf('│'))));
    expect(new Set(bar).size).toBe(1);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(61);
    expect(lines[0]).toMatch(/│ right side$/);
  });

  it('keeps only the last lines of each column when asked (live region within the screen)', () => {
    const long = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    const lines = layoutColumns(long, 'short', 60, 5);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/^line 29/);
    expect(lines[0]).toMatch(/│ short$/);
  });

  it('shows Markdown emphasis as styles, or drops the markers without color', () => {
    expect(renderInline('**Model A** and _thinking…_', false)).toBe('Model A and thinking…');
    expect(renderInline('**Model A**', true)).toBe(`${ESC}[1mModel A${ESC}[22m`);
    expect(renderInline('snake_case_name stays', false)).toBe('snake_case_name stays');
  });
});

describe('terminal port and screen', () => {
  it('piped output: nothing while streaming, each final reply once, then the ballot, no escape codes', async () => {
    const out = fakeOut(null);
    const screen = createScreen({ out, mode: 'plain', color: false, status: () => '' });
    const port = createTerminalPort(screen, { idPrefix: 't' });
    const a = await port.send(chat, { text: '**Model A**\n\nHel', role: 'reply', side: 'a' }, { replyTo: 'prompt' });
    const b = await port.send(chat, { text: '**Model B**\n\nBon', role: 'reply', side: 'b' }, { replyTo: 'prompt' });
    await port.edit(chat, a, { text: '**Model A**\n\nHello there' });
    await port.edit(chat, b, { text: '**Model B**\n\nBonjour' });
    expect(out.text).toBe('');
    const ballot = { text: '**Which?**', buttons: [[{ label: 'A', data: encodeAction({ kind: 'vote', token: 'abcdefgh', choice: 'a' }) }]] };
    await port.send(chat, ballot);
    const first = await port.firstPost();
    expect(voteOptions(first)).toEqual([{ key: 'a', choice: 'a', label: 'A', data: 'v:abcdefgh:a' }]);
    expect(out.text).toBe('Model A\n\nHello there\n\nModel B\n\nBonjour\n\nWhich?\n');
    // The reveal edits of the replies do not print them again; a changed ballot is printed.
    await port.edit(chat, a, { text: '**Model A** · X\n\nHello there' });
    await port.edit(chat, first.ref, { text: '**Closed**' });
    expect(out.text).toBe('Model A\n\nHello there\n\nModel B\n\nBonjour\n\nWhich?\n\nClosed\n');
    expect(voteOptions(port.messages.find((m) => m.ref === first.ref))).toEqual([]);
    expect(out.text).not.toContain(ESC);
  });

  it('terminal output: both replies redraw side by side in place, throttled, then print in full', async () => {
    const out = fakeOut({ columns: 80, rows: 10 });
    const screen = createScreen({ out, mode: 'columns', color: false, status: () => '', frameMs: 20 });
    const port = createTerminalPort(screen, { idPrefix: 't' });
    const a = await port.send(chat, { text: 'Model A\n\n', role: 'reply', side: 'a' }, { replyTo: 'prompt' });
    const b = await port.send(chat, { text: 'Model B\n\n', role: 'reply', side: 'b' }, { replyTo: 'prompt' });
    for (let i = 1; i <= 20; i++) {
      await port.edit(chat, a, { text: `Model A\n\n${'alpha '.repeat(i * 3)}` });
      await port.edit(chat, b, { text: `Model B\n\n${'beta '.repeat(i)}` });
    }
    await sleep(60);
    // 40 edits in a burst became one redraw, which fits the 10-row screen.
    const frames = out.text.split(`${ESC}[J`).length - 1;
    expect(frames).toBe(1);
    const frame = out.text.split(`${ESC}[J`)[1]!;
    expect(frame.trimEnd().split('\n').length).toBeLessThanOrEqual(7);
    expect(frame).toMatch(/alpha .*│ .*beta/);

    await port.edit(chat, a, { text: 'Model A\n\nlast words' });
    await sleep(60);
    const lastFrame = out.text.split(`${ESC}[J`).at(-1)!;
    const before = out.text.length;
    await port.send(chat, { text: 'Which?' });
    const final = out.text.slice(before);
    // The live region is erased (cursor up exactly its height) and the full columns printed for good, with the
    // cursor shown again.
    const height = lastFrame.split('\n').length - 1;
    expect(height).toBe(5);
    expect(final.startsWith(`${ESC}[${height}F${ESC}[J${ESC}[?25h`)).toBe(true);
    const printed = final.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    expect(printed).toMatch(/^Model A {2,}│ Model B$/m);
    expect(printed).toMatch(/^last words {2,}│ beta/m);
    expect(final.trimEnd().endsWith('Which?')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { markdownToTelegram, MAX_ENTITIES, splitFormatted, type Formatted } from './markdown';

const spans = (f: Formatted) => f.entities.map((e) => [e.type, f.text.slice(e.offset, e.offset + e.length), e.url ?? e.language ?? null]);

describe('markdownToTelegram', () => {
  it('turns model Markdown into plain text with entities', () => {
    const f = markdownToTelegram('**Bold**, *italic*, ~~gone~~, `x = 1` and [a link](https://example.org/a?b=c).');
    expect(f.text).toBe('Bold, italic, gone, x = 1 and a link.');
    expect(spans(f)).toEqual([
      ['bold', 'Bold', null],
      ['italic', 'italic', null],
      ['strikethrough', 'gone', null],
      ['code', 'x = 1', null],
      ['text_link', 'a link', 'https://example.org/a?b=c'],
    ]);
  });

  it('renders headings, lists, quotes, code blocks and tables readably', () => {
    const f = markdownToTelegram('# Plan\n\n- one\n- two\n  1. deep\n\n> quoted\n\n```python\nprint("hi")\n```\n\n| k | v |\n|---|---|\n| a | 1 |');
    expect(f.text).toBe('Plan\n\n• one\n• two\n  1. deep\n\nquoted\n\nprint("hi")\n\nk | v\na | 1');
    expect(spans(f)).toEqual([
      ['bold', 'Plan', null],
      ['blockquote', 'quoted', null],
      ['pre', 'print("hi")', 'python'],
      ['bold', 'k', null],
      ['bold', 'v', null],
    ]);
  });

  it('keeps stray metacharacters as text: nothing left for Telegram to parse', () => {
    const nasty = 'Price: 5 * 3 = 15_000 [sic] (see `oops and **unclosed _under < > & \\ ~ | # + - = { } . !';
    const f = markdownToTelegram(nasty);
    expect(f.text).toContain('5 * 3 = 15_000 [sic]');
    expect(f.text).toContain('**unclosed _under < > &');
    expect(f.entities).toEqual([]);
  });

  it('never links to anything but web or tg URLs', () => {
    const f = markdownToTelegram('[click](javascript:alert(1)) [file](file:///etc/passwd) [ok](http://a.b)');
    expect(f.entities.map((e) => e.url)).toEqual(['http://a.b']);
  });

  it('counts offsets in UTF-16 units, like Telegram', () => {
    const f = markdownToTelegram('😀 **é👍**');
    expect(f.text).toBe('😀 é👍');
    expect(f.entities).toEqual([{ type: 'bold', offset: 3, length: 3 }]);
  });

  it('does not start or end with whitespace', () => {
    expect(markdownToTelegram('\n\n  **x**  \n\n').text).toBe('x');
    expect(markdownToTelegram('').text).toBe('');
  });
});

describe('splitFormatted', () => {
  it('splits at paragraph, line or word boundaries and carries formatting across the cut', () => {
    const long = markdownToTelegram(Array.from({ length: 120 }, (_, i) => `word${i} **bold${i} continues**`).join(' '));
    const parts = splitFormatted(long, 300);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(300);
      expect(p.text).toBe(p.text.trim());
      for (const e of p.entities) expect(e.offset + e.length).toBeLessThanOrEqual(p.text.length);
    }
    // No word is cut in two: every part ends and starts at a word boundary.
    expect(parts.map((p) => p.text).join(' ')).toBe(long.text);
    // Every bold word is still bold in whichever part it landed, including spans cut in two.
    for (const p of parts) {
      for (const m of p.text.matchAll(/bold\d+|continues/g)) {
        const covered = p.entities.some((e) => e.type === 'bold' && e.offset <= m.index && m.index + m[0].length <= e.offset + e.length);
        expect(covered, `"${m[0]}" at ${m.index} in a part`).toBe(true);
      }
    }
  });

  it('continues a code block cut in two as a code block in the next part', () => {
    const code = Array.from({ length: 50 }, (_, i) => `line ${i} of code`).join('\n');
    const parts = splitFormatted(markdownToTelegram('```\n' + code + '\n```'), 200);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.entities).toEqual([{ type: 'pre', offset: 0, length: p.text.length }]);
    expect(parts.map((p) => p.text).join('\n')).toBe(code);
  });

  it('cuts a long unbroken string without splitting a surrogate pair', () => {
    const parts = splitFormatted({ text: '😀'.repeat(150), entities: [] }, 101);
    for (const p of parts) expect(p.text).toMatch(/^(😀)+$/u);
    expect(parts.map((p) => p.text).join('')).toBe('😀'.repeat(150));
  });

  it('keeps at most 100 entities per message', () => {
    const f = markdownToTelegram(Array.from({ length: 150 }, (_, i) => `**${i}**`).join(' '));
    const [part] = splitFormatted(f, 4096);
    expect(part!.entities).toHaveLength(MAX_ENTITIES);
  });
});

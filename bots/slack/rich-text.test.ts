// Markdown → rich text: formatting survives as styles and block elements, anything else stays literal text.
import { describe, expect, it } from 'vitest';
import { markdownToRichText, richTextBlocks, richTextToPlain, type RichElement } from './rich-text';

/** Every inline run of a tree, flattened. */
const runs = (elements: RichElement[]) =>
  elements.flatMap((e) => (e.type === 'rich_text_list' ? e.elements.flatMap((s) => s.elements) : e.elements));
const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

describe('markdownToRichText', () => {
  it('turns emphasis, code and links into styles and link elements', () => {
    const [section] = markdownToRichText('**Model A** says *hi*, ~~no~~ `npm i` [docs](https://example.org/a_b)');
    expect(section).toEqual({
      type: 'rich_text_section',
      elements: [
        { type: 'text', text: 'Model A', style: { bold: true } },
        { type: 'text', text: ' says ' },
        { type: 'text', text: 'hi', style: { italic: true } },
        { type: 'text', text: ', ' },
        { type: 'text', text: 'no', style: { strike: true } },
        { type: 'text', text: ' ' },
        { type: 'text', text: 'npm i', style: { code: true } },
        { type: 'text', text: ' ' },
        { type: 'link', url: 'https://example.org/a_b', text: 'docs' },
      ],
    });
  });

  it('keeps stray markers, angle brackets, ampersands and Slack control sequences as plain characters', () => {
    const source = 'a stray * star, snake_case_name, <html> & &amp; <!channel> <@U012ABC> <!here|here> @here `unclosed';
    const elements = markdownToRichText(source);
    const text = richTextToPlain(elements);
    for (const piece of ['a stray * star', 'snake_case_name', '<html> & &', '<!channel>', '<@U012ABC>', '<!here|here>', '@here', '`unclosed']) expect(text).toContain(piece);
    // Nothing but text and link runs: a ping would need a user or broadcast element.
    expect(new Set(runs(elements).map((r) => r.type))).toEqual(new Set(['text']));
  });

  it('links only to web and mail addresses; other targets stay text', () => {
    const elements = markdownToRichText('[a](javascript:alert(1)) [b](slack://open) [c](mailto:x@y.z) [d](relative/path)');
    expect(runs(elements).filter((r) => r.type === 'link')).toEqual([{ type: 'link', url: 'mailto:x@y.z', text: 'c' }]);
    expect(richTextToPlain(elements)).toContain('[a](javascript:alert(1))');
  });

  it('renders code blocks, quotes, headings and tables as block elements', () => {
    const elements = markdownToRichText(['# Plan', '', '```ts', 'const a = b < c;', '```', '', '> quoted **bold**', '> more', '', '| x | y |', '|---|---|', '| 1 | 2 |'].join('\n'));
    expect(elements.map((e) => e.type)).toEqual(['rich_text_section', 'rich_text_preformatted', 'rich_text_quote', 'rich_text_preformatted']);
    expect(elements[0]).toEqual({ type: 'rich_text_section', elements: [{ type: 'text', text: 'Plan', style: { bold: true } }] });
    expect(elements[1]).toEqual({ type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'const a = b < c;' }] });
    expect(elements[2]).toEqual({ type: 'rich_text_quote', elements: [{ type: 'text', text: 'quoted ' }, { type: 'text', text: 'bold', style: { bold: true } }, { type: 'text', text: '\nmore' }] });
    expect(elements[3]).toEqual({ type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'x | y\n1 | 2' }] });
  });

  it('nests lists by indent and numbers an ordered list on after an interruption', () => {
    const elements = markdownToRichText(['3. three', '   - sub', '4. four', '', 'after'].join('\n'));
    expect(elements).toEqual([
      { type: 'rich_text_list', style: 'ordered', indent: 0, offset: 2, elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'three' }] }] },
      { type: 'rich_text_list', style: 'bullet', indent: 1, elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'sub' }] }] },
      { type: 'rich_text_list', style: 'ordered', indent: 0, offset: 3, elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'four' }] }] },
      { type: 'rich_text_section', elements: [{ type: 'text', text: 'after' }] },
    ]);
    expect(richTextToPlain(elements)).toBe('3. three\n  • sub\n4. four\nafter');
  });

  it('never renders more characters than its source, so a part the core sized fits one message', () => {
    const samples = [
      '**bold** and `code` and [link](https://example.org)',
      '- a\n- b\n  1. c\n\n> q\n\n```\nx\n```',
      '&amp; &lt; &#x1F600; \\* \\_',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      Array.from({ length: 400 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 95))).join(''),
    ];
    for (const source of samples) expect(richTextToPlain(markdownToRichText(source)).length).toBeLessThanOrEqual(source.length);
  });
});

describe('richTextBlocks', () => {
  it('cuts long text into blocks under the limit at word boundaries, losing no word', () => {
    const source = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(' ');
    const blocks = richTextBlocks(markdownToRichText(source), 2900);
    expect(blocks.length).toBeGreaterThan(2);
    for (const block of blocks) expect(block.elements.map((e) => runs([e]).map((r) => r.text).join('')).join('').length).toBeLessThanOrEqual(2900);
    const joined = blocks.flatMap((b) => runs(b.elements)).map((r) => r.text).join('');
    expect(words(joined)).toEqual(words(source));
  });

  it('splits a long list between items, continuing its numbers', () => {
    const source = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${'item '.repeat(20)}${i}`).join('\n');
    const blocks = richTextBlocks(markdownToRichText(source), 2900);
    const lists = blocks.flatMap((b) => b.elements).filter((e) => e.type === 'rich_text_list');
    expect(lists.length).toBeGreaterThan(1);
    expect(lists.reduce((n, l) => n + (l.type === 'rich_text_list' ? l.elements.length : 0), 0)).toBe(60);
    expect(lists[1]!.type === 'rich_text_list' && lists[1]!.offset).toBe(lists[0]!.type === 'rich_text_list' ? lists[0]!.elements.length : -1);
  });
});

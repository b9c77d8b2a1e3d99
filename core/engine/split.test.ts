import { describe, expect, it } from 'vitest';
import { splitMarkdown } from './split';

const words = (text: string) => text.split(/\s+/).filter((w) => w && !w.startsWith('```'));

// Prose with distinct words, so a word cut in two would show up as a word that is missing from the rejoined text.
function prose(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`word${i}${i % 17 === 16 ? '.' : ''}${i % 60 === 59 ? '\n\n' : ''}`);
  return out.join(' ').replace(/\n\n /g, '\n\n').trim();
}

describe('splitMarkdown', () => {
  it('keeps a short message whole', () => {
    expect(splitMarkdown('Hello there', 4096)).toEqual(['Hello there']);
  });

  for (const limit of [4096, 2000]) {
    it(`splits long prose at ${limit} without breaking words and without losing any`, () => {
      const text = prose(3000); // ≈ 25,000 characters
      const parts = splitMarkdown(text, limit);
      expect(parts.length).toBeGreaterThan(Math.floor(text.length / limit));
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(limit);
      // Every part begins and ends on a whole word.
      for (const part of parts) {
        expect(part).toMatch(/^word\d+/);
        expect(part).toMatch(/word\d+\.?$/);
      }
      expect(words(parts.join('\n'))).toEqual(words(text));
    });
  }

  it('closes a code fence at the end of a part and reopens it, with its language, in the next', () => {
    const code = Array.from({ length: 200 }, (_, i) => `const value${i} = compute(${i}); // line ${i}`).join('\n');
    const text = `Here is the program:\n\n\`\`\`ts\n${code}\n\`\`\`\n\nThat is all.`;
    const parts = splitMarkdown(text, 2000);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      // Each part taken alone has balanced fences, so no platform renders the rest of the chat as code.
      expect((part.match(/^```/gm) ?? []).length % 2).toBe(0);
    }
    for (const part of parts.slice(1, -1)) expect(part.startsWith('```ts\n')).toBe(true);
    expect(parts.at(-1)).toContain('That is all.');
    // Every line of code is there, once.
    const rejoined = parts.join('\n');
    for (let i = 0; i < 200; i++) expect(rejoined.split(`const value${i} = `).length - 1).toBe(1);
  });

  it('never cuts a surrogate pair (emoji) in half when it has to cut inside a long run', () => {
    const text = '😀'.repeat(3000); // no spaces at all: a hard cut is unavoidable
    for (const limit of [2000, 4096, 41]) {
      const parts = splitMarkdown(text, limit);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(limit);
        // A lone high or low surrogate would be an invalid string that platforms reject.
        expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
      expect(parts.join('')).toBe(text);
    }
  });

  it('cuts an endless unbroken word hard but loses nothing', () => {
    const text = 'x'.repeat(5000);
    const parts = splitMarkdown(text, 2000);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(parts.join('')).toBe(text);
  });

  it('prefers paragraph breaks to cutting mid-paragraph', () => {
    const para = (n: number) => Array.from({ length: 60 }, (_, i) => `p${n}w${i}`).join(' ');
    const text = [para(1), para(2), para(3), para(4), para(5)].join('\n\n');
    const parts = splitMarkdown(text, 1000);
    for (const part of parts) expect(part).toMatch(/^p\d+w0 .* p\d+w59$/s);
  });

  it('refuses a limit too small to be real', () => {
    expect(() => splitMarkdown('hello', 10)).toThrow(/too small/);
  });
});

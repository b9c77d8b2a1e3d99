// The deterministic categories on a hand-labelled sample (labelled-sample.ts): each category's precision and recall
// must stay high, so a change that makes a rule too eager or too shy fails here.
import { describe, expect, it } from 'vitest';
import { categorize, estimateTokens } from './heuristics';
import type { CategoryId } from './ids';
import { LABELLED } from './labelled-sample';

const JUDGED: CategoryId[] = ['coding', 'math', 'creative-writing', 'instruction-following', 'hard-prompts'];

describe('category heuristics', () => {
  it('agree with the labelled sample', () => {
    const misses: string[] = [];
    for (const category of JUDGED) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const [prompt, labels] of LABELLED) {
        const got = categorize({ prompts: [prompt] }).includes(category);
        const want = labels.includes(category);
        if (got && want) tp++;
        else if (got) fp++, misses.push(`+${category}: ${prompt.slice(0, 60)}`);
        else if (want) fn++, misses.push(`-${category}: ${prompt.slice(0, 60)}`);
      }
      const precision = tp / Math.max(1, tp + fp);
      const recall = tp / Math.max(1, tp + fn);
      expect(precision, `${category} precision (${misses.join(' | ')})`).toBeGreaterThanOrEqual(0.8);
      expect(recall, `${category} recall (${misses.join(' | ')})`).toBeGreaterThanOrEqual(0.8);
    }
    // Small talk and general knowledge stay out of every category.
    for (const [prompt, labels] of LABELLED) if (!labels.length) expect(categorize({ prompts: [prompt] }), prompt).toEqual([]);
  });

  it("marks long prompts (LMArena: ≥ 500 tokens) and multi-turn battles (≥ 2 turns)", () => {
    const long = 'The quick brown fox jumps over the lazy dog. '.repeat(50);
    expect(estimateTokens(long)).toBeGreaterThanOrEqual(500);
    expect(categorize({ prompts: [long] })).toContain('long-query');
    expect(categorize({ prompts: ['short'] })).not.toContain('long-query');
    expect(estimateTokens('日本語の文章'.repeat(100))).toBe(600);
    expect(categorize({ prompts: ['hi', 'and then?'] })).toContain('multi-turn');
    expect(categorize({ prompts: ['hi'], turns: 3 })).toContain('multi-turn');
    expect(categorize({ prompts: ['hi'] })).not.toContain('multi-turn');
  });
});

// The classifier with a scripted model: the answer is used when it is the JSON asked for, and the heuristics take
// over (saying why) when the model fails, rambles or hangs.
import { describe, expect, it } from 'vitest';
import { createCategoryClassifier, type ChatMessage } from './classifier';

describe('category classifier', () => {
  it("uses the model's answer, keeping long query and multi-turn deterministic", async () => {
    const seen: ChatMessage[][] = [];
    const classify = createCategoryClassifier({
      generate: async (messages) => {
        seen.push(messages);
        return 'Sure! ```json\n{"coding": false, "math": true, "creative_writing": false, "instruction_following": true, "hard_prompt": true}\n```';
      },
    });
    const r = await classify({ prompts: ['How many ways can 8 rooks be placed on a chessboard?', 'And for queens?'] });
    expect(r).toEqual({ categories: ['math', 'instruction-following', 'hard-prompts', 'multi-turn'], source: 'model' });
    expect(seen[0]![0]!.role).toBe('system');
    expect(seen[0]![1]!.content).toContain('8 rooks');
  });

  it('falls back to the heuristics on an error, a bad answer or a timeout', async () => {
    const failing = createCategoryClassifier({ generate: async () => Promise.reject(new Error('provider down')) });
    expect(await failing({ prompts: ['Write a poem about rain.'] })).toEqual({ categories: ['creative-writing'], source: 'heuristics', error: 'provider down' });
    const rambling = createCategoryClassifier({ generate: async () => 'I think it is about poetry.' });
    expect((await rambling({ prompts: ['Write a poem about rain.'] })).error).toMatch(/no JSON object/);
    const partial = createCategoryClassifier({ generate: async () => '{"math": true}' });
    expect((await partial({ prompts: ['Write a poem about rain.'] })).source).toBe('heuristics');
    let aborted = false;
    const hanging = createCategoryClassifier({
      timeoutMs: 30,
      generate: (_, { signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => ((aborted = true), reject(new Error('aborted'))))),
    });
    const r = await hanging({ prompts: ['Solve 2x + 3 = 11.'] });
    expect(r).toMatchObject({ categories: ['math'], source: 'heuristics', error: 'no answer within 30 ms' });
    expect(aborted).toBe(true);
  });
});

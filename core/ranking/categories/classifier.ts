// The optional classifier: one model call per battle decides the categories LMArena decides with a model (math,
// creative writing, instruction following, hard prompts — and coding, together with the code heuristics); long query
// and multi-turn stay deterministic. The model is reached through a plain `generate(messages)` function, so the engine
// can plug in Pnyx's own providers (config `ranking.categoryModel`) and tests a scripted one. Any failure — an error,
// a timeout, an answer that is not the JSON asked for — falls back to the heuristics and says so.
import { z } from 'zod';
import { categorize, type PromptInput } from './heuristics';
import type { CategoryId } from './ids';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type Generate = (messages: ChatMessage[], options: { signal: AbortSignal }) => Promise<string>;

export interface Classification {
  categories: CategoryId[];
  source: 'model' | 'heuristics';
  /** Why the model's answer was not used, when it was not. */
  error?: string;
}

const SYSTEM = `You label prompts sent to a chatbot arena. Decide, for the user's prompt:
- coding: it asks for code, or about code, programming tools or errors;
- math: answering needs mathematical reasoning or calculation;
- creative_writing: it asks for fiction, poetry, lyrics, a script or other imaginative writing;
- instruction_following: it sets several explicit, checkable constraints on the answer (length, format, words to use or avoid, ...);
- hard_prompt: it is specific, needs domain knowledge, is complex, asks to solve a problem, leaves room for a creative approach, needs technical accuracy and has a real-world use (at least six of these seven).
Answer with one JSON object and nothing else, for example:
{"coding": false, "math": true, "creative_writing": false, "instruction_following": false, "hard_prompt": false}`;

const Answer = z.object({
  coding: z.boolean(),
  math: z.boolean(),
  creative_writing: z.boolean(),
  instruction_following: z.boolean(),
  hard_prompt: z.boolean(),
});

/** The first JSON object in a model's answer (models like to add words or code fences around it). */
function firstObject(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('no JSON object in the answer');
  return JSON.parse(text.slice(start, end + 1));
}

export function createCategoryClassifier(options: { generate: Generate; timeoutMs?: number; maxPromptChars?: number }) {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxChars = options.maxPromptChars ?? 8_000;
  return async function classify(input: PromptInput): Promise<Classification> {
    const heuristics = categorize(input);
    const prompt = input.prompts.join('\n\n---\n\n').slice(0, maxChars);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      const text = await Promise.race([
        options.generate(
          [
            { role: 'system', content: SYSTEM },
            { role: 'user', content: `<prompt>\n${prompt}\n</prompt>` },
          ],
          { signal: controller.signal },
        ),
        new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true })),
      ]);
      const parsed = Answer.safeParse(firstObject(text));
      if (!parsed.success) throw new Error(`unexpected answer: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const a = parsed.data;
      const found = new Set<CategoryId>();
      // Code is also recognised by the heuristics (fences, imports): either says coding.
      if (a.coding || heuristics.includes('coding')) found.add('coding');
      if (a.math) found.add('math');
      if (a.creative_writing) found.add('creative-writing');
      if (a.instruction_following) found.add('instruction-following');
      if (a.hard_prompt) found.add('hard-prompts');
      for (const c of heuristics) if (c === 'long-query' || c === 'multi-turn') found.add(c);
      return { categories: [...found], source: 'model' };
    } catch (error) {
      // A timeout is reported as such, whatever the provider's own abort error says.
      const cause = controller.signal.aborted ? controller.signal.reason : error;
      return { categories: heuristics, source: 'heuristics', error: cause instanceof Error ? cause.message : String(cause) };
    } finally {
      clearTimeout(timer);
    }
  };
}

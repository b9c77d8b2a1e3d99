// Layer 3 of PII screening, optional (`export.piiModel`): a model of Pnyx's own providers reads the conversation and
// answers in JSON whether it holds personal or sensitive information, as compar:IA's Gemini pass does. It fails
// closed: no valid answer after the retries means "not analysed", and an unanalysed conversation is not exported.
import { z } from 'zod';
import type { ChatMessage } from '../../providers/types';

export type Generate = (messages: ChatMessage[], options: { signal: AbortSignal }) => Promise<string>;

export interface ModelVerdict {
  containsPii: boolean;
  /** One word for why (names, contact, address, health, finance, other), kept with the verdict. */
  category: string | null;
}

const SYSTEM = `You check conversations before they are published as an open dataset.
Answer with ONE JSON object and nothing else: {"contains_pii": boolean, "category": string|null}.
contains_pii is true when the conversation contains personal information about a private person (names, e-mail
addresses, phone numbers, postal addresses, identity or account numbers) or sensitive information about someone
(health, finances, religion, sexuality, politics). Public figures, fictional characters and places are not personal.
category: one of "names", "contact", "address", "identifier", "health", "finance", "other", or null when false.`;

const Answer = z.object({ contains_pii: z.boolean(), category: z.string().nullable().optional() });

function firstObject(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('no JSON object in the answer');
  return JSON.parse(text.slice(start, end + 1));
}

export function createPiiJudge(options: { generate: Generate; attempts?: number; timeoutMs?: number; maxChars?: number }) {
  const attempts = options.attempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxChars = options.maxChars ?? 16_000;
  /** The verdict, or an error message when every attempt failed (the conversation then stays unanalysed). */
  return async function judge(texts: readonly string[]): Promise<ModelVerdict | { error: string }> {
    const conversation = texts.join('\n\n---\n\n').slice(0, maxChars);
    let last = 'no attempt';
    for (let i = 0; i < attempts; i++) {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const text = await options.generate(
          [
            { role: 'system', content: SYSTEM },
            { role: 'user', content: `<conversation>\n${conversation}\n</conversation>` },
          ],
          { signal },
        );
        const parsed = Answer.safeParse(firstObject(text));
        if (!parsed.success) throw new Error('answer not in the expected JSON shape');
        return { containsPii: parsed.data.contains_pii, category: parsed.data.contains_pii ? (parsed.data.category ?? 'other') : null };
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
    }
    return { error: last };
  };
}

export type PiiJudge = ReturnType<typeof createPiiJudge>;

import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ModelSchema, ProviderSchema } from '../config/schema';
import { createDemoClient, DEMO_PERSONAS, keyWords, looksFrench, type DemoPersona, type DemoProviderConfig } from './demo';
import { loadWordNet } from './wordnet';

const PERSONAS = Object.keys(DEMO_PERSONAS) as DemoPersona[];

function demo(persona: string, provider: Record<string, unknown> = {}) {
  const p = ProviderSchema.parse({ type: 'demo', tokensPerSecond: 0, ...provider }) as DemoProviderConfig;
  return createDemoClient({ id: `demo-${persona}`, provider: p, model: ModelSchema.parse({ id: `demo-${persona}`, provider: 'demo', model: persona }) });
}

const question = [{ role: 'user' as const, content: 'Why do cats purr when they sleep near the fire?' }];

describe('demo models', () => {
  it('reads WordNet once, quickly, and finds inflected words', async () => {
    const wn = await loadWordNet();
    expect(await loadWordNet()).toBe(wn);
    expect(wn.loadMs).toBeLessThan(5000); // the < 1 s target is measured in bench, not here
    expect(wn.lookup('cats')[0]?.words).toContain('cat');
    expect(wn.lookup('sleeping').some((s) => s.pos === 'v')).toBe(true);
    expect(wn.lookup('the')).toEqual([]);
  });

  it('reads a random synset\'s definition alone as it reads the whole synset', async () => {
    const wn = await loadWordNet();
    for (const pos of ['n', 'v', 'a', 'r'] as const) {
      for (let i = 0; i < 200; i++) {
        const r = i === 0 ? 0 : i === 1 ? 0.999_999_9 : Math.random();
        expect(wn.randomDefinition(pos, r)).toBe(wn.randomSynset(pos, r)?.definition);
      }
    }
  });

  it('is deterministic for a seed and varies across seeds', async () => {
    for (const persona of ['lexicon', 'markov', 'outline'] as const) {
      const c = demo(persona);
      const a = await c.generate({ messages: question, seed: 7 });
      const b = await c.generate({ messages: question, seed: 7 });
      expect(a.text).toBe(b.text);
      expect(a.finishReason).toBe('stop');
    }
    const markov = demo('markov');
    const texts = new Set<string>();
    for (const seed of [1, 2, 3, 4]) texts.add((await markov.generate({ messages: question, seed })).text);
    expect(texts.size).toBeGreaterThan(1);
  });

  it('gives four distinct replies of different lengths and styles', async () => {
    const replies = await Promise.all(PERSONAS.map((p) => demo(p).generate({ messages: question, seed: 3 })));
    const texts = replies.map((r) => r.text);
    expect(new Set(texts).size).toBe(PERSONAS.length);
    const byPersona = Object.fromEntries(PERSONAS.map((p, i) => [p, texts[i]!]));
    expect(byPersona.lexicon).toMatch(/\*\*cats\*\* \(noun\): /);
    expect(byPersona.outline).toMatch(/^## Why do cats purr/);
    expect(byPersona.outline).toMatch(/### Key terms\n- \*\*cats\*\*/);
    expect(byPersona.laconic!.split('\n')).toHaveLength(1);
    expect(byPersona.laconic!.length).toBeLessThan(byPersona.lexicon!.length);
    expect(byPersona.markov!.split(/\s+/).length).toBeGreaterThan(20);
  });

  it('streams word by word; deltas add up to the text; counts tokens', async () => {
    const deltas: string[] = [];
    const result = await demo('lexicon').generate({ messages: question, seed: 1, onText: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(10);
    expect(deltas.join('')).toBe(result.text);
    expect(result.tokensOut).toBe(deltas.length);
    expect(result.tokensIn).toBe(10);
    expect(result.ttftMs).toBeGreaterThanOrEqual(0);
  });

  it('paces the stream at tokensPerSecond', async () => {
    const result = await demo('laconic', { tokensPerSecond: 50 }).generate({ messages: question, seed: 1 });
    // n tokens → (n - 1) pauses of 20 ms.
    expect(result.latencyMs).toBeGreaterThanOrEqual((result.tokensOut! - 1) * 20 - 5);
  });

  it('stops on abort, in instant mode and while pacing', async () => {
    const controller = new AbortController();
    let n = 0;
    const instant = await demo('lexicon').generate({
      messages: question,
      signal: controller.signal,
      onText: () => {
        if (++n === 3) controller.abort();
      },
    });
    expect(instant.finishReason).toBe('aborted');
    expect(instant.tokensOut).toBe(3);

    const slow = new AbortController();
    setTimeout(() => slow.abort(), 100);
    const paced = await demo('markov', { tokensPerSecond: 20 }).generate({ messages: question, signal: slow.signal });
    expect(paced.finishReason).toBe('aborted');
    expect(paced.text.length).toBeGreaterThan(0);
    expect(paced.latencyMs).toBeLessThan(1000);
  });

  it('leaves no listener on the caller\'s signal once a reply is done (the arena shares one for its lifetime)', async () => {
    const shared = new AbortController();
    const replies = await Promise.all([
      demo('laconic', { tokensPerSecond: 400 }).generate({ messages: question, signal: shared.signal }),
      demo('markov').generate({ messages: question, signal: shared.signal }),
      demo('lexicon', { tokensPerSecond: 400, timeouts: { firstTokenMs: 5000, chunkMs: 5000, totalMs: 30 } }).generate({ messages: question, signal: shared.signal }),
    ]);
    expect(replies.map((r) => r.finishReason)).toEqual(['stop', 'stop', 'timeout']);
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0);
  });

  it('applies the time limits and maxOutputTokens', async () => {
    const timed = await demo('markov', { tokensPerSecond: 10, timeouts: { firstTokenMs: 5000, chunkMs: 5000, totalMs: 250 } }).generate({ messages: question });
    expect(timed.finishReason).toBe('timeout');
    expect(timed.error).toMatch(/total/);
    const cut = await demo('lexicon').generate({ messages: question, maxOutputTokens: 5 });
    expect(cut.finishReason).toBe('length');
    expect(cut.tokensOut).toBe(5);
  });

  it('answers a French prompt with a French preamble', async () => {
    const fr = [{ role: 'user' as const, content: 'Pourquoi les chats ronronnent-ils quand ils dorment ?' }];
    expect(looksFrench(fr[0]!.content)).toBe(true);
    expect(looksFrench(question[0]!.content)).toBe(false);
    expect((await demo('lexicon').generate({ messages: fr, seed: 1 })).text).toMatch(/Modèle de démonstration/);
    expect((await demo('outline').generate({ messages: fr, seed: 1 })).text).toMatch(/### Termes clés/);
    expect(keyWords("Est-il vrai que l'eau bout ?")).toEqual(['vrai', 'eau', 'bout']);
  });

  it('rejects an unknown persona with the list of known ones', () => {
    expect(() => demo('oracle')).toThrow(/unknown persona "oracle".*lexicon/);
  });
});

import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../providers/types';
import { samplePair, sampleReplacement, samplingWeights } from './sampling';

const card = (id: string, weight = 1): ModelCard => ({ id, provider: 'p', displayName: id, demo: false, weight });
const cards = [card('m1'), card('m2'), card('m3'), card('m4'), card('off', 0)];
const all = new Set(cards.map((c) => c.id));

// A seeded generator, so the counts below are the same on every run.
function seeded(seed = 42) {
  let x = seed;
  return () => {
    x = (x * 1664525 + 1013904223) % 4294967296;
    return x / 4294967296;
  };
}

function countPairs(input: Parameters<typeof samplePair>[0], n: number) {
  const first = new Map<string, number>();
  const any = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const pair = samplePair(input)!;
    expect(pair[0]).not.toBe(pair[1]);
    first.set(pair[0], (first.get(pair[0]) ?? 0) + 1);
    for (const id of pair) any.set(id, (any.get(id) ?? 0) + 1);
  }
  return { first, any };
}

describe('choosing the two models', () => {
  it('picks two distinct enabled models, each about as often on side A as on side B', () => {
    const { first, any } = countPairs({ cards, healthy: all, votes: new Map(), boostUnderVoted: false, random: seeded() }, 8000);
    expect(any.has('off')).toBe(false);
    for (const id of ['m1', 'm2', 'm3', 'm4']) {
      expect(any.get(id)! / 8000).toBeCloseTo(0.5, 1); // each is in half the battles
      expect(first.get(id)! / any.get(id)!).toBeCloseTo(0.5, 1); // and on side A half of those times
    }
  });

  it('skips models failing their health check, and gives up below two', () => {
    const { any } = countPairs({ cards, healthy: new Set(['m1', 'm3', 'm4']), votes: new Map(), boostUnderVoted: false, random: seeded() }, 500);
    expect(any.has('m2')).toBe(false);
    expect(samplePair({ cards, healthy: new Set(['m1']), votes: new Map(), boostUnderVoted: false, random: seeded() })).toBeNull();
  });

  it('keeps to the models a chat allows', () => {
    const { any } = countPairs({ cards, allowed: ['m2', 'm4'], healthy: all, votes: new Map(), boostUnderVoted: false, random: seeded() }, 200);
    expect([...any.keys()].sort()).toEqual(['m2', 'm4']);
  });

  it('boosts under-voted models, never more than 3× the least boosted', () => {
    const votes = new Map([
      ['m1', 0],
      ['m2', 100],
      ['m3', 300],
      ['m4', 1_000],
    ]);
    const w = samplingWeights({ cards, healthy: all, votes, boostUnderVoted: true });
    expect(w.get('m1')!).toBeGreaterThan(w.get('m2')!);
    expect(w.get('m2')!).toBeGreaterThan(w.get('m3')!);
    expect(w.get('m3')!).toBeGreaterThan(w.get('m4')!);
    expect(Math.max(...w.values()) / Math.min(...w.values())).toBeLessThanOrEqual(3 + 1e-9);
    const { any } = countPairs({ cards, healthy: all, votes, boostUnderVoted: true, random: seeded() }, 4000);
    expect(any.get('m1')!).toBeGreaterThan(any.get('m4')! * 1.5);
  });

  it('finds a replacement outside the battle, or none', () => {
    for (let i = 0; i < 50; i++) {
      const r = sampleReplacement({ cards, healthy: all, votes: new Map(), boostUnderVoted: false, exclude: ['m1', 'm2'], random: seeded(i) });
      expect(['m3', 'm4']).toContain(r);
    }
    expect(sampleReplacement({ cards, healthy: new Set(['m1', 'm2']), votes: new Map(), boostUnderVoted: false, exclude: ['m1', 'm2'], random: seeded() })).toBeNull();
  });
});

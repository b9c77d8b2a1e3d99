// Each battle mode's sampling distribution, tested on many seeded draws against what the mode promises (a chi-square
// goodness-of-fit at p = 0.001, so a correct sampler fails about once in a thousand seeds and a wrong one nearly always).
import { describe, expect, it } from 'vitest';
import { activePairWeights, quickFit } from '../campaigns/active';
import type { ModelCard } from '../providers/types';
import { choosePair, type ModeOptions } from './modes';

const card = (id: string, totalParamsB?: number, weight = 1): ModelCard => ({ id, provider: 'p', displayName: id, demo: false, weight, ...(totalParamsB !== undefined ? { totalParamsB } : {}) });
const cards = [card('tiny', 1), card('small', 8), card('mid', 14), card('large', 70), card('huge', 400, 2), card('unknown')];
const healthy = new Set(cards.map((c) => c.id));

function seeded(seed = 7) {
  let x = seed;
  return () => {
    x = (x * 1664525 + 1013904223) % 4294967296;
    return x / 4294967296;
  };
}

/** Chi-square critical values at p = 0.001 by degrees of freedom. */
const CRITICAL = [0, 10.83, 13.82, 16.27, 18.47, 20.52, 22.46, 24.32, 26.12, 27.88, 29.59, 31.26, 32.91, 34.53, 36.12, 37.7];

function chiSquare(observed: Map<string, number>, expected: Map<string, number>, n: number): { stat: number; df: number } {
  const total = [...expected.values()].reduce((a, b) => a + b, 0);
  let stat = 0;
  for (const [key, p] of expected) {
    const e = (p / total) * n;
    stat += (((observed.get(key) ?? 0) - e) ** 2) / e;
  }
  for (const key of observed.keys()) if (!expected.has(key)) stat = Infinity;
  return { stat, df: expected.size - 1 };
}

const N = 6000;
function draw(options: ModeOptions, n = N, seed = 7) {
  const random = seeded(seed);
  const pairs = new Map<string, number>();
  const sideA = new Map<string, number>();
  const modes = new Set<string>();
  const stances = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const chosen = choosePair({ cards, healthy, votes: new Map(), boostUnderVoted: false, random }, options)!;
    modes.add(chosen.mode);
    const key = [...chosen.pair].sort().join('|');
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    sideA.set(chosen.pair[0], (sideA.get(chosen.pair[0]) ?? 0) + 1);
    if (chosen.stances) stances.set(chosen.stances.join('>'), (stances.get(chosen.stances.join('>')) ?? 0) + 1);
  }
  return { pairs, sideA, modes, stances };
}

const weightOf = (id: string) => cards.find((c) => c.id === id)!.weight;

describe('battle modes', () => {
  it('random: pairs with the probability of two weighted draws without replacement', () => {
    const { pairs, modes } = draw({ mode: 'random' });
    const expected = new Map<string, number>();
    const W = cards.reduce((a, c) => a + c.weight, 0);
    for (const a of cards) for (const b of cards) {
      if (a.id >= b.id) continue;
      expected.set([a.id, b.id].sort().join('|'), (a.weight / W) * (b.weight / (W - a.weight)) + (b.weight / W) * (a.weight / (W - b.weight)));
    }
    const { stat, df } = chiSquare(pairs, expected, N);
    expect(stat).toBeLessThan(CRITICAL[df]!);
    expect(modes).toEqual(new Set(['random']));
  });

  it('big-vs-small: always one model at or above the threshold against one below, by weight, either side', () => {
    const { pairs, sideA, modes } = draw({ mode: 'big-vs-small', thresholdB: 30 });
    const big = ['large', 'huge'];
    const small = ['tiny', 'small', 'mid'];
    const expected = new Map<string, number>();
    for (const b of big) for (const s of small) expected.set([b, s].sort().join('|'), weightOf(b) * weightOf(s));
    const { stat, df } = chiSquare(pairs, expected, N);
    expect(stat).toBeLessThan(CRITICAL[df]!);
    const bigOnA = big.reduce((a, id) => a + (sideA.get(id) ?? 0), 0);
    expect(Math.abs(bigOnA - N / 2)).toBeLessThan(4 * Math.sqrt(N / 4));
    expect(modes).toEqual(new Set(['big-vs-small']));
  });

  it('frugal: only models within the parameter budget (unknown sizes left out), uniformly over their pairs', () => {
    const { pairs, modes } = draw({ mode: 'frugal', maxParamsB: 15 });
    const expected = new Map(['mid|small', 'mid|tiny', 'small|tiny'].map((k) => [k, 1]));
    const { stat, df } = chiSquare(pairs, expected, N);
    expect(stat).toBeLessThan(CRITICAL[df]!);
    expect(modes).toEqual(new Set(['frugal']));
  });

  it('custom: always the two chosen models, each on side A half the time', () => {
    const { pairs, sideA } = draw({ mode: 'custom', custom: ['tiny', 'huge'] });
    expect([...pairs.keys()]).toEqual(['huge|tiny']);
    expect(Math.abs((sideA.get('tiny') ?? 0) - N / 2)).toBeLessThan(4 * Math.sqrt(N / 4));
  });

  it('falls back to random pairs when a mode cannot be met here (no model is big enough)', () => {
    const { modes } = draw({ mode: 'big-vs-small', thresholdB: 10_000 }, 200);
    expect(modes).toEqual(new Set(['random']));
  });

  it('diverse: one model on both sides, two different stances, every ordered pair of stances equally often', () => {
    const stanceIds = ['care', 'liberty', 'tradition', 'fairness'];
    const { pairs, stances, modes } = draw({ mode: 'diverse', stances: stanceIds });
    for (const key of pairs.keys()) {
      const [a, b] = key.split('|');
      expect(a).toBe(b);
    }
    const expected = new Map<string, number>();
    for (const a of stanceIds) for (const b of stanceIds) if (a !== b) expected.set(`${a}>${b}`, 1);
    const { stat, df } = chiSquare(stances, expected, N);
    expect(stat).toBeLessThan(CRITICAL[df]!);
    expect(modes).toEqual(new Set(['diverse']));
    // Models by weight: huge (weight 2) on both sides twice as often as any other.
    const models = new Map([...pairs].map(([k, n]) => [k.split('|')[0]!, n]));
    const modelExpected = new Map(cards.map((c) => [c.id, c.weight]));
    const fit = chiSquare(models, modelExpected, N);
    expect(fit.stat).toBeLessThan(CRITICAL[fit.df]!);
  });

  it('diverse counted in the model board: two different models, with stances', () => {
    const { pairs, modes } = draw({ mode: 'diverse', stances: ['a', 'b'], diverseModels: true }, 500);
    for (const key of pairs.keys()) expect(new Set(key.split('|')).size).toBe(2);
    expect(modes).toEqual(new Set(['diverse-ranked']));
  });

  it('active: pairs drawn in proportion to their uncertainty × closeness; close, little-seen pairs first', () => {
    const ids = ['tiny', 'small', 'mid', 'large'];
    // tiny vs large: many votes, one-sided (settled). small vs mid: few votes, even (unsettled).
    const results = [
      { modelA: 'large', modelB: 'tiny', winsA: 190, winsB: 10, ties: 0 },
      { modelA: 'small', modelB: 'mid', winsA: 3, winsB: 3, ties: 0 },
      { modelA: 'large', modelB: 'mid', winsA: 30, winsB: 10, ties: 0 },
      { modelA: 'small', modelB: 'tiny', winsA: 25, winsB: 15, ties: 0 },
    ];
    const random = seeded(11);
    const counted = new Map<string, number>();
    const local = cards.filter((c) => ids.includes(c.id));
    for (let i = 0; i < N; i++) {
      const chosen = choosePair({ cards: local, healthy, votes: new Map(), boostUnderVoted: false, random }, { mode: 'random', pairing: 'active', results })!;
      const key = [...chosen.pair].sort().join('|');
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    const expected = new Map(activePairWeights(ids, quickFit(ids, results)).map((p) => [[p.a, p.b].sort().join('|'), p.weight]));
    const { stat, df } = chiSquare(counted, expected, N);
    expect(stat).toBeLessThan(CRITICAL[df]!);
    expect(counted.get('mid|small')!).toBeGreaterThan(3 * counted.get('large|tiny')!);
  });
});

import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { compareRankings, kendallTau } from './math/compare';
import { formatComparison } from './format';
import { computeLeaderboard } from './leaderboard';
import { binomial, createGenerator, createMultinomialSampler, createRng, multinomial } from './math/random';
import { aggregate, aggregateBy, aggregateByPeriod, describeSegment, parseSegment } from './segments';
import { drawRows } from './test-helpers';
import type { VoteRow } from './types';

const row = (over: Partial<VoteRow>): VoteRow => ({ modelA: 'x', modelB: 'y', outcome: 'a', ...over });

describe('segments', () => {
  it('parses key=value arguments and rejects unknown keys and bad values', () => {
    expect(parseSegment(['language=FR', 'since=2026-03-01', 'campaign=fr-2026'])).toEqual({
      language: 'fr',
      since: new Date('2026-03-01T00:00:00Z'),
      campaign: 'fr-2026',
    });
    expect(() => parseSegment(['lang=fr'])).toThrow(/unknown segment "lang=fr"/);
    expect(() => parseSegment(['since=yesterday'])).toThrow(/since: use a date/);
    expect(() => parseSegment(['since=2026-04-01', 'until=2026-03-01'])).toThrow(/since must be before until/);
    expect(() => parseSegment(['chat=a', 'chat=b'])).toThrow(/given twice/);
    expect(describeSegment({ language: 'fr', since: new Date('2026-03-01T00:00:00Z') })).toBe('language=fr, since=2026-03-01');
  });

  it('filters by every key, never counts identity leaks, and honours counts', () => {
    const at = new Date('2026-03-10T12:00:00Z');
    const rows: VoteRow[] = [
      row({ language: 'fr', campaignId: 'c1', platform: 'telegram', chatId: 'g1', at, count: 3 }),
      row({ language: 'en', campaignId: 'c1', platform: 'discord', chatId: 'g2', at }),
      row({ language: 'fr', platform: 'telegram', chatId: 'g1', at: new Date('2026-01-01T00:00:00Z'), outcome: 'b' }),
      row({ language: 'fr', platform: 'telegram', chatId: 'g1', at, leak: true, count: 100 }),
    ];
    const votes = (s: Parameters<typeof aggregate>[1]) => {
      const c = aggregate(rows, s);
      let n = 0;
      for (let p = 0; p < c.size; p++) n += c.winsA[p]! + c.winsB[p]! + c.ties[p]! + c.bothBad[p]!;
      return n;
    };
    expect(votes({})).toBe(5);
    expect(votes({ language: 'fr' })).toBe(4);
    expect(votes({ campaign: 'c1' })).toBe(4);
    expect(votes({ platform: 'discord' })).toBe(1);
    expect(votes({ chat: 'g1' })).toBe(4);
    expect(votes({ since: new Date('2026-03-01T00:00:00Z') })).toBe(4);
    expect(votes({ until: new Date('2026-03-01T00:00:00Z') })).toBe(1);
    expect([...aggregateBy(rows, 'chatId').keys()].sort()).toEqual(['g1', 'g2']);
    expect([...aggregateByPeriod(rows, 'month').keys()]).toEqual(['2026-01-01', '2026-03-01']);
    expect([...aggregateByPeriod(rows, 'week').keys()]).toEqual(['2025-12-29', '2026-03-09']);
  });
});

describe("a chat's ranking against everyone's", () => {
  it("computes Kendall's tau-b", () => {
    expect(kendallTau([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(kendallTau([1, 2, 3, 4], [40, 30, 20, 10])).toBe(-1);
    expect(kendallTau([1, 2, 3], [1, 3, 2])).toBeCloseTo(1 / 3, 12);
    expect(kendallTau([1, 1, 2], [1, 2, 3])).toBeCloseTo(2 / Math.sqrt(2 * 3), 12);
    expect(kendallTau([1], [1])).toBeNull();
  });

  it('names the models the chat ranks most differently', () => {
    const global = computeLeaderboard(aggregate(drawRows([1200, 1100, 1000, 900, 800], { votes: 20_000, seed: 1 })), { bootstrap: 0 });
    // This chat loves m4 and dislikes m0.
    const local = computeLeaderboard(aggregate(drawRows([900, 1100, 1000, 950, 1250], { votes: 20_000, seed: 2 })), { bootstrap: 0 });
    const cmp = compareRankings(local, global);
    expect(cmp.common).toBe(5);
    expect(cmp.tau!).toBeLessThan(0.5);
    const text = formatComparison(cmp, createI18n().t('en'));
    expect(text).toMatch(/^Agreement with the global ranking/);
    expect(text).toContain('▲ m4: #1 here, #5 overall');
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(34);
    expect(cmp.mostDifferent.slice(0, 2)).toEqual([
      { model: 'm0', localRank: 5, globalRank: 1, shift: -4 },
      { model: 'm4', localRank: 1, globalRank: 5, shift: 4 },
    ]);
  });
});

describe('seeded sampling', () => {
  it('draws binomials with the right mean and variance in both regimes', () => {
    for (const [n, p] of [
      [40, 0.05],
      [100_000, 0.3],
      [1000, 0.9],
    ] as const) {
      const rng = createRng(7, n);
      const draws = Array.from({ length: 20_000 }, () => binomial(n, p, rng));
      const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
      const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length;
      expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / draws.length));
      expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
      expect(variance / (n * p * (1 - p))).toBeLessThan(1.05);
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...draws)).toBeLessThanOrEqual(n);
    }
  });

  it('keeps the multinomial total and is reproducible per stream', () => {
    const weights = Float64Array.from([5, 0, 120, 3.5, 900, 1]);
    const a = new Float64Array(6);
    const b = new Float64Array(6);
    multinomial(1029, weights, a, createRng(3, 9));
    multinomial(1029, weights, b, createRng(3, 9));
    expect(a.reduce((s, x) => s + x, 0)).toBe(1029);
    expect(a[1]).toBe(0);
    expect([...a]).toEqual([...b]);
    multinomial(1029, weights, b, createRng(3, 10));
    expect([...a]).not.toEqual([...b]);
  });
});

describe('the bootstrap sampler', () => {
  it('draws the same multinomials as the general function, number for number', () => {
    const weights = Float64Array.from([5, 0, 120, 3.5, 900, 1, 40_000, 7, 0, 2, 65_000, 0.5]);
    const fast = createMultinomialSampler(120_000, weights);
    const a = new Float64Array(weights.length);
    const b = new Float64Array(weights.length);
    for (let r = 0; r < 200; r++) {
      multinomial(120_000, weights, a, createGenerator(5, r));
      fast(5, r, b);
      expect([...b]).toEqual([...a]);
    }
  });
});

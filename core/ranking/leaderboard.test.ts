import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { createCountsBuilder } from './math/counts';
import { formatTable } from './format';
import { computeLeaderboard, computeLeaderboardAsync, SCALE } from './leaderboard';
import { createBootstrapPool } from './parallel';
import { aggregate } from './segments';
import { centred, drawCounts, drawRows, logisticRegressionScores } from './test-helpers';
import type { Leaderboard, Outcome } from './types';

const TRUE = [1150, 1080, 1040, 1000, 990, 930, 880, 850];
const byModel = (b: Leaderboard) => new Map(b.models.map((m) => [m.model, m]));

function counts(votes: Array<[string, string, Outcome, number]>) {
  const b = createCountsBuilder();
  for (const [x, y, o, n] of votes) b.add(x, y, o, n);
  return b.build();
}

describe('Bradley–Terry leaderboard', () => {
  it('agrees with an independent logistic regression within 0.5 points', () => {
    const rows = drawRows(TRUE, { votes: 6000, seed: 3, tieRate: 0.1, bothBadRate: 0.05 });
    const board = computeLeaderboard(aggregate(rows), { bootstrap: 0, minVotes: 0 });
    const lr = logisticRegressionScores(rows, TRUE.map((_, i) => `m${i}`));
    for (const m of board.models) expect(Math.abs(m.score! - lr.get(m.model)!)).toBeLessThan(0.5);
    // and it recovers the truth within its intervals' order of magnitude
    const truth = centred(TRUE);
    for (const m of board.models) expect(Math.abs(m.score! - truth[Number(m.model.slice(1))]!)).toBeLessThan(60);
  });

  it('counts a tie as half a win each way and both-bad as a tie, or excludes it when asked', () => {
    const c = counts([
      ['x', 'y', 'a', 30],
      ['x', 'y', 'b', 10],
      ['x', 'y', 'tie', 20],
      ['x', 'y', 'both_bad', 40],
    ]);
    const asTie = byModel(computeLeaderboard(c, { bootstrap: 0, minVotes: 0, prior: 1e-9 }));
    // P(x beats y) = (30 + 30) / 100 → 400·log10(0.6/0.4) apart
    expect(asTie.get('x')!.score! - asTie.get('y')!.score!).toBeCloseTo(400 * Math.log10(60 / 40), 3);
    // "Both bad" has its own column (issue 13); it still counts as a tie in the score.
    expect(asTie.get('x')).toMatchObject({ votes: 100, wins: 30, ties: 20, losses: 10, bothBad: 40, winRate: 0.6 });
    const excluded = byModel(computeLeaderboard(c, { bootstrap: 0, minVotes: 0, bothBad: 'exclude', prior: 1e-9 }));
    // (30 + 10) / 60 wins for x
    expect(excluded.get('x')!.score! - excluded.get('y')!.score!).toBeCloseTo(400 * Math.log10(40 / 20), 3);
    // `votes` are all votes cast; the win rate is over the votes the score counts.
    expect(excluded.get('x')).toMatchObject({ votes: 100, wins: 30, ties: 20, losses: 10, bothBad: 40, winRate: 40 / 60 });
  });

  it('centres listed models on 1000, or pins an anchor', () => {
    const c = drawCounts(TRUE, { votes: 3000, seed: 5 });
    const board = computeLeaderboard(c, { bootstrap: 50 });
    const mean = board.models.reduce((s, m) => s + m.score!, 0) / board.models.length;
    expect(mean).toBeCloseTo(1000, 6);
    const anchored = computeLeaderboard(c, { bootstrap: 50, anchor: { model: 'm3', score: 1200 } });
    const m3 = byModel(anchored).get('m3')!;
    expect(m3.score).toBe(1200);
    expect(m3.ciLow).toBeCloseTo(1200, 6);
    // differences do not depend on centring
    expect(byModel(anchored).get('m0')!.score! - 1200).toBeCloseTo(byModel(board).get('m0')!.score! - byModel(board).get('m3')!.score!, 6);
    expect(() => computeLeaderboard(c, { anchor: { model: 'nobody', score: 1 } })).toThrow(/anchor model "nobody"/);
  });

  it('shows "not enough votes" instead of a number below the minimum, and keeps them out of the centring', () => {
    const c = counts([
      ['x', 'y', 'a', 40],
      ['x', 'y', 'b', 30],
      ['x', 'rare', 'a', 3],
    ]);
    const board = computeLeaderboard(c, { bootstrap: 20, minVotes: 20 });
    const rare = byModel(board).get('rare')!;
    expect(rare).toMatchObject({ enoughVotes: false, score: null, ciLow: null, rank: null, rankLow: null, votes: 3 });
    expect(board.models.at(-1)!.model).toBe('rare');
    const listed = board.models.filter((m) => m.enoughVotes);
    expect((listed[0]!.score! + listed[1]!.score!) / 2).toBeCloseTo(1000, 6);
    expect(board.winProbability.models).toEqual(['x', 'y']);
  });

  it('gives a win-probability matrix consistent with the scores', () => {
    const board = computeLeaderboard(drawCounts(TRUE, { votes: 3000, seed: 9 }), { bootstrap: 0 });
    const { models, matrix } = board.winProbability;
    const s = byModel(board);
    for (let i = 0; i < models.length; i++) {
      for (let j = 0; j < models.length; j++) {
        const expected = 1 / (1 + 10 ** ((s.get(models[j]!)!.score! - s.get(models[i]!)!.score!) / 400));
        expect(matrix[i]![j]).toBeCloseTo(expected, 9);
      }
    }
  });

  it('is reproducible for a seed and identical on worker threads', async () => {
    const c = drawCounts(TRUE, { votes: 20000, seed: 11, tieRate: 0.1 });
    const a = computeLeaderboard(c, { bootstrap: 200, seed: 42 });
    const b = computeLeaderboard(c, { bootstrap: 200, seed: 42 });
    expect(b.models).toEqual(a.models);
    const other = computeLeaderboard(c, { bootstrap: 200, seed: 43 });
    expect(other.models.map((m) => m.ciLow)).not.toEqual(a.models.map((m) => m.ciLow));
    const pool = createBootstrapPool(1);
    try {
      const parallel = await computeLeaderboardAsync(c, { bootstrap: 200, seed: 42, runner: pool.run });
      expect(parallel.models).toEqual(a.models);
    } finally {
      await pool.close();
    }
    // a pool whose worker is gone still answers, with the same numbers, on this thread
    const closed = await computeLeaderboardAsync(c, { bootstrap: 200, seed: 42, runner: pool.run });
    expect(closed.models).toEqual(a.models);
  });

  describe('data that cannot rank says so instead of inventing numbers (issue 13)', () => {
    const finite = (b: Leaderboard) => {
      for (const m of b.models.filter((x) => x.score !== null && x.bound === null)) {
        for (const v of [m.score, m.ciLow, m.ciHigh, m.rank, m.rankLow, m.rankHigh]) expect(Number.isFinite(v)).toBe(true);
      }
    };

    it('a model that never lost gets a lower bound, not an interval, and does not drag the others down', () => {
      const board = computeLeaderboard(
        counts([
          ['champ', 'x', 'a', 25],
          ['champ', 'y', 'a', 25],
          ['x', 'y', 'a', 20],
          ['x', 'y', 'b', 15],
        ]),
        { bootstrap: 100 },
      );
      finite(board);
      const champ = byModel(board).get('champ')!;
      const x = byModel(board).get('x')!;
      const y = byModel(board).get('y')!;
      expect(champ.flags).toEqual(expect.arrayContaining(['undefeated', 'bound']));
      expect(champ).toMatchObject({ bound: 'lower', ciHigh: null, median: null, rankLow: 1, component: 0 });
      // 50 wins in 50 votes: at the bound, winning them all has probability 2.5 %, so σ(d)^50 = 0.025.
      const d = Math.log(0.025 ** (1 / 50) / (1 - 0.025 ** (1 / 50)));
      expect(champ.score!).toBeGreaterThan(Math.max(x.score!, y.score!));
      expect(champ.score! - (x.score! + y.score!) / 2).toBeGreaterThan(SCALE * d - 40);
      // x and y still average 1000: the unbounded model is not in the centring.
      expect((x.score! + y.score!) / 2).toBeCloseTo(1000, 6);
      expect(x.rankLow).toBe(2);
      expect(board.warnings.map((w) => w.code)).toContain('bound-lower');
      const table = formatTable(board, createI18n().t('en')).replace(/\n/g, ' ');
      expect(table).toMatch(/champ +≥\d{4}/);
      expect(table).toContain('champ: never lost: its score is only a lower bound');
    });

    it('a model that never won gets an upper bound', () => {
      const board = computeLeaderboard(counts([['x', 'loser', 'a', 30], ['x', 'y', 'a', 12], ['x', 'y', 'b', 18], ['y', 'loser', 'a', 25]]), { bootstrap: 50 });
      finite(board);
      const loser = byModel(board).get('loser')!;
      expect(loser.flags).toContain('winless');
      expect(loser).toMatchObject({ bound: 'upper', ciLow: null, rankHigh: 3 });
      expect(loser.score!).toBeLessThan(Math.min(byModel(board).get('x')!.score!, byModel(board).get('y')!.score!));
    });

    it('groups never compared are marked, each scored on its own', () => {
      const board = computeLeaderboard(
        counts([
          ['a1', 'a2', 'a', 30],
          ['a1', 'a2', 'b', 20],
          ['a2', 'a3', 'a', 25],
          ['a2', 'a3', 'b', 25],
          ['b1', 'b2', 'a', 40],
          ['b1', 'b2', 'b', 10],
        ]),
        { bootstrap: 100 },
      );
      finite(board);
      expect(board.components.map((c) => [c.models.sort(), c.relation])).toEqual([
        [['a1', 'a2', 'a3'], 'main'],
        [['b1', 'b2'], 'disconnected'],
      ]);
      expect(byModel(board).get('b1')!.flags).toEqual(expect.arrayContaining(['disconnected', 'separate-group']));
      expect(byModel(board).get('a1')!.flags).toEqual([]);
      const b = board.models.filter((m) => m.component === 1);
      expect((b[0]!.score! + b[1]!.score!) / 2).toBeCloseTo(1000, 6);
      expect(board.models.map((m) => m.component)).toEqual([0, 0, 0, 1, 1]);
      const i = board.winProbability.models.indexOf('a1');
      const j = board.winProbability.models.indexOf('b1');
      expect(board.winProbability.matrix[i]![j]).toBeNull();
      expect(board.warnings.find((w) => w.code === 'groups')).toMatchObject({ count: 2, models: ['b1', 'b2'] });
      expect(formatTable(board, createI18n().t('fr')).replace(/\n/g, ' ')).toContain('Groupe 2');
    });

    it('two groups joined by a single vote are not compared through that vote', () => {
      const rows: Array<[string, string, Outcome, number]> = [];
      for (const g of ['p', 'q']) {
        rows.push([`${g}1`, `${g}2`, 'a', 30], [`${g}1`, `${g}2`, 'b', 20], [`${g}2`, `${g}3`, 'a', 25], [`${g}2`, `${g}3`, 'b', 22], [`${g}1`, `${g}3`, 'b', 20], [`${g}1`, `${g}3`, 'a', 28]);
      }
      rows.push(['p1', 'q1', 'a', 1]);
      const board = computeLeaderboard(counts(rows), { bootstrap: 100 });
      finite(board);
      expect(board.components.map((c) => c.relation)).toEqual(['main', 'below']);
      // Before issue 13 the second group landed ~550 points lower, a number set by the prior alone.
      const q = board.models.filter((m) => m.model.startsWith('q'));
      expect(q.every((m) => m.component === 1 && m.flags.includes('separate-group'))).toBe(true);
      expect(q.reduce((s, m) => s + m.score!, 0) / 3).toBeCloseTo(1000, 6);
      expect(board.warnings.map((w) => w.code)).toContain('groups');
    });

    it('a single model, a lone pair with one vote, and no votes at all', () => {
      const none = computeLeaderboard(createCountsBuilder().build());
      expect(none.models).toEqual([]);
      expect(none.votes).toBe(0);
      expect(none.warnings).toEqual([]);
      const one = computeLeaderboard(counts([['x', 'y', 'a', 1]]), { minVotes: 1, bootstrap: 100 });
      // One vote says x beat y once: no score can be claimed for either.
      expect(one.models.map((m) => [m.model, m.score, m.flags.includes('not-comparable')])).toEqual([
        ['x', null, true],
        ['y', null, true],
      ]);
      expect(one.warnings.find((w) => w.code === 'not-comparable')!.models).toEqual(['x', 'y']);
      const self = computeLeaderboard(counts([['x', 'x', 'a', 5]]));
      expect(self.models).toEqual([]);
    });

    it('a chain where every model beats the next one every time claims no scores', () => {
      const c = counts(Array.from({ length: 30 }, (_, k) => [`m${k}`, `m${k + 1}`, 'a', 500] as [string, string, Outcome, number]));
      const board = computeLeaderboard(c, { bootstrap: 100 });
      expect(board.models.every((m) => m.score === null)).toBe(true);
      expect(board.models.find((m) => m.model === 'm0')!.flags).toContain('undefeated');
      expect(board.models.find((m) => m.model === 'm30')!.flags).toContain('winless');
      expect(board.warnings.find((w) => w.code === 'not-comparable')!.count).toBe(31);
    });
  });
});

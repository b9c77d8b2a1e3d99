// Statistical soundness on votes drawn from known strengths: the bootstrap intervals cover the truth about 95% of
// the time, and rank intervals hold the true rank.
import { describe, expect, it } from 'vitest';
import { computeLeaderboard } from '../leaderboard';
import { centred, drawCounts } from '../test-helpers';

const TRUE = [1200, 1120, 1100, 1040, 1000, 960, 950, 900, 860, 800];

describe('bootstrap intervals', () => {
  it('cover the true scores about 95% of the time over 100 independent draws', () => {
    const truth = centred(TRUE);
    let covered = 0;
    let total = 0;
    let ranksCovered = 0;
    const trueRank = truth.map((s) => 1 + truth.filter((t) => t > s).length);
    for (let draw = 0; draw < 100; draw++) {
      // Ties at a fixed rate whatever the strengths would shrink the true differences (a tie is half a win), so
      // these draws use ties consistent with Bradley–Terry.
      const votes = drawCounts(TRUE, { votes: 3000, seed: 1000 + draw, tieRate: 0.1, bothBadRate: 0.05, consistentTies: true });
      const board = computeLeaderboard(votes, {
        bootstrap: 300,
        seed: draw,
      });
      for (const m of board.models) {
        const k = Number(m.model.slice(1));
        total++;
        if (m.ciLow! <= truth[k]! && truth[k]! <= m.ciHigh!) covered++;
        if (m.rankLow! <= trueRank[k]! && trueRank[k]! <= m.rankHigh!) ranksCovered++;
      }
    }
    const coverage = covered / total;
    expect(total).toBe(1000);
    expect(coverage).toBeGreaterThanOrEqual(0.85);
    expect(coverage).toBeLessThanOrEqual(1);
    // ~95% nominal: far above 0.99 would mean intervals too wide to be useful
    expect(coverage).toBeLessThan(0.995);
    expect(ranksCovered / total).toBeGreaterThanOrEqual(0.9);
  });

  it('rank intervals contain the true rank on a large sample and narrow with more votes', () => {
    const truth = centred(TRUE);
    const trueRank = truth.map((s) => 1 + truth.filter((t) => t > s).length);
    const small = computeLeaderboard(drawCounts(TRUE, { votes: 2000, seed: 5 }), { bootstrap: 500 });
    const large = computeLeaderboard(drawCounts(TRUE, { votes: 100_000, seed: 6 }), { bootstrap: 500 });
    for (const m of large.models) {
      const k = Number(m.model.slice(1));
      expect(m.rankLow!).toBeLessThanOrEqual(trueRank[k]!);
      expect(m.rankHigh!).toBeGreaterThanOrEqual(trueRank[k]!);
    }
    const width = (b: typeof small) => b.models.reduce((s, m) => s + (m.ciHigh! - m.ciLow!), 0) / b.models.length;
    expect(width(large)).toBeLessThan(width(small) / 4);
    // the two nearly tied models (960 vs 950) share a rank range; the clear leader does not
    const m0 = large.models.find((m) => m.model === 'm0')!;
    expect([m0.rankLow, m0.rankHigh]).toEqual([1, 1]);
  });
});

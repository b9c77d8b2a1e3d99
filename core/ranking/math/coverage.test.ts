// Statistical soundness on votes drawn from known strengths: the bootstrap intervals cover the truth about 95% of
// the time, and rank intervals hold the true rank.
import { describe, expect, it } from 'vitest';
import { fitBradleyTerry } from './bradley-terry';
import { createRng } from './random';
import { computeLeaderboard, SCALE } from '../leaderboard';
import { aggregate } from '../segments';
import { centred, drawCounts } from '../test-helpers';
import type { VoteRow } from '../types';

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

  describe('when group members vote together on a battle (issue 13)', () => {
    // Each battle's replies please its voters alike: a shared effect u ~ N(0, 1.5) on the logit, then 1–5 votes.
    const SD = 1.5;
    const models = TRUE.length;
    const normal = (rng: () => number) => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    function draw(seed: number): VoteRow[] {
      const rng = createRng(seed, 31);
      const rows: VoteRow[] = [];
      for (let b = 0; b < 1500; b++) {
        const i = Math.floor(rng() * models);
        let j = Math.floor(rng() * (models - 1));
        if (j >= i) j++;
        const u = SD * normal(rng);
        const d = (TRUE[i]! - TRUE[j]!) / SCALE + u;
        const voters = 1 + Math.floor(rng() * 5);
        for (let v = 0; v < voters; v++) rows.push({ modelA: `m${i}`, modelB: `m${j}`, outcome: rng() < 1 / (1 + Math.exp(-d)) ? 'a' : 'b', battleId: `b${b}` });
      }
      return rows;
    }
    // What Bradley–Terry estimates with unlimited data: the scores behind the marginal win rates E[σ(d + u)] (the
    // shared effect pulls them towards even), found by fitting expected counts.
    function estimand(): number[] {
      const a: number[] = [];
      const b: number[] = [];
      const w: number[] = [];
      for (let i = 0; i < models; i++) {
        for (let j = i + 1; j < models; j++) {
          let p = 0;
          let mass = 0;
          for (let k = -400; k <= 400; k++) {
            const z = k / 50;
            const dens = Math.exp(-z * z / 2);
            p += dens / (1 + Math.exp(-((TRUE[i]! - TRUE[j]!) / SCALE + SD * z)));
            mass += dens;
          }
          a.push(i);
          b.push(j);
          w.push((p / mass) * 1e6);
        }
      }
      const theta = fitBradleyTerry({ n: models, size: a.length, a: Int32Array.from(a), b: Int32Array.from(b), w: Float64Array.from(w), t: new Float64Array(a.length).fill(1e6) }, 1e-9).theta;
      const mean = theta.reduce((s, x) => s + x, 0) / models;
      return Array.from(theta, (x) => 1000 + SCALE * (x - mean));
    }

    it('cover about 95% by resampling battles, where resampling votes falls short', () => {
      const truth = estimand();
      let byBattle = 0;
      let byVote = 0;
      let total = 0;
      let widthBattle = 0;
      let widthVote = 0;
      for (let r = 0; r < 60; r++) {
        const rows = draw(500 + r);
        const battles = computeLeaderboard(aggregate(rows), { bootstrap: 300, seed: r, minVotes: 0 });
        const votes = computeLeaderboard(aggregate(rows.map(({ battleId: _, ...v }) => v)), { bootstrap: 300, seed: r, minVotes: 0 });
        for (const [board, add] of [[battles, (x: number) => (byBattle += x)], [votes, (x: number) => (byVote += x)]] as const) {
          for (const m of board.models) {
            const t = truth[Number(m.model.slice(1))]!;
            add(m.ciLow! <= t && t <= m.ciHigh! ? 1 : 0);
          }
        }
        total += battles.models.length;
        widthBattle += battles.models.reduce((s, m) => s + m.ciHigh! - m.ciLow!, 0);
        widthVote += votes.models.reduce((s, m) => s + m.ciHigh! - m.ciLow!, 0);
      }
      expect(total).toBe(600);
      expect(byBattle / total).toBeGreaterThanOrEqual(0.9);
      expect(byBattle / total).toBeLessThan(0.99);
      // Votes of one battle are not independent: treating them so gives intervals ~20% too narrow.
      expect(byVote / total).toBeLessThan(byBattle / total - 0.04);
      expect(widthVote / widthBattle).toBeLessThan(0.88);
    });
  });
});
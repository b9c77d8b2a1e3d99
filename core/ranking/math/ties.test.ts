// Tie models on data drawn from them: the tie parameter and the order of the models come back.
import { describe, expect, it } from 'vitest';
import { createCountsBuilder } from './counts';
import { createRng } from './random';
import { fitTieModel } from './ties';
import { computeLeaderboard } from '../leaderboard';

const THETA = [0.8, 0.3, 0, -0.4, -0.9];

function draw(kind: 'davidson' | 'rao-kupper', tie: number, seed: number) {
  const rng = createRng(seed, 5);
  const b = createCountsBuilder();
  for (let v = 0; v < 40_000; v++) {
    const i = Math.floor(rng() * 5);
    let j = Math.floor(rng() * 4);
    if (j >= i) j++;
    const d = THETA[i]! - THETA[j]!;
    let pi: number;
    let pj: number;
    if (kind === 'davidson') {
      const den = Math.exp(d / 2) + Math.exp(-d / 2) + tie;
      pi = Math.exp(d / 2) / den;
      pj = Math.exp(-d / 2) / den;
    } else {
      pi = 1 / (1 + tie * Math.exp(-d));
      pj = 1 / (1 + tie * Math.exp(d));
    }
    const u = rng();
    b.add(`m${i}`, `m${j}`, u < pi ? 'a' : u < pi + pj ? 'b' : 'tie');
  }
  return b.build();
}

describe('tie models', () => {
  for (const [kind, tie] of [['davidson', 0.8], ['rao-kupper', 1.6]] as const) {
    it(`recovers ${kind}'s tie parameter and strengths`, () => {
      const counts = draw(kind, tie, 3);
      const fit = fitTieModel(counts, { kind, bothBad: 'tie', prior: 1e-6, groupOf: new Int32Array(counts.models.length) });
      expect(fit.tieParameter).toBeGreaterThan(tie * 0.93);
      expect(fit.tieParameter).toBeLessThan(tie * 1.07);
      const theta = counts.models.map((m, k) => [Number(m.slice(1)), fit.theta[k]!] as const).sort((x, y) => x[0] - y[0]).map((x) => x[1]);
      const mean = theta.reduce((s, x) => s + x, 0) / 5;
      const truth = THETA.map((x) => x - THETA.reduce((s, y) => s + y, 0) / 5);
      // Davidson's strengths are on Bradley–Terry's scale; Rao–Kupper's too (πi/(πi + θπj)).
      theta.forEach((x, k) => expect(Math.abs(x - mean - truth[k]!)).toBeLessThan(0.06));
    });
  }

  it('is reported beside plain Bradley–Terry on the board', () => {
    const board = computeLeaderboard(draw('davidson', 0.8, 4), { bootstrap: 20, tieModel: 'davidson' });
    expect(board.tieModel!.kind).toBe('davidson');
    expect(board.tieModel!.tieParameter).toBeGreaterThan(0.7);
    const m0 = board.models.find((m) => m.model === 'm0')!;
    expect(m0.tieModel!.score).toBeGreaterThan(1000);
    // Same order as the plain scores.
    const plain = board.models.map((m) => m.model);
    const tied = [...board.models].sort((x, y) => y.tieModel!.score - x.tieModel!.score).map((m) => m.model);
    expect(tied).toEqual(plain);
  });
});

// Bootstrap by BATTLE: several members of a group chat vote on one battle, having read the same two replies, so
// their votes are not independent; resampling single votes would make intervals too narrow (18 % on correlated
// synthetic data). Each round redraws whole battles. Battles of one pair with the same tally are exchangeable, so a
// round draws the number of battles of each (pair, tally) cell — Poisson bootstrap, see createPoissonSampler — and
// refits from the full-data optimum.
import { createWarmSolver, type FitTable } from './bradley-terry';
import { poissonTables, sfc32State } from './random';

/** Everything a bootstrap needs, as plain typed arrays (it crosses worker threads as is). */
export interface BootstrapProblem {
  n: number;
  /** Pairs. */
  size: number;
  a: Int32Array;
  b: Int32Array;
  /**
   * Cells in solver form, sorted by pair (pair q's cells are [pairStart[q], pairStart[q + 1])): pair, one battle's
   * (a's wins + half the ties) and votes, and the number of battles.
   */
  cells: number;
  pairStart: Int32Array;
  cellPair: Int32Array;
  cellW: Float64Array;
  cellT: Float64Array;
  cellCount: Float64Array;
  thetaHat: Float64Array;
  prior: number;
  seed: number;
}

/** Per-pair solver counts for cell counts `counts` (the data, or one round's draw). */
function accumulate(p: BootstrapProblem, counts: Float64Array, into: FitTable): void {
  into.w.fill(0);
  into.t.fill(0);
  for (let k = 0; k < p.cells; k++) {
    const c = counts[k]!;
    if (c === 0) continue;
    const q = p.cellPair[k]!;
    into.w[q] = into.w[q]! + c * p.cellW[k]!;
    into.t[q] = into.t[q]! + c * p.cellT[k]!;
  }
}

export function fitTableOf(p: BootstrapProblem): FitTable {
  const table: FitTable = { n: p.n, size: p.size, a: p.a, b: p.b, w: new Float64Array(p.size), t: new Float64Array(p.size) };
  accumulate(p, p.cellCount, table);
  return table;
}

/**
 * Rounds [from, to) into `out` (row-major, (to - from) × n natural-log strengths). Round r always uses the stream
 * (seed, r): any split of the rounds gives the same numbers. Each cell's Poisson draw goes straight into its pair's
 * sums (cells are sorted by pair), the generator's state in locals: about 10 ns a cell.
 */
export function bootstrapRounds(problem: BootstrapProblem, from: number, to: number, out: Float64Array): void {
  const { n, size, pairStart, cellW, cellT } = problem;
  const solver = createWarmSolver(fitTableOf(problem), problem.thetaHat, problem.prior);
  const { table, cellGuide, guide, cellFirst, cellStart } = poissonTables(problem.cellCount);
  const sample: FitTable = { n, size, a: problem.a, b: problem.b, w: new Float64Array(size), t: new Float64Array(size) };
  const sw = sample.w;
  const st = sample.t;
  const theta = new Float64Array(n);
  for (let r = from; r < to; r++) {
    const state = sfc32State(problem.seed, r);
    let ga = state[0]!;
    let gb = state[1]!;
    let gc = state[2]!;
    let gd = state[3]!;
    for (let q = 0; q < size; q++) {
      let w = 0;
      let t = 0;
      const end = pairStart[q + 1]!;
      for (let k = pairStart[q]!; k < end; k++) {
        const gk = cellGuide[k]!;
        if (gk < 0) continue;
        const x0 = (((ga + gb) | 0) + gd) | 0;
        gd = (gd + 1) | 0;
        ga = gb ^ (gb >>> 9);
        gb = (gc + (gc << 3)) | 0;
        gc = (gc << 21) | (gc >>> 11);
        gc = (gc + x0) | 0;
        const u = x0 >>> 0;
        let i = guide[gk + (u >>> 24)]!;
        while (table[i]! <= u) i++;
        const x = cellFirst[k]! + (i - cellStart[k]!);
        w += x * cellW[k]!;
        t += x * cellT[k]!;
      }
      sw[q] = w;
      st[q] = t;
    }
    solver.solve(sample, theta);
    out.set(theta, (r - from) * n);
  }
}

// Bootstrap by multinomial resampling of the outcome COUNTS: each round draws as many votes as were cast over the
// (pair × outcome) cells with the observed frequencies, then refits from the full-data optimum.
import { createWarmSolver, type FitTable } from './bradley-terry';
import { createMultinomialSampler } from './random';

/** Everything a bootstrap needs, as plain typed arrays (it crosses worker threads as is). */
export interface BootstrapProblem {
  n: number;
  size: number;
  a: Int32Array;
  b: Int32Array;
  winsA: Float64Array;
  winsB: Float64Array;
  /** Ties, including "both bad" when those count as ties. */
  ties: Float64Array;
  thetaHat: Float64Array;
  prior: number;
  seed: number;
}

export function fitTableOf(p: Pick<BootstrapProblem, 'n' | 'size' | 'a' | 'b' | 'winsA' | 'winsB' | 'ties'>): FitTable {
  const w = new Float64Array(p.size);
  const t = new Float64Array(p.size);
  for (let k = 0; k < p.size; k++) {
    w[k] = p.winsA[k]! + 0.5 * p.ties[k]!;
    t[k] = p.winsA[k]! + p.winsB[k]! + p.ties[k]!;
  }
  return { n: p.n, size: p.size, a: p.a, b: p.b, w, t };
}

/**
 * Rounds [from, to) into `out` (row-major, (to - from) × n natural-log strengths). Round r always uses the stream
 * (seed, r): any split of the rounds gives the same numbers.
 */
export function bootstrapRounds(problem: BootstrapProblem, from: number, to: number, out: Float64Array): void {
  const { n, size } = problem;
  const full = fitTableOf(problem);
  const solver = createWarmSolver(full, problem.thetaHat, problem.prior);
  const weights = new Float64Array(3 * size);
  let total = 0;
  for (let k = 0; k < size; k++) {
    weights[3 * k] = problem.winsA[k]!;
    weights[3 * k + 1] = problem.winsB[k]!;
    weights[3 * k + 2] = problem.ties[k]!;
    total += problem.winsA[k]! + problem.winsB[k]! + problem.ties[k]!;
  }
  total = Math.round(total);
  const multinomial = createMultinomialSampler(total, weights);
  const drawn = new Float64Array(3 * size);
  const sample: FitTable = { n, size, a: problem.a, b: problem.b, w: new Float64Array(size), t: new Float64Array(size) };
  const theta = new Float64Array(n);
  for (let r = from; r < to; r++) {
    multinomial(problem.seed, r, drawn);
    for (let k = 0; k < size; k++) {
      const x = drawn[3 * k]!;
      const tie = drawn[3 * k + 2]!;
      sample.w[k] = x + 0.5 * tie;
      sample.t[k] = x + drawn[3 * k + 1]! + tie;
    }
    solver.solve(sample, theta);
    out.set(theta, (r - from) * n);
  }
}

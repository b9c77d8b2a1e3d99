// Bradley–Terry by maximum likelihood on per-pair counts, solved with Newton's method on the n×n Hessian.
// A weak Gaussian prior (ridge) on the log-strengths keeps every solution finite and unique: a model that never lost
// or a comparison graph in pieces would otherwise send the MLE to infinity or leave it undetermined. With real
// amounts of data its pull is far below a tenth of a point.

/** Counts in solver form: pair p opposes models a[p] and b[p]; w[p] is a's wins plus half the ties, t[p] all votes. */
export interface FitTable {
  n: number;
  size: number;
  a: Int32Array;
  b: Int32Array;
  w: Float64Array;
  t: Float64Array;
}

export interface FitResult {
  /** Natural-log strengths; with the prior they sum to zero within each connected component. */
  theta: Float64Array;
  iterations: number;
  converged: boolean;
}

const TOL = 1e-9;

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Penalised log-likelihood. */
export function logLikelihood(table: FitTable, theta: Float64Array, prior: number): number {
  const { a, b, w, t, size } = table;
  let f = 0;
  for (let p = 0; p < size; p++) {
    const tot = t[p]!;
    if (tot <= 0) continue;
    const d = theta[a[p]!]! - theta[b[p]!]!;
    const wp = w[p]!;
    f -= wp * softplus(-d) + (tot - wp) * softplus(d);
  }
  let s = 0;
  for (let i = 0; i < table.n; i++) s += theta[i]! * theta[i]!;
  return f - 0.5 * prior * s;
}

/** Gradient of the penalised log-likelihood into g, and its negative Hessian (dense, row-major) into h when given. */
function gradientHessian(table: FitTable, theta: Float64Array, prior: number, g: Float64Array, h?: Float64Array): void {
  const { a, b, w, t, size, n } = table;
  h?.fill(0);
  for (let i = 0; i < n; i++) {
    g[i] = -prior * theta[i]!;
    if (h) h[i * n + i] = prior;
  }
  for (let p = 0; p < size; p++) {
    const tot = t[p]!;
    if (tot <= 0) continue;
    const i = a[p]!;
    const j = b[p]!;
    const s = 1 / (1 + Math.exp(theta[j]! - theta[i]!));
    const r = w[p]! - tot * s;
    g[i] = g[i]! + r;
    g[j] = g[j]! - r;
    if (!h) continue;
    const v = tot * s * (1 - s);
    h[i * n + i] = h[i * n + i]! + v;
    h[j * n + j] = h[j * n + j]! + v;
    h[i * n + j] = h[i * n + j]! - v;
    h[j * n + i] = h[j * n + i]! - v;
  }
}

/** In-place Cholesky factorisation (lower triangle) of a symmetric positive-definite matrix. */
export function cholesky(h: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let d = h[j * n + j]!;
    const rj = j * n;
    for (let k = 0; k < j; k++) d -= h[rj + k]! * h[rj + k]!;
    if (!(d > 0)) return false;
    d = Math.sqrt(d);
    h[rj + j] = d;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = h[ri + j]!;
      for (let k = 0; k < j; k++) s -= h[ri + k]! * h[rj + k]!;
      h[ri + j] = s / d;
    }
  }
  return true;
}

/** Solve L Lᵀ x = rhs in place (rhs becomes x). */
export function choleskySolve(l: Float64Array, n: number, x: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    const ri = i * n;
    for (let k = 0; k < i; k++) s -= l[ri + k]! * x[k]!;
    x[i] = s / l[ri + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
}

/** Damped Newton from `start` (default zeros). Always terminates; the prior makes the objective strictly concave. */
export function fitBradleyTerry(table: FitTable, prior: number, start?: Float64Array, maxIterations = 200): FitResult {
  const n = table.n;
  const theta = start ? Float64Array.from(start) : new Float64Array(n);
  const g = new Float64Array(n);
  const h = new Float64Array(n * n);
  const next = new Float64Array(n);
  let f = logLikelihood(table, theta, prior);
  for (let it = 1; it <= maxIterations; it++) {
    gradientHessian(table, theta, prior, g, h);
    if (!cholesky(h, n)) return { theta, iterations: it, converged: false };
    choleskySolve(h, n, g);
    let step = 1;
    let fNext = f;
    let maxStep = 0;
    for (let halvings = 0; halvings < 60; halvings++) {
      for (let i = 0; i < n; i++) next[i] = theta[i]! + step * g[i]!;
      fNext = logLikelihood(table, next, prior);
      if (fNext >= f - 1e-12 * Math.abs(f)) break;
      step /= 2;
    }
    maxStep = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.abs(next[i]! - theta[i]!);
      if (d > maxStep) maxStep = d;
    }
    theta.set(next);
    f = fNext;
    if (maxStep < TOL) return { theta, iterations: it, converged: true };
  }
  return { theta, iterations: maxIterations, converged: false };
}

/**
 * A solver for many tables close to one already fitted (bootstrap resamples): chord iterations reuse the Cholesky
 * factor of the Hessian at the full-data optimum, so a round costs a few gradient passes and triangular solves
 * instead of a factorisation per Newton step. Falls back to full Newton when a resample is far off.
 */
export function createWarmSolver(table: FitTable, thetaHat: Float64Array, prior: number) {
  const n = table.n;
  const g = new Float64Array(n);
  const l = new Float64Array(n * n);
  gradientHessian(table, thetaHat, prior, g, l);
  const factored = cholesky(l, n);
  // 1e-6 in log-strength is 0.0002 points: far below what any interval or table shows.
  const tol = 1e-6;
  return {
    /** Fit `sample` (same pairs as `table`, other counts) into `out`; returns the iterations used. */
    solve(sample: FitTable, out: Float64Array): number {
      out.set(thetaHat);
      if (factored) {
        let last = Infinity;
        for (let it = 1; it <= 30; it++) {
          gradientHessian(sample, out, prior, g);
          choleskySolve(l, n, g);
          let m = 0;
          for (let i = 0; i < n; i++) {
            out[i] = out[i]! + g[i]!;
            const d = Math.abs(g[i]!);
            if (d > m) m = d;
          }
          // Chord steps shrink geometrically near the optimum; if they stop shrinking, take the safe road.
          if (!Number.isFinite(m) || m > 0.8 * last) break;
          if (m < tol) return it;
          last = m;
        }
      }
      const fit = fitBradleyTerry(sample, prior, thetaHat);
      out.set(fit.theta);
      return 30 + fit.iterations;
    },
  };
}

/** Connected components of the comparison graph (pairs with at least one counted vote), largest first. */
export function components(table: FitTable): number[][] {
  const parent = Int32Array.from({ length: table.n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let p = 0; p < table.size; p++) {
    if (table.t[p]! <= 0) continue;
    const x = find(table.a[p]!);
    const y = find(table.b[p]!);
    if (x !== y) parent[x] = y;
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < table.n; i++) {
    const r = find(i);
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()].sort((x, y) => y.length - x.length || x[0]! - y[0]!);
}

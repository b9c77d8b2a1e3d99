// Tie models beside plain Bradley–Terry (which counts a tie as half a win each way):
// - Davidson (1970): P(i wins) ∝ πi, P(j wins) ∝ πj, P(tie) ∝ ν√(πi πj);
// - Rao–Kupper (1967): P(i wins) = πi / (πi + θ πj), ties take the rest (θ ≥ 1).
// Both are fitted by maximum likelihood (same ridge prior as the plain fit), within the groups where scores compare.
// Each pair's log-likelihood depends only on d = θi − θj and the tie parameter, so Newton steps on θ assemble the
// same sparse structure as plain Bradley–Terry from per-pair first and second derivatives in d.
import { cholesky, choleskySolve } from './bradley-terry';
import type { BothBadPolicy, PairCounts, TieModel } from '../types';

type PairLogLik = (w: number, l: number, t: number, d: number, tau: number) => number;

const log1pexp = (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));
const logSigmoid = (x: number) => -log1pexp(-x);

/** Davidson with τ = log ν. */
const davidson: PairLogLik = (w, l, t, d, tau) => {
  const nu = Math.exp(tau);
  const m = Math.abs(d) / 2;
  // log(e^{d/2} + e^{−d/2} + ν), stably
  const logD = m + Math.log(1 + Math.exp(-2 * m) + nu * Math.exp(-m));
  return w * (d / 2) - l * (d / 2) + t * tau - (w + l + t) * logD;
};

/** Rao–Kupper with τ = log(log θ), so that θ = e^{e^τ} > 1. */
const raoKupper: PairLogLik = (w, l, t, d, tau) => {
  const eta = Math.exp(tau);
  const pi = logSigmoid(d - eta);
  const pj = logSigmoid(-d - eta);
  // P(tie) = 1 − σ(d−η) − σ(−d−η) = σ(η−d)·σ(η+d)·(1 − e^{−2η}) — written so that it never cancels to 0.
  const pt = logSigmoid(eta - d) + logSigmoid(eta + d) + Math.log(-Math.expm1(-2 * eta));
  return w * pi + l * pj + (t > 0 ? t * pt : 0);
};

export interface TieFit {
  theta: Float64Array;
  /** Davidson's ν, or Rao–Kupper's θ. */
  tieParameter: number;
  logLikelihood: number;
}

export function fitTieModel(
  counts: PairCounts,
  options: { kind: TieModel; bothBad: BothBadPolicy; prior: number; groupOf: Int32Array },
): TieFit {
  const f = options.kind === 'davidson' ? davidson : raoKupper;
  const n = counts.models.length;
  const rows: Array<{ i: number; j: number; w: number; l: number; t: number }> = [];
  let ties = 0;
  let total = 0;
  for (let p = 0; p < counts.size; p++) {
    const i = counts.a[p]!;
    const j = counts.b[p]!;
    if (options.groupOf[i] !== options.groupOf[j]) continue;
    const t = counts.ties[p]! + (options.bothBad === 'tie' ? counts.bothBad[p]! : 0);
    rows.push({ i, j, w: counts.winsA[p]!, l: counts.winsB[p]!, t });
    ties += t;
    total += counts.winsA[p]! + counts.winsB[p]! + t;
  }
  const theta = new Float64Array(n);
  // Start the tie parameter where a tie share of `ties / total` between equals would put it.
  const share = Math.min(0.9, Math.max(1e-3, total > 0 ? ties / total : 0.1));
  let tau = options.kind === 'davidson' ? Math.log((2 * share) / (1 - share)) : Math.log(Math.max(1e-3, Math.log((1 + share) / (1 - share))));
  const h = 1e-4;
  const logLik = (th: Float64Array, t: number) => {
    let s = 0;
    for (const r of rows) s += f(r.w, r.l, r.t, th[r.i]! - th[r.j]!, t);
    for (let i = 0; i < n; i++) s -= 0.5 * options.prior * th[i]! * th[i]!;
    return s;
  };
  const g = new Float64Array(n);
  const H = new Float64Array(n * n);
  const next = new Float64Array(n);
  let current = logLik(theta, tau);
  for (let outer = 0; outer < 100; outer++) {
    // Newton step on θ for this τ.
    g.fill(0);
    H.fill(0);
    for (let i = 0; i < n; i++) {
      g[i] = -options.prior * theta[i]!;
      H[i * n + i] = options.prior;
    }
    for (const r of rows) {
      const d = theta[r.i]! - theta[r.j]!;
      const f0 = f(r.w, r.l, r.t, d, tau);
      const fp = f(r.w, r.l, r.t, d + h, tau);
      const fm = f(r.w, r.l, r.t, d - h, tau);
      const d1 = (fp - fm) / (2 * h);
      const d2 = Math.min(-1e-12, (fp - 2 * f0 + fm) / (h * h));
      g[r.i] = g[r.i]! + d1;
      g[r.j] = g[r.j]! - d1;
      H[r.i * n + r.i] = H[r.i * n + r.i]! - d2;
      H[r.j * n + r.j] = H[r.j * n + r.j]! - d2;
      H[r.i * n + r.j] = H[r.i * n + r.j]! + d2;
      H[r.j * n + r.i] = H[r.j * n + r.i]! + d2;
    }
    let moved = 0;
    if (cholesky(H, n)) {
      choleskySolve(H, n, g);
      let step = 1;
      for (let k = 0; k < 40; k++) {
        for (let i = 0; i < n; i++) next[i] = theta[i]! + step * g[i]!;
        if (logLik(next, tau) >= current - 1e-12 * Math.abs(current)) break;
        step /= 2;
      }
      for (let i = 0; i < n; i++) moved = Math.max(moved, Math.abs(next[i]! - theta[i]!));
      theta.set(next);
      current = logLik(theta, tau);
    }
    // One-dimensional Newton step on τ, guarded by the likelihood.
    const t0 = logLik(theta, tau);
    const tp = logLik(theta, tau + h);
    const tm = logLik(theta, tau - h);
    const s1 = (tp - tm) / (2 * h);
    const s2 = (tp - 2 * t0 + tm) / (h * h);
    let dt = s2 < 0 ? -s1 / s2 : Math.sign(s1) * 0.5;
    dt = Math.max(-2, Math.min(2, dt));
    for (let k = 0; k < 40 && logLik(theta, tau + dt) < t0; k++) dt /= 2;
    if (ties > 0) tau += dt;
    current = logLik(theta, tau);
    if (moved < 1e-9 && Math.abs(dt) < 1e-9) break;
  }
  return {
    theta,
    tieParameter: options.kind === 'davidson' ? Math.exp(tau) : Math.exp(Math.exp(tau)),
    logLikelihood: current,
  };
}

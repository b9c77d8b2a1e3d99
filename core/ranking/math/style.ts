// Style control: a contextual Bradley–Terry model, P(A beats B) = σ(θA − θB + β·x), where x holds the normalised
// differences of reply length and Markdown headers, lists and bold between the two sides. θ is then the model's
// strength with the pull of style taken out. Two variants, which differ by 2–3 points on the same data:
// - `lmarena` (FastChat's rating_systems.py, compute_style_control): x = (a − b) / (a + b + 1) for all four features,
//   standardised over votes; ridge penalty 0.25·‖params‖² with ratings in log10 units (so λ = 0.5 / ln(10)² on θ
//   and 0.5 on β);
// - `comparia`: x = (a − b) / (a + b), standardised over battles; the leaderboard's weak prior on every parameter.
// Rows are battles (votes aggregated per battle), and the bootstrap redraws whole battles.
import { cholesky, choleskySolve } from './bradley-terry';
import { createPoissonSampler } from './random';
import type { BothBadPolicy, StyleBattle, StyleFeatures, StyleVariant } from '../types';

export const STYLE_FEATURES = ['length', 'headers', 'lists', 'bold'] as const satisfies ReadonlyArray<keyof StyleFeatures>;
const K = STYLE_FEATURES.length;
const SCALE = 400 / Math.LN10;

/** Counts the Markdown features of one reply. */
export function styleOf(text: string, tokens?: number | null): StyleFeatures {
  return {
    length: tokens ?? text.length,
    headers: (text.match(/^ {0,3}#{1,6}[ \t]/gm) ?? []).length,
    lists: (text.match(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/gm) ?? []).length,
    bold: (text.match(/\*\*[^*\n]+\*\*|__[^_\n]+__/g) ?? []).length,
  };
}

export function addStyle(x: StyleFeatures, y: StyleFeatures): StyleFeatures {
  return { length: x.length + y.length, headers: x.headers + y.headers, lists: x.lists + y.lists, bold: x.bold + y.bold };
}

export interface StyleFit {
  /** Style-controlled log-strengths, indexed like `models`. */
  theta: Float64Array;
  /** Bootstrap draws of theta, rounds × models. */
  draws: Float64Array;
  /** Points of score per standard deviation of each feature difference. */
  coefficients: Record<keyof StyleFeatures, number>;
  unknownModels: string[];
}

interface Rows {
  B: number;
  a: Int32Array;
  b: Int32Array;
  x: Float64Array; // B × K, standardised
  w: Float64Array;
  t: Float64Array;
}

function objective(rows: Rows, beta: Float64Array, n: number, prior: Float64Array, g: Float64Array, h: Float64Array | null): number {
  const dim = n + K;
  g.fill(0);
  if (h) h.fill(0);
  let f = 0;
  for (let r = 0; r < rows.B; r++) {
    const tot = rows.t[r]!;
    if (tot <= 0) continue;
    const i = rows.a[r]!;
    const j = rows.b[r]!;
    let d = beta[i]! - beta[j]!;
    for (let k = 0; k < K; k++) d += beta[n + k]! * rows.x[r * K + k]!;
    const s = 1 / (1 + Math.exp(-d));
    const w = rows.w[r]!;
    f += w * Math.log(Math.max(s, 1e-300)) + (tot - w) * Math.log(Math.max(1 - s, 1e-300));
    const res = w - tot * s;
    const v = tot * s * (1 - s);
    // Design row: +1 at i, −1 at j, x at the style columns.
    const idx = [i, j, n, n + 1, n + 2, n + 3];
    const val = [1, -1, rows.x[r * K]!, rows.x[r * K + 1]!, rows.x[r * K + 2]!, rows.x[r * K + 3]!];
    for (let u = 0; u < 6; u++) {
      g[idx[u]!] = g[idx[u]!]! + res * val[u]!;
      if (h) for (let z = 0; z < 6; z++) h[idx[u]! * dim + idx[z]!] = h[idx[u]! * dim + idx[z]!]! + v * val[u]! * val[z]!;
    }
  }
  for (let i = 0; i < dim; i++) {
    f -= 0.5 * prior[i]! * beta[i]! * beta[i]!;
    g[i] = g[i]! - prior[i]! * beta[i]!;
    if (h) h[i * dim + i] = h[i * dim + i]! + prior[i]!;
  }
  return f;
}

function newton(rows: Rows, n: number, prior: Float64Array, start: Float64Array): Float64Array {
  const dim = n + K;
  const beta = Float64Array.from(start);
  const g = new Float64Array(dim);
  const h = new Float64Array(dim * dim);
  const gt = new Float64Array(dim);
  const next = new Float64Array(dim);
  let f = objective(rows, beta, n, prior, g, h);
  for (let it = 0; it < 100; it++) {
    if (!cholesky(h, dim)) break;
    choleskySolve(h, dim, g);
    let step = 1;
    let fn = f;
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < dim; i++) next[i] = beta[i]! + step * g[i]!;
      fn = objective(rows, next, n, prior, gt, null);
      if (fn >= f - 1e-12 * Math.abs(f)) break;
      step /= 2;
    }
    let m = 0;
    for (let i = 0; i < dim; i++) m = Math.max(m, Math.abs(next[i]! - beta[i]!));
    beta.set(next);
    f = objective(rows, beta, n, prior, g, h);
    if (m < 1e-9) break;
  }
  return beta;
}

export function fitStyleControl(
  models: string[],
  battles: StyleBattle[],
  options: { bothBad: BothBadPolicy; prior: number; rounds: number; seed: number; variant?: StyleVariant },
): StyleFit {
  const variant = options.variant ?? 'comparia';
  const n = models.length;
  const index = new Map(models.map((m, i) => [m, i]));
  const unknown = new Set<string>();
  const kept = battles.filter((bt) => {
    const ok = index.has(bt.modelA) && index.has(bt.modelB) && bt.modelA !== bt.modelB;
    if (!ok) {
      if (!index.has(bt.modelA)) unknown.add(bt.modelA);
      if (!index.has(bt.modelB)) unknown.add(bt.modelB);
    }
    return ok;
  });
  const B = kept.length;
  const rows: Rows = {
    B,
    a: new Int32Array(B),
    b: new Int32Array(B),
    x: new Float64Array(B * K),
    w: new Float64Array(B),
    t: new Float64Array(B),
  };
  kept.forEach((bt, r) => {
    rows.a[r] = index.get(bt.modelA)!;
    rows.b[r] = index.get(bt.modelB)!;
    const ties = bt.ties + (options.bothBad === 'tie' ? bt.bothBad : 0);
    rows.w[r] = bt.winsA + ties / 2;
    rows.t[r] = bt.winsA + bt.winsB + ties;
    STYLE_FEATURES.forEach((f, k) => {
      const sa = bt.styleA[f];
      const sb = bt.styleB[f];
      rows.x[r * K + k] = variant === 'lmarena' ? (sa - sb) / (sa + sb + 1) : sa + sb > 0 ? (sa - sb) / (sa + sb) : 0;
    });
  });
  // Standardise each feature so the coefficients are comparable (population sd, as numpy's default); LMArena's rows
  // are votes, so a battle weighs as many votes as it got. A constant feature drops out.
  for (let k = 0; k < K; k++) {
    const weight = (r: number) => (variant === 'lmarena' ? rows.t[r]! : 1);
    let mass = 0;
    let mean = 0;
    for (let r = 0; r < B; r++) {
      mass += weight(r);
      mean += weight(r) * rows.x[r * K + k]!;
    }
    mean /= Math.max(1e-300, mass);
    let v = 0;
    for (let r = 0; r < B; r++) v += weight(r) * (rows.x[r * K + k]! - mean) ** 2;
    const sd = Math.sqrt(v / Math.max(1e-300, mass));
    for (let r = 0; r < B; r++) rows.x[r * K + k] = sd > 1e-12 ? (rows.x[r * K + k]! - mean) / sd : 0;
  }
  const dim = n + K;
  const prior = new Float64Array(dim);
  for (let i = 0; i < dim; i++) prior[i] = variant === 'lmarena' ? (i < n ? 0.5 / (Math.LN10 * Math.LN10) : 0.5) : options.prior;
  const hat = newton(rows, n, prior, new Float64Array(dim));

  // Bootstrap: each battle drawn Poisson(1) times (whole battles, as for the plain scores), chord iterations on the
  // full-data Hessian.
  const draws = new Float64Array(options.rounds * n);
  const g = new Float64Array(dim);
  const l = new Float64Array(dim * dim);
  objective(rows, hat, n, prior, g, l);
  const factored = cholesky(l, dim);
  const draw = createPoissonSampler(new Float64Array(B).fill(1));
  const drawn = new Float64Array(B);
  const sample: Rows = { ...rows, w: new Float64Array(B), t: new Float64Array(B) };
  const beta = new Float64Array(dim);
  for (let round = 0; round < options.rounds; round++) {
    draw(options.seed ^ 0x5eed, round, drawn);
    for (let r = 0; r < B; r++) {
      sample.w[r] = drawn[r]! * rows.w[r]!;
      sample.t[r] = drawn[r]! * rows.t[r]!;
    }
    beta.set(hat);
    let done = false;
    if (factored) {
      let last = Infinity;
      for (let it = 0; it < 30; it++) {
        objective(sample, beta, n, prior, g, null);
        choleskySolve(l, dim, g);
        let m = 0;
        for (let i = 0; i < dim; i++) {
          beta[i] = beta[i]! + g[i]!;
          m = Math.max(m, Math.abs(g[i]!));
        }
        if (!Number.isFinite(m) || m > 0.8 * last) break;
        if (m < 1e-7) {
          done = true;
          break;
        }
        last = m;
      }
    }
    if (!done) beta.set(newton(sample, n, prior, hat));
    draws.set(beta.subarray(0, n), round * n);
  }
  const coefficients = Object.fromEntries(STYLE_FEATURES.map((f, k) => [f, SCALE * hat[n + k]!])) as Record<
    keyof StyleFeatures,
    number
  >;
  return { theta: hat.slice(0, n), draws, coefficients, unknownModels: [...unknown] };
}

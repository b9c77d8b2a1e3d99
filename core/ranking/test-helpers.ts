// Synthetic votes drawn from known strengths, and an independent fit to check the solver against. Test-only.
import { createCountsBuilder } from './math/counts';
import { createRng, type Uniform } from './math/random';
import type { Outcome, PairCounts, VoteRow } from './types';

/** An LMArena dump's line (`model_a`, `model_b`, `winner` and whatever else it carries). */
export const lmarenaLine = (a: string, b: string, winner: string, extra: object = {}) => JSON.stringify({ model_a: a, model_b: b, winner, ...extra });

/** LMArena's style metadata of one battle (`conv_metadata`): A long and formatted, B short and plain. */
export const LMARENA_STYLE_META = {
  sum_assistant_a_tokens: 500,
  sum_assistant_b_tokens: 100,
  header_count_a: { h1: 1, h2: 2 },
  header_count_b: { h1: 0 },
  list_count_a: { ordered: 3, unordered: 2 },
  list_count_b: { ordered: 0, unordered: 0 },
  bold_count_a: { '**': 4, __: 0 },
  bold_count_b: { '**': 0, __: 1 },
};

/** A one-turn conversation as vote files carry it. */
export const conversation = (text: string, prompt = 'hi') => [
  { role: 'user', content: prompt },
  { role: 'assistant', content: text },
];

export interface DrawOptions {
  votes: number;
  seed: number;
  /** Share of tie votes (default 0) and of both-bad votes (default 0). */
  tieRate?: number;
  bothBadRate?: number;
  /** Ties that keep Bradley–Terry exact (see drawOutcome). */
  consistentTies?: boolean;
}

/**
 * Outcome from Bradley–Terry with `scores` on the 400-point scale. With `consistentTies`, ties are likeliest between
 * equals and the expected score (ties counting half) is exactly the win probability, so the truth is what the model
 * estimates; otherwise ties and both-bad votes come at fixed rates whatever the strengths.
 */
export function drawOutcome(rng: Uniform, sa: number, sb: number, tieRate = 0, bothBadRate = 0, consistentTies = false): Outcome {
  const p = 1 / (1 + 10 ** ((sb - sa) / 400));
  const u = rng();
  if (consistentTies) {
    const q = 4 * (tieRate + bothBadRate) * p * (1 - p);
    if (u < q) return u < (q * bothBadRate) / (tieRate + bothBadRate) ? 'both_bad' : 'tie';
    return rng() < (p - q / 2) / (1 - q) ? 'a' : 'b';
  }
  if (u < tieRate) return 'tie';
  if (u < tieRate + bothBadRate) return 'both_bad';
  return rng() < p ? 'a' : 'b';
}

/** Votes between uniformly drawn pairs of `scores`' models (named m0, m1, …). */
export function drawRows(scores: number[], o: DrawOptions): VoteRow[] {
  const rng = createRng(o.seed, 77);
  const rows: VoteRow[] = [];
  for (let v = 0; v < o.votes; v++) {
    const i = Math.floor(rng() * scores.length);
    let j = Math.floor(rng() * (scores.length - 1));
    if (j >= i) j++;
    rows.push({ modelA: `m${i}`, modelB: `m${j}`, outcome: drawOutcome(rng, scores[i]!, scores[j]!, o.tieRate, o.bothBadRate, o.consistentTies) });
  }
  return rows;
}

export function drawCounts(scores: number[], o: DrawOptions): PairCounts {
  const b = createCountsBuilder();
  for (const r of drawRows(scores, o)) b.add(r.modelA, r.modelB, r.outcome);
  return b.build();
}

/**
 * Plain logistic regression by gradient ascent, one row per vote (the textbook way the solver avoids): rows are
 * (+1 for A, −1 for B) with label A-won; a tie is two half-weighted rows. Returns 400-point scores averaging 1000.
 */
export function logisticRegressionScores(rows: VoteRow[], models: string[], bothBadAsTie = true): Map<string, number> {
  const index = new Map(models.map((m, i) => [m, i]));
  const n = models.length;
  const beta = new Float64Array(n);
  const data: Array<{ i: number; j: number; y: number; w: number }> = [];
  for (const r of rows) {
    const i = index.get(r.modelA)!;
    const j = index.get(r.modelB)!;
    if (r.outcome === 'a') data.push({ i, j, y: 1, w: 1 });
    else if (r.outcome === 'b') data.push({ i, j, y: 0, w: 1 });
    else if (r.outcome === 'tie' || bothBadAsTie) {
      data.push({ i, j, y: 1, w: 0.5 });
      data.push({ i, j, y: 0, w: 0.5 });
    }
  }
  const grad = new Float64Array(n);
  // Step ≈ 1 / (diagonal of the Hessian) ≈ 2n / votes: plain gradient ascent, stable and quick for this problem.
  const rate = (2 * n) / rows.length;
  for (let it = 0; it < 4000; it++) {
    grad.fill(0);
    for (const d of data) {
      const p = 1 / (1 + Math.exp(beta[d.j]! - beta[d.i]!));
      const r = d.w * (d.y - p);
      grad[d.i] = grad[d.i]! + r;
      grad[d.j] = grad[d.j]! - r;
    }
    let m = 0;
    for (let k = 0; k < n; k++) {
      beta[k] = beta[k]! + rate * grad[k]!;
      m = Math.max(m, Math.abs(grad[k]!));
    }
    if (m * rate < 1e-10) break;
  }
  const mean = beta.reduce((s, x) => s + x, 0) / n;
  return new Map(models.map((m, k) => [m, 1000 + (400 / Math.LN10) * (beta[k]! - mean)]));
}

/** True scores centred like the leaderboard (mean 1000). */
export function centred(scores: number[]): number[] {
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  return scores.map((s) => 1000 + s - mean);
}

/** Outcome totals for one ordered pair, whatever the internal orientation (null when the pair never met). */
export function pairTotals(c: PairCounts, x: string, y: string) {
  for (let p = 0; p < c.size; p++) {
    const a = c.models[c.a[p]!];
    const b = c.models[c.b[p]!];
    if (a === x && b === y) return { x: c.winsA[p], y: c.winsB[p], tie: c.ties[p], bothBad: c.bothBad[p] };
    if (a === y && b === x) return { x: c.winsB[p], y: c.winsA[p], tie: c.ties[p], bothBad: c.bothBad[p] };
  }
  return null;
}

// The leaderboard: Bradley–Terry scores with bootstrap intervals for scores and ranks, vote tallies, win
// probabilities, minimum-vote gating and clear flags for degenerate data. Pure computation.
import { bootstrapRounds, fitTableOf, type BootstrapProblem } from './math/bootstrap';
import { components as graphComponents, fitBradleyTerry } from './math/bradley-terry';
import type { BootstrapRunner } from './parallel';
import { fitStyleControl } from './math/style';
import type { Interval, Leaderboard, LeaderboardOptions, ModelFlag, PairCounts, RankedModel, StyleBattle } from './types';

/** Points per unit of natural-log odds: 400 × log10(odds). */
export const SCALE = 400 / Math.LN10;

export const DEFAULTS = { bootstrap: 1000, seed: 1, bothBad: 'tie', minVotes: 20, prior: 0.01, level: 0.95 } as const;

export interface ComputeOptions extends LeaderboardOptions {
  /** Per-battle style features: adds style-controlled scores beside the plain ones. */
  style?: StyleBattle[];
  /** Run bootstrap rounds elsewhere (worker threads); default: on this thread. */
  runner?: BootstrapRunner;
  /** Clock for `computedAt` (tests). */
  now?: () => Date;
}

type Resolved = Leaderboard['options'];

function resolveOptions(o: LeaderboardOptions): Resolved {
  const r: Resolved = {
    bootstrap: o.bootstrap ?? DEFAULTS.bootstrap,
    seed: o.seed ?? DEFAULTS.seed,
    bothBad: o.bothBad ?? DEFAULTS.bothBad,
    minVotes: o.minVotes ?? DEFAULTS.minVotes,
    prior: o.prior ?? DEFAULTS.prior,
    level: o.level ?? DEFAULTS.level,
    anchor: o.anchor ?? null,
  };
  if (!Number.isInteger(r.bootstrap) || r.bootstrap < 0) throw new RangeError('bootstrap rounds must be a whole number ≥ 0');
  if (!Number.isInteger(r.minVotes) || r.minVotes < 0) throw new RangeError('minimum votes must be a whole number ≥ 0');
  if (!(r.prior > 0)) throw new RangeError('prior must be > 0');
  if (!(r.level > 0 && r.level < 1)) throw new RangeError('interval level must be between 0 and 1');
  return r;
}

/** Linear-interpolation quantile of a sorted array (numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

interface Prepared {
  options: Resolved;
  counts: PairCounts;
  problem: BootstrapProblem;
  stats: Array<Pick<RankedModel, 'model' | 'votes' | 'wins' | 'ties' | 'losses' | 'bothBad'>>;
  listed: number[];
  comps: number[][];
  componentOf: Int32Array;
  votes: number;
}

function prepare(counts: PairCounts, options: LeaderboardOptions): Prepared {
  const o = resolveOptions(options);
  const n = counts.models.length;
  const ties = new Float64Array(counts.size);
  for (let p = 0; p < counts.size; p++) ties[p] = counts.ties[p]! + (o.bothBad === 'tie' ? counts.bothBad[p]! : 0);
  const stats = counts.models.map((model) => ({ model, votes: 0, wins: 0, ties: 0, losses: 0, bothBad: 0 }));
  let votes = 0;
  for (let p = 0; p < counts.size; p++) {
    const A = stats[counts.a[p]!]!;
    const B = stats[counts.b[p]!]!;
    const wa = counts.winsA[p]!;
    const wb = counts.winsB[p]!;
    const t = ties[p]!;
    A.wins += wa;
    A.losses += wb;
    A.ties += t;
    B.wins += wb;
    B.losses += wa;
    B.ties += t;
    A.bothBad += counts.bothBad[p]!;
    B.bothBad += counts.bothBad[p]!;
    A.votes += wa + wb + t;
    B.votes += wa + wb + t;
    votes += wa + wb + t;
  }
  const problem: BootstrapProblem = {
    n,
    size: counts.size,
    a: counts.a,
    b: counts.b,
    winsA: counts.winsA,
    winsB: counts.winsB,
    ties,
    thetaHat: new Float64Array(n),
    prior: o.prior,
    seed: o.seed,
  };
  const table = fitTableOf(problem);
  problem.thetaHat = fitBradleyTerry(table, o.prior).theta;
  const comps = graphComponents(table);
  const componentOf = new Int32Array(n);
  comps.forEach((c, k) => c.forEach((i) => (componentOf[i] = k)));
  const listed: number[] = [];
  for (let i = 0; i < n; i++) if (stats[i]!.votes >= Math.max(1, o.minVotes)) listed.push(i);
  if (o.anchor && !counts.models.includes(o.anchor.model)) {
    throw new RangeError(`anchor model "${o.anchor.model}" has no votes in this selection`);
  }
  return { options: o, counts, problem, stats, listed, comps, componentOf, votes };
}

/** Scores on the 400-point scale for one vector of strengths: anchored, or listed models averaging 1000. */
function scaler(prep: Prepared): (theta: Float64Array, offset: number, i: number) => number {
  const anchor = prep.options.anchor;
  const anchorIndex = anchor ? prep.counts.models.indexOf(anchor.model) : -1;
  let lastArray: Float64Array | null = null;
  let lastOffset = -1;
  let centre = 0;
  return (theta, offset, i) => {
    if (theta !== lastArray || offset !== lastOffset) {
      lastArray = theta;
      lastOffset = offset;
      if (anchorIndex >= 0) centre = theta[offset + anchorIndex]!;
      else {
        let s = 0;
        for (const k of prep.listed) s += theta[offset + k]!;
        centre = prep.listed.length ? s / prep.listed.length : 0;
      }
    }
    return (anchor ? anchor.score : 1000) + SCALE * (theta[offset + i]! - centre);
  };
}

/** Point estimates, intervals and rank intervals for `listed` models from the full fit and bootstrap draws. */
export function summarise(
  theta: Float64Array,
  draws: Float64Array,
  rounds: number,
  n: number,
  listed: number[],
  scale: (theta: Float64Array, offset: number, i: number) => number,
  level: number,
): Map<number, Interval & { median: number }> {
  const L = listed.length;
  const point = listed.map((i) => scale(theta, 0, i));
  const rankOf = (scores: number[], k: number) => {
    let r = 1;
    for (let m = 0; m < scores.length; m++) if (scores[m]! > scores[k]! + 1e-9) r++;
    return r;
  };
  const samples = listed.map(() => new Float64Array(rounds));
  const ranks = listed.map(() => new Float64Array(rounds));
  const roundScores = new Array<number>(L);
  const order = listed.map((_, k) => k);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < L; k++) {
      roundScores[k] = scale(draws, r * n, listed[k]!);
      samples[k]![r] = roundScores[k]!;
    }
    order.sort((x, y) => roundScores[y]! - roundScores[x]!);
    // Equal scores share the better rank.
    for (let pos = 0; pos < L; pos++) {
      const k = order[pos]!;
      const prev = pos > 0 ? order[pos - 1]! : -1;
      ranks[k]![r] = prev >= 0 && roundScores[prev]! - roundScores[k]! < 1e-9 ? ranks[prev]![r]! : pos + 1;
    }
  }
  const lo = (1 - level) / 2;
  const hi = 1 - lo;
  const result = new Map<number, Interval & { median: number }>();
  for (let k = 0; k < L; k++) {
    const score = point[k]!;
    const rank = rankOf(point, k);
    if (rounds === 0) {
      result.set(listed[k]!, { score, ciLow: score, ciHigh: score, rank, rankLow: rank, rankHigh: rank, median: score });
      continue;
    }
    const s = samples[k]!.sort();
    const q = ranks[k]!.sort();
    result.set(listed[k]!, {
      score,
      ciLow: quantileSorted(s, lo),
      ciHigh: quantileSorted(s, hi),
      median: quantileSorted(s, 0.5),
      rank,
      rankLow: Math.min(rank, Math.round(quantileSorted(q, lo))),
      rankHigh: Math.max(rank, Math.round(quantileSorted(q, hi))),
    });
  }
  return result;
}

function finish(prep: Prepared, draws: Float64Array, options: ComputeOptions): Leaderboard {
  const { counts, problem, stats, listed, comps, componentOf, options: o } = prep;
  const n = problem.n;
  const scale = scaler(prep);
  const summary = summarise(problem.thetaHat, draws, o.bootstrap, n, listed, scale, o.level);
  const warnings: string[] = [];

  let style: Map<number, Interval & { median: number }> | null = null;
  let styleCoefficients: Leaderboard['styleCoefficients'];
  if (options.style) {
    const fitted = fitStyleControl(counts.models, options.style, {
      bothBad: o.bothBad,
      prior: o.prior,
      rounds: o.bootstrap,
      seed: o.seed,
    });
    style = summarise(fitted.theta, fitted.draws, o.bootstrap, n, listed, scaler(prep), o.level);
    styleCoefficients = fitted.coefficients;
    if (fitted.unknownModels.length) warnings.push(`style control: ${fitted.unknownModels.length} battles name models without votes here`);
  }

  const models: RankedModel[] = stats.map((s, i) => {
    const flags: ModelFlag[] = [];
    if (s.votes > 0 && s.losses === 0 && s.wins > 0) flags.push('undefeated');
    if (s.votes > 0 && s.wins === 0 && s.ties === 0) flags.push('winless');
    if (componentOf[i] !== 0) flags.push('disconnected');
    const iv = summary.get(i);
    const st = style?.get(i);
    return {
      ...s,
      winRate: s.votes > 0 ? (s.wins + s.ties / 2) / s.votes : null,
      enoughVotes: iv !== undefined,
      score: iv?.score ?? null,
      ciLow: iv?.ciLow ?? null,
      ciHigh: iv?.ciHigh ?? null,
      rank: iv?.rank ?? null,
      rankLow: iv?.rankLow ?? null,
      rankHigh: iv?.rankHigh ?? null,
      median: iv?.median ?? null,
      ...(style ? { style: st ? { score: st.score, ciLow: st.ciLow, ciHigh: st.ciHigh, rank: st.rank, rankLow: st.rankLow, rankHigh: st.rankHigh } : null } : {}),
      flags,
      component: componentOf[i]!,
    };
  });
  models.sort((x, y) => {
    if (x.score !== null && y.score !== null) return y.score - x.score || x.model.localeCompare(y.model);
    if (x.score !== null) return -1;
    if (y.score !== null) return 1;
    return y.votes - x.votes || x.model.localeCompare(y.model);
  });

  const shown = models.filter((m) => m.enoughVotes);
  const idx = shown.map((m) => counts.models.indexOf(m.model));
  const matrix = idx.map((i) =>
    idx.map((j) => {
      if (i === j) return 0.5;
      if (componentOf[i] !== componentOf[j]) return null;
      return 1 / (1 + Math.exp(problem.thetaHat[j]! - problem.thetaHat[i]!));
    }),
  );

  if (comps.length > 1) {
    warnings.push(
      `the comparison graph has ${comps.length} separate groups of models; scores are only comparable within a group`,
    );
  }
  for (const m of models) {
    if (m.flags.includes('undefeated') && m.enoughVotes) warnings.push(`${m.model} never lost: its score is a lower bound held finite by the prior`);
    if (m.flags.includes('winless') && m.enoughVotes) warnings.push(`${m.model} never won nor tied: its score is an upper bound held finite by the prior`);
  }

  return {
    models,
    battles: counts.battles,
    votes: prep.votes,
    computedAt: (options.now ?? (() => new Date()))(),
    winProbability: { models: shown.map((m) => m.model), matrix },
    components: comps.map((c) => c.map((i) => counts.models[i]!)),
    ...(style ? { styleCoefficients } : {}),
    options: o,
    warnings,
  };
}

/** The leaderboard, bootstrapped on the calling thread. */
export function computeLeaderboard(counts: PairCounts, options: ComputeOptions = {}): Leaderboard {
  const prep = prepare(counts, options);
  const draws = new Float64Array(prep.options.bootstrap * prep.problem.n);
  bootstrapRounds(prep.problem, 0, prep.options.bootstrap, draws);
  return finish(prep, draws, options);
}

/** The same leaderboard (bit for bit), with the bootstrap handed to `options.runner` (e.g. a worker pool). */
export async function computeLeaderboardAsync(counts: PairCounts, options: ComputeOptions = {}): Promise<Leaderboard> {
  const prep = prepare(counts, options);
  const draws = options.runner
    ? await options.runner(prep.problem, prep.options.bootstrap)
    : (() => {
        const d = new Float64Array(prep.options.bootstrap * prep.problem.n);
        bootstrapRounds(prep.problem, 0, prep.options.bootstrap, d);
        return d;
      })();
  return finish(prep, draws, options);
}

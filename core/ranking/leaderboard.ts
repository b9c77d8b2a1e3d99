// The leaderboard: Bradley–Terry scores with battle-level bootstrap intervals for scores and ranks, vote tallies,
// win probabilities, minimum-vote gating, and honest handling of data that cannot rank: models are split into groups
// that have both won and lost against each other (math/connectivity.ts); scores compare within a group, a model
// that only won or only lost against its group gets a one-sided bound (math/bounds.ts), and every such case is
// named in `warnings`. Pure computation. The parts: leaderboard-rows.ts (a row per model), leaderboard-matrices.ts
// (pair tables), leaderboard-warnings.ts (what is said in words).
import { bootstrapRounds, fitTableOf, type BootstrapProblem } from './math/bootstrap';
import { oneSidedBound } from './math/bounds';
import { fitBradleyTerry } from './math/bradley-terry';
import { groupModels, type Grouping } from './math/connectivity';
import { fitStyleControl } from './math/style';
import { fitTieModel } from './math/ties';
import { pairMatrices } from './leaderboard-matrices';
import { modelRows } from './leaderboard-rows';
import { boardWarnings } from './leaderboard-warnings';
import type { BootstrapRunner } from './parallel';
import type {
  Component,
  Interval,
  Leaderboard,
  LeaderboardOptions,
  LeaderboardWarning,
  PairCounts,
  RankedModel,
  StyleBattle,
  StyleVariant,
  TieModel,
  VoterSummary,
} from './types';

/** Points per unit of natural-log odds: 400 × log10(odds). */
export const SCALE = 400 / Math.LN10;

export const DEFAULTS = { bootstrap: 1000, seed: 1, bothBad: 'tie', minVotes: 20, prior: 0.01, level: 0.95 } as const;

export interface ComputeOptions extends LeaderboardOptions {
  /** Per-battle style features: adds style-controlled scores beside the plain ones. */
  style?: StyleBattle[];
  /** Whose style control (default compar:IA's). */
  styleVariant?: StyleVariant;
  /** Fit a tie model beside plain Bradley–Terry. */
  tieModel?: TieModel;
  /** Voter quality applied to the votes (reported on the board). */
  voters?: VoterSummary | null;
  /** Votes left out by a per-person daily cap (reported on the board). */
  cappedVotes?: number;
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

export type Stats = Pick<RankedModel, 'model' | 'votes' | 'wins' | 'ties' | 'losses' | 'bothBad'> & { counted: number; score: number };

export interface Prepared {
  options: Resolved;
  counts: PairCounts;
  problem: BootstrapProblem;
  stats: Stats[];
  listed: number[];
  grouping: Grouping;
  /** Per pair: counted votes and a's wins + half the ties, with the both-bad policy applied. */
  pairW: Float64Array;
  pairT: Float64Array;
  votes: number;
}

function prepare(counts: PairCounts, options: LeaderboardOptions): Prepared {
  const o = resolveOptions(options);
  const n = counts.models.length;
  const asTie = o.bothBad === 'tie' ? 1 : 0;
  const stats: Stats[] = counts.models.map((model) => ({ model, votes: 0, wins: 0, ties: 0, losses: 0, bothBad: 0, counted: 0, score: 0 }));
  const pairW = new Float64Array(counts.size);
  const pairT = new Float64Array(counts.size);
  let votes = 0;
  for (let p = 0; p < counts.size; p++) {
    const A = stats[counts.a[p]!]!;
    const B = stats[counts.b[p]!]!;
    const wa = counts.winsA[p]!;
    const wb = counts.winsB[p]!;
    const t = counts.ties[p]!;
    const bb = counts.bothBad[p]!;
    A.wins += wa;
    A.losses += wb;
    B.wins += wb;
    B.losses += wa;
    A.ties += t;
    B.ties += t;
    A.bothBad += bb;
    B.bothBad += bb;
    A.votes += wa + wb + t + bb;
    B.votes += wa + wb + t + bb;
    const tied = t + asTie * bb;
    pairW[p] = wa + tied / 2;
    pairT[p] = wa + wb + tied;
    A.counted += pairT[p]!;
    B.counted += pairT[p]!;
    A.score += pairW[p]!;
    B.score += pairT[p]! - pairW[p]!;
    votes += wa + wb + t + bb;
  }

  const aWon = new Uint8Array(counts.size);
  const bWon = new Uint8Array(counts.size);
  for (let p = 0; p < counts.size; p++) {
    aWon[p] = pairW[p]! > 0 ? 1 : 0;
    bWon[p] = pairT[p]! - pairW[p]! > 0 ? 1 : 0;
  }
  const grouping = groupModels({ n, size: counts.size, a: counts.a, b: counts.b, aWon, bWon }, stats.map((s) => s.counted));

  // Solver cells: only pairs within one group are fitted (between groups the estimate is infinite or undefined);
  // battles with the same (pair, counted wins, counted votes) merge, whatever their raw tally.
  const cellPair: number[] = [];
  const cellW: number[] = [];
  const cellT: number[] = [];
  const cellCount: number[] = [];
  const byPair: number[][] = [];
  const cells = counts.cells;
  for (let k = 0; k < cells.size; k++) {
    const p = cells.pair[k]!;
    if (grouping.groupOf[counts.a[p]!] !== grouping.groupOf[counts.b[p]!]) continue;
    const tied = cells.ties[k]! + asTie * cells.bothBad[k]!;
    const w = cells.winsA[k]! + tied / 2;
    const t = cells.winsA[k]! + cells.winsB[k]! + tied;
    if (!(t > 0)) continue;
    // A pair has a few distinct (wins, votes): a short list per pair finds the cell to merge into.
    const list = (byPair[p] ??= []);
    let c = -1;
    for (const x of list) if (cellW[x] === w && cellT[x] === t) c = x;
    if (c < 0) {
      list.push(cellPair.length);
      cellPair.push(p);
      cellW.push(w);
      cellT.push(t);
      cellCount.push(cells.battles[k]!);
    } else cellCount[c] = cellCount[c]! + cells.battles[k]!;
  }
  // Sorted by pair (a counting sort), so a round sums each pair's cells in one pass.
  const pairStart = new Int32Array(counts.size + 1);
  for (const p of cellPair) pairStart[p + 1] = pairStart[p + 1]! + 1;
  for (let p = 0; p < counts.size; p++) pairStart[p + 1] = pairStart[p + 1]! + pairStart[p]!;
  const fill = pairStart.slice(0, counts.size);
  const order = new Int32Array(cellPair.length);
  cellPair.forEach((p, k) => (order[fill[p]!++] = k));
  const problem: BootstrapProblem = {
    n,
    size: counts.size,
    a: counts.a,
    b: counts.b,
    cells: cellPair.length,
    pairStart,
    cellPair: Int32Array.from(order, (k) => cellPair[k]!),
    cellW: Float64Array.from(order, (k) => cellW[k]!),
    cellT: Float64Array.from(order, (k) => cellT[k]!),
    cellCount: Float64Array.from(order, (k) => cellCount[k]!),
    thetaHat: new Float64Array(n),
    prior: o.prior,
    seed: o.seed,
  };
  problem.thetaHat = fitBradleyTerry(fitTableOf(problem), o.prior).theta;
  const listed: number[] = [];
  for (let i = 0; i < n; i++) if (stats[i]!.votes >= Math.max(1, o.minVotes) && stats[i]!.counted > 0) listed.push(i);
  if (o.anchor && !counts.models.includes(o.anchor.model)) {
    throw new RangeError(`anchor model "${o.anchor.model}" has no votes in this selection`);
  }
  return { options: o, counts, problem, stats, listed, grouping, pairW, pairT, votes };
}

/** Scores on the 400-point scale for one vector of strengths: anchored, or `centred` models averaging 1000. */
function scaler(centred: number[], anchor: { index: number; score: number } | null): (theta: Float64Array, offset: number, i: number) => number {
  let lastArray: Float64Array | null = null;
  let lastOffset = -1;
  let centre = 0;
  return (theta, offset, i) => {
    if (theta !== lastArray || offset !== lastOffset) {
      lastArray = theta;
      lastOffset = offset;
      if (anchor) centre = theta[offset + anchor.index]!;
      else {
        let s = 0;
        for (const k of centred) s += theta[offset + k]!;
        centre = centred.length ? s / centred.length : 0;
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

export type Scored = { score: number; ciLow: number | null; ciHigh: number | null; rank: number; rankLow: number; rankHigh: number; median: number | null; bound: 'lower' | 'upper' | null };

/**
 * Scores of each group's listed models, and one-sided bounds for single models against the group they met most.
 * `theta`/`draws` may be the plain or the style-controlled fit.
 */
function scoreGroups(prep: Prepared, components: Component[], theta: Float64Array, draws: Float64Array, rounds: number): Map<number, Scored> {
  const { grouping, listed, counts, options: o, pairT, pairW } = prep;
  const n = counts.models.length;
  const out = new Map<number, Scored>();
  const anchorIndex = o.anchor ? counts.models.indexOf(o.anchor.model) : -1;
  const alpha = (1 - o.level) / 2;
  const scales = new Map<number, (theta: Float64Array, offset: number, i: number) => number>();
  components.forEach((c, g) => {
    if (c.models.length < 2) return;
    const members = listed.filter((i) => grouping.groupOf[i] === g);
    if (!members.length) return;
    const anchor = anchorIndex >= 0 && grouping.groupOf[anchorIndex] === g ? { index: anchorIndex, score: o.anchor!.score } : null;
    const scale = scaler(members, anchor);
    scales.set(g, scale);
    for (const [i, iv] of summarise(theta, draws, rounds, n, members, scale, o.level)) out.set(i, { ...iv, bound: null });
  });
  // Single models with a bound, on the scale of the group they are attached to.
  components.forEach((c, g) => {
    if (c.attachedTo === null) return;
    const i = grouping.groups[g]!.members[0]!;
    if (!listed.includes(i)) return;
    const target = c.attachedTo;
    const scale = scales.get(target);
    if (!scale) return;
    const opp: number[] = [];
    const votes: number[] = [];
    let won = 0;
    for (let p = 0; p < counts.size; p++) {
      const x = counts.a[p]!;
      const y = counts.b[p]!;
      const other = x === i ? y : y === i ? x : -1;
      if (other < 0 || grouping.groupOf[other] !== target || !(pairT[p]! > 0)) continue;
      opp.push(theta[other]!);
      votes.push(pairT[p]!);
      won += x === i ? pairW[p]! : pairT[p]! - pairW[p]!;
    }
    const side = won > 0 ? 'lower' : 'upper';
    const s = oneSidedBound(opp, votes, side, alpha);
    const at = new Float64Array(theta);
    at[i] = s;
    const score = scale(at, 0, i);
    out.set(i, { score, ciLow: side === 'lower' ? score : null, ciHigh: side === 'upper' ? score : null, rank: 0, rankLow: 0, rankHigh: 0, median: null, bound: side });
  });
  // Ranks within each group, bounded models included: a lower-bounded model is surely above those whose interval
  // ends below its bound and possibly above any other; an upper-bounded one likewise below.
  components.forEach((c, g) => {
    const ids = [...out.keys()].filter((i) => {
      const home = components[grouping.groupOf[i]!]!;
      return grouping.groupOf[i] === g ? home.models.length > 1 : home.attachedTo === g;
    });
    if (!ids.length) return;
    const byScore = ids.map((i) => out.get(i)!.score).sort((x, y) => y - x);
    for (const i of ids) {
      const m = out.get(i)!;
      const others = ids.filter((j) => j !== i).map((j) => out.get(j)!);
      const point = 1 + byScore.filter((s) => s > m.score + 1e-9).length;
      if (m.bound === 'lower') {
        m.rank = point;
        m.rankLow = 1;
        m.rankHigh = 1 + others.filter((x) => x.bound !== 'upper' && (x.ciHigh === null || x.ciHigh > m.score)).length;
      } else if (m.bound === 'upper') {
        m.rank = point;
        m.rankLow = 1 + others.filter((x) => x.bound !== 'lower' && x.ciLow !== null && x.ciLow >= m.score).length + others.filter((x) => x.bound === 'lower' && x.score > m.score).length;
        m.rankHigh = ids.length;
      } else {
        const surelyAbove = others.filter((x) => x.bound === 'lower' && x.score >= m.ciHigh!).length;
        const maybeAbove = others.filter((x) => x.bound === 'lower').length;
        const maybeBelow = others.filter((x) => x.bound === 'upper' && x.score > m.ciLow!).length;
        m.rank = point;
        m.rankLow = m.rankLow + surelyAbove;
        m.rankHigh = m.rankHigh + maybeAbove + maybeBelow;
      }
    }
  });
  return out;
}

function componentsOf(prep: Prepared): Component[] {
  const { grouping, counts, pairT } = prep;
  return grouping.groups.map((g) => {
    let attachedTo: number | null = null;
    if (g.members.length === 1) {
      const i = g.members[0]!;
      const against = new Map<number, number>();
      for (let p = 0; p < counts.size; p++) {
        const other = counts.a[p] === i ? counts.b[p]! : counts.b[p] === i ? counts.a[p]! : -1;
        if (other < 0 || !(pairT[p]! > 0)) continue;
        const h = grouping.groupOf[other]!;
        if (grouping.groups[h]!.members.length < 2) continue;
        against.set(h, (against.get(h) ?? 0) + pairT[p]!);
      }
      let best = -1;
      for (const [h, v] of against) if (best < 0 || v > against.get(best)! || (v === against.get(best) && h < best)) best = h;
      attachedTo = best >= 0 ? best : null;
    }
    return { models: g.members.map((i) => counts.models[i]!), relation: g.relation, attachedTo };
  });
}

/** Scores with style control beside the plain ones (options.style), and what the style fit could not place. */
function styleScores(prep: Prepared, components: Component[], options: ComputeOptions, warnings: LeaderboardWarning[]) {
  const { counts, options: o } = prep;
  if (!options.style) return { style: null, styleControl: undefined };
  const variant = options.styleVariant ?? 'comparia';
  const fitted = fitStyleControl(counts.models, options.style, { bothBad: o.bothBad, prior: o.prior, rounds: o.bootstrap, seed: o.seed, variant });
  const style = scoreGroups(prep, components, fitted.theta, fitted.draws, o.bootstrap);
  const styleControl: Leaderboard['styleControl'] = { variant, coefficients: fitted.coefficients };
  if (fitted.unknownModels.length) {
    warnings.push({
      code: 'style-unknown-models',
      models: fitted.unknownModels,
      count: fitted.unknownModels.length,
      text: `style control: battles name ${fitted.unknownModels.length} model(s) without votes here`,
    });
  }
  return { style, styleControl };
}

/** Tie-model scores beside the plain ones (options.tieModel), for models scored in a group of two or more. */
function tieScoresOf(prep: Prepared, components: Component[], scored: Map<number, Scored>, options: ComputeOptions) {
  const { counts, listed, grouping, options: o } = prep;
  if (!options.tieModel) return { tieModel: undefined, tieScores: null };
  const fit = fitTieModel(counts, { kind: options.tieModel, bothBad: o.bothBad, prior: o.prior, groupOf: grouping.groupOf });
  const tieModel: Leaderboard['tieModel'] = { kind: options.tieModel, tieParameter: fit.tieParameter };
  const tieScores = new Map<number, number>();
  components.forEach((c, g) => {
    const members = listed.filter((i) => grouping.groupOf[i] === g && scored.get(i)?.bound === null);
    if (c.models.length < 2 || !members.length) return;
    const scale = scaler(members, null);
    for (const i of members) tieScores.set(i, scale(fit.theta, 0, i));
  });
  return { tieModel, tieScores };
}

function finish(prep: Prepared, draws: Float64Array, options: ComputeOptions): Leaderboard {
  const { counts, problem, options: o } = prep;
  const components = componentsOf(prep);
  const scored = scoreGroups(prep, components, problem.thetaHat, draws, o.bootstrap);
  const warnings: LeaderboardWarning[] = [];
  const { style, styleControl } = styleScores(prep, components, options, warnings);
  const { tieModel, tieScores } = tieScoresOf(prep, components, scored, options);
  const models = modelRows(prep, components, scored, style, tieScores);
  const { shown, matrix, observed } = pairMatrices(prep, models);
  warnings.push(...boardWarnings(components, models, options));

  return {
    models,
    battles: counts.battles,
    votes: prep.votes,
    computedAt: (options.now ?? (() => new Date()))(),
    winProbability: { models: shown.map((m) => m.model), matrix },
    observed,
    components,
    ...(style ? { styleControl } : {}),
    ...(tieModel ? { tieModel } : {}),
    ...(options.voters !== undefined ? { voters: options.voters } : {}),
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

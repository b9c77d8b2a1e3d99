// Shapes shared by the ranking modules. Everything here is plain data so it can cross worker threads and files.

/** What one vote said about a battle, seen from side A. */
export type Outcome = 'a' | 'b' | 'tie' | 'both_bad';

/** One vote (or `count` identical votes) from any source: the database, a public dataset, a test. */
export interface VoteRow {
  modelA: string;
  modelB: string;
  outcome: Outcome;
  /** ISO 639-1 language of the prompt. */
  language?: string | null;
  campaignId?: string | null;
  platform?: string | null;
  chatId?: string | null;
  /** When the vote was cast. */
  at?: Date | null;
  /** The battle revealed a model's identity: never counted. */
  leak?: boolean;
  /** Number of identical votes this row stands for (default 1). */
  count?: number;
}

/** How "both bad" votes count: as a tie (LMArena's and compar:IA's default) or not at all. */
export type BothBadPolicy = 'tie' | 'exclude';

/**
 * Outcome counts aggregated per unordered pair of models — the only thing the solver sees.
 * Pair `p` compares models `a[p] < b[p]` (indices into `models`); `winsA[p]` counts votes for `models[a[p]]`.
 */
export interface PairCounts {
  models: string[];
  a: Int32Array;
  b: Int32Array;
  winsA: Float64Array;
  winsB: Float64Array;
  ties: Float64Array;
  bothBad: Float64Array;
  /** Number of pairs in use (the arrays may be longer). */
  size: number;
  /** Distinct battles behind the counts when the source knows them; otherwise the number of votes. */
  battles: number;
}

/** Style of one reply, summed over a battle's turns (compar:IA and LMArena use the same four). */
export interface StyleFeatures {
  /** Reply length: tokens when known, else characters. */
  length: number;
  headers: number;
  lists: number;
  bold: number;
}

/** One battle for style control: its two sides' style and its votes. */
export interface StyleBattle {
  modelA: string;
  modelB: string;
  styleA: StyleFeatures;
  styleB: StyleFeatures;
  winsA: number;
  winsB: number;
  ties: number;
  bothBad: number;
}

export type ModelFlag =
  /** Never lost: its maximum-likelihood score is infinite; shown score is held finite by the prior. */
  | 'undefeated'
  /** Never won nor tied. */
  | 'winless'
  /** Its comparison graph is not connected to the largest group: scores are not comparable across groups. */
  | 'disconnected';

export interface Interval {
  score: number;
  ciLow: number;
  ciHigh: number;
  rank: number;
  rankLow: number;
  rankHigh: number;
}

export interface RankedModel {
  model: string;
  votes: number;
  wins: number;
  /** Ties, including "both bad" votes when they count as ties. */
  ties: number;
  losses: number;
  bothBad: number;
  /** (wins + ties / 2) / votes, or null without votes. */
  winRate: number | null;
  /** False when the model has fewer votes than the minimum: no score, no rank. */
  enoughVotes: boolean;
  /** Plain Bradley–Terry score and its bootstrap intervals; null when there are not enough votes. */
  score: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  rank: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  /** Bootstrap median of the score (compar:IA shows it); null without enough votes. */
  median: number | null;
  /** Style-controlled score beside the plain one, when asked. */
  style?: Interval | null;
  flags: ModelFlag[];
  /** Index into `Leaderboard.components`. */
  component: number;
}

export interface LeaderboardOptions {
  /** Bootstrap rounds (default 1,000; 0 gives no intervals, shown as the point estimate). */
  bootstrap?: number;
  seed?: number;
  bothBad?: BothBadPolicy;
  /** Models with fewer votes are listed as "not enough votes" (default 20). */
  minVotes?: number;
  /** Pin one model's score (LMArena pins a reference model); otherwise listed models average 1000. */
  anchor?: { model: string; score: number };
  /** Strength of the Gaussian prior on log-strengths that keeps degenerate data finite (default 0.01). */
  prior?: number;
  /** Level of the intervals (default 0.95). */
  level?: number;
}

export interface Leaderboard {
  /** Listed models by rank, then models without enough votes by votes. */
  models: RankedModel[];
  battles: number;
  votes: number;
  computedAt: Date;
  /** P(row beats column), ties counting half, for listed models in `models` order; null across components. */
  winProbability: { models: string[]; matrix: Array<Array<number | null>> };
  /** Groups of models connected by comparisons, largest first. */
  components: string[][];
  /** Style coefficients (points of score per standard deviation of the feature difference), when asked. */
  styleCoefficients?: Record<keyof StyleFeatures, number> | null;
  options: Required<Omit<LeaderboardOptions, 'anchor'>> & { anchor: LeaderboardOptions['anchor'] | null };
  /** Plain-language notes on degenerate data (English; front-ends localise from flags). */
  warnings: string[];
}

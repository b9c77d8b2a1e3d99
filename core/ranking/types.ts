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
  /** The battle this vote belongs to: votes sharing it are resampled together. Without it each vote is its own battle. */
  battleId?: string | null;
  /** Who voted (for voter quality and daily caps). */
  voterId?: string | null;
  /** Category ids of the battle's prompt (see categories/). */
  categories?: readonly string[] | null;
  /** The campaign topic the battle started from. */
  topic?: string | null;
}

/** Votes of one battle per choice, seen from side A (fractional when voters are down-weighted). */
export interface Tally {
  a: number;
  b: number;
  tie: number;
  bothBad: number;
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
  /** Distinct battles behind the counts (a vote without a battle id is its own battle). */
  battles: number;
  /**
   * Battles grouped into cells of one pair and one vote tally: battles in a cell are exchangeable, so the bootstrap
   * resamples the cells' battle counts instead of battles one by one (see math/bootstrap.ts).
   */
  cells: BattleCells;
}

export interface BattleCells {
  size: number;
  /** Index of the cell's pair in the PairCounts arrays. */
  pair: Int32Array;
  /** The tally of ONE battle of the cell, oriented like its pair (a = the pair's model a). */
  winsA: Float64Array;
  winsB: Float64Array;
  ties: Float64Array;
  bothBad: Float64Array;
  /** Number of battles in the cell. */
  battles: Float64Array;
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
  /** Never lost (and won at least once). */
  | 'undefeated'
  /** Never won nor tied. */
  | 'winless'
  /** Its score is a one-sided bound (see `bound`): it only won, or only lost, against its group. */
  | 'bound'
  /** In a group other than the main one: its score compares only within that group. */
  | 'separate-group'
  /** Never compared, even indirectly, with the main group. */
  | 'disconnected'
  /** No score at all: it belongs to no group with a finite score. */
  | 'not-comparable';

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
  /** All votes cast on its battles, "both bad" included. */
  votes: number;
  wins: number;
  /** Plain ties ("both bad" has its own column). */
  ties: number;
  losses: number;
  bothBad: number;
  /** (wins + ties / 2) / votes counted for the score, or null without such votes. */
  winRate: number | null;
  /** False when the model has fewer votes than the minimum: no score, no rank. */
  enoughVotes: boolean;
  /**
   * Plain Bradley–Terry score and its bootstrap interval; null when there are not enough votes or no group to compare
   * with. With `bound` set, `score` is the bound and the open side of the interval is null.
   */
  score: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  rank: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  /** Bootstrap median of the score (compar:IA shows it); null without an interval. */
  median: number | null;
  /** "lower": the score is at least `score` (it only won against its group); "upper": at most. */
  bound: 'lower' | 'upper' | null;
  /** Style-controlled score beside the plain one, when asked. */
  style?: Interval | null;
  /** Davidson / Rao–Kupper score beside the plain one, when asked. */
  tieModel?: { score: number } | null;
  flags: ModelFlag[];
  /** Index into `Leaderboard.components`: the group its score compares within. */
  component: number;
}

export type StyleVariant = 'lmarena' | 'comparia';
export type TieModel = 'davidson' | 'rao-kupper';

export interface LeaderboardOptions {
  /** Bootstrap rounds (default 1,000; 0 gives no intervals, shown as the point estimate). */
  bootstrap?: number;
  seed?: number;
  bothBad?: BothBadPolicy;
  /** Models with fewer votes are listed as "not enough votes" (default 20). */
  minVotes?: number;
  /** Pin one model's score (LMArena pins a reference model); otherwise listed models of each group average 1000. */
  anchor?: { model: string; score: number };
  /** Strength of the Gaussian prior on log-strengths that keeps bootstrap rounds finite (default 0.01). */
  prior?: number;
  /** Level of the intervals (default 0.95). */
  level?: number;
}

/** How the models split into groups whose scores compare (strongly connected components of "won or tied against"). */
export interface Component {
  models: string[];
  /** `main`: the largest group. Others: only won against it (`above`), only lost (`below`), neither (`unordered`),
   * or never compared with it even indirectly (`disconnected`). */
  relation: 'main' | 'above' | 'below' | 'unordered' | 'disconnected';
  /** A single model is shown with a bound against the group it met most (`attachedTo`), or null without one. */
  attachedTo: number | null;
}

export type WarningCode =
  | 'groups'
  | 'bound-lower'
  | 'bound-upper'
  | 'not-comparable'
  | 'style-unknown-models'
  | 'voters-flagged'
  | 'daily-cap';

export interface LeaderboardWarning {
  code: WarningCode;
  /** Models concerned, if any. */
  models: string[];
  /** A number the message needs (groups, voters, votes). */
  count?: number;
  /** Plain English; front-ends localise from `code`. */
  text: string;
}

/** Voter quality as applied to the votes behind a board (see voters.ts). */
export interface VoterSummary {
  policy: 'flag' | 'downweight' | 'exclude';
  /** Voters with enough votes to be judged. */
  checked: number;
  flagged: number;
  random: number;
  adversarial: number;
  /** Flagged voters' share of the checked voters, and of all votes. */
  share: number;
  voteShare: number;
}

export interface Leaderboard {
  /** Listed models by group and rank, then models without enough votes by votes. */
  models: RankedModel[];
  battles: number;
  votes: number;
  computedAt: Date;
  /** P(row beats column), ties counting half, for scored models in `models` order; null across groups. */
  winProbability: { models: string[]; matrix: Array<Array<number | null>> };
  /** Observed share of wins (ties half) and votes for each pair of listed models, in `winProbability.models` order. */
  observed: { winRate: Array<Array<number | null>>; votes: number[][] };
  /** Groups of models whose scores compare; the main group first. */
  components: Component[];
  /** Style control, when asked: its variant and coefficients (points of score per standard deviation of the feature). */
  styleControl?: { variant: StyleVariant; coefficients: Record<keyof StyleFeatures, number> } | null;
  /** Tie model fitted beside plain Bradley–Terry, when asked, with its tie parameter. */
  tieModel?: { kind: TieModel; tieParameter: number } | null;
  voters?: VoterSummary | null;
  options: Required<Omit<LeaderboardOptions, 'anchor'>> & { anchor: LeaderboardOptions['anchor'] | null };
  warnings: LeaderboardWarning[];
}

// What the leaderboard page shows: the ranking's board from the app's one leaderboard service, as rows for the page and
// the ranking's own JSON for /api/leaderboard.
import type { BoardRenderer } from '../../core/leaderboard/types';
import type { ModelCard } from '../../core/providers/types';
import { toJson, type Leaderboard, type LeaderboardJson } from '../../core/ranking';

export interface LeaderboardRow {
  model: string;
  displayName: string;
  organisation?: string;
  demo: boolean;
  votes: number;
  wins: number;
  ties: number;
  losses: number;
  /** (wins + ties/2) / votes, or null without votes. */
  winRate: number | null;
  /** Ranked tables only; null when the model has too few votes for a score. */
  score?: number | null;
  ciLow?: number | null;
  ciHigh?: number | null;
  rank?: number | null;
  rankLow?: number | null;
  rankHigh?: number | null;
}

export interface LeaderboardView {
  /** `ranked`: Bradley–Terry from core/ranking; `counts`: the plain fallback. */
  kind: 'ranked' | 'counts';
  battles: number;
  computedAt: Date;
  rows: LeaderboardRow[];
  /** The ranking's own result (ranked views): its chart and JSON come from core/ranking. */
  board?: Leaderboard;
}

/** The board of every chat that counts in the shared rankings, or of one chat (a room's own board). */
export type LeaderboardSource = (segment?: { chat?: string }) => Promise<LeaderboardView>;

export type RankingJson = LeaderboardJson;

const describe = (cards: ModelCard[], id: string) => {
  const card = cards.find((c) => c.id === id);
  // Demo models carry a "demo" badge on the page; the name itself reads as in the reveal.
  const name = card?.displayName ?? id;
  return {
    displayName: card?.demo ? name.replace(/\s*\(demo\)\s*$/i, '') : name,
    ...(card?.organisation ? { organisation: card.organisation } : {}),
    demo: card?.demo ?? false,
  };
};

const winRate = (wins: number, ties: number, votes: number) => (votes > 0 ? (wins + ties / 2) / votes : null);

/** Turns the ranking's JSON into the page's rows. */
export function fromRankingJson(json: RankingJson, cards: ModelCard[]): LeaderboardView {
  return {
    kind: 'ranked',
    battles: json.battles,
    computedAt: new Date(json.computed_at),
    rows: json.models.map((m) => ({
      model: m.model,
      ...describe(cards, m.model),
      votes: m.votes,
      wins: m.wins,
      ties: m.ties,
      losses: m.losses,
      winRate: winRate(m.wins, m.ties, m.votes),
      score: m.score,
      ciLow: m.ci_low,
      ciHigh: m.ci_high,
      rank: m.rank,
      rankLow: m.rank_low,
      rankHigh: m.rank_high,
    })),
  };
}

/** The ranking's JSON (issue 5's shape) for either view, so /api/leaderboard has one format. */
export function leaderboardJson(view: LeaderboardView): LeaderboardJson {
  if (view.board) return toJson(view.board);
  return {
    models: view.rows.map((r) => ({
      model: r.model,
      score: null,
      ci_low: null,
      ci_high: null,
      rank: null,
      rank_low: null,
      rank_high: null,
      votes: r.votes,
      wins: r.wins,
      ties: r.ties,
      losses: r.losses,
    })),
    battles: view.battles,
    computed_at: view.computedAt.toISOString(),
  };
}

/** The page's numbers from the app's one leaderboard service (core/leaderboard/source.ts): the same computation, and
 * the same cache, as the boards posted in chats. */
export function boardSource(options: { leaderboard: Pick<Required<BoardRenderer>, 'board'>; cards: ModelCard[] }): LeaderboardSource {
  return async (segment = {}) => {
    const board = await options.leaderboard.board(segment.chat ? { chat: segment.chat } : {});
    return { ...fromRankingJson(toJson(board), options.cards), board };
  };
}

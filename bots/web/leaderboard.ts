// What the leaderboard page shows. The ranking code (core/ranking) provides the real table; until a ranking source is
// given, the page falls back to plain win/loss counts of closed battles read through the store's public methods.
import type { Logger } from 'pino';
import type { ModelCard } from '../../core/providers/types';
import { computeLeaderboardAsync, readVoteCounts, toJson, type Leaderboard, type LeaderboardJson, type RankingDb } from '../../core/ranking';
import type { BattleStore } from '../../core/store/types';

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

export type LeaderboardSource = () => Promise<LeaderboardView>;

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

/** Plain counts over closed battles: a vote for A is a win for A's model and a loss for B's; "tie" and "both bad"
 * are ties. Battles flagged for an identity leak are left out, as the ranking does. */
export async function countsFromStore(store: BattleStore, cards: ModelCard[]): Promise<LeaderboardView> {
  const battles = (await store.battlesInStatus('closed')).filter((b) => !b.identityLeak);
  const rows = new Map<string, { wins: number; ties: number; losses: number }>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { wins: 0, ties: 0, losses: 0 }));
    return r;
  };
  let decided = 0;
  for (const battle of battles) {
    const tally = await store.tally(battle.id);
    const a = row(battle.modelAId);
    const b = row(battle.modelBId);
    a.wins += tally.a;
    b.losses += tally.a;
    b.wins += tally.b;
    a.losses += tally.b;
    a.ties += tally.tie + tally.both_bad;
    b.ties += tally.tie + tally.both_bad;
    if (tally.a + tally.b + tally.tie + tally.both_bad > 0) decided += 1;
  }
  const list: LeaderboardRow[] = [...rows.entries()]
    .map(([model, r]) => {
      const votes = r.wins + r.ties + r.losses;
      return { model, ...describe(cards, model), votes, ...r, winRate: winRate(r.wins, r.ties, votes) };
    })
    .filter((r) => r.votes > 0)
    .sort((x, y) => (y.winRate ?? 0) - (x.winRate ?? 0) || y.votes - x.votes || x.displayName.localeCompare(y.displayName));
  return { kind: 'counts', battles: decided, computedAt: new Date(), rows: list };
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

/** Bradley–Terry with bootstrap intervals from core/ranking, over every counted vote in the database; falls back
 * to plain counts (with a log line) if the ranking cannot be computed. */
export function rankingSource(options: { db: RankingDb; store: BattleStore; cards: ModelCard[]; log?: Logger; bootstrap?: number }): LeaderboardSource {
  return async () => {
    try {
      const counts = await readVoteCounts(options.db);
      const board = await computeLeaderboardAsync(counts, { bootstrap: options.bootstrap ?? 1000 });
      return { ...fromRankingJson(toJson(board), options.cards), board };
    } catch (error) {
      options.log?.error({ err: error }, 'web: ranking failed; showing plain counts');
      return countsFromStore(options.store, options.cards);
    }
  };
}

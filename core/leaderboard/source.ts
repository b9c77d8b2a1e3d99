// The leaderboard a chat sees (on /leaderboard and on schedule): everyone's Bradley–Terry ranking as a phone-width
// table and a chart, plus how this chat's own votes rank the models differently (Kendall's τ and the biggest
// moves) once the chat has voted enough.
import type { Logger } from 'pino';
import type { BoardRenderer } from './types';
import {
  compareRankings,
  computeLeaderboard,
  computeLeaderboardAsync,
  formatTable,
  readVoteCounts,
  renderChartPng,
  chartAlt,
  totalVotes,
  type Leaderboard,
  type RankingDb,
} from '../ranking';

export interface ChatLeaderboardOptions {
  /** The database (core/store/database.ts `Db.kysely`). */
  db: RankingDb;
  log: Logger;
  /** Bootstrap rounds for posted boards: fewer than the CLI's 1,000, since a chat board is recomputed often. */
  bootstrap?: number;
  /** Votes a chat needs before its own ranking is compared with everyone's. */
  chatMinVotes?: number;
  /** Recompute the global board at most this often (ms). */
  cacheMs?: number;
}

export function createChatLeaderboard(options: ChatLeaderboardOptions): BoardRenderer {
  const bootstrap = options.bootstrap ?? 300;
  const chatMinVotes = options.chatMinVotes ?? 20;
  const cacheMs = options.cacheMs ?? 60_000;
  const cache = new Map<string, { at: number; board: Promise<Leaderboard> }>();

  /** Everyone's board, or a campaign's; recomputed at most once per `cacheMs`. */
  const sharedBoard = (campaign?: string) => {
    const key = campaign ?? '';
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at <= cacheMs) return hit.board;
    const board = readVoteCounts(options.db, campaign ? { campaign } : {}).then((counts) => computeLeaderboardAsync(counts, { bootstrap, seed: 1 }));
    cache.set(key, { at: Date.now(), board });
    board.catch(() => cache.delete(key));
    return board;
  };

  return {
    async render({ chat, t, campaign }) {
      const board = await sharedBoard(campaign);
      if (board.votes === 0) return { text: t('leaderboard-empty') };
      // Monospace keeps the columns aligned on every platform.
      const lines = ['```', formatTable(board, t, campaign ? { segment: t('ranking-segment-campaign', { value: campaign }) } : {}), '```'];
      const local = await readVoteCounts(options.db, campaign ? { chat: chat.id, campaign } : { chat: chat.id });
      // Only meaningful when other chats voted too: a chat holding every vote agrees with itself.
      if (totalVotes(local) >= chatMinVotes && totalVotes(local) < board.votes) {
        const comparison = compareRankings(computeLeaderboard(local, { bootstrap: 0 }), board);
        if (comparison.tau !== null) {
          lines.push(t('ranking-compare-tau', { tau: comparison.tau.toFixed(2) }));
          for (const shift of comparison.mostDifferent) {
            lines.push(t(shift.shift > 0 ? 'ranking-compare-shift-up' : 'ranking-compare-shift-down', { model: shift.model, local: shift.localRank, global: shift.globalRank }));
          }
        }
      }
      let image: { png: Uint8Array; alt: string } | undefined;
      try {
        image = { png: renderChartPng(board, t), alt: chartAlt(board, t) };
      } catch (error) {
        // The table alone is still worth posting.
        options.log.warn({ err: error }, 'leaderboard chart could not be rendered');
      }
      return { text: lines.join('\n'), image };
    },
  };
}

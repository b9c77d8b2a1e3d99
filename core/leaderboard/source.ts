// The one leaderboard service: chat boards (/leaderboard, scheduled posts) and the boards pages show come from the
// ranking's chat board (core/ranking/chat-board.ts), which caches each selection's computation, so every surface shows
// the same numbers.
import type { Logger } from 'pino';
import { createChatBoard, type RankingDb, type VoteOptions } from '../ranking';
import type { BoardRenderer } from './types';

export interface ChatLeaderboardOptions {
  /** The database (core/store/database.ts `Db.kysely`). */
  db: RankingDb;
  log: Logger;
  /** Bootstrap rounds for posted boards: fewer than the CLI's 1,000, since a chat board is recomputed often. */
  bootstrap?: number;
  /** Votes a chat needs before its own ranking is compared with everyone's. */
  chatMinVotes?: number;
  /** Recompute a board at most this often (ms). */
  cacheMs?: number;
  /** Per-vote options from configuration (`ranking.*`). */
  votes?: VoteOptions;
}

export function createChatLeaderboard(options: ChatLeaderboardOptions): Required<BoardRenderer> {
  const boards = createChatBoard({
    db: options.db,
    log: options.log,
    ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}),
    ...(options.chatMinVotes !== undefined ? { chatMinVotes: options.chatMinVotes } : {}),
    ...(options.cacheMs !== undefined ? { cacheMs: options.cacheMs } : {}),
    ...(options.votes ? { votes: options.votes } : {}),
  });
  return {
    async render({ chat, t, locale, campaign, category }) {
      const board = await boards.render({ chat: { id: chat.id }, t, locale, ...(campaign ? { campaign } : {}), ...(category ? { category } : {}) });
      return { text: board.text, ...(board.image ? { image: board.image } : {}), categories: board.categories.map((c) => ({ id: c.id, label: c.label })) };
    },
    board: (segment = {}) => boards.board(segment),
  };
}

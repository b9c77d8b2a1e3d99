// The board a chat sees (on /leaderboard and on schedule), ready to post: everyone's ranking (or a campaign's, or one
// category's) as a phone-width table with its warnings, the chart, and how this chat's own votes rank the models
// differently once it has voted enough; plus the categories that have battles, for a "switch category" row of
// buttons. The engine (core/leaderboard/source.ts) decides when to post and draws the buttons; this decides what the
// board says. Boards are cached per selection for `cacheMs`.
import type { Translate } from '../i18n';
import { chartAlt, renderChartPng } from './charts/scores';
import { CATEGORY_IDS, isCategoryId, type CategoryId } from './categories/ids';
import { formatComparison, formatTable, segmentLabel } from './format';
import { computeLeaderboard, computeLeaderboardAsync } from './leaderboard';
import { compareRankings } from './math/compare';
import { totalVotes } from './math/counts';
import { readCategoryCounts, readVoteCounts, readVotes, unknownSegmentValues, type RankingDb } from './readers/source-db';
import type { Segment } from './segments';
import type { Leaderboard, PairCounts, VoterSummary } from './types';
import { needsRows, prepareVotes, type VoteOptions } from './votes';

export interface ChatBoardOptions {
  db: RankingDb;
  /** Where failures to draw the chart or to list categories are reported (the board is still posted). */
  log?: { warn(obj: object, msg: string): void };
  /** Bootstrap rounds for posted boards: fewer than the CLI's 1,000, since a chat board is recomputed often. */
  bootstrap?: number;
  /** Votes a chat needs before its own ranking is compared with everyone's. */
  chatMinVotes?: number;
  /** Recompute a board at most this often (ms). */
  cacheMs?: number;
  /** Per-vote options from configuration (`ranking.*`): daily cap, voter policy. */
  votes?: VoteOptions;
}

export interface ChatBoardRequest {
  /** The chat's id in Pnyx's database (Chat.id). */
  chat: { id: string };
  t: Translate;
  locale?: string;
  campaign?: string;
  /** A category id (see CATEGORY_IDS); none for all prompts. */
  category?: string;
}

export interface CategoryChoice {
  /** Category id, or null for "all prompts". */
  id: CategoryId | null;
  /** Localised label for a button. */
  label: string;
  battles: number;
}

export interface ChatBoard {
  /** Markdown: the table in a monospace block, then notes. */
  text: string;
  image?: { png: Uint8Array; alt: string };
  /** "All prompts" first, then each category with battles in this selection (empty when categories are not recorded). */
  categories: CategoryChoice[];
  /** Set (and said in `text`) when the request named a category or campaign that does not exist. */
  problem?: 'unknown-category' | 'unknown-campaign' | 'categories-unavailable';
  board?: Leaderboard;
}

export function createChatBoard(options: ChatBoardOptions) {
  const bootstrap = options.bootstrap ?? 300;
  const chatMinVotes = options.chatMinVotes ?? 20;
  const cacheMs = options.cacheMs ?? 60_000;
  const perVote = options.votes ?? {};
  const cache = new Map<string, { at: number; board: Promise<Leaderboard> }>();

  const countsOf = async (segment: Segment): Promise<{ counts: PairCounts; voters: VoterSummary | null; capped: number }> => {
    if (!needsRows(perVote)) return { counts: await readVoteCounts(options.db, segment), voters: null, capped: 0 };
    const prepared = prepareVotes(await readVotes(options.db, segment), perVote);
    return prepared;
  };

  /** A shared board (everyone's, a campaign's, a category's), recomputed at most once per `cacheMs`. */
  const sharedBoard = (segment: Segment): Promise<Leaderboard> => {
    const key = JSON.stringify(segment);
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at <= cacheMs) return hit.board;
    const board = countsOf(segment).then(({ counts, voters, capped }) =>
      computeLeaderboardAsync(counts, { bootstrap, seed: 1, ...(voters ? { voters } : {}), ...(capped ? { cappedVotes: capped } : {}) }),
    );
    cache.set(key, { at: Date.now(), board });
    board.catch(() => cache.delete(key));
    return board;
  };

  /** Categories with battles in the selection, "all prompts" first. */
  const categories = async (request: Pick<ChatBoardRequest, 't' | 'campaign'>): Promise<CategoryChoice[]> => {
    let counts: Map<string, number>;
    try {
      counts = await readCategoryCounts(options.db, request.campaign ? { campaign: request.campaign } : {});
    } catch (error) {
      // Before the categories column exists (or on a database error) the board still works without the buttons.
      options.log?.warn({ err: error }, 'leaderboard categories could not be read');
      return [];
    }
    const all: CategoryChoice = { id: null, label: request.t('ranking-category-all'), battles: 0 };
    const list = CATEGORY_IDS.filter((id) => (counts.get(id) ?? 0) > 0).map((id) => ({ id, label: request.t(`ranking-category-${id}`), battles: counts.get(id)! }));
    return list.length ? [all, ...list] : [];
  };

  const render = async (request: ChatBoardRequest): Promise<ChatBoard> => {
    const { t } = request;
    if (request.category !== undefined && !isCategoryId(request.category)) {
      const list = CATEGORY_IDS.map((id) => t(`ranking-category-${id}`)).join(', ');
      return { text: t('ranking-category-unknown', { value: request.category, list }), categories: await categories(request), problem: 'unknown-category' };
    }
    if (request.campaign !== undefined && (await unknownSegmentValues(options.db, { campaign: request.campaign })).length) {
      return { text: t('ranking-campaign-unknown', { value: request.campaign }), categories: [], problem: 'unknown-campaign' };
    }
    const segment: Segment = { ...(request.campaign ? { campaign: request.campaign } : {}), ...(request.category ? { category: request.category } : {}) };
    let board: Leaderboard;
    try {
      board = await sharedBoard(segment);
    } catch (error) {
      if (request.category === undefined) throw error;
      options.log?.warn({ err: error }, 'category board could not be read');
      return { text: t('ranking-category-unavailable'), categories: [], problem: 'categories-unavailable' };
    }
    const choices = await categories(request);
    if (board.votes === 0) return { text: t('ranking-empty'), categories: choices, board };
    const label = segmentLabel(segment, t);
    // Monospace keeps the columns aligned on every platform.
    const lines = ['```', formatTable(board, t, label ? { segment: label } : {}), '```'];
    const local = await readVoteCounts(options.db, { ...segment, chat: request.chat.id });
    // Only meaningful when other chats voted too: a chat holding every vote agrees with itself.
    if (totalVotes(local) >= chatMinVotes && totalVotes(local) < board.votes) {
      const comparison = formatComparison(compareRankings(computeLeaderboard(local, { bootstrap: 0 }), board), t);
      if (comparison) lines.push(comparison);
    }
    let image: ChatBoard['image'];
    try {
      image = { png: renderChartPng(board, t, { ...(label ? { segment: label } : {}), ...(request.locale ? { locale: request.locale } : {}) }), alt: chartAlt(board, t) };
    } catch (error) {
      // The table alone is still worth posting.
      options.log?.warn({ err: error }, 'leaderboard chart could not be rendered');
    }
    return { text: lines.join('\n'), ...(image ? { image } : {}), categories: choices, board };
  };

  /** The shared board of a segment (cached as the chat boards are): for pages and JSON that show the same numbers. */
  const board = (segment: Segment = {}): Promise<Leaderboard> => sharedBoard(segment);

  return { render, categories, board };
}

export type ChatBoardRenderer = ReturnType<typeof createChatBoard>;

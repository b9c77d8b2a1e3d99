// What the engine needs from storage. Implemented with Prisma on SQLite and PostgreSQL (core/store/prisma-store.ts) and
// with prepared better-sqlite3 statements on SQLite (core/store/sqlite-store.ts), both held to one contract suite
// (core/store/battle-store.test.ts); every method is one short transaction, safe to call concurrently from many events.
import type { ChatAddress, Person, ReactionKind, ReactionReason, Side, VoteChoice } from '../port/types';
import type { FinishReason, ModelCard } from '../providers/types';

export type BattleStatus = 'streaming' | 'open' | 'closed' | 'failed';

export interface ChatRow {
  id: string;
  platform: string;
  externalId: string;
  kind: 'private' | 'group';
  title: string | null;
  locale: string | null;
  timezone: string | null;
  /** Raw JSON; parse with core/config/chat-settings.ts */
  settings: string;
  enabled: boolean;
}

export interface UserRow {
  id: string;
  platform: string;
  externalId: string;
  locale: string | null;
  consent: 'unknown' | 'granted' | 'declined' | 'withdrawn';
}

export interface BattleRow {
  id: string;
  token: string;
  chatId: string;
  initiatorId: string;
  modelAId: string;
  modelBId: string;
  mode: string;
  language: string | null;
  campaignId: string | null;
  status: BattleStatus;
  identityLeak: boolean;
  leakTerms: string[];
  failure: string | null;
  voteCount: number;
  openedAt: Date;
  closesAt: Date | null;
  closedAt: Date | null;
}

export interface ReplyRow {
  id: string;
  side: Side;
  modelId: string;
  text: string;
  tokensIn: number | null;
  tokensOut: number | null;
  ttftMs: number | null;
  latencyMs: number | null;
  finishReason: string | null;
  error: string | null;
}

export interface TurnRow {
  id: string;
  index: number;
  authorId: string;
  prompt: string;
  replies: Partial<Record<Side, ReplyRow>>;
}

export interface NewBattle {
  token: string;
  chatId: string;
  initiatorId: string;
  modelAId: string;
  modelBId: string;
  mode: string;
  language: string | null;
  campaignId?: string | null;
}

export interface ReplyResult {
  modelId: string;
  text: string;
  finishReason: FinishReason;
  error?: string;
  tokensIn?: number;
  tokensOut?: number;
  ttftMs?: number;
  latencyMs: number;
}

/** A platform message that belongs to a battle, so that replying to it continues that battle. */
export interface MessageRefRow {
  battleId: string;
  chatId: string;
  /** The adapter's reference to the message. */
  ref: string;
  /** 'a', 'b', 'ballot', ... */
  role: string;
}

export type CastVoteResult =
  /** `closed`: this vote reached `closeAtVotes` and closed the battle in the same transaction; the final tally. */
  | { status: 'counted'; voteCount: number; closed?: { tally: Record<VoteChoice, number> } }
  | { status: 'duplicate'; choice: VoteChoice }
  | { status: 'not_open'; battleStatus: BattleStatus };

export interface StatusChange {
  from?: BattleStatus[];
  failure?: string;
  closesAt?: Date | null;
  at?: Date;
}

export interface CastVoteOptions {
  reasons?: string[];
  comment?: string;
  /**
   * Close the battle, atomically with this vote, when its count reaches this many (a chat whose policy reveals after
   * N votes): no crash between the vote and the close can leave a battle open that nobody can vote on any more.
   */
  closeAtVotes?: number;
}

export interface BattleStore {
  upsertChat(chat: ChatAddress): Promise<ChatRow>;
  updateChat(chatId: string, patch: { settings?: string; locale?: string | null; timezone?: string | null; enabled?: boolean }): Promise<ChatRow>;
  getChat(chatId: string): Promise<ChatRow | null>;
  /**
   * The platform gave a chat a new id (Telegram turns a group into a supergroup): the chat's row, with its settings,
   * battles and schedules, answers to the new id from now on. Null when there is no chat with the old id (already
   * moved) or the new id is taken by another row (left as they are).
   */
  moveChat(platform: string, fromExternalId: string, toExternalId: string): Promise<ChatRow | null>;
  /** The chat's own leaderboard posting schedule, if any (campaign schedules are managed by organizers). */
  chatSchedule(chatId: string): Promise<{ cron: string; timezone: string } | null>;
  /** Replaces the chat's schedule; null removes it. */
  setChatSchedule(chatId: string, schedule: { cron: string; timezone: string } | null): Promise<void>;
  upsertUser(person: Person): Promise<UserRow>;
  /** Insert or update model cards from the configuration; never deletes. */
  syncModels(cards: ModelCard[]): Promise<void>;
  /** Counted votes per model (battles not flagged), for boosting under-voted models. */
  voteCountsByModel(): Promise<Map<string, number>>;

  createBattle(battle: NewBattle): Promise<BattleRow>;
  /** createBattle and its first turn (index 0, the initiator's prompt) in one transaction: how every battle begins. */
  startBattle(battle: NewBattle, prompt: string): Promise<{ battle: BattleRow; turn: TurnRow }>;
  getBattle(id: string): Promise<BattleRow | null>;
  getBattleByToken(token: string): Promise<BattleRow | null>;
  /** The battle that a platform message (by the adapter's ref) belongs to, in a chat. */
  getBattleByMessageRef(chatId: string, ref: string): Promise<BattleRow | null>;
  /** Stores message references in one transaction; a ref stored again moves to the latest battle and role. */
  addMessageRefs(refs: readonly MessageRefRow[]): Promise<void>;
  /** Replace the model on one side (before it produced any text). */
  swapModel(battleId: string, side: Side, modelId: string): Promise<void>;
  /** Battle status moves; `from` makes the move conditional (returns false when the battle was not in `from`). */
  setStatus(battleId: string, to: BattleStatus, options?: StatusChange): Promise<boolean>;
  flagIdentityLeak(battleId: string, terms: string[]): Promise<void>;

  /** Adds the next turn (index = previous + 1) and returns it. */
  addTurn(battleId: string, authorId: string, prompt: string): Promise<TurnRow>;
  saveReply(turnId: string, side: Side, result: ReplyResult): Promise<ReplyRow>;
  /** Turns in order with their replies. */
  getTurns(battleId: string): Promise<TurnRow[]>;

  /** One vote per voter per battle, enforced by the database; counts only while the battle is open. */
  castVote(battleId: string, voterId: string, choice: VoteChoice, options?: CastVoteOptions): Promise<CastVoteResult>;
  getVote(battleId: string, voterId: string): Promise<VoteChoice | null>;
  /** Adds a reason tag to a person's vote; returns the vote's reasons, or null when they have not voted. */
  addVoteReason(battleId: string, voterId: string, reason: ReactionReason): Promise<string[] | null>;
  /** Tally of choices for a battle. */
  tally(battleId: string): Promise<Record<VoteChoice, number>>;

  /** One reaction per person per reply; pressing again updates it. */
  react(replyId: string, userId: string, kind: ReactionKind, reasons?: ReactionReason[], comment?: string): Promise<void>;
  getReply(battleId: string, side: Side, turnIndex?: number): Promise<ReplyRow | null>;
  getReaction(replyId: string, userId: string): Promise<{ kind: ReactionKind; reasons: ReactionReason[] } | null>;

  /** Open battles whose close time has passed. */
  dueBattles(now: Date): Promise<BattleRow[]>;
  /** Battles in a given status (recovery after restart). */
  battlesInStatus(status: BattleStatus): Promise<BattleRow[]>;

  close(): Promise<void>;
}

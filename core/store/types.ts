// What the engine needs from storage: one implementation for SQLite and PostgreSQL, held to one contract suite
// (core/store/battle-store.test.ts) on both databases; every method is one short transaction, safe to call
// concurrently from many events and from several processes sharing one database.
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
  /** The server or workspace the chat belongs to, when the platform has them. */
  space: string | null;
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
  /** When the consent notice was shown (core/engine/consent.ts); null: not yet. */
  consentedAt?: Date | null;
  /** The person opted out of publication. */
  publishOptOut?: boolean;
  /** When the optional profile was offered; null: not yet. */
  profileAskedAt?: Date | null;
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
  /** The campaign topic the battle started from, and (diverse mode) each side's stance; absent in older rows. */
  topic?: string | null;
  stanceA?: string | null;
  stanceB?: string | null;
  status: BattleStatus;
  identityLeak: boolean;
  leakTerms: string[];
  failure: string | null;
  voteCount: number;
  /** The thread the battle lives in, when it opened one (its messages and follow-ups go there). */
  thread: string | null;
  /**
   * Which process is generating for this battle (its first turn while `streaming`, a follow-up while `open`) and
   * until when its lease runs; the process renews it while it works. A lease that ran out means the process is gone:
   * any process may then reap the battle (fail it, or end the interrupted follow-up). Both null when nobody works on it.
   */
  leaseOwner: string | null;
  leaseUntil: Date | null;
  /** How often another process took over its generation after the generating one died (takeOverBattle). */
  resumes: number;
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
  /** Estimated energy (Wh) and emissions (g CO2e) of the reply, and the method's name (core/energy/ecologits.ts). */
  energyWh?: number | null;
  co2eG?: number | null;
  energyMethod?: string | null;
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
  /** The campaign topic it starts from, and each side's stance (diverse mode). */
  topic?: string | null;
  stanceA?: string | null;
  stanceB?: string | null;
  /** The process that will generate the first turn, and until when (see BattleRow.leaseOwner). */
  lease?: Lease;
  /** The first prompt's categories, when known at the start (core/ranking/categories ids). */
  categories?: readonly string[];
  /** The platform delivery that started it (unique: a prompt handled again after a crash finds it). */
  delivery?: string;
  /** False keeps its votes out of the shared rankings (ChatPort.countsInRankings); default true. */
  ranked?: boolean;
}

export interface Lease {
  owner: string;
  until: Date;
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
  /** What the reply cost in US dollars (from the model's prices), when it has prices. */
  costUsd?: number;
  /** Estimated energy and emissions, when the model card has parameter counts (core/energy/ecologits.ts). */
  energy?: { energyWh: number; co2eG: number; method: string };
}

/**
 * A platform message that belongs to a battle: replying to it continues that battle, and any process can find the
 * battle's messages again (to update its ballot, to name the models at the close) from these rows alone.
 */
export interface MessageRefRow {
  battleId: string;
  chatId: string;
  /** The adapter's reference to the message. */
  ref: string;
  /** 'prompt', 'a', 'b', 'ballot', 'reveal', ... (core/port/types.ts MessageRole, with the side for replies) */
  role: string;
  /** The turn a reply belongs to (null for messages of the whole battle, such as the ballot). */
  turn: number | null;
  /** Which part of a logical message that was split over several platform messages (0 for the first). */
  part: number;
}

/** What claiming a platform delivery found. */
export interface DeliveryClaim {
  /**
   * True when this caller is to handle the event: the first claim of its key, a delivery an adapter stored but nobody
   * handled yet, or one claimed by a process whose lease ran out. False: it was (or is being) handled elsewhere.
   */
  fresh: boolean;
  /** Fresh, but a process claimed it before and did not finish (it died): part of its work may be done. */
  replay: boolean;
  /** The acknowledgement recorded for the earlier delivery (JSON), once it was completed. */
  ack: string | null;
}

/** A delivery an adapter stored and nobody finished handling. */
export interface PendingDelivery {
  key: string;
  payload: string;
}

export type CastVoteResult =
  /** `closed`: this vote reached `closeAtVotes` and closed the battle in the same transaction; the final tally. */
  | { status: 'counted'; voteCount: number; closed?: { tally: Record<VoteChoice, number> } }
  | { status: 'duplicate'; choice: VoteChoice }
  | { status: 'not_open'; battleStatus: BattleStatus };

export type ChangeVoteResult =
  /** The vote now reads `choice` (`from` was the one before); the battle's counters keep the blind choice. */
  | { status: 'changed'; from: VoteChoice; choice: VoteChoice }
  | { status: 'unchanged'; choice: VoteChoice }
  | { status: 'no_vote' }
  | { status: 'not_open'; battleStatus: BattleStatus };

export interface StatusChange {
  from?: BattleStatus[];
  releaseLease?: boolean;
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
  /** The last turn the voter had read (Vote.turn). */
  turn?: number;
}

export interface BattleStore {
  /** Inserts or refreshes the chat (kind, title when given, space when given). */
  upsertChat(chat: ChatAddress): Promise<ChatRow>;
  getChatByAddress(platform: string, externalId: string): Promise<ChatRow | null>;
  updateChat(chatId: string, patch: { settings?: string; locale?: string | null; timezone?: string | null; enabled?: boolean }): Promise<ChatRow>;
  getChat(chatId: string): Promise<ChatRow | null>;
  /**
   * The platform gave a chat a new id (a group upgraded to a larger kind of group): the chat's row, with its settings,
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
  /** The battle a platform delivery started (`delivery` given to startBattle), if any. */
  getBattleByDelivery(delivery: string): Promise<BattleRow | null>;
  /** Battles whose messages live in this thread of the chat, newest first; the newest one. */
  getBattleByThread(chatId: string, thread: string): Promise<BattleRow | null>;
  /** Records the thread a battle opened. */
  setThread(battleId: string, thread: string): Promise<void>;
  /** The battle's prompt categories (core/ranking/categories ids), replacing earlier ones (a follow-up may add some). */
  setCategories(battleId: string, categories: readonly string[]): Promise<void>;
  /** Every message reference of a battle, in the order they were stored. */
  getMessageRefs(battleId: string): Promise<MessageRefRow[]>;
  /** Replace the model on one side (before it produced any text). */
  swapModel(battleId: string, side: Side, modelId: string): Promise<void>;
  /**
   * Battle status moves; `from` makes the move conditional (returns false when the battle was not in `from`).
   * `releaseLease` also clears the battle's lease in the same statement.
   */
  setStatus(battleId: string, to: BattleStatus, options?: StatusChange): Promise<boolean>;
  flagIdentityLeak(battleId: string, terms: string[]): Promise<void>;

  /** Adds the next turn (index = previous + 1) and returns it. */
  addTurn(battleId: string, authorId: string, prompt: string): Promise<TurnRow>;
  saveReply(turnId: string, side: Side, result: ReplyResult): Promise<ReplyRow>;
  /** Turns in order with their replies. */
  getTurns(battleId: string): Promise<TurnRow[]>;
  /** What replies cost since `since` (US dollars), per chat and model; one chat's only when `chatId` is given. */
  spendSince(since: Date, chatId?: string): Promise<Array<{ chatId: string; modelId: string; usd: number }>>;

  /** One vote per voter per battle, enforced by the database; counts only while the battle is open. */
  castVote(battleId: string, voterId: string, choice: VoteChoice, options?: CastVoteOptions): Promise<CastVoteResult>;
  getVote(battleId: string, voterId: string): Promise<VoteChoice | null>;
  /**
   * A voter changes their mind while the battle is open: the vote row is updated (choice, turn, when), never a second
   * vote. The first choice was made blind and stays what the battle's counters and the rankings count (`blindChoice`).
   */
  changeVote(battleId: string, voterId: string, choice: VoteChoice, turn?: number): Promise<ChangeVoteResult>;
  /** Adds a reason tag to a person's vote; returns the vote's reasons, or null when they have not voted. */
  addVoteReason(battleId: string, voterId: string, reason: ReactionReason): Promise<string[] | null>;
  /** Sets the free-text "why" of a person's vote; false when they have not voted. */
  setVoteComment(battleId: string, voterId: string, comment: string): Promise<boolean>;
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

  // === Leases: which process works on a battle =======================================================

  /**
   * Takes the battle's lease (for a follow-up turn): true when the battle is in one of `statuses` and nobody holds a
   * live lease on it (no lease, or one whose `leaseUntil` is before `now`). Atomic: of racing callers one wins.
   */
  claimBattle(battleId: string, lease: Lease, statuses: BattleStatus[], now: Date): Promise<boolean>;
  /** Gives the lease back (only if `owner` still holds it). */
  releaseBattle(battleId: string, owner: string): Promise<void>;
  /** Extends every lease `owner` holds to `until` (one statement: called every few seconds by each process). */
  renewLeases(owner: string, until: Date): Promise<number>;
  /** Battles whose lease ran out before `now` (their process is gone), oldest first. */
  expiredLeases(now: Date): Promise<BattleRow[]>;
  /**
   * Moves a lease that ran out before `now` to `lease`: true for the one caller that reaped it. That caller deals with
   * the battle (fails it, shows its ballot or result) under the lease and gives it back after; dying meanwhile, it
   * leaves the lease to run out again and the next reaper to deal with the battle.
   */
  reapLease(battleId: string, now: Date, lease: Lease): Promise<boolean>;
  /**
   * Takes over a lease that ran out before `now` to resume the battle's generation, counting the resume: true for the
   * one caller that took it, and only while the battle has been resumed fewer than `maxResumes` times.
   */
  takeOverBattle(battleId: string, lease: Lease, now: Date, maxResumes: number): Promise<boolean>;

  // === Deliveries: each platform event handled once =====================================================

  /**
   * Claims a platform delivery by its key (`platform:id`) for `lease.owner` until `lease.until`; see DeliveryClaim. Of
   * racing claims (two processes, a redelivery), one is fresh.
   */
  claimDelivery(key: string, now: Date, lease?: Lease): Promise<DeliveryClaim>;
  /**
   * Stores deliveries durably before the adapter confirms them to the platform (the raw payload, to be handled again if
   * the process dies first); returns the keys that were new (others were stored or handled before).
   */
  storeDeliveries(items: ReadonlyArray<{ key: string; payload: string }>, now: Date): Promise<string[]>;
  /**
   * Stored deliveries nobody finished, whose keys start with `prefix`: never claimed and stored before `storedBefore`,
   * or claimed by a process whose lease ran out before `now`. Oldest first, at most `limit`.
   */
  pendingDeliveries(prefix: string, storedBefore: Date, now: Date, limit: number): Promise<PendingDelivery[]>;
  /** Records the acknowledgement given for claimed deliveries (JSON), for an answer to a redelivery; drops their payloads. */
  completeDeliveries(done: ReadonlyArray<{ key: string; ack: string }>): Promise<void>;
  /** Forgets deliveries claimed before `before`; returns how many. */
  purgeDeliveries(before: Date): Promise<number>;

  close(): Promise<void>;
}

// Database records → the store's rows (core/store/types.ts), with every enumerated value and JSON list checked
// (core/store/values.ts). PostgreSQL returns booleans and Dates, SQLite 0/1 and the ISO text Prisma's SQLite adapter
// wrote (core/store/db.ts), so booleans and dates are read in either form.
import type { Selectable } from 'kysely';
import type { ReactionKind, ReactionReason, VoteChoice } from '../port/types';
import type { ModelCard } from '../providers/types';
import type { DB } from './db';
import type { BattleRow, ChatRow, MessageRefRow, ReplyResult, ReplyRow, TurnRow, UserRow } from './types';
import {
  BattleStatusValue,
  ChatKindValue,
  ConsentValue,
  ReactionKindValue,
  SideValue,
  checkReactionReasons,
  readStringList,
  readValue,
} from './values';

export type StoredBool = boolean | number;
export type StoredDate = Date | string | number;

export function readBool(value: StoredBool): boolean {
  return value === true || value === 1;
}

/** Prisma writes `2026-11-22T08:39:19.579+00:00`; SQLite's CURRENT_TIMESTAMP default is `2026-11-22 08:39:19` (UTC). */
export function readDate(value: StoredDate): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const date = new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value) ? `${value.replace(' ', 'T')}Z` : value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`invalid date in the database: ${JSON.stringify(value)}`);
  return date;
}

export function readOptionalDate(value: StoredDate | null): Date | null {
  return value === null ? null : readDate(value);
}

export type ChatRecord = Selectable<DB['Chat']>;
export type UserRecord = Pick<Selectable<DB['User']>, 'id' | 'platform' | 'externalId' | 'locale' | 'consent'> &
  Partial<Pick<Selectable<DB['User']>, 'consentedAt' | 'publishOptOut' | 'profileAskedAt'>>;
/**
 * The Battle columns a BattleRow is made of. Reads select these, not the whole row: most of its 40 columns are the
 * rankings' tallies and the screening's verdicts, and the PostgreSQL driver describes and parses every column it is
 * handed, on every read (a button press reads its battle).
 */
export const BATTLE_COLUMNS = [
  'id', 'token', 'chatId', 'initiatorId', 'modelAId', 'modelBId', 'mode', 'language', 'campaignId', 'topic', 'stanceA', 'stanceB', 'status',
  'identityLeak', 'leakTerms', 'failure', 'voteCount', 'thread', 'leaseOwner', 'leaseUntil', 'resumes', 'openedAt', 'closesAt', 'closedAt',
] as const;
export type BattleRecord = Pick<Selectable<DB['Battle']>, (typeof BATTLE_COLUMNS)[number]>;
export type ReplyRecord = Pick<
  Selectable<DB['Reply']>,
  'id' | 'side' | 'modelId' | 'text' | 'tokensIn' | 'tokensOut' | 'ttftMs' | 'latencyMs' | 'finishReason' | 'error' | 'energyWh' | 'co2eG' | 'energyMethod'
>;
export type MessageRefRecord = Pick<Selectable<DB['MessageRef']>, 'battleId' | 'chatId' | 'ref' | 'role' | 'turn' | 'part'>;

export function toChatRow(chat: ChatRecord): ChatRow {
  return {
    id: chat.id,
    platform: chat.platform,
    externalId: chat.externalId,
    kind: readValue(ChatKindValue, chat.kind, 'Chat.kind'),
    title: chat.title,
    locale: chat.locale,
    timezone: chat.timezone,
    space: chat.space,
    settings: chat.settings,
    enabled: readBool(chat.enabled),
  };
}

export function toUserRow(user: UserRecord): UserRow {
  return {
    id: user.id,
    platform: user.platform,
    externalId: user.externalId,
    locale: user.locale,
    consent: readValue(ConsentValue, user.consent, 'User.consent'),
    ...(user.consentedAt !== undefined ? { consentedAt: user.consentedAt === null ? null : new Date(user.consentedAt) } : {}),
    ...(user.publishOptOut !== undefined ? { publishOptOut: Boolean(user.publishOptOut) } : {}),
    ...(user.profileAskedAt !== undefined ? { profileAskedAt: user.profileAskedAt === null ? null : new Date(user.profileAskedAt) } : {}),
  };
}

export function toBattleRow(battle: BattleRecord): BattleRow {
  return {
    id: battle.id,
    token: battle.token,
    chatId: battle.chatId,
    initiatorId: battle.initiatorId,
    modelAId: battle.modelAId,
    modelBId: battle.modelBId,
    mode: battle.mode,
    language: battle.language,
    campaignId: battle.campaignId,
    topic: battle.topic,
    stanceA: battle.stanceA,
    stanceB: battle.stanceB,
    status: readValue(BattleStatusValue, battle.status, 'Battle.status'),
    identityLeak: readBool(battle.identityLeak),
    leakTerms: readStringList(battle.leakTerms, 'Battle.leakTerms'),
    failure: battle.failure,
    voteCount: battle.voteCount,
    thread: battle.thread,
    leaseOwner: battle.leaseOwner,
    leaseUntil: readOptionalDate(battle.leaseUntil),
    resumes: battle.resumes,
    openedAt: readDate(battle.openedAt),
    closesAt: readOptionalDate(battle.closesAt),
    closedAt: readOptionalDate(battle.closedAt),
  };
}

export function toReplyRow(reply: ReplyRecord): ReplyRow {
  return {
    id: reply.id,
    side: readValue(SideValue, reply.side, 'Reply.side'),
    modelId: reply.modelId,
    text: reply.text,
    tokensIn: reply.tokensIn,
    tokensOut: reply.tokensOut,
    ttftMs: reply.ttftMs,
    latencyMs: reply.latencyMs,
    finishReason: reply.finishReason,
    error: reply.error,
    energyWh: reply.energyWh,
    co2eG: reply.co2eG,
    energyMethod: reply.energyMethod,
  };
}

export function toMessageRefRow(ref: MessageRefRecord): MessageRefRow {
  return { battleId: ref.battleId, chatId: ref.chatId, ref: ref.ref, role: ref.role, turn: ref.turn, part: ref.part };
}

export function toTurnRow(turn: { id: string; index: number; authorId: string; prompt: string }, replies: readonly ReplyRecord[]): TurnRow {
  const bySide: TurnRow['replies'] = {};
  for (const reply of replies) {
    const row = toReplyRow(reply);
    bySide[row.side] = row;
  }
  return { id: turn.id, index: turn.index, authorId: turn.authorId, prompt: turn.prompt, replies: bySide };
}

/** A model card's columns (everything but the id). */
export function modelData(card: ModelCard) {
  return {
    provider: card.provider,
    displayName: card.displayName,
    organisation: card.organisation ?? null,
    licence: card.licence ?? null,
    totalParamsB: card.totalParamsB ?? null,
    activeParamsB: card.activeParamsB ?? null,
    demo: card.demo,
    enabled: card.weight > 0,
  };
}

/** The columns a saved reply writes (besides its turn, side and timestamps). */
export function replyData(result: ReplyResult) {
  return {
    modelId: result.modelId,
    text: result.text,
    finishReason: result.finishReason as string,
    error: result.error ?? null,
    tokensIn: result.tokensIn ?? null,
    tokensOut: result.tokensOut ?? null,
    ttftMs: result.ttftMs ?? null,
    latencyMs: result.latencyMs,
    costUsd: result.costUsd ?? null,
    energyWh: result.energy?.energyWh ?? null,
    co2eG: result.energy?.co2eG ?? null,
    energyMethod: result.energy?.method ?? null,
  };
}

/** A reaction's checked kind and, when given, its reasons (JSON) and comment; undefined leaves the stored value. */
export function reactionDetails(kind: ReactionKind, reasons?: readonly ReactionReason[], comment?: string) {
  readValue(ReactionKindValue, kind, 'reaction kind');
  const checked = reasons === undefined ? undefined : checkReactionReasons(kind, reasons);
  return { kind, reasons: checked === undefined ? undefined : JSON.stringify(checked), comment };
}

/** Leak terms accumulate over turns: the union, in first-seen order, as stored JSON. */
export function mergeLeakTerms(stored: string | null, terms: readonly string[]): string {
  return JSON.stringify([...new Set([...readStringList(stored, 'Battle.leakTerms'), ...terms])]);
}

/** Battle's per-choice vote counters, kept in the vote's transaction so that leaderboards read battles, not votes. */
export const VOTE_COLUMNS = { a: 'votesA', b: 'votesB', tie: 'votesTie', both_bad: 'votesBothBad' } as const satisfies Record<VoteChoice, string>;

export function emptyTally(): Record<VoteChoice, number> {
  return { a: 0, b: 0, tie: 0, both_bad: 0 };
}

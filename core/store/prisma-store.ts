// BattleStore on Prisma, one code path for SQLite and PostgreSQL (see core/store/database.ts).
// Each method is one query or one short transaction; the database's unique keys decide races (one vote per voter,
// one reaction per person and reply, one turn per index) rather than read-then-write checks.
import { randomUUID } from 'node:crypto';
import type { ChatAddress, Person, ReactionKind, ReactionReason, Side, VoteChoice } from '../port/types';
import type { ModelCard } from '../providers/types';
import type { Db } from './database';
import type { Battle, Chat, Reply, User } from './generated/pg/client';
import type {
  BattleRow,
  BattleStatus,
  BattleStore,
  CastVoteResult,
  ChatRow,
  NewBattle,
  ReplyResult,
  ReplyRow,
  TurnRow,
  UserRow,
} from './types';
import {
  BattleStatusValue,
  ChatKindValue,
  ConsentValue,
  ReactionKindValue,
  ReactionReasonListValue,
  SideValue,
  VoteChoiceValue,
  checkReactionReasons,
  readJson,
  readStringList,
  readValue,
} from './values';

/** Prisma's error code for a unique constraint violation, and for "record to update not found". */
const UNIQUE_VIOLATION = 'P2002';
const NOT_FOUND = 'P2025';
const TURN_INSERT_ATTEMPTS = 10;

function prismaCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** P2002 from model queries; raw queries report P2010 with the driver adapter's error kind. */
function isUniqueViolation(error: unknown): boolean {
  if (prismaCode(error) === UNIQUE_VIOLATION) return true;
  const meta = typeof error === 'object' && error !== null && 'meta' in error ? (error.meta as Record<string, unknown> | undefined) : undefined;
  const adapterError = meta?.driverAdapterError as { cause?: { kind?: string } } | undefined;
  return adapterError?.cause?.kind === 'UniqueConstraintViolation';
}

function toChatRow(chat: Chat): ChatRow {
  return {
    id: chat.id,
    platform: chat.platform,
    externalId: chat.externalId,
    kind: readValue(ChatKindValue, chat.kind, 'Chat.kind'),
    title: chat.title,
    locale: chat.locale,
    timezone: chat.timezone,
    settings: chat.settings,
    enabled: chat.enabled,
  };
}

function toUserRow(user: User): UserRow {
  return {
    id: user.id,
    platform: user.platform,
    externalId: user.externalId,
    locale: user.locale,
    consent: readValue(ConsentValue, user.consent, 'User.consent'),
  };
}

function toBattleRow(battle: Battle): BattleRow {
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
    status: readValue(BattleStatusValue, battle.status, 'Battle.status'),
    identityLeak: battle.identityLeak,
    leakTerms: readStringList(battle.leakTerms, 'Battle.leakTerms'),
    failure: battle.failure,
    voteCount: battle.voteCount,
    openedAt: battle.openedAt,
    closesAt: battle.closesAt,
    closedAt: battle.closedAt,
  };
}

function toReplyRow(reply: Reply): ReplyRow {
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
  };
}

function toTurnRow(turn: { id: string; index: number; authorId: string; prompt: string; replies: Reply[] }): TurnRow {
  const replies: TurnRow['replies'] = {};
  for (const reply of turn.replies) {
    const row = toReplyRow(reply);
    replies[row.side] = row;
  }
  return { id: turn.id, index: turn.index, authorId: turn.authorId, prompt: turn.prompt, replies };
}

function emptyTally(): Record<VoteChoice, number> {
  return { a: 0, b: 0, tie: 0, both_bad: 0 };
}

export function createPrismaStore(db: Db): BattleStore {
  const { prisma } = db;

  async function battleStatus(battleId: string): Promise<BattleStatus> {
    const battle = await prisma.battle.findUnique({ where: { id: battleId }, select: { status: true } });
    if (!battle) throw new Error(`battle ${battleId} does not exist`);
    return readValue(BattleStatusValue, battle.status, 'Battle.status');
  }

  return {
    async upsertChat(chat: ChatAddress): Promise<ChatRow> {
      // The locale stays as the chat's admins set it; the platform's title follows renames.
      const row = await prisma.chat.upsert({
        where: { platform_externalId: { platform: chat.platform, externalId: chat.id } },
        create: {
          platform: chat.platform,
          externalId: chat.id,
          kind: chat.kind,
          title: chat.title ?? null,
          locale: chat.locale ?? null,
        },
        update: { kind: chat.kind, ...(chat.title !== undefined ? { title: chat.title } : {}) },
      });
      return toChatRow(row);
    },

    async updateChat(chatId, patch): Promise<ChatRow> {
      const data: { settings?: string; locale?: string | null; timezone?: string | null; enabled?: boolean } = {};
      if (patch.settings !== undefined) data.settings = patch.settings;
      if (patch.locale !== undefined) data.locale = patch.locale;
      if (patch.timezone !== undefined) data.timezone = patch.timezone;
      if (patch.enabled !== undefined) data.enabled = patch.enabled;
      return toChatRow(await prisma.chat.update({ where: { id: chatId }, data }));
    },

    async chatSchedule(chatId) {
      const row = await prisma.schedule.findFirst({ where: { chatId, campaignId: null, enabled: true }, orderBy: { createdAt: 'desc' } });
      return row ? { cron: row.cron, timezone: row.timezone } : null;
    },

    async setChatSchedule(chatId, schedule) {
      await prisma.$transaction([
        prisma.schedule.deleteMany({ where: { chatId, campaignId: null } }),
        ...(schedule ? [prisma.schedule.create({ data: { chatId, cron: schedule.cron, timezone: schedule.timezone } })] : []),
      ]);
    },

    async getChat(chatId: string): Promise<ChatRow | null> {
      const chat = await prisma.chat.findUnique({ where: { id: chatId } });
      return chat ? toChatRow(chat) : null;
    },

    async upsertUser(person: Person): Promise<UserRow> {
      const reported = {
        ...(person.displayName !== undefined ? { displayName: person.displayName } : {}),
        ...(person.locale !== undefined ? { locale: person.locale } : {}),
      };
      const user = await prisma.user.upsert({
        where: { platform_externalId: { platform: person.platform, externalId: person.id } },
        create: { platform: person.platform, externalId: person.id, ...reported },
        // Never empty, so Prisma can use the database's native upsert (one statement) rather than read-then-write.
        update: { externalId: person.id, ...reported },
      });
      return toUserRow(user);
    },

    async syncModels(cards: ModelCard[]): Promise<void> {
      if (cards.length === 0) return;
      await prisma.$transaction(
        cards.map((card) => {
          const data = {
            provider: card.provider,
            displayName: card.displayName,
            organisation: card.organisation ?? null,
            licence: card.licence ?? null,
            totalParamsB: card.totalParamsB ?? null,
            activeParamsB: card.activeParamsB ?? null,
            demo: card.demo,
            enabled: card.weight > 0,
          };
          return prisma.model.upsert({ where: { id: card.id }, create: { id: card.id, ...data }, update: data });
        }),
      );
    },

    async voteCountsByModel(): Promise<Map<string, number>> {
      // Battle.voteCount is the counted votes of each battle; sum it per model on both sides, skipping flagged battles.
      const where = { identityLeak: false, voteCount: { gt: 0 } };
      const [asA, asB] = await Promise.all([
        prisma.battle.groupBy({ by: ['modelAId'], where, _sum: { voteCount: true }, orderBy: { modelAId: 'asc' } }),
        prisma.battle.groupBy({ by: ['modelBId'], where, _sum: { voteCount: true }, orderBy: { modelBId: 'asc' } }),
      ]);
      const counts = new Map<string, number>();
      for (const row of asA) counts.set(row.modelAId, (counts.get(row.modelAId) ?? 0) + (row._sum?.voteCount ?? 0));
      for (const row of asB) counts.set(row.modelBId, (counts.get(row.modelBId) ?? 0) + (row._sum?.voteCount ?? 0));
      return counts;
    },

    async createBattle(battle: NewBattle): Promise<BattleRow> {
      const row = await prisma.battle.create({
        data: {
          token: battle.token,
          chatId: battle.chatId,
          initiatorId: battle.initiatorId,
          modelAId: battle.modelAId,
          modelBId: battle.modelBId,
          mode: battle.mode,
          language: battle.language,
          campaignId: battle.campaignId ?? null,
        },
      });
      return toBattleRow(row);
    },

    async getBattle(id: string): Promise<BattleRow | null> {
      const battle = await prisma.battle.findUnique({ where: { id } });
      return battle ? toBattleRow(battle) : null;
    },

    async getBattleByToken(token: string): Promise<BattleRow | null> {
      const battle = await prisma.battle.findUnique({ where: { token } });
      return battle ? toBattleRow(battle) : null;
    },

    async getBattleByMessageRef(chatId: string, ref: string): Promise<BattleRow | null> {
      const found = await prisma.messageRef.findUnique({
        where: { chatId_ref: { chatId, ref } },
        select: { battle: true },
      });
      return found ? toBattleRow(found.battle) : null;
    },

    async addMessageRef(battleId: string, chatId: string, ref: string, role: string): Promise<void> {
      // A platform may hand back a ref we already stored (an edited message): the latest battle and role win.
      await prisma.messageRef.upsert({
        where: { chatId_ref: { chatId, ref } },
        create: { battleId, chatId, ref, role },
        update: { battleId, role },
      });
    },

    async swapModel(battleId: string, side: Side, modelId: string): Promise<void> {
      await prisma.battle.update({
        where: { id: battleId },
        data: side === 'a' ? { modelAId: modelId } : { modelBId: modelId },
      });
    },

    async setStatus(battleId, to, options = {}): Promise<boolean> {
      const ends = to === 'closed' || to === 'failed';
      const { count } = await prisma.battle.updateMany({
        where: { id: battleId, ...(options.from ? { status: { in: options.from } } : {}) },
        data: {
          status: to,
          ...(options.failure !== undefined ? { failure: options.failure } : {}),
          ...(options.closesAt !== undefined ? { closesAt: options.closesAt } : {}),
          ...(ends ? { closedAt: options.at ?? new Date() } : {}),
        },
      });
      return count > 0;
    },

    async flagIdentityLeak(battleId: string, terms: string[]): Promise<void> {
      // Later turns may leak other terms: keep the union. Writing first takes SQLite's write lock at once, so another
      // process's write cannot invalidate what this transaction read.
      await prisma.$transaction(async (tx) => {
        const battle = await tx.battle.update({
          where: { id: battleId },
          data: { identityLeak: true },
          select: { leakTerms: true },
        });
        const merged = [...new Set([...readStringList(battle.leakTerms, 'Battle.leakTerms'), ...terms])];
        await tx.battle.update({ where: { id: battleId }, data: { leakTerms: JSON.stringify(merged) } });
      });
    },

    async addTurn(battleId: string, authorId: string, prompt: string): Promise<TurnRow> {
      // One statement picks the next index and inserts the turn, so it is atomic without an interactive transaction
      // (which costs Prisma about four times a plain query). Two follow-ups at once may pick the same index on
      // PostgreSQL; the unique (battleId, index) refuses the second, which then takes the next one.
      for (let attempt = 1; ; attempt++) {
        const id = randomUUID();
        try {
          const [row] = await prisma.$queryRaw<{ index: number | bigint }[]>`
            INSERT INTO "Turn" ("id", "battleId", "index", "authorId", "prompt", "createdAt")
            VALUES (${id}, ${battleId}, (SELECT COALESCE(MAX("index") + 1, 0) FROM "Turn" WHERE "battleId" = ${battleId}),
                    ${authorId}, ${prompt}, ${new Date()})
            RETURNING "index"`;
          if (!row) throw new Error(`adding a turn to battle ${battleId} returned nothing`);
          return { id, index: Number(row.index), authorId, prompt, replies: {} };
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= TURN_INSERT_ATTEMPTS) throw error;
        }
      }
    },

    async saveReply(turnId: string, side: Side, result: ReplyResult): Promise<ReplyRow> {
      const data = {
        modelId: result.modelId,
        text: result.text,
        finishReason: result.finishReason,
        error: result.error ?? null,
        tokensIn: result.tokensIn ?? null,
        tokensOut: result.tokensOut ?? null,
        ttftMs: result.ttftMs ?? null,
        latencyMs: result.latencyMs,
        finishedAt: new Date(),
      };
      const reply = await prisma.reply.upsert({
        where: { turnId_side: { turnId, side } },
        create: { turnId, side, ...data },
        update: data,
      });
      return toReplyRow(reply);
    },

    async getTurns(battleId: string): Promise<TurnRow[]> {
      const turns = await prisma.turn.findMany({
        where: { battleId },
        orderBy: { index: 'asc' },
        include: { replies: true },
      });
      return turns.map(toTurnRow);
    },

    async castVote(battleId, voterId, choice, reasons = [], comment): Promise<CastVoteResult> {
      try {
        // The increment runs first: on PostgreSQL it locks the battle row, so votes on one battle queue behind each
        // other and a vote cannot slip in after a concurrent close. The unique (battleId, voterId) refuses a second
        // vote, which rolls the increment back with it.
        const [battle] = await prisma.$transaction([
          prisma.battle.update({
            where: { id: battleId, status: 'open' },
            data: { voteCount: { increment: 1 } },
            select: { voteCount: true },
          }),
          prisma.vote.create({
            data: { battleId, voterId, choice, reasons: JSON.stringify(reasons), comment: comment ?? null },
            select: { id: true },
          }),
        ]);
        return { status: 'counted', voteCount: battle.voteCount };
      } catch (error) {
        const code = prismaCode(error);
        if (isUniqueViolation(error)) {
          const existing = await prisma.vote.findUnique({
            where: { battleId_voterId: { battleId, voterId } },
            select: { choice: true },
          });
          if (existing) return { status: 'duplicate', choice: readValue(VoteChoiceValue, existing.choice, 'Vote.choice') };
        }
        if (code === NOT_FOUND) return { status: 'not_open', battleStatus: await battleStatus(battleId) };
        throw error;
      }
    },

    async getVote(battleId: string, voterId: string): Promise<VoteChoice | null> {
      const vote = await prisma.vote.findUnique({
        where: { battleId_voterId: { battleId, voterId } },
        select: { choice: true },
      });
      return vote ? readValue(VoteChoiceValue, vote.choice, 'Vote.choice') : null;
    },

    async tally(battleId: string): Promise<Record<VoteChoice, number>> {
      const groups = await prisma.vote.groupBy({
        by: ['choice'],
        where: { battleId },
        _count: { _all: true },
        orderBy: { choice: 'asc' },
      });
      const tally = emptyTally();
      for (const group of groups) {
        tally[readValue(VoteChoiceValue, group.choice, 'Vote.choice')] += group._count._all;
      }
      return tally;
    },

    async react(replyId, userId, kind: ReactionKind, reasons?: ReactionReason[], comment?: string): Promise<void> {
      readValue(ReactionKindValue, kind, 'reaction kind');
      const checked = reasons === undefined ? undefined : checkReactionReasons(kind, reasons);
      const details = {
        ...(checked !== undefined ? { reasons: JSON.stringify(checked) } : {}),
        ...(comment !== undefined ? { comment } : {}),
      };
      await prisma.$transaction([
        // Switching like ↔ dislike drops the reasons and comment given for the other kind.
        prisma.reaction.updateMany({
          where: { replyId, userId, kind: { not: kind } },
          data: { reasons: '[]', comment: null },
        }),
        prisma.reaction.upsert({
          where: { replyId_userId: { replyId, userId } },
          create: { replyId, userId, kind, ...details },
          update: { kind, ...details },
        }),
      ]);
    },

    async getReaction(replyId: string, userId: string) {
      const reaction = await prisma.reaction.findUnique({
        where: { replyId_userId: { replyId, userId } },
        select: { kind: true, reasons: true },
      });
      if (!reaction) return null;
      const kind = readValue(ReactionKindValue, reaction.kind, 'Reaction.kind');
      return { kind, reasons: readJson(ReactionReasonListValue, reaction.reasons, 'Reaction.reasons') };
    },

    async getReply(battleId: string, side: Side, turnIndex?: number): Promise<ReplyRow | null> {
      const reply = await prisma.reply.findFirst({
        where: { side, turn: { battleId, ...(turnIndex !== undefined ? { index: turnIndex } : {}) } },
        orderBy: { turn: { index: 'desc' } },
      });
      return reply ? toReplyRow(reply) : null;
    },

    async dueBattles(now: Date): Promise<BattleRow[]> {
      const battles = await prisma.battle.findMany({
        where: { status: 'open', closesAt: { lte: now } },
        orderBy: { closesAt: 'asc' },
      });
      return battles.map(toBattleRow);
    },

    async battlesInStatus(status: BattleStatus): Promise<BattleRow[]> {
      const battles = await prisma.battle.findMany({ where: { status }, orderBy: { openedAt: 'asc' } });
      return battles.map(toBattleRow);
    },

    close: () => db.close(),
  };
}

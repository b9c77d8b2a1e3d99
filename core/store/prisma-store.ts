// BattleStore on Prisma, one code path for SQLite and PostgreSQL (see core/store/database.ts).
// Each method is one query or one short transaction; the database's unique keys decide races (one vote per voter,
// one reaction per person and reply, one turn per index) rather than read-then-write checks.
import { randomUUID } from 'node:crypto';
import type { ChatAddress, Person, ReactionKind, ReactionReason, Side, VoteChoice } from '../port/types';
import type { ModelCard } from '../providers/types';
import type { Db } from './database';
import { Prisma } from './generated/pg/client';
import { VOTE_COLUMNS, emptyTally, mergeLeakTerms, modelData, reactionDetails, replyData, toBattleRow, toChatRow, toReplyRow, toTurnRow, toUserRow } from './rows';
import type { BattleRow, BattleStatus, BattleStore, CastVoteResult, ChatRow, NewBattle, ReplyResult, ReplyRow, StatusChange, TurnRow, UserRow } from './types';
import { BattleStatusValue, ReactionKindValue, ReactionReasonListValue, ReactionReasonValue, StringListValue, VoteChoiceValue, readJson, readValue } from './values';

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

function battleData(battle: NewBattle) {
  const { token, chatId, initiatorId, modelAId, modelBId, mode, language } = battle;
  return { token, chatId, initiatorId, modelAId, modelBId, mode, language, campaignId: battle.campaignId ?? null };
}

export function createPrismaStore(db: Db): BattleStore {
  const { prisma } = db;

  /** Unawaited, so that castVote can run it inside its batch transaction. */
  const changeStatus = (battleId: string, to: BattleStatus, options: StatusChange = {}, where: { voteCount?: { gte: number } } = {}) =>
    prisma.battle.updateMany({
      where: { id: battleId, ...where, ...(options.from ? { status: { in: options.from } } : {}) },
      data: {
        status: to,
        ...(options.failure !== undefined ? { failure: options.failure } : {}),
        ...(options.closesAt !== undefined ? { closesAt: options.closesAt } : {}),
        ...(to === 'closed' || to === 'failed' ? { closedAt: options.at ?? new Date() } : {}),
      },
    });

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

    async moveChat(platform, from, to): Promise<ChatRow | null> {
      try {
        // The unique (platform, externalId) refuses a new id that another row already has.
        const row = await prisma.chat.update({ where: { platform_externalId: { platform, externalId: from } }, data: { externalId: to } });
        return toChatRow(row);
      } catch (error) {
        if (prismaCode(error) === NOT_FOUND || isUniqueViolation(error)) return null;
        throw error;
      }
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
          const data = modelData(card);
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
      const row = await prisma.battle.create({ data: battleData(battle) });
      return toBattleRow(row);
    },

    async startBattle(battle: NewBattle, prompt: string): Promise<{ battle: BattleRow; turn: TurnRow }> {
      // One nested write: Prisma runs the battle and its first turn in one transaction.
      const { turns, ...row } = await prisma.battle.create({
        data: { ...battleData(battle), turns: { create: { index: 0, authorId: battle.initiatorId, prompt } } },
        include: { turns: true },
      });
      const turn = turns[0];
      if (!turn) throw new Error(`starting battle ${row.id} returned no turn`);
      return { battle: toBattleRow(row), turn: toTurnRow(turn, []) };
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

    async addMessageRefs(refs): Promise<void> {
      if (refs.length === 0) return;
      // One statement for the whole batch (same syntax on SQLite and PostgreSQL). A platform may hand back a ref we
      // already stored (an edited message): the latest battle and role win. A batch naming one ref twice keeps the last.
      const latest = new Map(refs.map((r) => [`${r.chatId}\u0000${r.ref}`, r]));
      const now = new Date();
      const rows = [...latest.values()].map((r) => Prisma.sql`(${randomUUID()}, ${r.battleId}, ${r.chatId}, ${r.ref}, ${r.role}, ${now})`);
      await prisma.$executeRaw`
        INSERT INTO "MessageRef" ("id", "battleId", "chatId", "ref", "role", "createdAt") VALUES ${Prisma.join(rows)}
        ON CONFLICT ("chatId", "ref") DO UPDATE SET "battleId" = excluded."battleId", "role" = excluded."role"`;
    },

    async swapModel(battleId: string, side: Side, modelId: string): Promise<void> {
      await prisma.battle.update({
        where: { id: battleId },
        data: side === 'a' ? { modelAId: modelId } : { modelBId: modelId },
      });
    },

    async setStatus(battleId, to, options = {}): Promise<boolean> {
      const { count } = await changeStatus(battleId, to, options);
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
        await tx.battle.update({ where: { id: battleId }, data: { leakTerms: mergeLeakTerms(battle.leakTerms, terms) } });
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
      const data = { ...replyData(result), finishedAt: new Date() };
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
      return turns.map((turn) => toTurnRow(turn, turn.replies));
    },

    async castVote(battleId, voterId, choice, options = {}): Promise<CastVoteResult> {
      const { closeAtVotes } = options;
      try {
        // The increments (the total and the choice's counter) run first: on PostgreSQL they lock the battle row, so
        // votes on one battle queue behind each other and a vote cannot slip in after a concurrent close. The unique
        // (battleId, voterId) refuses a second vote, which rolls the increments back with it. The close, when asked,
        // runs last in the same transaction, so only the vote that reached the count closes the battle.
        const [battle, , closing] = await prisma.$transaction([
          prisma.battle.update({
            where: { id: battleId, status: 'open' },
            data: { voteCount: { increment: 1 }, [VOTE_COLUMNS[readValue(VoteChoiceValue, choice, 'vote choice')]]: { increment: 1 } },
            select: { voteCount: true, votesA: true, votesB: true, votesTie: true, votesBothBad: true },
          }),
          prisma.vote.create({
            data: { battleId, voterId, choice, reasons: JSON.stringify(options.reasons ?? []), comment: options.comment ?? null },
            select: { id: true },
          }),
          ...(closeAtVotes === undefined
            ? []
            : [changeStatus(battleId, 'closed', { from: ['open'] }, { voteCount: { gte: closeAtVotes } })]),
        ]);
        const voteCount = battle.voteCount;
        if (!closing || !('count' in closing) || closing.count === 0) return { status: 'counted', voteCount };
        return { status: 'counted', voteCount, closed: { tally: { a: battle.votesA, b: battle.votesB, tie: battle.votesTie, both_bad: battle.votesBothBad } } };
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

    async addVoteReason(battleId, voterId, reason) {
      const tag = readValue(ReactionReasonValue, reason, 'vote reason');
      return prisma.$transaction(async (tx) => {
        const vote = await tx.vote.findUnique({ where: { battleId_voterId: { battleId, voterId } }, select: { reasons: true } });
        if (!vote) return null;
        const reasons = [...new Set([...readJson(StringListValue, vote.reasons, 'Vote.reasons'), tag])];
        await tx.vote.update({ where: { battleId_voterId: { battleId, voterId } }, data: { reasons: JSON.stringify(reasons) } });
        return reasons;
      });
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
      const checked = reactionDetails(kind, reasons, comment);
      const details = {
        ...(checked.reasons !== undefined ? { reasons: checked.reasons } : {}),
        ...(checked.comment !== undefined ? { comment: checked.comment } : {}),
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

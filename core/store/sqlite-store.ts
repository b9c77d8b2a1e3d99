// BattleStore on SQLite through better-sqlite3 prepared statements (compiled once), for the engine's hot path: a
// Prisma call costs 0.6–1 ms of CPU, a prepared statement 10–50 µs (BENCHMARKS.md, "## Engine").
//
// It works on the tables the Prisma migrations create and writes values exactly as Prisma's SQLite adapter does (ids
// cuid-like, DATETIME as ISO-8601 text with "+00:00", booleans 0/1), so the ranking code, the scheduler and the web
// leaderboard keep reading and writing the same file through Prisma. It opens its own connection next to Prisma's:
// every transaction here is synchronous (better-sqlite3), so it never holds SQLite's write lock across an await; and
// its busy timeout is 0, with the wait done asynchronously below, so that it never blocks the event loop while a
// Prisma interactive transaction on the other connection (which needs the event loop to finish) holds that lock.
// WAL checkpoints (copying the log back into the database, with two fsyncs) run in a worker thread on a third
// connection, so that no battle waits for one: SQLite's automatic checkpoint runs inside whichever commit crosses
// 1,000 pages, which took the engine's p99 from ≈2 to ≈6 ms (bench/engine.ts); this connection keeps only a far
// backstop (AUTOCHECKPOINT_PAGES).
import { randomBytes, randomFillSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { ChatAddress, Person, Side, VoteChoice } from '../port/types';
import type { ModelCard } from '../providers/types';
import type { Db } from './database';
import {
  emptyTally,
  modelData,
  mergeLeakTerms,
  reactionDetails,
  replyData,
  toBattleRow,
  toChatRow,
  toReplyRow,
  toTurnRow,
  toUserRow,
  type BattleRecord,
  type ChatRecord,
  type ReplyRecord,
  type UserRecord,
} from './rows';
import type { BattleStatus, BattleStore, CastVoteOptions, CastVoteResult, MessageRefRow, StatusChange, TurnRow } from './types';
import { BattleStatusValue, ReactionKindValue, ReactionReasonListValue, ReactionReasonValue, StringListValue, VoteChoiceValue, readJson, readValue } from './values';

/** How long a call waits for another connection's write lock before failing (as database.ts gives Prisma). */
const BUSY_TIMEOUT_MS = 10_000;
/** How often the worker checkpoints the WAL. */
const CHECKPOINT_EVERY_MS = 250;
/**
 * A backstop should the worker fall behind: this connection then checkpoints itself, inside a commit, past this many
 * pages (≈160 MB). Under sustained writes the log only restarts from its beginning when a checkpoint finished before
 * the next commit, which the worker rarely manages, so the log grows until this backstop; at 10,000 pages it fired
 * every ~300 battles of bench/engine.ts and froze the event loop for 5–30 ms on this machine's disk.
 */
const AUTOCHECKPOINT_PAGES = 40_000;
/** Once the log restarts, its file is cut back to this size, so a burst does not keep 160 MB on disk. */
const LOG_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

// CommonJS (an eval'd worker); it only copies committed pages, never blocks writers (PASSIVE) and never throws.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 100');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

/** Starts the checkpointing worker; the returned function stops it (after one last checkpoint). */
function startCheckpointer(file: string): () => Promise<void> {
  const worker = new Worker(CHECKPOINTER, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: CHECKPOINT_EVERY_MS },
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  worker.unref();
  // A worker that fails leaves checkpoints to the backstop; nothing else depends on it.
  worker.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return async () => {
    worker.postMessage('stop');
    const timeout = setTimeout(() => void worker.terminate(), 2_000);
    await exited;
    clearTimeout(timeout);
  };
}

/** DATETIME as Prisma's SQLite adapter writes it (its default `timestampFormat: 'iso8601'`), so text order is time order. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

// Ids in the shape of Prisma's cuid(): "c", time, counter, process fingerprint, randomness (25 characters).
const FINGERPRINT = randomBytes(4).readUInt32BE(0).toString(36).padStart(4, '0').slice(-4);
let idCounter = randomBytes(2).readUInt16BE(0);
// Random bytes drawn 4 KB at a time: one randomBytes call per id cost ≈10 µs, 7% of a battle's CPU (bench/engine.ts).
const RANDOM_POOL = Buffer.alloc(4096);
let randomOffset = RANDOM_POOL.length;
function random48(): number {
  if (randomOffset + 6 > RANDOM_POOL.length) {
    randomFillSync(RANDOM_POOL);
    randomOffset = 0;
  }
  const value = RANDOM_POOL.readUIntBE(randomOffset, 6);
  randomOffset += 6;
  return value;
}
export function newId(): string {
  idCounter = (idCounter + 1) % 1_679_616; // 36^4
  const random = random48().toString(36).padStart(8, '0').slice(-8);
  return `c${Date.now().toString(36).padStart(8, '0')}${idCounter.toString(36).padStart(4, '0')}${FINGERPRINT}${random}`;
}

function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(error) ?? '');

const bool = (value: boolean) => (value ? 1 : 0);

/** The SQLite file a Prisma SQLite client has open. */
async function fileOf(db: Db): Promise<string> {
  if (db.provider !== 'sqlite') throw new Error('createSqliteStore needs a SQLite database; use createPrismaStore for PostgreSQL');
  const rows = await db.prisma.$queryRawUnsafe<{ name: string; file: string }[]>('PRAGMA database_list');
  const file = rows.find((row) => row.name === 'main')?.file;
  if (!file) throw new Error('the SQLite database has no file (in-memory databases are not supported)');
  return file;
}

/**
 * Opens the store on a SQLite file that is already migrated (core/store/migrate.ts). Given a Db (openDatabase on a
 * `file:` URL), it uses that Db's file and closes the Db with itself, as createPrismaStore does.
 */
export async function createSqliteStore(source: string | Db): Promise<BattleStore> {
  const owned = typeof source === 'string' ? null : source;
  const file = owned ? await fileOf(owned) : source as string;
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    sqlite.pragma(`journal_size_limit = ${LOG_SIZE_LIMIT_BYTES}`);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return buildStore(sqlite, owned, startCheckpointer(file));
}

function buildStore(sqlite: Database.Database, owned: Db | null, stopCheckpointer: () => Promise<void>): BattleStore {
  /** Runs synchronous database work, waiting (without blocking the event loop) while another connection writes. */
  async function run<T>(work: () => T): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return work();
      } catch (error) {
        if (!isBusy(error) || Date.now() - started > BUSY_TIMEOUT_MS) throw error;
        await sleep(Math.min(1 + attempt, 20));
      }
    }
  }

  const prepare = <R = unknown>(sql: string) => {
    const statement = sqlite.prepare(sql);
    return {
      get: (...params: unknown[]) => statement.get(...params) as R | undefined,
      all: (...params: unknown[]) => statement.all(...params) as R[],
      run: (...params: unknown[]) => statement.run(...params),
    };
  };

  // === Statements, compiled once ==========================================================================

  const upsertChat = prepare<ChatRecord>(`
    INSERT INTO "Chat" ("id", "platform", "externalId", "kind", "title", "locale", "createdAt", "updatedAt")
    VALUES (@id, @platform, @externalId, @kind, @title, @locale, @now, @now)
    ON CONFLICT ("platform", "externalId") DO UPDATE SET
      "kind" = excluded."kind",
      "title" = CASE WHEN @hasTitle THEN excluded."title" ELSE "Chat"."title" END,
      "updatedAt" = excluded."updatedAt"
    RETURNING *`);
  const updateChat = prepare<ChatRecord>(`
    UPDATE "Chat" SET
      "settings" = CASE WHEN @hasSettings THEN @settings ELSE "settings" END,
      "locale" = CASE WHEN @hasLocale THEN @locale ELSE "locale" END,
      "timezone" = CASE WHEN @hasTimezone THEN @timezone ELSE "timezone" END,
      "enabled" = CASE WHEN @hasEnabled THEN @enabled ELSE "enabled" END,
      "updatedAt" = @now
    WHERE "id" = @id
    RETURNING *`);
  const getChat = prepare<ChatRecord>('SELECT * FROM "Chat" WHERE "id" = ?');
  const moveChat = prepare<ChatRecord>(`
    UPDATE "Chat" SET "externalId" = @to, "updatedAt" = @now
    WHERE "platform" = @platform AND "externalId" = @from
      AND NOT EXISTS (SELECT 1 FROM "Chat" WHERE "platform" = @platform AND "externalId" = @to)
    RETURNING *`);
  const chatSchedule = prepare<{ cron: string; timezone: string }>(`
    SELECT "cron", "timezone" FROM "Schedule" WHERE "chatId" = ? AND "campaignId" IS NULL AND "enabled" = 1
    ORDER BY "createdAt" DESC LIMIT 1`);
  const deleteChatSchedules = prepare('DELETE FROM "Schedule" WHERE "chatId" = ? AND "campaignId" IS NULL');
  const insertSchedule = prepare('INSERT INTO "Schedule" ("id", "chatId", "cron", "timezone", "createdAt") VALUES (?, ?, ?, ?, ?)');
  const upsertUser = prepare<UserRecord>(`
    INSERT INTO "User" ("id", "platform", "externalId", "displayName", "locale", "createdAt", "updatedAt")
    VALUES (@id, @platform, @externalId, @displayName, @locale, @now, @now)
    ON CONFLICT ("platform", "externalId") DO UPDATE SET
      "displayName" = CASE WHEN @hasDisplayName THEN excluded."displayName" ELSE "User"."displayName" END,
      "locale" = CASE WHEN @hasLocale THEN excluded."locale" ELSE "User"."locale" END,
      "updatedAt" = excluded."updatedAt"
    RETURNING *`);
  const upsertModel = prepare(`
    INSERT INTO "Model" ("id", "provider", "displayName", "organisation", "licence", "totalParamsB", "activeParamsB", "demo", "enabled", "createdAt", "updatedAt")
    VALUES (@id, @provider, @displayName, @organisation, @licence, @totalParamsB, @activeParamsB, @demo, @enabled, @now, @now)
    ON CONFLICT ("id") DO UPDATE SET
      "provider" = excluded."provider", "displayName" = excluded."displayName", "organisation" = excluded."organisation",
      "licence" = excluded."licence", "totalParamsB" = excluded."totalParamsB", "activeParamsB" = excluded."activeParamsB",
      "demo" = excluded."demo", "enabled" = excluded."enabled", "updatedAt" = excluded."updatedAt"`);
  // Battle.voteCount is the counted votes of each battle; sum it per model on both sides, skipping flagged battles.
  const voteCountsByModel = prepare<{ modelId: string; votes: number }>(`
    SELECT "modelId", SUM("votes") AS "votes" FROM (
      SELECT "modelAId" AS "modelId", "voteCount" AS "votes" FROM "Battle" WHERE "identityLeak" = 0 AND "voteCount" > 0
      UNION ALL
      SELECT "modelBId", "voteCount" FROM "Battle" WHERE "identityLeak" = 0 AND "voteCount" > 0
    ) GROUP BY "modelId"`);
  const insertBattle = prepare<BattleRecord>(`
    INSERT INTO "Battle" ("id", "token", "chatId", "initiatorId", "modelAId", "modelBId", "mode", "language", "campaignId", "openedAt")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    RETURNING *`);
  const getBattle = prepare<BattleRecord>('SELECT * FROM "Battle" WHERE "id" = ?');
  const getBattleByToken = prepare<BattleRecord>('SELECT * FROM "Battle" WHERE "token" = ?');
  const getBattleByMessageRef = prepare<BattleRecord>(`
    SELECT "Battle".* FROM "MessageRef" JOIN "Battle" ON "Battle"."id" = "MessageRef"."battleId"
    WHERE "MessageRef"."chatId" = ? AND "MessageRef"."ref" = ?`);
  // A platform may hand back a ref we already stored (an edited message): the latest battle and role win.
  const upsertMessageRef = prepare(`
    INSERT INTO "MessageRef" ("id", "battleId", "chatId", "ref", "role", "createdAt") VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT ("chatId", "ref") DO UPDATE SET "battleId" = excluded."battleId", "role" = excluded."role"`);
  const swapModelA = prepare('UPDATE "Battle" SET "modelAId" = ? WHERE "id" = ?');
  const swapModelB = prepare('UPDATE "Battle" SET "modelBId" = ? WHERE "id" = ?');
  // `from` is a comma-wrapped list (",open,streaming,"), or NULL for any status.
  const setStatus = prepare(`
    UPDATE "Battle" SET
      "status" = @to,
      "failure" = CASE WHEN @hasFailure THEN @failure ELSE "failure" END,
      "closesAt" = CASE WHEN @hasClosesAt THEN @closesAt ELSE "closesAt" END,
      "closedAt" = CASE WHEN @ends THEN @at ELSE "closedAt" END
    WHERE "id" = @id AND (@from IS NULL OR instr(@from, ',' || "status" || ',') > 0)`);
  const leakTerms = prepare<{ leakTerms: string | null }>('SELECT "leakTerms" FROM "Battle" WHERE "id" = ?');
  const flagLeak = prepare('UPDATE "Battle" SET "identityLeak" = 1, "leakTerms" = ? WHERE "id" = ?');
  // One statement picks the next index and inserts the turn; the unique (battleId, index) stays the final word.
  const insertTurn = prepare<{ index: number }>(`
    INSERT INTO "Turn" ("id", "battleId", "index", "authorId", "prompt", "createdAt")
    VALUES (@id, @battleId, (SELECT COALESCE(MAX("index") + 1, 0) FROM "Turn" WHERE "battleId" = @battleId), @authorId, @prompt, @now)
    RETURNING "index"`);
  const upsertReply = prepare<ReplyRecord>(`
    INSERT INTO "Reply" ("id", "turnId", "side", "modelId", "text", "tokensIn", "tokensOut", "ttftMs", "latencyMs", "finishReason", "error", "createdAt", "finishedAt")
    VALUES (@id, @turnId, @side, @modelId, @text, @tokensIn, @tokensOut, @ttftMs, @latencyMs, @finishReason, @error, @now, @now)
    ON CONFLICT ("turnId", "side") DO UPDATE SET
      "modelId" = excluded."modelId", "text" = excluded."text", "tokensIn" = excluded."tokensIn",
      "tokensOut" = excluded."tokensOut", "ttftMs" = excluded."ttftMs", "latencyMs" = excluded."latencyMs",
      "finishReason" = excluded."finishReason", "error" = excluded."error", "finishedAt" = excluded."finishedAt"
    RETURNING *`);
  type TurnJoin = { turnId: string; turnIndex: number; authorId: string; prompt: string } & { [K in keyof ReplyRecord]: ReplyRecord[K] | null };
  const getTurns = prepare<TurnJoin>(`
    SELECT t."id" AS "turnId", t."index" AS "turnIndex", t."authorId", t."prompt",
           r."id", r."side", r."modelId", r."text", r."tokensIn", r."tokensOut", r."ttftMs", r."latencyMs", r."finishReason", r."error"
    FROM "Turn" t LEFT JOIN "Reply" r ON r."turnId" = t."id"
    WHERE t."battleId" = ?
    ORDER BY t."index", r."side"`);
  // The increments (the total and the choice's counter) run first and take the write lock; the unique
  // (battleId, voterId) refuses a second vote, which rolls them back with it.
  const countVote = prepare<{ voteCount: number; votesA: number; votesB: number; votesTie: number; votesBothBad: number }>(`
    UPDATE "Battle" SET "voteCount" = "voteCount" + 1,
      "votesA" = "votesA" + (@choice = 'a'), "votesB" = "votesB" + (@choice = 'b'),
      "votesTie" = "votesTie" + (@choice = 'tie'), "votesBothBad" = "votesBothBad" + (@choice = 'both_bad')
    WHERE "id" = @id AND "status" = 'open'
    RETURNING "voteCount", "votesA", "votesB", "votesTie", "votesBothBad"`);
  const insertVote = prepare('INSERT INTO "Vote" ("id", "battleId", "voterId", "choice", "reasons", "comment", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)');
  const battleStatus = prepare<{ status: string }>('SELECT "status" FROM "Battle" WHERE "id" = ?');
  const getVote = prepare<{ choice: string }>('SELECT "choice" FROM "Vote" WHERE "battleId" = ? AND "voterId" = ?');
  const getVoteReasons = prepare<{ reasons: string }>('SELECT "reasons" FROM "Vote" WHERE "battleId" = ? AND "voterId" = ?');
  const setVoteReasons = sqlite.prepare('UPDATE "Vote" SET "reasons" = ? WHERE "battleId" = ? AND "voterId" = ?');
  const addVoteReasonTx = sqlite.transaction((battleId: string, voterId: string, reason: string): string[] | null => {
    const row = getVoteReasons.get(battleId, voterId);
    if (!row) return null;
    const reasons = [...new Set([...readJson(StringListValue, row.reasons, 'Vote.reasons'), reason])];
    setVoteReasons.run(JSON.stringify(reasons), battleId, voterId);
    return reasons;
  });
  const tally = prepare<{ choice: string; n: number }>('SELECT "choice", COUNT(*) AS "n" FROM "Vote" WHERE "battleId" = ? GROUP BY "choice"');
  // Switching like ↔ dislike drops the reasons and comment given for the other kind.
  const resetOtherReaction = prepare(`
    UPDATE "Reaction" SET "reasons" = '[]', "comment" = NULL, "updatedAt" = ? WHERE "replyId" = ? AND "userId" = ? AND "kind" <> ?`);
  const upsertReaction = prepare(`
    INSERT INTO "Reaction" ("id", "replyId", "userId", "kind", "reasons", "comment", "createdAt", "updatedAt")
    VALUES (@id, @replyId, @userId, @kind, COALESCE(@reasons, '[]'), @comment, @now, @now)
    ON CONFLICT ("replyId", "userId") DO UPDATE SET
      "kind" = excluded."kind",
      "reasons" = CASE WHEN @reasons IS NOT NULL THEN excluded."reasons" ELSE "Reaction"."reasons" END,
      "comment" = CASE WHEN @hasComment THEN excluded."comment" ELSE "Reaction"."comment" END,
      "updatedAt" = excluded."updatedAt"`);
  const getReaction = prepare<{ kind: string; reasons: string }>('SELECT "kind", "reasons" FROM "Reaction" WHERE "replyId" = ? AND "userId" = ?');
  const REPLY_OF_BATTLE = `SELECT r.* FROM "Reply" r JOIN "Turn" t ON t."id" = r."turnId" WHERE t."battleId" = ? AND r."side" = ?`;
  const latestReply = prepare<ReplyRecord>(`${REPLY_OF_BATTLE} ORDER BY t."index" DESC LIMIT 1`);
  const replyOfTurn = prepare<ReplyRecord>(`${REPLY_OF_BATTLE} AND t."index" = ?`);
  const dueBattles = prepare<BattleRecord>(`SELECT * FROM "Battle" WHERE "status" = 'open' AND "closesAt" <= ? ORDER BY "closesAt" ASC`);
  const battlesInStatus = prepare<BattleRecord>('SELECT * FROM "Battle" WHERE "status" = ? ORDER BY "openedAt" ASC');

  // === Transactions (synchronous: nothing else runs in between) =============================================

  const insertTurnRow = (battleId: string, authorId: string, prompt: string, now: string): TurnRow => {
    const id = newId();
    const row = insertTurn.get({ id, battleId, authorId, prompt, now });
    if (!row) throw new Error(`adding a turn to battle ${battleId} returned nothing`);
    return { id, index: row.index, authorId, prompt, replies: {} };
  };

  const insertBattleRow = (battle: Parameters<BattleStore['createBattle']>[0], now: string) => {
    const row = insertBattle.get(
      newId(),
      battle.token,
      battle.chatId,
      battle.initiatorId,
      battle.modelAId,
      battle.modelBId,
      battle.mode,
      battle.language,
      battle.campaignId ?? null,
      now,
    );
    if (!row) throw new Error('creating a battle returned nothing');
    return toBattleRow(row);
  };

  const startBattleTx = sqlite.transaction((battle: Parameters<BattleStore['createBattle']>[0], prompt: string) => {
    const now = sqliteDate(new Date());
    const row = insertBattleRow(battle, now);
    return { battle: row, turn: insertTurnRow(row.id, battle.initiatorId, prompt, now) };
  });

  const syncModelsTx = sqlite.transaction((cards: ModelCard[]) => {
    const now = sqliteDate(new Date());
    for (const card of cards) {
      const data = modelData(card);
      upsertModel.run({ id: card.id, ...data, demo: bool(data.demo), enabled: bool(data.enabled), now });
    }
  });

  const setChatScheduleTx = sqlite.transaction((chatId: string, schedule: { cron: string; timezone: string } | null) => {
    deleteChatSchedules.run(chatId);
    if (schedule) insertSchedule.run(newId(), chatId, schedule.cron, schedule.timezone, sqliteDate(new Date()));
  });

  const addMessageRefsTx = sqlite.transaction((refs: readonly MessageRefRow[]) => {
    const now = sqliteDate(new Date());
    for (const ref of refs) upsertMessageRef.run(newId(), ref.battleId, ref.chatId, ref.ref, ref.role, now);
  });

  // Later turns may leak other terms: keep the union.
  const flagLeakTx = sqlite.transaction((battleId: string, terms: string[]) => {
    const row = leakTerms.get(battleId);
    if (!row) throw new Error(`battle ${battleId} does not exist`);
    flagLeak.run(mergeLeakTerms(row.leakTerms, terms), battleId);
  });

  const changeStatus = (battleId: string, to: BattleStatus, options: StatusChange = {}): boolean => {
    const { changes } = setStatus.run({
      id: battleId,
      to: readValue(BattleStatusValue, to, 'battle status'),
      hasFailure: bool(options.failure !== undefined),
      failure: options.failure ?? null,
      hasClosesAt: bool(options.closesAt !== undefined),
      closesAt: options.closesAt ? sqliteDate(options.closesAt) : null,
      ends: bool(to === 'closed' || to === 'failed'),
      at: sqliteDate(options.at ?? new Date()),
      from: options.from ? `,${options.from.join(',')},` : null,
    });
    return changes > 0;
  };

  const castVoteTx = sqlite.transaction((battleId: string, voterId: string, choice: VoteChoice, options: CastVoteOptions): CastVoteResult | null => {
    const counted = countVote.get({ id: battleId, choice });
    if (!counted) return null;
    const now = sqliteDate(new Date());
    insertVote.run(newId(), battleId, voterId, choice, JSON.stringify(options.reasons ?? []), options.comment ?? null, now);
    const { voteCount } = counted;
    if (options.closeAtVotes === undefined || voteCount < options.closeAtVotes) return { status: 'counted', voteCount };
    changeStatus(battleId, 'closed', { from: ['open'] });
    return { status: 'counted', voteCount, closed: { tally: { a: counted.votesA, b: counted.votesB, tie: counted.votesTie, both_bad: counted.votesBothBad } } };
  });

  const reactTx = sqlite.transaction((params: { replyId: string; userId: string; kind: string; reasons: string | null; comment: string | null; hasComment: number }) => {
    const now = sqliteDate(new Date());
    resetOtherReaction.run(now, params.replyId, params.userId, params.kind);
    upsertReaction.run({ ...params, id: newId(), now });
  });

  const readTurns = (battleId: string): TurnRow[] => {
    const turns: TurnRow[] = [];
    let current: { turn: TurnJoin; replies: ReplyRecord[] } | undefined;
    const flush = () => current && turns.push(toTurnRow({ id: current.turn.turnId, index: current.turn.turnIndex, authorId: current.turn.authorId, prompt: current.turn.prompt }, current.replies));
    for (const row of getTurns.all(battleId)) {
      if (current?.turn.turnId !== row.turnId) {
        flush();
        current = { turn: row, replies: [] };
      }
      if (row.id !== null) current.replies.push(row as ReplyRecord);
    }
    flush();
    return turns;
  };

  const statusOf = (battleId: string): BattleStatus => {
    const row = battleStatus.get(battleId);
    if (!row) throw new Error(`battle ${battleId} does not exist`);
    return readValue(BattleStatusValue, row.status, 'Battle.status');
  };

  return {
    upsertChat: (chat: ChatAddress) =>
      run(() => {
        // The locale stays as the chat's admins set it; the platform's title follows renames.
        const row = upsertChat.get({
          id: newId(),
          platform: chat.platform,
          externalId: chat.id,
          kind: chat.kind,
          title: chat.title ?? null,
          hasTitle: bool(chat.title !== undefined),
          locale: chat.locale ?? null,
          now: sqliteDate(new Date()),
        });
        if (!row) throw new Error('upserting a chat returned nothing');
        return toChatRow(row);
      }),

    moveChat: (platform, from, to) =>
      run(() => {
        const row = moveChat.get({ platform, from, to, now: sqliteDate(new Date()) });
        return row ? toChatRow(row) : null;
      }),

    updateChat: (chatId, patch) =>
      run(() => {
        const row = updateChat.get({
          id: chatId,
          hasSettings: bool(patch.settings !== undefined),
          settings: patch.settings ?? null,
          hasLocale: bool(patch.locale !== undefined),
          locale: patch.locale ?? null,
          hasTimezone: bool(patch.timezone !== undefined),
          timezone: patch.timezone ?? null,
          hasEnabled: bool(patch.enabled !== undefined),
          enabled: bool(patch.enabled ?? true),
          now: sqliteDate(new Date()),
        });
        if (!row) throw new Error(`chat ${chatId} does not exist`);
        return toChatRow(row);
      }),

    getChat: (chatId) =>
      run(() => {
        const row = getChat.get(chatId);
        return row ? toChatRow(row) : null;
      }),

    chatSchedule: (chatId) => run(() => chatSchedule.get(chatId) ?? null),

    setChatSchedule: (chatId, schedule) => run(() => setChatScheduleTx.immediate(chatId, schedule)),

    upsertUser: (person: Person) =>
      run(() => {
        const row = upsertUser.get({
          id: newId(),
          platform: person.platform,
          externalId: person.id,
          displayName: person.displayName ?? null,
          hasDisplayName: bool(person.displayName !== undefined),
          locale: person.locale ?? null,
          hasLocale: bool(person.locale !== undefined),
          now: sqliteDate(new Date()),
        });
        if (!row) throw new Error('upserting a user returned nothing');
        return toUserRow(row);
      }),

    syncModels: (cards) => run(() => syncModelsTx.immediate(cards)),

    voteCountsByModel: () => run(() => new Map(voteCountsByModel.all().map((row) => [row.modelId, row.votes]))),

    createBattle: (battle) => run(() => insertBattleRow(battle, sqliteDate(new Date()))),

    startBattle: (battle, prompt) => run(() => startBattleTx.immediate(battle, prompt)),

    getBattle: (id) =>
      run(() => {
        const row = getBattle.get(id);
        return row ? toBattleRow(row) : null;
      }),

    getBattleByToken: (token) =>
      run(() => {
        const row = getBattleByToken.get(token);
        return row ? toBattleRow(row) : null;
      }),

    getBattleByMessageRef: (chatId, ref) =>
      run(() => {
        const row = getBattleByMessageRef.get(chatId, ref);
        return row ? toBattleRow(row) : null;
      }),

    addMessageRefs: async (refs) => {
      if (refs.length > 0) await run(() => addMessageRefsTx.immediate(refs));
    },

    swapModel: (battleId, side: Side, modelId) =>
      run(() => {
        const { changes } = (side === 'a' ? swapModelA : swapModelB).run(modelId, battleId);
        if (changes === 0) throw new Error(`battle ${battleId} does not exist`);
      }),

    setStatus: (battleId, to, options = {}) => run(() => changeStatus(battleId, to, options)),

    flagIdentityLeak: (battleId, terms) => run(() => flagLeakTx.immediate(battleId, terms)),

    addTurn: (battleId, authorId, prompt) => run(() => insertTurnRow(battleId, authorId, prompt, sqliteDate(new Date()))),

    saveReply: (turnId, side, result) =>
      run(() => {
        const now = sqliteDate(new Date());
        const row = upsertReply.get({ id: newId(), turnId, side, ...replyData(result), now });
        if (!row) throw new Error(`saving reply ${side} of turn ${turnId} returned nothing`);
        return toReplyRow(row);
      }),

    getTurns: (battleId) => run(() => readTurns(battleId)),

    castVote: (battleId, voterId, choice, options = {}): Promise<CastVoteResult> =>
      run(() => {
        try {
          const counted = castVoteTx.immediate(battleId, voterId, readValue(VoteChoiceValue, choice, 'vote choice'), options);
          return counted ?? { status: 'not_open', battleStatus: statusOf(battleId) };
        } catch (error) {
          if (sqliteCode(error) !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
          const existing = getVote.get(battleId, voterId);
          if (!existing) throw error;
          return { status: 'duplicate', choice: readValue(VoteChoiceValue, existing.choice, 'Vote.choice') };
        }
      }),

    addVoteReason: (battleId, voterId, reason) =>
      run(() => addVoteReasonTx.immediate(battleId, voterId, readValue(ReactionReasonValue, reason, 'vote reason'))),

    getVote: (battleId, voterId) =>
      run(() => {
        const vote = getVote.get(battleId, voterId);
        return vote ? readValue(VoteChoiceValue, vote.choice, 'Vote.choice') : null;
      }),

    tally: (battleId) =>
      run(() => {
        const counts = emptyTally();
        for (const row of tally.all(battleId)) counts[readValue(VoteChoiceValue, row.choice, 'Vote.choice')] += row.n;
        return counts;
      }),

    react: (replyId, userId, kind, reasons, comment) =>
      run(() => {
        const details = reactionDetails(kind, reasons, comment);
        reactTx.immediate({
          replyId,
          userId,
          kind: details.kind,
          reasons: details.reasons ?? null,
          comment: details.comment ?? null,
          hasComment: bool(details.comment !== undefined),
        });
      }),

    getReaction: (replyId, userId) =>
      run(() => {
        const reaction = getReaction.get(replyId, userId);
        if (!reaction) return null;
        const kind = readValue(ReactionKindValue, reaction.kind, 'Reaction.kind');
        return { kind, reasons: readJson(ReactionReasonListValue, reaction.reasons, 'Reaction.reasons') };
      }),

    getReply: (battleId, side, turnIndex) =>
      run(() => {
        const row = turnIndex === undefined ? latestReply.get(battleId, side) : replyOfTurn.get(battleId, side, turnIndex);
        return row ? toReplyRow(row) : null;
      }),

    dueBattles: (now) => run(() => dueBattles.all(sqliteDate(now)).map(toBattleRow)),

    battlesInStatus: (status) => run(() => battlesInStatus.all(status).map(toBattleRow)),

    async close() {
      if (sqlite.open) sqlite.close();
      await stopCheckpointer();
      await owned?.close();
    },
  };
}

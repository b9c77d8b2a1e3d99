// Turns (the prompts of a battle) and their replies.
import { sql } from 'kysely';
import type { Db } from '../database';
import { isUniqueViolation } from '../database';
import { newId } from '../ids';
import { prepare, prepareSql, variants } from '../prepared';
import { replyData, toReplyRow, toTurnRow, type ReplyRecord } from '../rows';

type ReplyRecordWithKey = ReplyRecord & { turnId: string };
import { tickBatch } from '../tick-batch';
import type { BattleStore, ReplyRow, TurnRow } from '../types';

type Methods = 'addTurn' | 'saveReply' | 'getTurns' | 'getReply' | 'spendSince';

/** Two follow-ups at once may pick the same index on PostgreSQL; the unique (battleId, index) refuses the second. */
const TURN_INSERT_ATTEMPTS = 10;

const REPLY_COLUMNS = ['id', 'side', 'modelId', 'text', 'tokensIn', 'tokensOut', 'ttftMs', 'latencyMs', 'finishReason', 'error', 'energyWh', 'co2eG', 'energyMethod'] as const;

type ReplyValues = { id: string; turnId: string; side: string; now: Date } & ReturnType<typeof replyData>;

/** A batch of replies as columns, for PostgreSQL's unnest: one prepared statement whatever the batch's length. */
function replyColumns(items: ReplyValues[]) {
  const column = <K extends keyof ReplyValues>(key: K) => items.map((item) => item[key]);
  return {
    ids: column('id'), turnIds: column('turnId'), sides: column('side'), modelIds: column('modelId'), texts: column('text'),
    finishReasons: column('finishReason'), errors: column('error'), tokensIn: column('tokensIn'), tokensOut: column('tokensOut'),
    ttftMs: column('ttftMs'), latencyMs: column('latencyMs'), costUsd: column('costUsd'), energyWh: column('energyWh'),
    co2eG: column('co2eG'), energyMethods: column('energyMethod'),
    // one time for the batch: its items were all saved in one tick (and Dates inside arrays would go out in local time)
    now: items[0]!.now,
  };
}

export function turnStore({ kysely: db, provider }: Db): Pick<BattleStore, Methods> {
  // One statement picks the next index and inserts the turn.
  const insertTurn = prepare((p: { id: string; battleId: string; authorId: string; prompt: string; now: Date }) =>
    db
      .insertInto('Turn')
      .values(({ selectFrom }) => ({
        id: p.id,
        battleId: p.battleId,
        index: selectFrom('Turn')
          .select((eb) => eb.fn.coalesce(eb(eb.fn.max('index'), '+', 1), eb.lit(0)).as('next'))
          .where('battleId', '=', p.battleId),
        authorId: p.authorId,
        prompt: p.prompt,
        createdAt: p.now,
      }))
      .returning('index'),
  );
  const upsertReply = prepare(
    (p: { id: string; turnId: string; side: string; now: Date } & ReturnType<typeof replyData>) =>
      db
        .insertInto('Reply')
        .values({
          id: p.id, turnId: p.turnId, side: p.side, modelId: p.modelId, text: p.text, finishReason: p.finishReason, error: p.error,
          tokensIn: p.tokensIn, tokensOut: p.tokensOut, ttftMs: p.ttftMs, latencyMs: p.latencyMs, costUsd: p.costUsd,
          energyWh: p.energyWh, co2eG: p.co2eG, energyMethod: p.energyMethod, createdAt: p.now, finishedAt: p.now,
        })
        .onConflict((oc) =>
          oc.columns(['turnId', 'side']).doUpdateSet((eb) => ({
            modelId: eb.ref('excluded.modelId'),
            text: eb.ref('excluded.text'),
            finishReason: eb.ref('excluded.finishReason'),
            error: eb.ref('excluded.error'),
            tokensIn: eb.ref('excluded.tokensIn'),
            tokensOut: eb.ref('excluded.tokensOut'),
            ttftMs: eb.ref('excluded.ttftMs'),
            latencyMs: eb.ref('excluded.latencyMs'),
            costUsd: eb.ref('excluded.costUsd'),
            energyWh: eb.ref('excluded.energyWh'),
            co2eG: eb.ref('excluded.co2eG'),
            energyMethod: eb.ref('excluded.energyMethod'),
            finishedAt: eb.ref('excluded.finishedAt'),
          })),
        )
        .returning(REPLY_COLUMNS),
  );
  // The replies saved in one tick, as one statement on PostgreSQL (tick-batch.ts): under load, and for both sides of
  // a battle whose models answer at once, one commit instead of one each.
  const upsertRepliesPg = prepareSql(
    db,
    (p: ReturnType<typeof replyColumns>) => sql<ReplyRecordWithKey>`
      INSERT INTO "Reply" ("id", "turnId", "side", "modelId", "text", "finishReason", "error", "tokensIn", "tokensOut", "ttftMs",
        "latencyMs", "costUsd", "energyWh", "co2eG", "energyMethod", "createdAt", "finishedAt")
      SELECT "r".*, ${p.now}::timestamp(3), ${p.now}::timestamp(3)
      FROM unnest(${p.ids}::text[], ${p.turnIds}::text[], ${p.sides}::text[], ${p.modelIds}::text[], ${p.texts}::text[],
        ${p.finishReasons}::text[], ${p.errors}::text[], ${p.tokensIn}::int[], ${p.tokensOut}::int[], ${p.ttftMs}::int[],
        ${p.latencyMs}::int[], ${p.costUsd}::float8[], ${p.energyWh}::float8[], ${p.co2eG}::float8[], ${p.energyMethods}::text[])
        AS "r" ("id", "turnId", "side", "modelId", "text", "finishReason", "error", "tokensIn", "tokensOut", "ttftMs",
          "latencyMs", "costUsd", "energyWh", "co2eG", "energyMethod")
      ON CONFLICT ("turnId", "side") DO UPDATE SET
        "modelId" = excluded."modelId", "text" = excluded."text", "finishReason" = excluded."finishReason", "error" = excluded."error",
        "tokensIn" = excluded."tokensIn", "tokensOut" = excluded."tokensOut", "ttftMs" = excluded."ttftMs", "latencyMs" = excluded."latencyMs",
        "costUsd" = excluded."costUsd", "energyWh" = excluded."energyWh", "co2eG" = excluded."co2eG",
        "energyMethod" = excluded."energyMethod", "finishedAt" = excluded."finishedAt"
      RETURNING ${sql.join(REPLY_COLUMNS.map((c) => sql.ref(c)))}, "turnId"`,
  );
  const saveOne = async (values: ReplyValues): Promise<ReplyRow> => toReplyRow((await db.executeQuery(upsertReply(values))).rows[0]!);
  const save =
    provider === 'postgresql'
      ? tickBatch<ReplyValues, ReplyRow>({
          one: saveOne,
          async many(items) {
            const { rows } = await db.executeQuery(upsertRepliesPg(replyColumns(items)));
            const saved = new Map(rows.map((row) => [`${row.turnId}\u0000${row.side}`, row]));
            return items.map((item) => toReplyRow(saved.get(`${item.turnId}\u0000${item.side}`)!));
          },
          key: (item) => `${item.turnId}\u0000${item.side}`,
        })
      : saveOne; // SQLite: the driver already commits a tick's writes together
  const turnsOf = prepare((p: { battleId: string }) =>
    db
      .selectFrom('Turn as t')
      .leftJoin('Reply as r', 'r.turnId', 't.id')
      .select(['t.id as turnId', 't.index as turnIndex', 't.authorId', 't.prompt'])
      .select(REPLY_COLUMNS.map((column) => `r.${column}` as const))
      .where('t.battleId', '=', p.battleId)
      .orderBy('t.index')
      .orderBy('r.side'),
  );
  const replyOf = variants((which: 'latest' | 'turn') =>
    prepare((p: { battleId: string; side: string; index: number }) => {
      const query = db
        .selectFrom('Reply as r')
        .innerJoin('Turn as t', 't.id', 'r.turnId')
        .select(REPLY_COLUMNS.map((column) => `r.${column}` as const))
        .where('t.battleId', '=', p.battleId)
        .where('r.side', '=', p.side);
      return which === 'turn' ? query.where('t.index', '=', p.index) : query.orderBy('t.index', 'desc').limit(1);
    }),
  );

  return {
    async addTurn(battleId, authorId, prompt) {
      for (let attempt = 1; ; attempt++) {
        const id = newId();
        try {
          const { rows } = await db.executeQuery(insertTurn({ id, battleId, authorId, prompt, now: new Date() }));
          return { id, index: Number(rows[0]!.index), authorId, prompt, replies: {} };
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= TURN_INSERT_ATTEMPTS) throw error;
        }
      }
    },

    async spendSince(since, chatId) {
      // Replies of the day carry their cost; a chat's spend joins through its battles (replies are indexed by time).
      let query = db
        .selectFrom('Reply as r')
        .innerJoin('Turn as t', 't.id', 'r.turnId')
        .innerJoin('Battle as b', 'b.id', 't.battleId')
        .select(['b.chatId as chatId', 'r.modelId as modelId', (eb) => eb.fn.sum<number>('r.costUsd').as('usd')])
        .where('r.createdAt', '>=', since)
        .where('r.costUsd', 'is not', null)
        .groupBy(['b.chatId', 'r.modelId']);
      if (chatId !== undefined) query = query.where('b.chatId', '=', chatId);
      const rows = await query.execute();
      return rows.map((r) => ({ chatId: r.chatId, modelId: r.modelId, usd: Number(r.usd ?? 0) }));
    },

    async saveReply(turnId, side, result) {
      return save({ id: newId(), turnId, side, now: new Date(), ...replyData(result) });
    },

    async getTurns(battleId) {
      const { rows } = await db.executeQuery(turnsOf({ battleId }));
      const turns: TurnRow[] = [];
      let current: { row: (typeof rows)[number]; replies: ReplyRecord[] } | undefined;
      const flush = () => {
        if (current) turns.push(toTurnRow({ id: current.row.turnId, index: current.row.turnIndex, authorId: current.row.authorId, prompt: current.row.prompt }, current.replies));
      };
      for (const row of rows) {
        if (current?.row.turnId !== row.turnId) {
          flush();
          current = { row, replies: [] };
        }
        if (row.id !== null) current.replies.push(row as ReplyRecord);
      }
      flush();
      return turns;
    },

    async getReply(battleId, side, turnIndex) {
      const query = replyOf(turnIndex === undefined ? 'latest' : 'turn');
      const { rows } = await db.executeQuery(query({ battleId, side, index: turnIndex ?? 0 }));
      return rows[0] ? toReplyRow(rows[0]) : null;
    },
  };
}

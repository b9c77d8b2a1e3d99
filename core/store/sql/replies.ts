// Saving a reply: an upsert on (turn, side), so a reply generated again after a takeover replaces the first.
import { sql } from 'kysely';
import type { Db } from '../database';
import { prepare, prepareSql } from '../prepared';
import { replyData, toReplyRow, type ReplyRecord } from '../rows';
import { tickBatch } from '../tick-batch';
import type { ReplyRow } from '../types';

type ReplyRecordWithKey = ReplyRecord & { turnId: string };

export const REPLY_COLUMNS = ['id', 'side', 'modelId', 'text', 'tokensIn', 'tokensOut', 'ttftMs', 'latencyMs', 'finishReason', 'error', 'energyWh', 'co2eG', 'energyMethod'] as const;

export type ReplyValues = { id: string; turnId: string; side: string; now: Date } & ReturnType<typeof replyData>;

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

/** Saves one reply; on PostgreSQL the replies saved in one tick go in one statement. */
export function replySaver({ kysely: db, provider }: Db): (values: ReplyValues) => Promise<ReplyRow> {
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
  return provider === 'postgresql'
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
}

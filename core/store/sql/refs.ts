// Where a battle shows on the platform: its thread, and the platform messages that belong to it (message refs), from
// which any process can find the battle again and rebuild what it shows.
import { sql } from 'kysely';
import type { Db } from '../database';
import { newId } from '../ids';
import { prepare, prepareSql } from '../prepared';
import { BATTLE_COLUMNS, toBattleRow, toMessageRefRow } from '../rows';
import type { BattleStore, MessageRefRow } from '../types';

type Methods = 'getBattleByMessageRef' | 'addMessageRefs' | 'getMessageRefs' | 'getBattleByThread' | 'setThread' | 'setCategories';

interface RefValues {
  id: string;
  battleId: string;
  chatId: string;
  ref: string;
  role: string;
  turn: number | null;
  part: number;
  now: Date;
}

/** A batch as columns, for PostgreSQL's unnest: one prepared statement whatever the batch's length. */
interface RefColumns {
  ids: string[];
  battleIds: string[];
  chatIds: string[];
  refs: string[];
  roles: string[];
  turns: Array<number | null>;
  parts: number[];
  now: Date;
}

export function refStore({ kysely: db, provider }: Db): Pick<BattleStore, Methods> {
  // A platform may hand back a ref already stored (an edited message): the latest battle, role, turn and part win, and
  // it moves to the end of the battle's refs (new id and time).
  const upsertRef = prepare((p: RefValues) =>
    db
      .insertInto('MessageRef')
      .values({ id: p.id, battleId: p.battleId, chatId: p.chatId, ref: p.ref, role: p.role, turn: p.turn, part: p.part, createdAt: p.now })
      .onConflict((oc) =>
        oc.columns(['chatId', 'ref']).doUpdateSet((eb) => ({
          battleId: eb.ref('excluded.battleId'),
          role: eb.ref('excluded.role'),
          turn: eb.ref('excluded.turn'),
          part: eb.ref('excluded.part'),
          id: eb.ref('excluded.id'),
          createdAt: eb.ref('excluded.createdAt'),
        })),
      ),
  );
  // The same for a whole batch in one statement on PostgreSQL (one round trip); SQLite runs upsertRef per ref in one
  // transaction, which costs no round trip and keeps a single compiled statement.
  const upsertRefsPg = prepareSql(
    db,
    (p: RefColumns) => sql`
      INSERT INTO "MessageRef" ("id", "battleId", "chatId", "ref", "role", "turn", "part", "createdAt")
      SELECT "id", "battleId", "chatId", "ref", "role", "turn", "part", ${p.now}
      FROM unnest(${p.ids}::text[], ${p.battleIds}::text[], ${p.chatIds}::text[], ${p.refs}::text[], ${p.roles}::text[], ${p.turns}::int[], ${p.parts}::int[])
        AS "batch" ("id", "battleId", "chatId", "ref", "role", "turn", "part")
      ON CONFLICT ("chatId", "ref") DO UPDATE SET
        "battleId" = excluded."battleId", "role" = excluded."role", "turn" = excluded."turn", "part" = excluded."part",
        "id" = excluded."id", "createdAt" = excluded."createdAt"`,
  );
  const battleByRef = prepare((p: { chatId: string; ref: string }) =>
    db
      .selectFrom('MessageRef as m')
      .innerJoin('Battle as b', 'b.id', 'm.battleId')
      .select(BATTLE_COLUMNS.map((column) => `b.${column}` as const))
      .where('m.chatId', '=', p.chatId)
      .where('m.ref', '=', p.ref),
  );
  // Ids made in one process sort in the order they were made (ids.ts): within one batch (one createdAt) too.
  const refsOf = prepare((p: { battleId: string }) =>
    db
      .selectFrom('MessageRef')
      .select(['battleId', 'chatId', 'ref', 'role', 'turn', 'part'])
      .where('battleId', '=', p.battleId)
      .orderBy('createdAt')
      .orderBy('id'),
  );
  const battleByThread = prepare((p: { chatId: string; thread: string }) =>
    db
      .selectFrom('Battle')
      .select(BATTLE_COLUMNS)
      .where('chatId', '=', p.chatId)
      .where('thread', '=', p.thread)
      .orderBy('openedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(1),
  );
  const setThread = prepare((p: { id: string; thread: string }) => db.updateTable('Battle').set({ thread: p.thread }).where('id', '=', p.id));
  const setCategories = prepare((p: { id: string; categories: string }) => db.updateTable('Battle').set({ categories: p.categories }).where('id', '=', p.id));

  return {
    async getBattleByMessageRef(chatId, ref) {
      const { rows } = await db.executeQuery(battleByRef({ chatId, ref }));
      return rows[0] ? toBattleRow(rows[0]) : null;
    },

    async addMessageRefs(refs: readonly MessageRefRow[]) {
      if (refs.length === 0) return;
      // One statement or one transaction for the batch (the engine writes refs every 25 ms or 64 refs), so a bad ref
      // takes none of its batch with it. PostgreSQL refuses a statement that updates a row twice, so a batch naming
      // one ref twice keeps the last.
      const latest = [...new Map(refs.map((r) => [`${r.chatId}\u0000${r.ref}`, r])).values()];
      const now = new Date();
      if (provider === 'postgresql') {
        // Ids in the refs' order (they sort as made: getMessageRefs), rows written in key order: two processes writing
        // overlapping batches then lock the rows in the same order (no deadlock).
        const rows = latest.map((r) => ({ ...r, id: newId() })).sort((x, y) => (x.chatId === y.chatId ? (x.ref < y.ref ? -1 : 1) : x.chatId < y.chatId ? -1 : 1));
        const columns: RefColumns = {
          ids: rows.map((r) => r.id), battleIds: rows.map((r) => r.battleId), chatIds: rows.map((r) => r.chatId), refs: rows.map((r) => r.ref),
          roles: rows.map((r) => r.role), turns: rows.map((r) => r.turn), parts: rows.map((r) => r.part), now,
        };
        await db.executeQuery(upsertRefsPg(columns));
        return;
      }
      await db.transaction().execute(async (tx) => {
        for (const r of latest) await tx.executeQuery(upsertRef({ id: newId(), battleId: r.battleId, chatId: r.chatId, ref: r.ref, role: r.role, turn: r.turn, part: r.part, now }));
      });
    },

    async getMessageRefs(battleId) {
      const { rows } = await db.executeQuery(refsOf({ battleId }));
      return rows.map(toMessageRefRow);
    },

    async getBattleByThread(chatId, thread) {
      const { rows } = await db.executeQuery(battleByThread({ chatId, thread }));
      return rows[0] ? toBattleRow(rows[0]) : null;
    },

    async setCategories(battleId, categories) {
      await db.executeQuery(setCategories({ id: battleId, categories: JSON.stringify([...new Set(categories)]) }));
    },

    async setThread(battleId, thread) {
      const { numAffectedRows } = await db.executeQuery(setThread({ id: battleId, thread }));
      if (!numAffectedRows) throw new Error(`battle ${battleId} does not exist`);
    },
  };
}

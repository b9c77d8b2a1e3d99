// Where a battle shows on the platform: its thread, and the platform messages that belong to it (message refs), from
// which any process can find the battle again and rebuild what it shows.
import type { Db } from '../database';
import { newId } from '../ids';
import { prepare } from '../prepared';
import { toBattleRow, toMessageRefRow } from '../rows';
import type { BattleStore, MessageRefRow } from '../types';

type Methods = 'getBattleByMessageRef' | 'addMessageRefs' | 'getMessageRefs' | 'getBattleByThread' | 'setThread' | 'setCategories';

export function refStore({ kysely: db }: Db): Pick<BattleStore, Methods> {
  const battleByRef = prepare((p: { chatId: string; ref: string }) =>
    db
      .selectFrom('MessageRef as m')
      .innerJoin('Battle as b', 'b.id', 'm.battleId')
      .selectAll('b')
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
      .selectAll()
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
      // One statement for the batch (the engine writes refs every 25 ms or 64 refs), so a bad ref takes none of its
      // batch with it. A platform may hand back a ref already stored (an edited message): the latest battle, role,
      // turn and part win, and it moves to the end of the battle's refs. PostgreSQL refuses a statement that updates a
      // row twice, so a batch naming one ref twice keeps the last.
      const latest = new Map(refs.map((r) => [`${r.chatId}\u0000${r.ref}`, r]));
      const now = new Date();
      await db
        .insertInto('MessageRef')
        .values([...latest.values()].map((r) => ({ id: newId(), battleId: r.battleId, chatId: r.chatId, ref: r.ref, role: r.role, turn: r.turn, part: r.part, createdAt: now })))
        .onConflict((oc) =>
          oc.columns(['chatId', 'ref']).doUpdateSet((eb) => ({
            battleId: eb.ref('excluded.battleId'),
            role: eb.ref('excluded.role'),
            turn: eb.ref('excluded.turn'),
            part: eb.ref('excluded.part'),
            id: eb.ref('excluded.id'),
            createdAt: eb.ref('excluded.createdAt'),
          })),
        )
        .execute();
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

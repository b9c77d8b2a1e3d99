// Battle rows: creation (with the first turn, and the lease of the process that generates it), lookups, status moves.
import type { Db } from '../database';
import { newId } from '../ids';
import { prepare, variants } from '../prepared';
import { BATTLE_COLUMNS, mergeLeakTerms, toBattleRow, toTurnRow } from '../rows';
import type { BattleStatus, BattleStore, NewBattle, StatusChange } from '../types';
import { BattleStatusValue, readValue } from '../values';
import { onFoundRow } from './row-check';

type Methods = 'createBattle' | 'startBattle' | 'getBattle' | 'getBattleByToken' | 'getBattleByDelivery' | 'swapModel' | 'setStatus' | 'flagIdentityLeak' | 'dueBattles' | 'battlesInStatus';

interface BattleValues {
  id: string;
  token: string;
  chatId: string;
  initiatorId: string;
  modelAId: string;
  modelBId: string;
  mode: string;
  language: string | null;
  campaignId: string | null;
  topic: string | null;
  stanceA: string | null;
  stanceB: string | null;
  categories: string | null;
  delivery: string | null;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  ranked: boolean;
  now: Date;
}

interface TurnValues {
  turnId: string;
  id: string;
  initiatorId: string;
  prompt: string;
  now: Date;
}

function battleValues(battle: NewBattle, now: Date): BattleValues {
  const { token, chatId, initiatorId, modelAId, modelBId, mode, language } = battle;
  const lease = battle.lease ?? null;
  return {
    id: newId(), token, chatId, initiatorId, modelAId, modelBId, mode, language, campaignId: battle.campaignId ?? null,
    topic: battle.topic ?? null, stanceA: battle.stanceA ?? null, stanceB: battle.stanceB ?? null,
    categories: battle.categories ? JSON.stringify([...new Set(battle.categories)]) : null,
    delivery: battle.delivery ?? null,
    leaseOwner: lease?.owner ?? null, leaseUntil: lease?.until ?? null, ranked: battle.ranked ?? true, now,
  };
}

/** The shape of a status move (everything that changes its SQL); the values are parameters. */
function statusShape(to: BattleStatus, options: StatusChange): string {
  const ends = to === 'closed' || to === 'failed';
  return [options.from?.join(',') ?? '*', options.failure !== undefined, options.closesAt !== undefined, ends, options.releaseLease === true].join('|');
}

export function battleStore({ kysely: db, provider }: Db): Pick<BattleStore, Methods> {
  const insertBattle = (p: BattleValues) =>
    db
      .insertInto('Battle')
      .values({
        id: p.id, token: p.token, chatId: p.chatId, initiatorId: p.initiatorId, modelAId: p.modelAId, modelBId: p.modelBId, mode: p.mode,
        language: p.language, campaignId: p.campaignId, topic: p.topic, stanceA: p.stanceA, stanceB: p.stanceB, categories: p.categories, delivery: p.delivery, leaseOwner: p.leaseOwner, leaseUntil: p.leaseUntil, ranked: p.ranked, openedAt: p.now,
      })
      .returning(BATTLE_COLUMNS);
  const createBattle = prepare(insertBattle);
  const insertFirstTurn = prepare((p: TurnValues) =>
    db.insertInto('Turn').values({ id: p.turnId, battleId: p.id, index: 0, authorId: p.initiatorId, prompt: p.prompt, createdAt: p.now }),
  );
  // PostgreSQL: the battle and its first turn in ONE statement (a data-modifying CTE; the turn's foreign key is checked
  // at the statement's end, when the battle is there), so a battle costs one round trip and no transaction. SQLite has
  // no such CTEs; there both inserts run in one transaction, which costs no round trip.
  const startBattlePg = prepare((p: BattleValues & TurnValues) =>
    db
      .with('battle', () => insertBattle(p))
      .with('turn', (qc) =>
        qc.insertInto('Turn').values({ id: p.turnId, battleId: p.id, index: 0, authorId: p.initiatorId, prompt: p.prompt, createdAt: p.now }).returning('id'),
      )
      .selectFrom('battle')
      .selectAll(),
  );
  const byId = prepare((p: { id: string }) => db.selectFrom('Battle').select(BATTLE_COLUMNS).where('id', '=', p.id));
  const byToken = prepare((p: { token: string }) => db.selectFrom('Battle').select(BATTLE_COLUMNS).where('token', '=', p.token));
  const byDelivery = prepare((p: { delivery: string }) => db.selectFrom('Battle').select(BATTLE_COLUMNS).where('delivery', '=', p.delivery));
  const swapModel = variants((side: 'a' | 'b') =>
    prepare((p: { id: string; modelId: string }) =>
      db
        .updateTable('Battle')
        .set(side === 'a' ? { modelAId: p.modelId } : { modelBId: p.modelId })
        .where('id', '=', p.id),
    ),
  );
  const setStatus = variants((shape: string) => {
    const [from, failure, closesAt, ends, releaseLease] = shape.split('|');
    return prepare((p: { id: string; to: string; failure: string | null; closesAt: Date | null; at: Date }) => {
      let update = db.updateTable('Battle').set({ status: p.to });
      if (failure === 'true') update = update.set({ failure: p.failure });
      if (closesAt === 'true') update = update.set({ closesAt: p.closesAt });
      if (ends === 'true') update = update.set({ closedAt: p.at });
      if (releaseLease === 'true') update = update.set({ leaseOwner: null, leaseUntil: null });
      update = update.where('id', '=', p.id);
      return from === '*' ? update : update.where(onFoundRow('status'), 'in', from!.split(','));
    });
  });
  // Writing first takes the row's lock (PostgreSQL) before the terms are read; SQLite's transaction holds the write lock.
  const markLeak = prepare((p: { id: string }) => db.updateTable('Battle').set({ identityLeak: true }).where('id', '=', p.id).returning('leakTerms'));
  const setLeakTerms = prepare((p: { id: string; terms: string }) => db.updateTable('Battle').set({ leakTerms: p.terms }).where('id', '=', p.id));
  const due = prepare((p: { now: Date }) =>
    db.selectFrom('Battle').select(BATTLE_COLUMNS).where('status', '=', 'open').where('closesAt', '<=', p.now).orderBy('closesAt', 'asc'),
  );

  return {
    async createBattle(battle) {
      const { rows } = await db.executeQuery(createBattle(battleValues(battle, new Date())));
      return toBattleRow(rows[0]!);
    },

    async startBattle(battle, prompt) {
      const values = { ...battleValues(battle, new Date()), turnId: newId(), prompt };
      const turn = toTurnRow({ id: values.turnId, index: 0, authorId: battle.initiatorId, prompt }, []);
      if (provider === 'postgresql') {
        const { rows } = await db.executeQuery(startBattlePg(values));
        return { battle: toBattleRow(rows[0]!), turn };
      }
      const row = await db.transaction().execute(async (tx) => {
        const { rows } = await tx.executeQuery(createBattle(values));
        await tx.executeQuery(insertFirstTurn(values));
        return rows[0]!;
      });
      return { battle: toBattleRow(row), turn };
    },

    async getBattle(id) {
      const { rows } = await db.executeQuery(byId({ id }));
      return rows[0] ? toBattleRow(rows[0]) : null;
    },

    async getBattleByToken(token) {
      const { rows } = await db.executeQuery(byToken({ token }));
      return rows[0] ? toBattleRow(rows[0]) : null;
    },

    async getBattleByDelivery(delivery) {
      const { rows } = await db.executeQuery(byDelivery({ delivery }));
      return rows[0] ? toBattleRow(rows[0]) : null;
    },

    async swapModel(battleId, side, modelId) {
      const { numAffectedRows } = await db.executeQuery(swapModel(side)({ id: battleId, modelId }));
      if (!numAffectedRows) throw new Error(`battle ${battleId} does not exist`);
    },

    async setStatus(battleId, to, options = {}) {
      const query = setStatus(statusShape(to, options));
      const values = { id: battleId, to: readValue(BattleStatusValue, to, 'battle status'), failure: options.failure ?? null, closesAt: options.closesAt ?? null, at: options.at ?? new Date() };
      const { numAffectedRows } = await db.executeQuery(query(values));
      return (numAffectedRows ?? 0n) > 0n;
    },

    async flagIdentityLeak(battleId, terms) {
      // Later turns may leak other terms: keep the union.
      await db.transaction().execute(async (tx) => {
        const { rows } = await tx.executeQuery(markLeak({ id: battleId }));
        if (!rows[0]) throw new Error(`battle ${battleId} does not exist`);
        await tx.executeQuery(setLeakTerms({ id: battleId, terms: mergeLeakTerms(rows[0].leakTerms, terms) }));
      });
    },

    async dueBattles(now) {
      const { rows } = await db.executeQuery(due({ now }));
      return rows.map(toBattleRow);
    },

    async battlesInStatus(status) {
      // Possibly every closed battle: built per call, so that on PostgreSQL it runs on a pooled connection rather than
      // ahead of the statements queued on a pipelined one (pg-driver.ts).
      const rows = await db.selectFrom('Battle').select(BATTLE_COLUMNS).where('status', '=', status).orderBy('openedAt', 'asc').execute();
      return rows.map(toBattleRow);
    },
  };
}

// State shared by several processes on one database: which process works on a battle (leases), and which platform
// events were handled (deliveries). Every method is one statement, so the database's row locks (PostgreSQL) or its
// single writer (SQLite) decide races: of racing claims one changes the row, the others find it changed.
import { sql } from 'kysely';
import type { Db } from '../database';
import { prepare, prepareSql, variants } from '../prepared';
import { tickBatch } from '../tick-batch';
import { BATTLE_COLUMNS, toBattleRow } from '../rows';
import { onFoundRow } from './row-check';
import type { BattleStore } from '../types';
import { BattleStatusValue, readValue } from '../values';

type LeaseMethods = 'claimBattle' | 'releaseBattle' | 'renewLeases' | 'expiredLeases' | 'reapLease' | 'takeOverBattle';
type DeliveryMethods = 'claimDelivery' | 'storeDeliveries' | 'pendingDeliveries' | 'completeDeliveries' | 'purgeDeliveries';

const changed = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

export function leaseStore({ kysely: db }: Db): Pick<BattleStore, LeaseMethods> {
  // Free: no lease, or one that ran out (its process is gone). On PostgreSQL a racing claim waits for the winner's row
  // lock, then re-checks this condition on the row the winner wrote, and finds the lease taken.
  const claim = variants((statuses: string) =>
    prepare((p: { id: string; owner: string; until: Date; now: Date }) =>
      db
        .updateTable('Battle')
        .set({ leaseOwner: p.owner, leaseUntil: p.until })
        .where('id', '=', p.id)
        .where(onFoundRow('status'), 'in', statuses.split(','))
        .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', p.now)])),
    ),
  );
  const release = prepare((p: { id: string; owner: string }) =>
    db.updateTable('Battle').set({ leaseOwner: null, leaseUntil: null }).where('id', '=', p.id).where(onFoundRow('leaseOwner'), '=', p.owner),
  );
  const renew = prepare((p: { owner: string; until: Date }) => db.updateTable('Battle').set({ leaseUntil: p.until }).where('leaseOwner', '=', p.owner));
  const expired = prepare((p: { now: Date }) => db.selectFrom('Battle').select(BATTLE_COLUMNS).where('leaseUntil', '<', p.now).orderBy('leaseUntil', 'asc'));
  const reap = prepare((p: { id: string; owner: string; until: Date; now: Date }) =>
    db.updateTable('Battle').set({ leaseOwner: p.owner, leaseUntil: p.until }).where('id', '=', p.id).where('leaseUntil', '<', p.now),
  );
  const takeOver = prepare((p: { id: string; owner: string; until: Date; now: Date; maxResumes: number }) =>
    db
      .updateTable('Battle')
      .set((eb) => ({ leaseOwner: p.owner, leaseUntil: p.until, resumes: eb('resumes', '+', 1) }))
      .where('id', '=', p.id)
      .where('leaseUntil', '<', p.now)
      .where('resumes', '<', p.maxResumes),
  );

  return {
    async claimBattle(battleId, lease, statuses, now) {
      if (statuses.length === 0) return false;
      const key = [...new Set(statuses.map((s) => readValue(BattleStatusValue, s, 'battle status')))].sort().join(',');
      return changed(await db.executeQuery(claim(key)({ id: battleId, owner: lease.owner, until: lease.until, now }))) > 0;
    },

    async releaseBattle(battleId, owner) {
      await db.executeQuery(release({ id: battleId, owner }));
    },

    async renewLeases(owner, until) {
      return changed(await db.executeQuery(renew({ owner, until })));
    },

    async expiredLeases(now) {
      const { rows } = await db.executeQuery(expired({ now }));
      return rows.map(toBattleRow);
    },

    async reapLease(battleId, now, lease) {
      return changed(await db.executeQuery(reap({ id: battleId, owner: lease.owner, until: lease.until, now }))) > 0;
    },

    async takeOverBattle(battleId, lease, now, maxResumes) {
      return changed(await db.executeQuery(takeOver({ id: battleId, owner: lease.owner, until: lease.until, now, maxResumes }))) > 0;
    },
  };
}

export function deliveryStore({ kysely: db, provider }: Db): Pick<BattleStore, DeliveryMethods> {
  // The primary key decides: of two claims of one key (even at once, from two processes), one inserts.
  const claim = prepare((p: { key: string; now: Date; owner: string | null; until: Date | null }) =>
    db
      .insertInto('Delivery')
      .values({ key: p.key, claimedAt: p.now, owner: p.owner, leaseUntil: p.until })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key'),
  );
  // PostgreSQL: the claims of one tick in one statement (tick-batch.ts). Times go as ISO text: pg would send the Dates
  // of an array in the process's local zone (pg-driver.ts sends single Dates as UTC text the same way).
  const claimManyPg = prepareSql(
    db,
    (p: { keys: string[]; claimedAt: string[]; owners: Array<string | null>; until: Array<string | null> }) => sql<{ key: string }>`
      INSERT INTO "Delivery" ("key", "claimedAt", "owner", "leaseUntil")
      SELECT * FROM unnest(${p.keys}::text[], ${p.claimedAt}::timestamp(3)[], ${p.owners}::text[], ${p.until}::timestamp(3)[])
      ON CONFLICT ("key") DO NOTHING
      RETURNING "key"`,
  );
  type Claim = { key: string; now: Date; owner: string | null; until: Date | null };
  const claimOne = async (item: Claim) => (await db.executeQuery(claim(item))).rows.length > 0;
  /** Whether this call inserted the delivery's row (it is the first to claim the key). */
  const inserted: (item: Claim) => Promise<boolean> =
    provider === 'postgresql'
      ? tickBatch<Claim, boolean>({
          one: claimOne,
          async many(items) {
            const { rows } = await db.executeQuery(
              claimManyPg({
                keys: items.map((i) => i.key), claimedAt: items.map((i) => i.now.toISOString()),
                owners: items.map((i) => i.owner), until: items.map((i) => i.until?.toISOString() ?? null),
              }),
            );
            const fresh = new Set(rows.map((r) => r.key));
            return items.map((i) => fresh.has(i.key));
          },
          key: (item) => item.key,
        })
      : claimOne;
  // A stored delivery nobody claimed yet; then one whose claimer's lease ran out (it died mid-way). One statement each,
  // conditional on the row as it is: of racing takers, one changes it.
  const takeStored = prepare((p: { key: string; owner: string; until: Date }) =>
    db
      .updateTable('Delivery')
      .set({ owner: p.owner, leaseUntil: p.until })
      .where('key', '=', p.key)
      .where('completedAt', 'is', null)
      .where('owner', 'is', null),
  );
  const takeLapsed = prepare((p: { key: string; owner: string; until: Date; now: Date }) =>
    db
      .updateTable('Delivery')
      .set({ owner: p.owner, leaseUntil: p.until })
      .where('key', '=', p.key)
      .where('completedAt', 'is', null)
      .where('leaseUntil', '<', p.now),
  );
  const ackOf = prepare((p: { key: string }) => db.selectFrom('Delivery').select('ack').where('key', '=', p.key));
  const purge = prepare((p: { before: Date }) => db.deleteFrom('Delivery').where('claimedAt', '<', p.before));
  // Handled: the acknowledgement is kept for a redelivery; the raw payload and the lease are not needed any more.
  const complete = prepare((p: { key: string; ack: string; now: Date }) =>
    db.updateTable('Delivery').set({ ack: p.ack, completedAt: p.now, payload: null, owner: null, leaseUntil: null }).where('key', '=', p.key),
  );
  // The same for a whole batch in one statement on PostgreSQL (one round trip); SQLite runs `complete` per key in one
  // transaction, which costs no round trip and keeps a single compiled statement. Not a prepared statement: planned at
  // each call, because a generic plan made while Delivery was nearly empty (a new deployment, or no autovacuum) kept
  // joining the batch by a full scan of the table as it grew (1.5 million rows read for 10,400 events in bench/engine.ts).
  const completePg = (p: { keys: string[]; acks: string[]; now: Date }) => sql`
      UPDATE "Delivery" SET "ack" = "done"."ack", "completedAt" = ${p.now}, "payload" = NULL, "owner" = NULL, "leaseUntil" = NULL
      FROM unnest(${p.keys}::text[], ${p.acks}::text[]) AS "done" ("key", "ack")
      WHERE "Delivery"."key" = "done"."key"`;
  const pending = prepare((p: { prefix: string; storedBefore: Date; now: Date; limit: number }) =>
    db
      .selectFrom('Delivery')
      .select(['key', 'payload'])
      .where('completedAt', 'is', null)
      .where('payload', 'is not', null)
      .where('key', 'like', p.prefix)
      .where((eb) =>
        eb.or([eb.and([eb('owner', 'is', null), eb('claimedAt', '<', p.storedBefore)]), eb.and([eb('owner', 'is not', null), eb('leaseUntil', '<', p.now)])]),
      )
      .orderBy('claimedAt', 'asc')
      .limit(p.limit),
  );

  return {
    async claimDelivery(key, now, lease) {
      const owner = lease?.owner ?? null;
      const until = lease?.until ?? null;
      if (await inserted({ key, now, owner, until })) return { fresh: true, replay: false, ack: null };
      if (lease) {
        if (changed(await db.executeQuery(takeStored({ key, owner: lease.owner, until: lease.until }))) > 0) return { fresh: true, replay: false, ack: null };
        if (changed(await db.executeQuery(takeLapsed({ key, owner: lease.owner, until: lease.until, now }))) > 0) return { fresh: true, replay: true, ack: null };
      }
      // Purged between the two statements: handled before all the same, with no acknowledgement left to repeat.
      const earlier = await db.executeQuery(ackOf({ key }));
      return { fresh: false, replay: false, ack: earlier.rows[0]?.ack ?? null };
    },

    async storeDeliveries(items, now) {
      if (items.length === 0) return [];
      // One statement for the batch; the keys inserted are the new ones (a key stored or handled before is skipped).
      const latest = [...new Map(items.map((i) => [i.key, i.payload])).entries()];
      const rows = await db
        .insertInto('Delivery')
        .values(latest.map(([key, payload]) => ({ key, payload, claimedAt: now })))
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .execute();
      return rows.map((r) => r.key);
    },

    async pendingDeliveries(prefix, storedBefore, now, limit) {
      // Keys are `platform:id`: a prefix has no LIKE wildcard to escape beyond what platform names can hold.
      const { rows } = await db.executeQuery(pending({ prefix: `${prefix.replace(/[%_\\]/g, '')}%`, storedBefore, now, limit }));
      return rows.flatMap((r) => (r.payload === null ? [] : [{ key: r.key, payload: r.payload }]));
    },

    async completeDeliveries(done) {
      if (done.length === 0) return;
      // PostgreSQL refuses to update a row twice in one statement, so a key listed twice keeps its last ack.
      const latest = [...new Map(done.map((d) => [d.key, d.ack])).entries()];
      const now = new Date();
      if (provider === 'postgresql') {
        await completePg({ keys: latest.map(([key]) => key), acks: latest.map(([, ack]) => ack), now }).execute(db);
        return;
      }
      await db.transaction().execute(async (tx) => {
        for (const [key, ack] of latest) await tx.executeQuery(complete({ key, ack, now }));
      });
    },

    async purgeDeliveries(before) {
      return changed(await db.executeQuery(purge({ before })));
    },
  };
}

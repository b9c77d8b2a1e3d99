// What the operator's endpoints ask the database: one trivial round trip for /readyz (on the pool the engine uses, so
// "ready" means the engine's own connections work), and the deliveries waiting to be handled for /metrics.
import { sql } from 'kysely';
import type { Db } from './database';

export async function pingDatabase(db: Pick<Db, 'kysely'>): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}

/** Platform deliveries claimed but not completed yet: the inbox's depth, the same for every process. */
export async function pendingDeliveries(db: Pick<Db, 'kysely'>): Promise<number> {
  const row = await db.kysely
    .selectFrom('Delivery')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('completedAt', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

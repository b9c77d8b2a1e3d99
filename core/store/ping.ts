// The database half of /readyz: one trivial round trip on the pool the engine uses, so "ready" means the engine's own
// connections work, not just that some connection could be opened.
import { sql } from 'kysely';
import type { Db } from './database';

export async function pingDatabase(db: Pick<Db, 'kysely'>): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}

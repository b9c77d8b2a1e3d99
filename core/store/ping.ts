// The database half of /readyz: one trivial round trip on the pool the engine uses, so "ready" means the engine's own
// connections work, not just that some connection could be opened.
import type { Db } from './database';

export async function pingDatabase(db: Db): Promise<void> {
  await db.prisma.$queryRawUnsafe('SELECT 1');
}

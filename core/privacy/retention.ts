// Retention (`privacy.retentionDays`): past the window, Pnyx keeps only what it may publish and what the leaderboards
// need. `npm run purge` runs it once; a running Pnyx runs it daily (retention-job.ts).
// - Raw platform ids of people inactive for the whole window are replaced by a placeholder and their display names
//   dropped: the votes stay (pseudonymous ids are internal), but Pnyx can no longer tell who they were. Someone who
//   comes back afterwards is a new person to Pnyx.
// - Conversations that will not be published (their chat did not allow it, screening found them suspect or could not
//   analyse them, or their author erased their data or opted out) lose their texts: turns, replies, reactions and vote
//   comments are deleted and the battle is marked purged. Battles and votes stay, so leaderboards do not change.
// - Platform message references and handled deliveries older than the window go too (they hold platform ids).
// - People who erased their data keep no platform id or name at all, whatever their last activity.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../store/db';
import { publishingAllowed } from './publishing';

export interface PurgeSummary {
  /** People whose raw platform id and name were removed. */
  people: number;
  /** Battles whose conversation texts were removed. */
  conversations: number;
  messageRefs: number;
  deliveries: number;
}

export const PURGED_PREFIX = 'purged:';

const asDate = (v: Date | string | number): Date => (v instanceof Date ? v : new Date(v));

export async function purgeExpired(db: Kysely<DB>, options: { retentionDays: number; now?: Date; pageSize?: number }): Promise<PurgeSummary> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000);
  const pageSize = options.pageSize ?? 500;
  const summary: PurgeSummary = { people: 0, conversations: 0, messageRefs: 0, deliveries: 0 };

  const excludedPeople = new Set(
    (
      await db
        .selectFrom('User')
        .select('id')
        .where((eb) => eb.or([eb('erasedAt', 'is not', null), eb('publishOptOut', '=', true)]))
        .execute()
    ).map((r) => r.id),
  );

  // Conversations past the window that will not be published.
  let after = '';
  for (;;) {
    // Keyset pages on the primary key alone, filtered here (see export/pages.ts: other conditions made it quadratic).
    const rows = await db
      .selectFrom('Battle as b')
      .innerJoin('Chat as c', 'c.id', 'b.chatId')
      .select(['b.id as id', 'b.initiatorId as initiatorId', 'b.piiVerdict as piiVerdict', 'b.identityLeak as leak', 'c.settings as settings', 'b.openedAt as openedAt', 'b.purgedAt as purgedAt', 'b.status as status'])
      .where('b.id', '>', after)
      .orderBy('b.id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const page = rows.filter((b) => b.purgedAt === null && (b.status === 'closed' || b.status === 'failed') && asDate(b.openedAt) < cutoff);
    if (page.length === 0) continue;
    const authors = await db
      .selectFrom('Turn')
      .select(['battleId', 'authorId'])
      .where(
        'battleId',
        'in',
        page.map((b) => b.id),
      )
      .execute();
    const byBattle = new Map<string, string[]>();
    for (const t of authors) byBattle.set(t.battleId, [...(byBattle.get(t.battleId) ?? []), t.authorId]);
    const doomed = page
      .filter(
        (b) =>
          !publishingAllowed(b.settings) ||
          Boolean(b.leak) ||
          (b.piiVerdict !== 'clean' && b.piiVerdict !== 'redacted') ||
          excludedPeople.has(b.initiatorId) ||
          (byBattle.get(b.id) ?? []).some((a) => excludedPeople.has(a)),
      )
      .map((b) => b.id);
    if (doomed.length === 0) continue;
    await db.transaction().execute(async (tx) => {
      // Replies and their reactions go with their turns (ON DELETE CASCADE).
      await tx.deleteFrom('Turn').where('battleId', 'in', doomed).execute();
      await tx.updateTable('Vote').set({ comment: null }).where('battleId', 'in', doomed).execute();
      await tx.updateTable('Battle').set({ purgedAt: now, leakTerms: null }).where('id', 'in', doomed).execute();
    });
    summary.conversations += doomed.length;
  }

  // Raw platform ids: inactive people, and everyone who erased their data. Who was active in the window is read once
  // per table (one pass each, on the createdAt indexes) rather than per person.
  const active = new Set<string>();
  for (const r of await db.selectFrom('Vote').select('voterId as id').distinct().where('createdAt', '>=', cutoff).execute()) active.add(r.id);
  for (const r of await db.selectFrom('Reaction').select('userId as id').distinct().where('createdAt', '>=', cutoff).execute()) active.add(r.id);
  for (const r of await db.selectFrom('Turn').select('authorId as id').distinct().where('createdAt', '>=', cutoff).execute()) active.add(r.id);
  const stale = (
    await db
      .selectFrom('User')
      .select(['id', 'erasedAt'])
      .where('externalId', 'not like', `${PURGED_PREFIX}%`)
      .where((eb) => eb.or([eb('erasedAt', 'is not', null), eb.and([eb('updatedAt', '<', cutoff), eb('createdAt', '<', cutoff)])]))
      .execute()
  ).filter((u) => u.erasedAt !== null || !active.has(u.id));
  for (let i = 0; i < stale.length; i += pageSize) {
    const ids = stale.slice(i, i + pageSize).map((r) => r.id);
    // The placeholder keeps (platform, externalId) unique and can never equal a real platform id.
    await db
      .updateTable('User')
      .set({ externalId: sql<string>`${PURGED_PREFIX} || "id"`, displayName: null })
      .where('id', 'in', ids)
      .execute();
    summary.people += ids.length;
  }

  summary.messageRefs = Number(
    (await db.deleteFrom('MessageRef').where('battleId', 'in', db.selectFrom('Battle').select('id').where('openedAt', '<', cutoff).where('status', 'in', ['closed', 'failed'])).executeTakeFirst())
      .numDeletedRows,
  );
  summary.deliveries = Number((await db.deleteFrom('Delivery').where('claimedAt', '<', cutoff).where('completedAt', 'is not', null).executeTakeFirst()).numDeletedRows);
  return summary;
}

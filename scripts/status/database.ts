// `npm run status` with no process to ask: today's figures straight from the database, which every process shares.
// Read-only, and tolerant of an older schema: figures whose table or column does not exist yet are left out.
import { sql, type Kysely } from 'kysely';

export interface DatabaseStatus {
  source: 'database';
  /** The database, with any password hidden. */
  database: string;
  /** Start of "today": midnight UTC. */
  since: string;
  battlesToday: Record<string, number>;
  votesToday: number;
  /** Battles still streaming or open for votes, whenever they started. */
  openBattles: { streaming: number; open: number };
  /** Token use today per model (replies stored today). */
  tokensToday: Array<{ model: string; replies: number; tokensIn: number; tokensOut: number }>;
  /** Only when replies carry their cost (the spend column exists). */
  spendToday?: Array<{ chat: string; chatName: string; model: string; usd: number }>;
  /** Only when the deliveries table exists: deliveries claimed but not yet handled. */
  inboxDepth?: number;
}

export interface StatusDb {
  // The store's typed Kysely; these queries are raw SQL over the shared schema, so any table typing will do.
  kysely: Kysely<any>;
  provider: 'sqlite' | 'postgresql';
}

/** The column a reply's cost is kept in (USD), once spend is recorded. */
export const COST_COLUMN = 'costUsd';
/** Claimed deliveries; a row without `completedAt` is waiting to be handled. */
export const DELIVERY_TABLE = 'Delivery';

export const startOfTodayUtc = (now = new Date()) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export function hidePassword(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

async function columnsOf(db: StatusDb, table: string): Promise<Set<string>> {
  if (db.provider === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db.kysely);
    return new Set(rows.map((r) => r.name));
  }
  const { rows } = await sql<{ name: string }>`
    select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(db.kysely);
  return new Set(rows.map((r) => r.name));
}

const num = (value: unknown) => Number(value ?? 0);

export async function readDatabase(db: StatusDb, url: string, now = new Date()): Promise<DatabaseStatus> {
  const since = startOfTodayUtc(now);
  const k = db.kysely;
  const [battles, votes, open, tokens, replyColumns, deliveryColumns] = await Promise.all([
    sql<{ status: string; n: unknown }>`select status, count(*) as n from "Battle" where "openedAt" >= ${since} group by status`.execute(k),
    sql<{ n: unknown }>`select count(*) as n from "Vote" where "createdAt" >= ${since}`.execute(k),
    sql<{ status: string; n: unknown }>`select status, count(*) as n from "Battle" where status in ('streaming', 'open') group by status`.execute(k),
    sql<{ model: string; replies: unknown; tokens_in: unknown; tokens_out: unknown }>`
      select "modelId" as model, count(*) as replies, coalesce(sum("tokensIn"), 0) as tokens_in, coalesce(sum("tokensOut"), 0) as tokens_out
      from "Reply" where "createdAt" >= ${since} group by "modelId" order by "modelId"`.execute(k),
    columnsOf(db, 'Reply'),
    columnsOf(db, DELIVERY_TABLE),
  ]);
  const status: DatabaseStatus = {
    source: 'database',
    database: hidePassword(url),
    since: since.toISOString(),
    battlesToday: Object.fromEntries(battles.rows.map((r) => [r.status, num(r.n)])),
    votesToday: num(votes.rows[0]?.n),
    openBattles: { streaming: 0, open: 0 },
    tokensToday: tokens.rows.map((r) => ({ model: r.model, replies: num(r.replies), tokensIn: num(r.tokens_in), tokensOut: num(r.tokens_out) })),
  };
  for (const row of open.rows) if (row.status === 'streaming' || row.status === 'open') status.openBattles[row.status] = num(row.n);
  if (replyColumns.has(COST_COLUMN)) {
    const { rows } = await sql<{ chat: string; title: string | null; platform: string; external: string; model: string; usd: unknown }>`
      select b."chatId" as chat, c.title as title, c.platform as platform, c."externalId" as external, r."modelId" as model,
        sum(r.${sql.ref(COST_COLUMN)}) as usd
      from "Reply" r join "Turn" t on t.id = r."turnId" join "Battle" b on b.id = t."battleId" join "Chat" c on c.id = b."chatId"
      where r."createdAt" >= ${since} and r.${sql.ref(COST_COLUMN)} is not null
      group by b."chatId", c.title, c.platform, c."externalId", r."modelId" order by usd desc`.execute(k);
    status.spendToday = rows.map((r) => ({ chat: r.chat, chatName: r.title ?? `${r.platform}:${r.external}`, model: r.model, usd: num(r.usd) }));
  }
  if (deliveryColumns.has('completedAt')) {
    const { rows } = await sql<{ n: unknown }>`select count(*) as n from ${sql.table(DELIVERY_TABLE)} where "completedAt" is null`.execute(k);
    status.inboxDepth = num(rows[0]?.n);
  }
  return status;
}

// Votes from the database as per-pair counts, in ONE grouped query (Vote joined to Battle, identity leaks left out,
// segment filters in SQL), so a million votes arrive as a few thousand rows. Portable SQL through Kysely's `sql`
// template: the same text runs on SQLite and PostgreSQL (quoted Prisma table and column names, CASE sums, IN
// subqueries instead of dialect-specific joins); dates are parameters, which each driver encodes as the column holds
// them (core/store/sqlite-driver.ts, core/store/pg-driver.ts).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../store/db';
import { createCountsBuilder } from './counts';
import type { Segment } from './segments';
import { addStyle, styleOf } from './style';
import type { PairCounts, StyleBattle, StyleFeatures } from './types';

/** The database (core/store/database.ts `Db.kysely`), on SQLite or PostgreSQL. */
export type RankingDb = Kysely<DB>;

type Sql = RawBuilder<unknown>;

function segmentWhere(segment: Segment): Sql {
  const parts: Sql[] = [sql`b."identityLeak" = false`];
  if (segment.language !== undefined) parts.push(sql`b."language" = ${segment.language}`);
  if (segment.chat !== undefined) parts.push(sql`b."chatId" = ${segment.chat}`);
  if (segment.platform !== undefined) {
    parts.push(sql`b."chatId" IN (SELECT c."id" FROM "Chat" c WHERE c."platform" = ${segment.platform})`);
  }
  if (segment.campaign !== undefined) {
    // Organisers know campaigns by slug; ids work too.
    parts.push(
      sql`b."campaignId" IN (SELECT k."id" FROM "Campaign" k WHERE k."id" = ${segment.campaign} OR k."slug" = ${segment.campaign})`,
    );
  }
  if (segment.since !== undefined) parts.push(sql`v."createdAt" >= ${segment.since}`);
  if (segment.until !== undefined) parts.push(sql`v."createdAt" < ${segment.until}`);
  return sql.join(parts, sql` AND `);
}

/** Vote totals by choice, as the database returns sums (bigint on PostgreSQL, null over no rows). */
interface ChoiceSums {
  modelA: string;
  modelB: string;
  a: number | bigint | null;
  b: number | bigint | null;
  tie: number | bigint | null;
  bothBad: number | bigint | null;
}

interface PairRow extends ChoiceSums {
  battles: number | bigint;
}

const num = (x: number | bigint | string | null | undefined): number => (x === null || x === undefined ? 0 : Number(x));

/** The grouped query itself (exported so its plan can be inspected). Segments on battle attributes read the
 * per-choice tallies kept on each battle (one covering-index scan, no join); a time window needs each vote's own
 * time, so only then are the votes joined. */
export function countsQuery(segment: Segment = {}): RawBuilder<PairRow> {
  if (segment.since === undefined && segment.until === undefined) {
    return sql<PairRow>`
      SELECT b."modelAId" AS "modelA", b."modelBId" AS "modelB",
        SUM(b."votesA") AS "a", SUM(b."votesB") AS "b", SUM(b."votesTie") AS "tie", SUM(b."votesBothBad") AS "bothBad",
        SUM(CASE WHEN b."votesA" + b."votesB" + b."votesTie" + b."votesBothBad" > 0 THEN 1 ELSE 0 END) AS "battles"
      FROM "Battle" b
      WHERE ${segmentWhere(segment)}
      GROUP BY b."modelAId", b."modelBId"`;
  }
  return sql<PairRow>`
    SELECT b."modelAId" AS "modelA", b."modelBId" AS "modelB",
      SUM(CASE WHEN v."choice" = 'a' THEN 1 ELSE 0 END) AS "a",
      SUM(CASE WHEN v."choice" = 'b' THEN 1 ELSE 0 END) AS "b",
      SUM(CASE WHEN v."choice" = 'tie' THEN 1 ELSE 0 END) AS "tie",
      SUM(CASE WHEN v."choice" = 'both_bad' THEN 1 ELSE 0 END) AS "bothBad",
      COUNT(DISTINCT v."battleId") AS "battles"
    FROM "Vote" v
    JOIN "Battle" b ON b."id" = v."battleId"
    WHERE ${segmentWhere(segment)}
    GROUP BY b."modelAId", b."modelBId"`;
}

/** Per-pair outcome counts of the segment's votes. */
export async function readVoteCounts(db: RankingDb, segment: Segment = {}): Promise<PairCounts> {
  const { rows } = await countsQuery(segment).execute(db);
  const builder = createCountsBuilder();
  for (const r of rows) {
    builder.add(r.modelA, r.modelB, 'a', num(r.a));
    builder.add(r.modelA, r.modelB, 'b', num(r.b));
    builder.add(r.modelA, r.modelB, 'tie', num(r.tie));
    builder.add(r.modelA, r.modelB, 'both_bad', num(r.bothBad));
    builder.addBattles(num(r.battles));
  }
  return builder.build();
}

interface BattleVotesRow extends ChoiceSums {
  battleId: string;
}

interface ReplyRow {
  battleId: string;
  side: string;
  text: string;
  tokensOut: number | bigint | null;
}

/**
 * Style-control input: per-battle votes and the style of both sides' replies (summed over turns). Two queries, used
 * only when style control is asked for.
 */
export async function readStyleBattles(db: RankingDb, segment: Segment = {}): Promise<StyleBattle[]> {
  const where = segmentWhere(segment);
  const { rows: votes } = await sql<BattleVotesRow>`
    SELECT v."battleId" AS "battleId", b."modelAId" AS "modelA", b."modelBId" AS "modelB",
      SUM(CASE WHEN v."choice" = 'a' THEN 1 ELSE 0 END) AS "a",
      SUM(CASE WHEN v."choice" = 'b' THEN 1 ELSE 0 END) AS "b",
      SUM(CASE WHEN v."choice" = 'tie' THEN 1 ELSE 0 END) AS "tie",
      SUM(CASE WHEN v."choice" = 'both_bad' THEN 1 ELSE 0 END) AS "bothBad"
    FROM "Vote" v
    JOIN "Battle" b ON b."id" = v."battleId"
    WHERE ${where}
    GROUP BY v."battleId", b."modelAId", b."modelBId"`.execute(db);
  if (!votes.length) return [];
  const { rows: replies } = await sql<ReplyRow>`
    SELECT t."battleId" AS "battleId", r."side" AS "side", r."text" AS "text", r."tokensOut" AS "tokensOut"
    FROM "Reply" r
    JOIN "Turn" t ON t."id" = r."turnId"
    WHERE t."battleId" IN (
      SELECT DISTINCT v."battleId" FROM "Vote" v JOIN "Battle" b ON b."id" = v."battleId" WHERE ${where}
    )`.execute(db);
  const zero = (): StyleFeatures => ({ length: 0, headers: 0, lists: 0, bold: 0 });
  const sides = new Map<string, { a: StyleFeatures; b: StyleFeatures }>();
  for (const r of replies) {
    let s = sides.get(r.battleId);
    if (!s) sides.set(r.battleId, (s = { a: zero(), b: zero() }));
    const f = styleOf(r.text, r.tokensOut === null ? null : Number(r.tokensOut));
    if (r.side === 'a') s.a = addStyle(s.a, f);
    else if (r.side === 'b') s.b = addStyle(s.b, f);
  }
  return votes
    .filter((v) => sides.has(v.battleId))
    .map((v) => ({
      modelA: v.modelA,
      modelB: v.modelB,
      styleA: sides.get(v.battleId)!.a,
      styleB: sides.get(v.battleId)!.b,
      winsA: num(v.a),
      winsB: num(v.b),
      ties: num(v.tie),
      bothBad: num(v.bothBad),
    }));
}


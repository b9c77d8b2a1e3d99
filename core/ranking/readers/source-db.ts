// Votes from the database as battle cells (pair × vote tally), in ONE grouped query (identity leaks left out, segment
// filters in SQL), so a million votes in 400,000 battles arrive as a few tens of thousands of rows. Portable SQL through Kysely's
// `sql` template: the same text runs on SQLite and PostgreSQL (quoted Prisma table and column names, CASE sums, IN
// subqueries instead of dialect-specific joins); dates are parameters, which each driver encodes as the column holds
// them (core/store/sqlite-driver.ts, core/store/pg-driver.ts).
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../store/db';
import { createCountsBuilder } from '../math/counts';
import type { Segment } from '../segments';
import { addStyle, styleOf } from '../math/style';
import type { Outcome, PairCounts, StyleBattle, StyleFeatures, VoteRow } from '../types';

/** The database (core/store/database.ts `Db.kysely`), on SQLite or PostgreSQL. */
export type RankingDb = Kysely<DB>;

type Sql = RawBuilder<unknown>;

/** Runs a raw query and hands back its rows. */
async function rowsOf<T>(db: RankingDb, query: Sql): Promise<T[]> {
  return (await query.execute(db)).rows as T[];
}

/**
 * The segment as SQL over Battle b (and Vote v for time windows). A vote changed after its voter saw the names counts
 * with its blind choice (Vote.blindChoice), as the battle's own counters do. `category` reads `Battle.categories` (a JSON array of
 * category ids, written by the engine): only a category segment mentions that column.
 */
function segmentWhere(segment: Segment): Sql {
  // Diverse battles (core/engine/modes.ts) pit two stances of one model: they rank stances, not models.
  const parts: Sql[] = [sql`b."identityLeak" = false`, sql`b."mode" <> 'diverse'`];
  // Battles whose adapter keeps them out of the shared rankings (Battle.ranked) still count on their own chat's board.
  if (segment.chat === undefined) parts.push(sql`b."ranked" = true`);
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
  if (segment.category !== undefined) parts.push(categoryWhere(segment.category));
  if (segment.topic !== undefined) parts.push(sql`b."topic" = ${segment.topic}`);
  if (segment.since !== undefined) parts.push(sql`v."createdAt" >= ${segment.since}`);
  if (segment.until !== undefined) parts.push(sql`v."createdAt" < ${segment.until}`);
  return sql.join(parts, sql` AND `);
}

/** Battles tagged with one category. Category ids are [a-z-] (no LIKE wildcard), and quoted in the JSON array, so the
 * portable LIKE is exact: '%"math"%' cannot match "mathematics". */
export function categoryWhere(category: string): Sql {
  if (!/^[a-z][a-z-]*$/.test(category)) throw new RangeError(`not a category id: ${JSON.stringify(category)}`);
  return sql`b."categories" LIKE ${`%"${category}"%`}`;
}

/** One row per ordered pair: its cells as text, "a,b,tie,bothBad,battles" separated by spaces. */
interface PairCellsRow {
  modelA: string;
  modelB: string;
  cells: string | null;
}

const num = (x: number | bigint | string | null | undefined): number => (x === null || x === undefined ? 0 : Number(x));

export type Dialect = 'sqlite' | 'postgresql';

/** Which SQL dialect the database speaks, from its Kysely adapter. Only string aggregation differs between the two. */
export function dialectOf(db: RankingDb): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgresql' : 'sqlite';
}

/**
 * The grouped query itself (exported so its plan can be inspected): battles counted per (pair, vote tally) — the
 * bootstrap's resampling cells — then one row per pair with its cells as text. Handing a hundred thousand small rows
 * to JavaScript cost more than everything else together (1–2 s through Prisma for 1M votes); one row per pair costs
 * 0.3 s. Segments on battle attributes read the per-choice tallies kept on each battle (one scan of the covering index,
 * which is ordered by exactly these columns: no sort); a time window needs each vote's own time, so only then are
 * votes joined and summed per battle.
 */
export function countsQuery(segment: Segment = {}, dialect: Dialect = 'sqlite'): Sql {
  const battles =
    segment.since === undefined && segment.until === undefined
      ? sql`
        SELECT b."modelAId" AS "modelA", b."modelBId" AS "modelB",
          b."votesA" AS "a", b."votesB" AS "b", b."votesTie" AS "tie", b."votesBothBad" AS "bothBad"
        FROM "Battle" b
        WHERE ${segmentWhere(segment)} AND b."votesA" + b."votesB" + b."votesTie" + b."votesBothBad" > 0`
      : sql`
        SELECT b."modelAId" AS "modelA", b."modelBId" AS "modelB",
          SUM(CASE WHEN COALESCE(v."blindChoice", v."choice") = 'a' THEN 1 ELSE 0 END) AS "a",
          SUM(CASE WHEN COALESCE(v."blindChoice", v."choice") = 'b' THEN 1 ELSE 0 END) AS "b",
          SUM(CASE WHEN COALESCE(v."blindChoice", v."choice") = 'tie' THEN 1 ELSE 0 END) AS "tie",
          SUM(CASE WHEN COALESCE(v."blindChoice", v."choice") = 'both_bad' THEN 1 ELSE 0 END) AS "bothBad"
        FROM "Vote" v
        JOIN "Battle" b ON b."id" = v."battleId"
        WHERE ${segmentWhere(segment)}
        GROUP BY v."battleId", b."modelAId", b."modelBId"`;
  const concat = dialect === 'postgresql' ? sql`string_agg(y."cell", ' ')` : sql`group_concat(y."cell", ' ')`;
  return sql`
    SELECT y."modelA" AS "modelA", y."modelB" AS "modelB", ${concat} AS "cells"
    FROM (
      SELECT x."modelA" AS "modelA", x."modelB" AS "modelB",
        x."a" || ',' || x."b" || ',' || x."tie" || ',' || x."bothBad" || ',' || COUNT(*) AS "cell"
      FROM (${battles}) x
      GROUP BY x."modelA", x."modelB", x."a", x."b", x."tie", x."bothBad"
    ) y
    GROUP BY y."modelA", y."modelB"`;
}

/** Battle cells (pair × vote tally) of the segment's votes. */
export async function readVoteCounts(db: RankingDb, segment: Segment = {}): Promise<PairCounts> {
  const rows = await rowsOf<PairCellsRow>(db, countsQuery(segment, dialectOf(db)));
  const builder = createCountsBuilder();
  const v = [0, 0, 0, 0, 0];
  for (const r of rows) {
    const text = r.cells;
    if (!text) continue;
    const add = builder.pair(r.modelA, r.modelB);
    // "a,b,tie,bothBad,battles a,b,…": parsed in place (a million votes give a hundred thousand cells).
    let field = 0;
    let x = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      if (c >= 48 && c <= 57) x = x * 10 + (c - 48);
      else if (c === 44) {
        v[field++] = x;
        x = 0;
      } else if (c === 32) {
        if (field === 4) add(v[0]!, v[1]!, v[2]!, v[3]!, x);
        field = 0;
        x = 0;
      }
    }
  }
  return builder.build();
}

interface VoteRowDb {
  battleId: string;
  modelA: string;
  modelB: string;
  voterId: string;
  choice: string;
  chatId: string;
  at: Date | string;
}

/**
 * Every vote of the segment, one row each, in battle order then time order: what voter quality, daily caps and the
 * herding check need (they look at who voted what, when). Only read when one of them is asked for.
 */
export function votesQuery(segment: Segment = {}): Sql {
  return sql`
    SELECT v."battleId" AS "battleId", b."modelAId" AS "modelA", b."modelBId" AS "modelB", v."voterId" AS "voterId",
      COALESCE(v."blindChoice", v."choice") AS "choice", b."chatId" AS "chatId", v."createdAt" AS "at"
    FROM "Vote" v
    JOIN "Battle" b ON b."id" = v."battleId"
    WHERE ${segmentWhere(segment)}
    ORDER BY v."battleId", v."createdAt", v."id"`;
}

const CHOICES = new Set(['a', 'b', 'tie', 'both_bad']);

/** The segment's votes one by one (see votesQuery). */
export async function readVotes(db: RankingDb, segment: Segment = {}): Promise<VoteRow[]> {
  const rows = await rowsOf<VoteRowDb>(db, votesQuery(segment));
  return rows
    .filter((r) => CHOICES.has(r.choice))
    .map((r) => ({
      modelA: r.modelA,
      modelB: r.modelB,
      outcome: r.choice as Outcome,
      battleId: r.battleId,
      voterId: r.voterId,
      chatId: r.chatId,
      at: r.at instanceof Date ? r.at : new Date(r.at),
    }));
}

/**
 * Segment values that name nothing in the database (an unknown campaign, chat or platform), as messages: an empty
 * board for a typo would look like "no votes yet".
 */
export async function unknownSegmentValues(db: RankingDb, segment: Segment): Promise<string[]> {
  const problems: string[] = [];
  if (segment.campaign !== undefined) {
    const rows = await rowsOf<{ n: number | bigint }>(
      db,
      sql`SELECT COUNT(*) AS "n" FROM "Campaign" k WHERE k."id" = ${segment.campaign} OR k."slug" = ${segment.campaign}`,
    );
    if (num(rows[0]?.n) === 0) problems.push(`unknown campaign "${segment.campaign}"`);
  }
  if (segment.chat !== undefined) {
    const rows = await rowsOf<{ n: number | bigint }>(db, sql`SELECT COUNT(*) AS "n" FROM "Chat" c WHERE c."id" = ${segment.chat}`);
    if (num(rows[0]?.n) === 0) problems.push(`unknown chat "${segment.chat}"`);
  }
  if (segment.platform !== undefined) {
    const rows = await rowsOf<{ n: number | bigint }>(db, sql`SELECT COUNT(*) AS "n" FROM "Chat" c WHERE c."platform" = ${segment.platform}`);
    if (num(rows[0]?.n) === 0) problems.push(`no chat on platform "${segment.platform}"`);
  }
  return problems;
}

/** First prompt of each battle of the segment (for LMArena's de-duplication of very frequent prompts). */
export async function readFirstPrompts(db: RankingDb, segment: Segment = {}): Promise<Map<string, string>> {
  const rows = await rowsOf<{ battleId: string; prompt: string }>(db, sql`
    SELECT t."battleId" AS "battleId", t."prompt" AS "prompt"
    FROM "Turn" t
    JOIN "Battle" b ON b."id" = t."battleId"
    WHERE t."index" = 0 AND ${segmentWhere({ ...segment, since: undefined, until: undefined })}`);
  return new Map(rows.map((r) => [r.battleId, r.prompt]));
}

/** Battles with votes per category id in the segment (for a "switch category" list). Reads `Battle.categories`. */
export async function readCategoryCounts(db: RankingDb, segment: Segment = {}): Promise<Map<string, number>> {
  const rows = await rowsOf<{ categories: string | null; battles: number | bigint }>(db, sql`
    SELECT b."categories" AS "categories", COUNT(*) AS "battles"
    FROM "Battle" b
    WHERE ${segmentWhere({ ...segment, since: undefined, until: undefined })} AND b."categories" IS NOT NULL
      AND b."votesA" + b."votesB" + b."votesTie" + b."votesBothBad" > 0
    GROUP BY b."categories"`);
  const out = new Map<string, number>();
  for (const r of rows) {
    let ids: unknown;
    try {
      ids = JSON.parse(r.categories ?? '[]');
    } catch {
      continue;
    }
    if (!Array.isArray(ids)) continue;
    for (const id of new Set(ids.filter((x): x is string => typeof x === 'string'))) out.set(id, (out.get(id) ?? 0) + num(r.battles));
  }
  return out;
}

interface ChoiceSums {
  modelA: string;
  modelB: string;
  a: number | bigint | null;
  b: number | bigint | null;
  tie: number | bigint | null;
  bothBad: number | bigint | null;
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
  const votes = await rowsOf<BattleVotesRow>(db, sql`
    SELECT v."battleId" AS "battleId", b."modelAId" AS "modelA", b."modelBId" AS "modelB",
      SUM(CASE WHEN COALESCE(v."blindChoice", v."choice") = 'a' THEN 1 ELSE 0 END) AS "a",
      SUM(CASE WHEN COALESCE(v."blindChoice", v."choice") = 'b' THEN 1 ELSE 0 END) AS "b",
      SUM(CASE WHEN COALESCE(v."blindChoice", v."choice") = 'tie' THEN 1 ELSE 0 END) AS "tie",
      SUM(CASE WHEN COALESCE(v."blindChoice", v."choice") = 'both_bad' THEN 1 ELSE 0 END) AS "bothBad"
    FROM "Vote" v
    JOIN "Battle" b ON b."id" = v."battleId"
    WHERE ${where}
    GROUP BY v."battleId", b."modelAId", b."modelBId"`);
  if (!votes.length) return [];
  const replies = await rowsOf<ReplyRow>(db, sql`
    SELECT t."battleId" AS "battleId", r."side" AS "side", r."text" AS "text", r."tokensOut" AS "tokensOut"
    FROM "Reply" r
    JOIN "Turn" t ON t."id" = r."turnId"
    WHERE t."battleId" IN (
      SELECT DISTINCT v."battleId" FROM "Vote" v JOIN "Battle" b ON b."id" = v."battleId" WHERE ${where}
    )`);
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


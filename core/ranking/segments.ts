// Segments: the global board, or one language, campaign, platform, chat or time window. The same filter applies to
// rows in memory, to public files and (as SQL) to the database.
import { z } from 'zod';
import { CATEGORY_IDS } from './categories/ids';
import { createCountsBuilder, type CountsBuilder } from './math/counts';
import type { PairCounts, Tally, VoteRow } from './types';

export interface Segment {
  language?: string;
  campaign?: string;
  platform?: string;
  chat?: string;
  /** Battles whose prompt falls in this category (see categories/ids.ts). */
  category?: string;
  /** Battles started from this campaign topic (core/campaigns/spec.ts topic id). */
  topic?: string;
  /** Votes cast at or after this instant. */
  since?: Date;
  /** Votes cast before this instant. */
  until?: Date;
}

export const SEGMENT_KEYS = ['language', 'campaign', 'platform', 'chat', 'category', 'topic', 'since', 'until'] as const;
export type SegmentKey = (typeof SEGMENT_KEYS)[number];

const DateArg = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'use a date like 2026-03-01 or 2026-03-01T12:00Z')
  .transform((s) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s))
  .refine((d) => !Number.isNaN(d.getTime()), 'not a valid date');

const SegmentSchema = z
  .object({
    language: z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*$/, 'use an ISO 639-1 code such as fr').transform((s) => s.toLowerCase().split('-')[0]!),
    campaign: z.string().min(1),
    platform: z.string().min(1),
    chat: z.string().min(1),
    category: z.enum(CATEGORY_IDS, { message: `use one of ${CATEGORY_IDS.join(', ')}` }),
    topic: z.string().regex(/^[a-z0-9][a-z0-9-]{0,23}$/, 'use a topic id from the campaign file'),
    since: DateArg,
    until: DateArg,
  })
  .partial()
  .refine((s) => !s.since || !s.until || s.since < s.until, 'since must be before until');

/** Parses `key=value` arguments (`language=fr`, `since=2026-03-01`); throws with a message naming the bad one. */
export function parseSegment(args: string[]): Segment {
  const raw: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const key = eq > 0 ? arg.slice(0, eq).trim() : '';
    if (!(SEGMENT_KEYS as readonly string[]).includes(key)) {
      throw new Error(`unknown segment "${arg}": use ${SEGMENT_KEYS.map((k) => `${k}=…`).join(', ')}`);
    }
    if (key in raw) throw new Error(`segment ${key} given twice`);
    raw[key] = arg.slice(eq + 1).trim();
  }
  const parsed = SegmentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`segment ${issue.path.join('.') || ''}: ${issue.message}`.replace(/segment : /, 'segment: '));
  }
  return parsed.data as Segment;
}

/** Human-readable summary of a segment ("language=fr, since=2026-03-01"), empty for the global board. */
export function describeSegment(s: Segment): string {
  const parts: string[] = [];
  for (const k of SEGMENT_KEYS) {
    const v = s[k];
    if (v === undefined) continue;
    parts.push(`${k}=${v instanceof Date ? v.toISOString().replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, 'Z') : v}`);
  }
  return parts.join(', ');
}

/** Whether a row belongs to the segment. Rows flagged for identity leaks never do. */
export function inSegment(row: VoteRow, s: Segment): boolean {
  if (row.leak) return false;
  if (s.language !== undefined && (row.language ?? '').toLowerCase().split('-')[0] !== s.language) return false;
  if (s.campaign !== undefined && row.campaignId !== s.campaign) return false;
  if (s.platform !== undefined && row.platform !== s.platform) return false;
  if (s.chat !== undefined && row.chatId !== s.chat) return false;
  if (s.category !== undefined && !row.categories?.includes(s.category)) return false;
  if (s.topic !== undefined && row.topic !== s.topic) return false;
  if (s.since !== undefined && !(row.at && row.at >= s.since)) return false;
  if (s.until !== undefined && !(row.at && row.at < s.until)) return false;
  return true;
}

/**
 * Adds votes to a count table: votes sharing a `battleId` form one battle (resampled together), a vote without one is
 * its own battle. `weight` scales a vote (voter quality); the default is 1.
 */
export function addRows(builder: CountsBuilder, rows: Iterable<VoteRow>, weight: (row: VoteRow) => number = () => 1): void {
  const battles = new Map<string, { modelA: string; modelB: string; tally: Tally }>();
  for (const row of rows) {
    const w = weight(row) * (row.count ?? 1);
    if (!(w > 0)) continue;
    if (!row.battleId) {
      if (w === 1 || Number.isInteger(w)) builder.add(row.modelA, row.modelB, row.outcome, w);
      else builder.addBattles(row.modelA, row.modelB, tallyOf(row.outcome, w));
      continue;
    }
    let b = battles.get(row.battleId);
    if (!b) battles.set(row.battleId, (b = { modelA: row.modelA, modelB: row.modelB, tally: { a: 0, b: 0, tie: 0, bothBad: 0 } }));
    // A vote recorded with the sides the other way round still counts for the model it chose.
    const flip = row.modelA === b.modelB && row.modelB === b.modelA;
    const o = flip ? (row.outcome === 'a' ? 'b' : row.outcome === 'b' ? 'a' : row.outcome) : row.outcome;
    if (o === 'both_bad') b.tally.bothBad += w;
    else b.tally[o] += w;
  }
  for (const b of battles.values()) builder.addBattles(b.modelA, b.modelB, b.tally);
}

function tallyOf(outcome: VoteRow['outcome'], w: number): Tally {
  return { a: outcome === 'a' ? w : 0, b: outcome === 'b' ? w : 0, tie: outcome === 'tie' ? w : 0, bothBad: outcome === 'both_bad' ? w : 0 };
}

/** Aggregates rows of one segment into battle cells and pair counts. */
export function aggregate(rows: Iterable<VoteRow>, segment: Segment = {}): PairCounts {
  const builder = createCountsBuilder();
  addRows(builder, filterRows(rows, segment));
  return builder.build();
}

function* filterRows(rows: Iterable<VoteRow>, segment: Segment): Iterable<VoteRow> {
  for (const row of rows) if (inSegment(row, segment)) yield row;
}

export type GroupKey = 'language' | 'campaignId' | 'platform' | 'chatId';

/** One count table per value of `key` (rows without a value are left out), e.g. every chat's own board. */
export function aggregateBy(rows: Iterable<VoteRow>, key: GroupKey, segment: Segment = {}): Map<string, PairCounts> {
  const groups = new Map<string, VoteRow[]>();
  for (const row of rows) {
    const value = row[key];
    if (value === undefined || value === null || value === '' || !inSegment(row, segment)) continue;
    let list = groups.get(value);
    if (!list) groups.set(value, (list = []));
    list.push(row);
  }
  return new Map([...groups].map(([k, list]) => [k, aggregate(list)]));
}

export type Period = 'day' | 'week' | 'month';

/** Start (UTC) of the period holding `at`; weeks start on Monday. */
export function periodStart(at: Date, period: Period): Date {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), period === 'month' ? 1 : at.getUTCDate()));
  if (period === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

/** One count table per time window (key: ISO date of the window's start), oldest first. */
export function aggregateByPeriod(rows: Iterable<VoteRow>, period: Period, segment: Segment = {}): Map<string, PairCounts> {
  const groups = new Map<string, VoteRow[]>();
  for (const row of rows) {
    if (!row.at || !inSegment(row, segment)) continue;
    const key = periodStart(row.at, period).toISOString().slice(0, 10);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(row);
  }
  return new Map([...groups].sort(([x], [y]) => x.localeCompare(y)).map(([k, list]) => [k, aggregate(list)]));
}

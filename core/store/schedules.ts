// Leaderboard posting schedules and their runs (core/leaderboard/scheduler.ts posts them, scripts/schedule.ts edits
// them): the queries, on either database. A due occurrence is claimed once through ScheduleRun's unique
// (scheduleId, dueAt), so a restart or a second process never posts it twice.
import type { Kysely } from 'kysely';
import type { DB } from './db';
import { newId } from './ids';
import { readBool, readDate } from './rows';

type Database = Kysely<DB>;

export interface ScheduleRow {
  id: string;
  chatId: string | null;
  campaignId: string | null;
  cron: string;
  timezone: string;
  /** JSON: leaderboard options */
  options: string;
  enabled: boolean;
  createdAt: Date;
}

export interface ScheduleListing extends ScheduleRow {
  chat: { platform: string; externalId: string; title: string | null } | null;
  campaign: { slug: string } | null;
}

const SCHEDULE_COLUMNS = ['s.id', 's.chatId', 's.campaignId', 's.cron', 's.timezone', 's.options', 's.enabled', 's.createdAt'] as const;

function toSchedule(row: { id: string; chatId: string | null; campaignId: string | null; cron: string; timezone: string; options: string; enabled: boolean | number; createdAt: Date | string }): ScheduleRow {
  return { ...row, enabled: readBool(row.enabled), createdAt: readDate(row.createdAt) };
}

export async function enabledSchedules(db: Database): Promise<ScheduleRow[]> {
  const rows = await db.selectFrom('Schedule as s').select(SCHEDULE_COLUMNS).where('s.enabled', '=', true).orderBy('s.createdAt').execute();
  return rows.map(toSchedule);
}

/** Every schedule with the chat or campaign it posts to, oldest first (for organizers' listing). */
export async function listSchedules(db: Database): Promise<ScheduleListing[]> {
  const rows = await db
    .selectFrom('Schedule as s')
    .leftJoin('Chat as c', 'c.id', 's.chatId')
    .leftJoin('Campaign as k', 'k.id', 's.campaignId')
    .select(SCHEDULE_COLUMNS)
    .select(['c.platform', 'c.externalId', 'c.title', 'k.slug'])
    .orderBy('s.createdAt')
    .orderBy('s.id')
    .execute();
  return rows.map(({ platform, externalId, title, slug, ...row }) => ({
    ...toSchedule(row),
    chat: platform !== null && externalId !== null ? { platform, externalId, title } : null,
    campaign: slug !== null ? { slug } : null,
  }));
}

export async function addSchedule(db: Database, schedule: { chatId: string | null; campaignId: string | null; cron: string; timezone: string }): Promise<ScheduleRow> {
  const row = await db
    .insertInto('Schedule')
    .values({ id: newId(), ...schedule, createdAt: new Date() })
    .returning(['id', 'chatId', 'campaignId', 'cron', 'timezone', 'options', 'enabled', 'createdAt'])
    .executeTakeFirstOrThrow();
  return toSchedule(row);
}

/** Removes a schedule (and its runs); false when there is none with that id. */
export async function removeSchedule(db: Database, id: string): Promise<boolean> {
  const { numDeletedRows } = await db.deleteFrom('Schedule').where('id', '=', id).executeTakeFirst();
  return numDeletedRows > 0n;
}

export async function campaignBySlug(db: Database, slug: string): Promise<{ id: string } | null> {
  return (await db.selectFrom('Campaign').select('id').where('slug', '=', slug).executeTakeFirst()) ?? null;
}

/** The chats that took part in a campaign (a campaign's board goes to each of them). */
export async function campaignChatIds(db: Database, campaignId: string): Promise<string[]> {
  const rows = await db.selectFrom('Battle').select('chatId').distinct().where('campaignId', '=', campaignId).execute();
  return rows.map((row) => row.chatId);
}

/**
 * Claims one due occurrence of a schedule: true for the one caller that should post it. An occurrence already claimed
 * is taken over only when its claim is older than `staleBefore` and still unresolved (its claimer died mid-post).
 */
export async function claimScheduleRun(db: Database, scheduleId: string, dueAt: Date, now: Date, staleBefore: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('ScheduleRun')
    .values({ id: newId(), scheduleId, dueAt, status: 'claimed', claimedAt: now })
    .onConflict((oc) => oc.columns(['scheduleId', 'dueAt']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return true;
  const { numUpdatedRows } = await db
    .updateTable('ScheduleRun')
    .set({ claimedAt: now })
    .where('scheduleId', '=', scheduleId)
    .where('dueAt', '=', dueAt)
    .where('status', '=', 'claimed')
    .where('claimedAt', '<', staleBefore)
    .executeTakeFirst();
  return numUpdatedRows === 1n;
}

export async function finishScheduleRun(db: Database, scheduleId: string, dueAt: Date, outcome: { posted: true; at: Date } | { posted: false; error: string }): Promise<void> {
  await db
    .updateTable('ScheduleRun')
    .set(outcome.posted ? { status: 'posted', postedAt: outcome.at } : { status: 'failed', error: outcome.error })
    .where('scheduleId', '=', scheduleId)
    .where('dueAt', '=', dueAt)
    .execute();
}

export interface ScheduleRunRow {
  scheduleId: string;
  dueAt: Date;
  status: string;
  claimedAt: Date;
  postedAt: Date | null;
  error: string | null;
}

/** A schedule's runs, oldest occurrence first. */
export async function scheduleRuns(db: Database, scheduleId?: string): Promise<ScheduleRunRow[]> {
  let query = db.selectFrom('ScheduleRun').select(['scheduleId', 'dueAt', 'status', 'claimedAt', 'postedAt', 'error']).orderBy('dueAt');
  if (scheduleId !== undefined) query = query.where('scheduleId', '=', scheduleId);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, dueAt: readDate(row.dueAt), claimedAt: readDate(row.claimedAt), postedAt: row.postedAt === null ? null : readDate(row.postedAt) }));
}

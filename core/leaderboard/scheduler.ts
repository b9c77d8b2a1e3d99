// Scheduled leaderboard posts. Each schedule is a cron expression in a time zone; every due occurrence is claimed
// once in the database (ScheduleRun's unique (scheduleId, dueAt)) before posting, so a restart, or two processes,
// never post it twice, and a post that fell due while Pnyx was down is made at start-up instead of being skipped.
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../store/db';
import { claimScheduleRun, enabledSchedules, finishScheduleRun } from '../store/schedules';

export interface ScheduleTarget {
  scheduleId: string;
  chatId: string | null;
  campaignId: string | null;
  options: string;
  dueAt: Date;
}

export interface SchedulerOptions {
  /** The database (core/store/database.ts `Db.kysely`). */
  db: Kysely<DB>;
  /** Posts one due leaderboard; returns false when nothing could be posted (the run is then marked failed). */
  post(target: ScheduleTarget): Promise<boolean>;
  log: Logger;
  now?: () => Date;
  /** How often schedules are checked. */
  tickMs?: number;
  /** A post missed by more than this (e.g. Pnyx was down for days) is skipped: stale rankings help nobody. */
  graceMs?: number;
  /** A claim older than this without a result is taken to be from a crashed process and retried. */
  staleClaimMs?: number;
  /**
   * Runs the check every `tickMs` in one process of the deployment (a BullMQ job scheduler) instead of a timer in
   * each; the claims below keep a post single either way.
   */
  repeat?: (ms: number, tick: () => Promise<void>) => void;
}

export const SCHEDULE_PRESETS = {
  daily: '0 18 * * *',
  weekly: '0 18 * * 1',
} as const;

export function validateCron(expression: string, timezone: string): string | null {
  try {
    new Cron(expression, { timezone, paused: true }).nextRun();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The latest occurrence of `cron` at or before `now`, in `timezone`. */
export function lastDue(cron: string, timezone: string, now: Date): Date | null {
  const job = new Cron(cron, { timezone, paused: true });
  const [previous] = job.previousRuns(1, new Date(now.getTime() + 1));
  return previous ?? null;
}

export function createLeaderboardScheduler(options: SchedulerOptions) {
  const { db, log } = options;
  const now = options.now ?? (() => new Date());
  const graceMs = options.graceMs ?? 6 * 60 * 60_000;
  const staleClaimMs = options.staleClaimMs ?? 10 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  options.repeat?.(options.tickMs ?? 30_000, () => safeTick());

  // Already claimed: taken over only if its claimer evidently died mid-post.
  const claim = (scheduleId: string, dueAt: Date): Promise<boolean> =>
    claimScheduleRun(db, scheduleId, dueAt, now(), new Date(now().getTime() - staleClaimMs));

  const tick = async () => {
    const at = now();
    const schedules = await enabledSchedules(db);
    for (const schedule of schedules) {
      let due: Date | null;
      try {
        due = lastDue(schedule.cron, schedule.timezone, at);
      } catch (error) {
        log.warn({ schedule: schedule.id, err: error }, 'invalid schedule skipped');
        continue;
      }
      // Only occurrences after the schedule was created, and recent enough to still be worth posting.
      if (!due || due < schedule.createdAt || at.getTime() - due.getTime() > graceMs) continue;
      if (!(await claim(schedule.id, due))) continue;
      let ok = false;
      let failure: string | undefined;
      try {
        ok = await options.post({ scheduleId: schedule.id, chatId: schedule.chatId, campaignId: schedule.campaignId, options: schedule.options, dueAt: due });
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
        log.error({ schedule: schedule.id, err: error }, 'scheduled leaderboard post failed');
      }
      await finishScheduleRun(db, schedule.id, due, ok ? { posted: true, at: now() } : { posted: false, error: failure ?? 'nothing posted' });
      log.info({ schedule: schedule.id, dueAt: due, posted: ok }, 'scheduled leaderboard');
    }
  };

  const safeTick = () => {
    if (running) return running;
    running = tick()
      .catch((error) => log.error({ err: error }, 'leaderboard schedule check failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    /** Checks once now (posting anything missed while stopped), then every `tickMs`. */
    async start() {
      await safeTick();
      if (options.repeat) return;
      timer = setInterval(() => void safeTick(), options.tickMs ?? 30_000);
      timer.unref();
    },
    tick: safeTick,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

// The privacy job of a running Pnyx: every five minutes, screen the battles closed since the last pass (so each battle
// has its verdict minutes after it closes, long before an export); every day at 03:17 UTC, screen and apply retention
// when `privacy.retentionDays` is set. Also once at start (a restart never skips a day). Both steps are idempotent
// and cheap when there is nothing new (an index finds unscreened battles); with several processes the deployment's jobs
// run them once each (options.schedule).
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../store/db';
import type { PiiJudge } from './pii/model-verdict';
import { screenBattles } from './pii/screen-battles';
import { purgeExpired } from './retention';

export const RETENTION_CRON = '17 3 * * *';
export const SCREENING_CRON = '*/5 * * * *';

export interface PrivacyJobOptions {
  db: Kysely<DB>;
  log: Logger;
  retentionDays: number | null;
  judge?: { model: string; judge: PiiJudge };
  now?: () => Date;
  /**
   * Several processes: the deployment's jobs (core/cluster/jobs.ts) run the steps, once each in the deployment, in
   * place of this process's own timers — a screening judge model is asked once per battle, not once per process.
   */
  schedule?: (name: string, schedule: { cron: string }, work: () => Promise<void>) => void;
}

export function createPrivacyJob(options: PrivacyJobOptions) {
  const { db, log } = options;
  let job: Cron | null = null;
  let screening: Cron | null = null;
  let running: Promise<void> | null = null;

  const screenOnly = async () => {
    const screened = await screenBattles(db, { ...(options.judge ? { judge: options.judge } : {}), ...(options.now ? { now: options.now } : {}) });
    if (screened.screened + screened.unanalysed > 0) log.info({ ...screened }, 'battles screened for personal data');
  };
  const runOnce = async () => {
    const screened = await screenBattles(db, { ...(options.judge ? { judge: options.judge } : {}), ...(options.now ? { now: options.now } : {}) });
    log.info({ ...screened }, 'battles screened for personal data');
    if (options.retentionDays !== null) {
      const purged = await purgeExpired(db, { retentionDays: options.retentionDays, ...(options.now ? { now: options.now() } : {}) });
      log.info({ ...purged, retentionDays: options.retentionDays }, 'retention applied');
    }
  };
  // A screening pass already running is enough for the next one; the daily run waits for it instead of being skipped.
  const safeRun = (step: () => Promise<void> = runOnce): Promise<void> => {
    if (running) return step === runOnce ? running.then(() => safeRun(step)) : running;
    running = step()
      .catch((error) => log.error({ err: error }, 'privacy job failed; retried at its next run'))
      .finally(() => {
        running = null;
      });
    return running;
  };

  if (options.schedule) {
    options.schedule('privacy-retention', { cron: RETENTION_CRON }, () => safeRun());
    options.schedule('privacy-screening', { cron: SCREENING_CRON }, () => safeRun(screenOnly));
  }

  return {
    runOnce: () => safeRun(),
    start() {
      // Scheduled by the deployment's jobs, which keep the schedule across restarts: nothing to start here.
      if (options.schedule) return;
      void safeRun();
      job = new Cron(RETENTION_CRON, { timezone: 'UTC', protect: true }, () => void safeRun());
      screening = new Cron(SCREENING_CRON, { timezone: 'UTC', protect: true }, () => void safeRun(screenOnly));
    },
    async stop() {
      job?.stop();
      screening?.stop();
      await running;
    },
    nextRun: () => job?.nextRun() ?? null,
  };
}

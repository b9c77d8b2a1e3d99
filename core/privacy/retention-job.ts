// The daily privacy job of a running Pnyx: screen battles closed since the last run (so verdicts are ready long before
// an export), then apply retention when `privacy.retentionDays` is set. Runs once at start (a restart never skips a
// day) and then every day at 03:17 UTC. Both steps are idempotent, so several processes running it is harmless.
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../store/db';
import type { PiiJudge } from './pii/model-verdict';
import { screenBattles } from './pii/screen-battles';
import { purgeExpired } from './retention';

export const RETENTION_CRON = '17 3 * * *';

export interface PrivacyJobOptions {
  db: Kysely<DB>;
  log: Logger;
  retentionDays: number | null;
  judge?: { model: string; judge: PiiJudge };
  now?: () => Date;
}

export function createPrivacyJob(options: PrivacyJobOptions) {
  const { db, log } = options;
  let job: Cron | null = null;
  let running: Promise<void> | null = null;

  const runOnce = async () => {
    const screened = await screenBattles(db, { ...(options.judge ? { judge: options.judge } : {}), ...(options.now ? { now: options.now } : {}) });
    log.info({ ...screened }, 'battles screened for personal data');
    if (options.retentionDays !== null) {
      const purged = await purgeExpired(db, { retentionDays: options.retentionDays, ...(options.now ? { now: options.now() } : {}) });
      log.info({ ...purged, retentionDays: options.retentionDays }, 'retention applied');
    }
  };
  const safeRun = () => {
    if (running) return running;
    running = runOnce()
      .catch((error) => log.error({ err: error }, 'privacy job failed; retried at its next run'))
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    runOnce: safeRun,
    start() {
      void safeRun();
      job = new Cron(RETENTION_CRON, { timezone: 'UTC', protect: true }, () => void safeRun());
    },
    async stop() {
      job?.stop();
      await running;
    },
    nextRun: () => job?.nextRun() ?? null,
  };
}

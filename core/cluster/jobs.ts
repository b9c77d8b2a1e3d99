// Background jobs of the deployment: a battle's timed close at its deadline, and periodic work (the leaderboard
// schedules' check, campaigns' final reports, the screening of battles for personal data before they are exported, and
// retention) that one process, not every process, should do. With several processes they are BullMQ jobs in
// Redis: retried with backoff when they fail, and a job whose process died while running it is taken over by another
// process once its lock lapses (BullMQ's stalled-job check). One process runs them on timers; the arena's sweep closes
// overdue battles in every case, so a lost timer only delays a close until the next sweep.
import { Cron } from 'croner';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { JobQueueDepth } from '../metrics';

export interface JobHandlers {
  /** Closes the battle if it is still open and due (must be idempotent: the sweep may have closed it). */
  closeBattle(battleId: string): Promise<void>;
}

/** Every so many milliseconds, or at the times of a cron pattern (UTC). */
export type Schedule = number | { cron: string };

export interface Jobs {
  readonly kind: 'timers' | 'bullmq';
  /** Closes a battle at its deadline, once in the deployment. */
  closeAt(battleId: string, at: Date): Promise<void>;
  /**
   * Runs `work` on a schedule (every `ms`, or at the times of a UTC cron pattern) in one process of the deployment.
   * Call before start().
   */
  every(name: string, schedule: Schedule, work: () => Promise<void>): void;
  start(handlers: JobHandlers): Promise<void>;
  /** Stops taking jobs; a job running now finishes (bounded by the caller's stop deadline) or is taken over later. */
  close(): Promise<void>;
  /** Jobs by state, for the metrics (pnyx_job_queue_depth). */
  depth(): Promise<JobQueueDepth[]>;
}

/** One process: timers. A close missed (the process stopped) is made by the next start's sweep. */
export function createTimerJobs(log: Logger): Jobs {
  const timers = new Set<NodeJS.Timeout>();
  const periodic: Array<{ name: string; schedule: Schedule; work: () => Promise<void> }> = [];
  const crons: Cron[] = [];
  let handlers: JobHandlers | undefined;
  return {
    kind: 'timers',
    async closeAt(battleId, at) {
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          handlers?.closeBattle(battleId).catch((error: unknown) => log.error({ err: error, battle: battleId }, 'timed close failed; the sweep retries it'));
        },
        // setTimeout's longest delay is about 24.8 days; a later deadline is left to the sweep.
        Math.min(Math.max(0, at.getTime() - Date.now()), 2 ** 31 - 1),
      );
      timer.unref();
      timers.add(timer);
    },
    every(name, schedule, work) {
      periodic.push({ name, schedule, work });
    },
    async start(h) {
      handlers = h;
      for (const { name, schedule, work } of periodic) {
        let running = false;
        const tick = () => {
          if (running) return;
          running = true;
          work()
            .catch((error: unknown) => log.error({ err: error, job: name }, 'periodic job failed'))
            .finally(() => (running = false));
        };
        if (typeof schedule !== 'number') {
          crons.push(new Cron(schedule.cron, { timezone: 'UTC', unref: true }, tick));
          continue;
        }
        const timer = setInterval(tick, schedule);
        timer.unref();
        timers.add(timer);
      }
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const cron of crons.splice(0)) cron.stop();
    },
    depth: async () => [{ queue: 'timers', state: 'delayed', count: timers.size }],
  };
}

export interface BullJobsOptions {
  /** Redis key prefix (default "pnyx"): deployments, or tests, sharing one Redis keep apart. */
  prefix?: string;
  /** How long a job stays locked to a process that stopped renewing it before another takes it over (default 30 s). */
  lockMs?: number;
}

const QUEUE = 'pnyx-jobs';

/** Several processes: BullMQ on Redis. */
export async function createBullJobs(url: string, log: Logger, options: BullJobsOptions = {}): Promise<Jobs> {
  const [{ Queue, Worker }, { connectRedis }] = await Promise.all([import('bullmq'), import('./redis')]);
  const prefix = options.prefix ?? 'pnyx';
  // BullMQ's workers block on Redis: they need their own connection, with no cap on retries per request.
  const queueConnection: Redis = connectRedis(url, log, 'pnyx-jobs-queue', { maxRetriesPerRequest: null });
  const workerConnection: Redis = connectRedis(url, log, 'pnyx-jobs-worker', { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE, { connection: queueConnection, prefix });
  queue.on('error', (error: Error) => log.warn({ reason: error.message }, 'job queue error'));
  const periodic = new Map<string, { schedule: Schedule; work: () => Promise<void> }>();
  let worker: InstanceType<typeof Worker> | undefined;

  return {
    kind: 'bullmq',
    async closeAt(battleId, at) {
      // The battle's id is the job's: a second call (a retry, another process) does not add a second close.
      await queue
        .add('close-battle', { battleId }, {
          jobId: `close-${battleId}`,
          delay: Math.max(0, at.getTime() - Date.now()),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: true,
          removeOnFail: 1_000,
        })
        .catch((error: unknown) => log.warn({ err: error, battle: battleId }, 'timed close not queued; the sweep closes it'));
    },
    every(name, schedule, work) {
      periodic.set(name, { schedule, work });
    },
    async start(handlers) {
      for (const [name, { schedule }] of periodic) {
        // One scheduler per name in the whole deployment, whichever process registers it: one run per period.
        const repeat = typeof schedule === 'number' ? { every: schedule } : { pattern: schedule.cron, tz: 'UTC' };
        await queue.upsertJobScheduler(name, repeat, { name, opts: { removeOnComplete: true, removeOnFail: 100 } });
      }
      worker = new Worker(
        QUEUE,
        async (job) => {
          if (job.name === 'close-battle') return handlers.closeBattle(String((job.data as { battleId: unknown }).battleId));
          const task = periodic.get(job.name);
          if (task) return task.work();
          log.warn({ job: job.name }, 'unknown job skipped');
        },
        { connection: workerConnection, prefix, concurrency: 8, lockDuration: options.lockMs ?? 30_000, stalledInterval: options.lockMs ?? 30_000 },
      );
      worker.on('failed', (job, error) => log.warn({ job: job?.name, id: job?.id, attempts: job?.attemptsMade, reason: error.message }, 'job failed; retried with backoff'));
      worker.on('error', (error: Error) => log.warn({ reason: error.message }, 'job worker error'));
    },
    async close() {
      // A job still running after a moment is left behind: its connection closes, its lock is no longer renewed, and
      // another process takes the job over once the lock lapses (BullMQ's close waits for running jobs, without end).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([worker?.close().catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, 3_000)))]);
      clearTimeout(timer);
      workerConnection.disconnect();
      await Promise.race([queue.close().catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000)))]);
      clearTimeout(timer);
      queueConnection.disconnect();
    },
    async depth() {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'failed');
      return Object.entries(counts).map(([state, count]) => ({ queue: QUEUE, state, count }));
    },
  };
}

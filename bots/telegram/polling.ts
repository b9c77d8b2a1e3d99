// Long polling that loses nothing. Telegram forgets an update once a later getUpdates passes its offset, so the order
// is: fetch a batch → store it durably (the core's inbox, core/engine/deliveries.ts) → only then ask for the next batch
// with the offset past it → handle the stored updates, many at once. A process killed at any instant leaves every
// update either unconfirmed (Telegram sends it again) or stored (another process, or the next start, handles it).
// @grammyjs/runner, used before, confirmed a batch as soon as it fetched the next one, with up to 500 handlers in
// flight: a kill at that moment lost hundreds of votes.
import type { Api } from 'grammy';
import { GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import type { OutageMonitor } from './retry';
import { checkUpdate } from './updates';

export interface PollerOptions {
  api: Api;
  log: Logger;
  monitor: OutageMonitor;
  allowedUpdates: readonly string[];
  /** Stores updates durably; resolves with the ids that were new (the others were stored or handled before). */
  store(updates: readonly Update[]): Promise<Set<number>>;
  /** Handles one stored update (the adapter's middleware, then the core). */
  handle(update: Update): Promise<void>;
  /** Updates handled at once. */
  concurrency?: number;
  /** Called when polling cannot go on (a revoked token; another process polling this bot). */
  onFatal(error: unknown): void;
}

export interface Poller {
  /** Polling and Telegram answering. */
  ready(): boolean;
  /** Stops fetching, waits (bounded) for updates being handled, confirms the last offset (bounded). */
  stop(timeoutMs: number): Promise<void>;
}

/** Seconds Telegram holds an empty getUpdates open. */
const LONG_POLL_SECONDS = 25;
/** Handled updates waiting beyond this pause fetching (a burst is taken in, not read faster than it is handled). */
const BACKLOG_HIGH = 1_000;

export function startPolling(options: PollerOptions): Poller {
  const { api, log, monitor } = options;
  const queue = new PQueue({ concurrency: options.concurrency ?? 64 });
  const controller = new AbortController();
  let offset = 0;
  let confirmed = 0;
  let running = true;
  let polling = false;

  const takeBatch = async (updates: Update[]) => {
    const valid: Update[] = [];
    for (const update of updates) {
      const checked = checkUpdate(update);
      if (checked.ok) valid.push(update);
      else log.warn({ update: checked.updateId, problems: checked.problems }, 'telegram: malformed update dropped');
    }
    // Durable first; the next getUpdates (with the offset past this batch) is what tells Telegram to forget them.
    const fresh = valid.length ? await options.store(valid) : new Set<number>();
    for (const update of valid) {
      if (!fresh.has(update.update_id)) continue;
      void queue.add(() =>
        options.handle(update).catch((error: unknown) => log.error({ err: error, update: update.update_id }, 'telegram: update handling failed')),
      );
    }
    offset = Math.max(offset, ...updates.map((u) => u.update_id + 1));
  };

  const loop = async () => {
    let backoff = 500;
    while (running) {
      try {
        if (queue.size > BACKLOG_HIGH) await queue.onSizeLessThan(BACKLOG_HIGH / 2);
        polling = true;
        const updates = await api.getUpdates({ offset, limit: 100, timeout: LONG_POLL_SECONDS, allowed_updates: [...options.allowedUpdates] as never }, controller.signal as never);
        confirmed = offset;
        monitor.up();
        backoff = 500;
        if (updates.length) await takeBatch(updates);
      } catch (error) {
        polling = false;
        if (!running) break;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409)) {
          running = false;
          log.fatal(
            { err: error },
            error.error_code === 409
              ? 'telegram: another process is receiving updates for this bot token (409); run one poller, or use a webhook for several processes'
              : 'telegram: the bot token was revoked (401)',
          );
          options.onFatal(error);
          break;
        }
        // Storing the batch failed (the database is down): nothing was confirmed; the same batch comes back.
        monitor.down(error);
        await new Promise((resolve) => setTimeout(resolve, backoff));
        backoff = Math.min(30_000, backoff * 2);
      }
    }
    polling = false;
  };
  const done = loop();

  return {
    ready: () => running && polling && monitor.reachable(),
    async stop(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      running = false;
      controller.abort();
      await done;
      // What is being handled gets the time left (less a moment to confirm); what is not stored but not finished
      // stays in the inbox for the next start.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([queue.onIdle(), new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now() - 2_000))))]);
      clearTimeout(timer);
      if (offset > confirmed) {
        // Everything up to `offset` is stored: tell Telegram, or a restart gets them again (they would be skipped as
        // known, but why fetch them). Bounded: an outage must not hold the shutdown.
        const stop = AbortSignal.timeout(Math.max(100, Math.min(2_000, deadline - Date.now())));
        await api.getUpdates({ offset, limit: 1, timeout: 0 }, stop as never).catch(() => undefined);
      }
    },
  };
}

// How the bot talks to the Bot API when things go wrong. One transformer around every call (grammY's `api.config.use`):
// a 429 waits Telegram's `retry_after`; a 5xx or a network failure backs off (0.5 s doubling, at most 30 s between
// tries, so service resumes within 30 s of Telegram's return); every call gives up after a bounded time, and an
// aborted call (shutdown) stops at once. @grammyjs/auto-retry, used before, retried network errors forever with a
// backoff growing to an hour: a 50 s outage left the bot deaf 43 s more, and a SIGTERM during an outage never ended.
//
// The outage monitor says so in the log: a warning at the first failure (well within 10 s), a reminder every minute,
// and one line when the Bot API answers again.
import { GrammyError, HttpError, type Transformer } from 'grammy';
import type { Logger } from 'pino';
import { metrics } from '../../core/metrics';

export interface RetryOptions {
  /** Longest pause between two tries of one call. */
  maxBackoffMs?: number;
  /** A call gives up after this long in all (its last error is thrown). */
  giveUpAfterMs?: number;
  /** Longest `retry_after` worth waiting for; a longer one is thrown at once (the caller decides). */
  maxRetryAfterMs?: number;
  /** Methods not retried here (the poller runs its own loop around getUpdates). */
  passThrough?: readonly string[];
}

export interface OutageMonitor {
  /** A call got an answer from Telegram (any answer but a 5xx). */
  up(): void;
  /** A call did not reach Telegram, or got a 5xx. */
  down(error: unknown): void;
  /** Telegram answers (no failure since the last answer). */
  reachable(): boolean;
}

const REMIND_EVERY_MS = 60_000;

/** What to log of an error: its kind and message, never the URL (it holds the token). */
function describe(error: unknown): string {
  if (error instanceof GrammyError) return `${error.error_code} ${error.description}`;
  if (error instanceof HttpError) return `network: ${(error.error as Error | undefined)?.message ?? 'request failed'}`;
  return error instanceof Error ? error.message : String(error);
}

export function createOutageMonitor(log: Logger, what = 'telegram: Bot API'): OutageMonitor {
  let downSince: number | null = null;
  let reminded = 0;
  return {
    up() {
      if (downSince === null) return;
      log.info({ downForSeconds: Math.round((Date.now() - downSince) / 1000) }, `${what} reachable again`);
      downSince = null;
    },
    down(error) {
      const now = Date.now();
      if (downSince === null) {
        downSince = reminded = now;
        log.warn({ error: describe(error) }, `${what} unreachable; retrying (at most 30 s apart)`);
      } else if (now - reminded >= REMIND_EVERY_MS) {
        reminded = now;
        log.warn({ error: describe(error), downForSeconds: Math.round((now - downSince) / 1000) }, `${what} still unreachable; retrying`);
      }
    },
    reachable: () => downSince === null,
  };
}

/** grammY's signals are the platform's AbortSignal or a polyfill's: only `aborted` and the event are relied on. */
interface SignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

const sleep = (ms: number, signal?: SignalLike) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function retryTransformer(monitor: OutageMonitor, options: RetryOptions = {}): Transformer {
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const giveUpAfterMs = options.giveUpAfterMs ?? 120_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const passThrough = new Set(options.passThrough ?? []);
  return async (prev, method, payload, signal) => {
    const started = Date.now();
    let backoff = 500;
    for (;;) {
      let answer: Awaited<ReturnType<typeof prev>> | undefined;
      let failure: unknown;
      try {
        answer = await prev(method, payload, signal);
      } catch (error) {
        if (signal?.aborted || !(error instanceof HttpError)) throw error;
        failure = error;
      }
      if (answer) {
        if (answer.ok || answer.error_code < 500) monitor.up();
        if (answer.ok) return answer;
        if (answer.error_code === 429) {
          metrics.platformRateLimited('telegram');
          const waitMs = (answer.parameters?.retry_after ?? 1) * 1000;
          if (passThrough.has(method) || waitMs > maxRetryAfterMs || Date.now() - started + waitMs > giveUpAfterMs) return answer;
          await sleep(waitMs, signal);
          continue;
        }
        if (answer.error_code < 500) return answer;
        failure = new GrammyError(`Call to '${method}' failed!`, answer, method, payload);
      }
      monitor.down(failure);
      if (passThrough.has(method) || Date.now() - started + backoff > giveUpAfterMs) {
        if (answer) return answer;
        throw failure;
      }
      await sleep(backoff, signal);
      backoff = Math.min(maxBackoffMs, backoff * 2);
    }
  };
}

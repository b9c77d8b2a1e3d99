// "Can this process do its work right now?" for a load balancer or an orchestrator: the database answers, Redis
// answers (when configured), and every platform adapter is connected. Each check gets a short deadline so the probe
// itself never hangs; its answer names what is not ready. Causes go to the log (once per change), not into the
// answer, which may be reachable from outside and must not show hosts or credentials.
import type { Logger } from 'pino';

/** Resolves (any value) or returns true when ready; false or a throw means not ready. */
export type Check = () => Promise<unknown> | unknown;

export interface CheckResult {
  ok: boolean;
  /** Why not, in a few words an operator can act on: "timed out", "failed", "not connected", "starting". */
  reason?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
  /** The names of the checks that failed, for a quick look. */
  notReady: string[];
}

export interface Readiness {
  /** Adds or replaces a check; its name is what the report shows. */
  set(name: string, check: Check): void;
  remove(name: string): void;
  /** Runs every check at once. */
  report(): Promise<ReadinessReport>;
}

export interface ReadinessOptions {
  /** Longest wait for one check (default 2 s: a probe answers well within a load balancer's timeout). */
  timeoutMs?: number;
  log?: Logger;
}

/** A failed check: the reason is shown, the cause (if any) only logged. */
export class NotReady extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

export function createReadiness(options: ReadinessOptions = {}): Readiness {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const checks = new Map<string, Check>();
  // Logged when a check changes state, so a flapping dependency shows in the log without a line per probe.
  const last = new Map<string, boolean>();

  const run = async (name: string, check: Check): Promise<CheckResult> => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<CheckResult>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: 'timed out' }), timeoutMs);
    });
    const attempt = (async (): Promise<CheckResult & { cause?: unknown }> => {
      try {
        const value = await check();
        return value === false ? { ok: false, reason: 'not connected' } : { ok: true };
      } catch (error) {
        return { ok: false, reason: error instanceof NotReady ? error.reason : 'failed', cause: error instanceof NotReady ? error.cause : error };
      }
    })();
    const { cause, ...result } = (await Promise.race([attempt, deadline])) as CheckResult & { cause?: unknown };
    clearTimeout(timer);
    if (last.get(name) !== result.ok) {
      if (!result.ok) options.log?.warn({ check: name, reason: result.reason, err: cause }, 'not ready');
      else if (last.has(name)) options.log?.info({ check: name }, 'ready again');
      last.set(name, result.ok);
    }
    return result;
  };

  return {
    set: (name, check) => void checks.set(name, check),
    remove: (name) => void checks.delete(name),
    async report() {
      const results = await Promise.all([...checks].map(async ([name, check]) => [name, await run(name, check)] as const));
      const notReady = results.filter(([, r]) => !r.ok).map(([name]) => name);
      return { ready: notReady.length === 0, checks: Object.fromEntries(results), notReady };
    },
  };
}

export interface RedisCheck {
  check: Check;
  close(): Promise<void>;
}

/**
 * Pings Redis on a connection of its own, kept open and reconnecting in the background, so a probe costs one round
 * trip and says "not connected" at once while Redis is away instead of queueing the ping until it returns.
 */
export async function redisCheck(url: string): Promise<RedisCheck> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectionName: 'pnyx-readiness',
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
  });
  // Reconnecting is its job; the probe reports the state, so the errors themselves are not news.
  redis.on('error', () => undefined);
  return {
    async check() {
      if (redis.status !== 'ready') throw new NotReady('not connected');
      await redis.ping();
    },
    async close() {
      redis.disconnect();
    },
  };
}

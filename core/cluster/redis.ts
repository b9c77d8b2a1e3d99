// The Redis connection several processes share state through (REDIS_URL). Reconnects on its own, backing off to at most
// 30 s between tries; an outage is logged once when it starts (warn) and once when it ends, not on every retry.
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/** Longest wait between two reconnection attempts (issue 10: service resumes within 30 s of the dependency's return). */
const MAX_RECONNECT_DELAY_MS = 30_000;

export function connectRedis(url: string, log: Logger, name: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    retryStrategy: (attempt) => Math.min(250 * 2 ** Math.min(attempt, 8), MAX_RECONNECT_DELAY_MS),
    ...options,
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    // The URL may hold a password: log the error's code and message only, never the URL.
    log.warn({ redis: name, code: (error as NodeJS.ErrnoException).code, reason: error.message }, 'Redis unreachable; retrying');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log.info({ redis: name }, 'Redis reachable again');
  });
  return redis;
}

// Shared state in Redis, for several processes (REDIS_URL): rate limits by rate-limiter-flexible's Redis limiter (with
// the in-memory one as insurance while Redis is unreachable: people are limited per process rather than not at all), a
// chat's line of battles as a sorted set every process reads, one-a-minute notices by SET NX PX, and chat changes
// announced on a pub/sub channel.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { PnyxConfig } from '../config/schema';
import type { ChatSlots } from '../engine/chat-slots';
import { rateLimitsFrom } from '../engine/rate-limits';
import { connectRedis } from './redis';
import { ANNOUNCED_CHAT_ROW_TTL_MS, type SharedState } from './shared-state';

const DEFAULT_PREFIX = 'pnyx:';
/**
 * A ticket in a chat's line lives this long without its process renewing it: a process that dies holding a slot
 * frees it within this time, and the battles behind it move up.
 */
const DEFAULT_TICKET_TTL_MS = 15_000;
/** How often a waiting battle looks whether its turn came (a release also wakes waiters of this process at once). */
const POLL_MS = 150;

/**
 * KEYS[1] the chat's line (ticket → arrival order), KEYS[2] the tickets' deadlines (ticket → ms), KEYS[3] the arrival
 * counter. ARGV: ticket, capacity, now, deadline, key ttl. Adds the ticket if new (at the end of the line), renews it,
 * drops tickets whose process is gone, and answers the ticket's place: below capacity, it runs.
 */
const TAKE_PLACE = `
redis.call('PEXPIRE', KEYS[1], ARGV[5]); redis.call('PEXPIRE', KEYS[2], ARGV[5]); redis.call('PEXPIRE', KEYS[3], ARGV[5])
local gone = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
for _, t in ipairs(gone) do redis.call('ZREM', KEYS[1], t); redis.call('ZREM', KEYS[2], t) end
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[3]), ARGV[1]) end
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
return redis.call('ZRANK', KEYS[1], ARGV[1])
`;

interface Scripts {
  takePlace(line: string, deadlines: string, counter: string, ticket: string, capacity: number, now: number, deadline: number, ttl: number): Promise<number>;
}

function redisSlots(redis: Redis, log: Logger, TICKET_TTL_MS: number, PREFIX: string): ChatSlots & { close(): void } {
  redis.defineCommand('takePlace', { numberOfKeys: 3, lua: TAKE_PLACE });
  const scripts = redis as unknown as Scripts;
  const keys = (chatId: string) => [`${PREFIX}line:{${chatId}}`, `${PREFIX}line-deadlines:{${chatId}}`, `${PREFIX}line-counter:{${chatId}}`] as const;
  /** This process's tickets (waiting or running), renewed together. */
  const mine = new Map<string, { chatId: string; capacity: number }>();
  const wakers = new Set<() => void>();
  const renew = setInterval(() => {
    for (const [ticket, { chatId, capacity }] of mine) {
      const [line, deadlines, counter] = keys(chatId);
      const now = Date.now();
      scripts.takePlace(line, deadlines, counter, ticket, capacity, now, now + TICKET_TTL_MS, TICKET_TTL_MS * 2).catch((error: unknown) => log.warn({ err: error, chat: chatId }, 'battle line not renewed; retrying'));
    }
  }, TICKET_TTL_MS / 3);
  renew.unref();

  const place = async (chatId: string, ticket: string, capacity: number): Promise<number> => {
    const [line, deadlines, counter] = keys(chatId);
    const now = Date.now();
    return Number(await scripts.takePlace(line, deadlines, counter, ticket, capacity, now, now + TICKET_TTL_MS, TICKET_TTL_MS * 2));
  };

  return {
    async enter(chatId, capacity) {
      if (capacity === Infinity) return { ahead: 0, turn: async () => undefined, free: () => undefined };
      const ticket = randomUUID();
      const [line, deadlines] = keys(chatId);
      mine.set(ticket, { chatId, capacity });
      let rank: number;
      try {
        rank = await place(chatId, ticket, capacity);
      } catch (error) {
        // Redis is unreachable: better one battle too many in a chat than battles that never start.
        log.warn({ err: error, chat: chatId }, 'battle line unreachable; the battle runs without waiting');
        rank = 0;
      }
      let freed = false;
      return {
        ahead: Math.max(0, rank - capacity + 1),
        async turn() {
          while (rank >= capacity && !freed) {
            await new Promise<void>((resolve) => {
              const wake = () => {
                clearTimeout(timer);
                wakers.delete(wake);
                resolve();
              };
              const timer = setTimeout(wake, POLL_MS);
              wakers.add(wake);
            });
            try {
              rank = await place(chatId, ticket, capacity);
            } catch (error) {
              log.warn({ err: error, chat: chatId }, 'battle line unreachable; the battle runs without waiting');
              return;
            }
          }
        },
        free() {
          if (freed) return;
          freed = true;
          mine.delete(ticket);
          void redis
            .multi()
            .zrem(line, ticket)
            .zrem(deadlines, ticket)
            .exec()
            .then(() => {
              for (const wake of [...wakers]) wake();
            })
            .catch((error: unknown) => log.warn({ err: error, chat: chatId }, 'battle slot not given back; it lapses on its own'));
        },
      };
    },
    close() {
      clearInterval(renew);
      for (const wake of [...wakers]) wake();
    },
  };
}

/** Closes politely when connected (pending replies arrive), at once otherwise: a QUIT would wait for a reconnection. */
async function leave(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') return redis.disconnect();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([redis.quit().catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000)))]);
  clearTimeout(timer);
  redis.disconnect();
}

/** Waits a few seconds for the first connection; a Redis still down then is logged and the process goes on. */
async function ready(redis: Redis, log: Logger, ms = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  let timer: NodeJS.Timeout | undefined;
  const connected = await Promise.race([
    new Promise<boolean>((resolve) => redis.once('ready', () => resolve(true))),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]);
  clearTimeout(timer);
  if (!connected) log.warn('Redis not reachable at start; shared limits fall back to this process until it is');
}

/**
 * The next free moment under a pacing key, taken atomically: max(now, the key's next free moment), which then moves
 * one interval on. Redis's own clock, so that processes on hosts whose clocks differ still space their calls. Returns
 * the milliseconds to wait. The key lapses once idle.
 */
const PACE_SLOT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, nextAt)
redis.call('SET', KEYS[1], at + interval, 'PX', at + interval - now + 60000)
return at - now
`;

export interface RedisStateOptions {
  /** How long a dead process's place in a chat's line is kept (default 15 s). */
  ticketTtlMs?: number;
  /** Keys start with this (default "pnyx:"): deployments, or tests, sharing one Redis keep apart. */
  prefix?: string;
}

export async function createRedisSharedState(url: string, config: PnyxConfig, log: Logger, options: RedisStateOptions = {}): Promise<SharedState> {
  const PREFIX = options.prefix ?? DEFAULT_PREFIX;
  const CHAT_CHANGED = `${PREFIX}chat-changed`;
  // No offline queue: while Redis is unreachable a command fails at once (and the fallback above it applies) instead of
  // holding an event until the connection is back.
  const redis = connectRedis(url, log, 'pnyx-state', { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  const subscriber = connectRedis(url, log, 'pnyx-events');
  await ready(redis, log);
  const limiter = (name: string, points: number) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${PREFIX}rate:${name}`,
      points,
      duration: 60,
      insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
    });
  const slots = redisSlots(redis, log, options.ticketTtlMs ?? DEFAULT_TICKET_TTL_MS, PREFIX);
  const listeners: Array<(platform: string, externalId: string) => void> = [];
  const origin = randomUUID();
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== CHAT_CHANGED) return;
    try {
      const { platform, externalId, from } = JSON.parse(message) as { platform: unknown; externalId: unknown; from: unknown };
      // This process changed it itself and already holds the new row.
      if (from === origin || typeof platform !== 'string' || typeof externalId !== 'string') return;
      for (const listener of listeners) listener(platform, externalId);
    } catch {
      log.warn({ channel }, 'unreadable chat change announcement ignored');
    }
  });
  // Subscribed once the connection is ready (a SUBSCRIBE queued before it puts the connection in subscriber mode ahead
  // of ioredis's own start-up commands, which Redis then refuses), and again by ioredis after every reconnection; not
  // awaited, so a Redis down at start does not hold the start. It may be ready already (it connected while the state
  // connection was awaited above): waiting for its "ready" then would miss every announcement until a reconnection.
  const subscribe = () =>
    void subscriber.subscribe(CHAT_CHANGED).catch((error: unknown) => log.warn({ err: error }, 'chat change announcements not subscribed; retried on reconnection'));
  if (subscriber.status === 'ready') subscribe();
  else subscriber.once('ready', subscribe);
  return {
    kind: 'redis',
    rateLimits: rateLimitsFrom({ person: limiter('person', config.battle.perUserPerMinute), chat: limiter('chat', config.battle.perChatPerMinute) }),
    slots,
    async firstWithin(key, ttlMs) {
      try {
        return (await redis.set(`${PREFIX}once:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
      } catch (error) {
        // Unreachable: say it (a notice too many is better than a person left without an answer).
        log.warn({ err: error }, 'shared notice memory unreachable; notice sent');
        return true;
      }
    },
    async paceSlot(key, intervalMs) {
      try {
        return Number(await redis.eval(PACE_SLOT, 1, `${PREFIX}pace:${key}`, intervalMs));
      } catch (error) {
        // Unreachable: this process's own pace still holds; the platform's 429s are retried by the adapter.
        log.debug({ err: error }, 'shared pace unreachable; this process paces alone');
        return 0;
      }
    },
    chatChanged(platform, externalId) {
      redis.publish(CHAT_CHANGED, JSON.stringify({ platform, externalId, from: origin })).catch((error: unknown) => log.warn({ err: error }, 'chat change not announced; other processes see it within their cache time'));
    },
    onChatChanged(listener) {
      listeners.push(listener);
    },
    chatRowTtlMs: ANNOUNCED_CHAT_ROW_TTL_MS,
    async close() {
      slots.close();
      await Promise.allSettled([leave(subscriber), leave(redis)]);
    },
  };
}

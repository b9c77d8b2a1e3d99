// How many battles one person and one chat may start per minute. One interface, so that several processes can share
// their counts (rate-limiter-flexible's Redis backend) where one process keeps them in memory.
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { PnyxConfig } from '../config/schema';

export type LimitScope = 'person' | 'chat';

export interface RateLimits {
  /** Counts one battle against `key`: 0 when it is allowed, else how long (ms) until the next one is. */
  consume(scope: LimitScope, key: string): Promise<number>;
}

/** Limits from any rate-limiter-flexible limiters (memory, Redis, …). */
export function rateLimitsFrom(limiters: Record<LimitScope, RateLimiterAbstract>): RateLimits {
  return {
    async consume(scope, key) {
      try {
        await limiters[scope].consume(key);
        return 0;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return Math.max(1, rejection.msBeforeNext);
      }
    },
  };
}

export function createMemoryRateLimits(config: PnyxConfig): RateLimits {
  return rateLimitsFrom({
    person: new RateLimiterMemory({ points: config.battle.perUserPerMinute, duration: 60 }),
    chat: new RateLimiterMemory({ points: config.battle.perChatPerMinute, duration: 60 }),
  });
}

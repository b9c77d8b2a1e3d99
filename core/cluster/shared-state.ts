// What the processes of one Pnyx deployment must agree on besides the database: how many battles each person and chat
// started this minute, which battles of a busy chat run now and which wait, whether a public notice already went out
// this minute, when a chat may next be posted to or edited, and that a chat's settings just changed. One process keeps it in memory (the default); several share it
// in Redis (REDIS_URL, core/cluster/redis-state.ts), with the same interface so the engine never knows which.
import type { PnyxConfig } from '../config/schema';
import { createChatSlots, type ChatSlots } from '../engine/chat-slots';
import { createMemoryRateLimits, type RateLimits } from '../engine/rate-limits';

export interface SharedState {
  readonly kind: 'memory' | 'redis';
  rateLimits: RateLimits;
  /** Battles running and waiting per chat (a chat's message budget allows only a few at once). */
  slots: ChatSlots;
  /** True for the first caller with `key` within `ttlMs` (in every process), false for the others. */
  firstWithin(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Reserves the next moment this process may post or edit under a pacing key (a chat, or a chat's thread), at least
   * `intervalMs` after the deployment's previous one there; resolves with how long to wait for it. Every process's
   * edits of one chat (ballots counted by whichever process got the vote) then keep to the platform's pace together.
   */
  paceSlot(key: string, intervalMs: number): Promise<number>;
  /** Tells the other processes that this one changed a chat's row (settings, id): they drop it from their cache. */
  chatChanged(platform: string, externalId: string): void;
  /** Hears another process's chatChanged. */
  onChatChanged(listener: (platform: string, externalId: string) => void): void;
  /**
   * How long a process may keep a chat's row: a second when nothing tells it of changes made elsewhere (several
   * processes on one database without Redis), longer when every change is announced.
   */
  readonly chatRowTtlMs: number;
  close(): Promise<void>;
}

/** Without announcements, another process's settings change is seen after at most this long. */
export const POLLED_CHAT_ROW_TTL_MS = 1_000;
/** With announcements, rows are still read again now and then (a missed message, a change made by hand in SQL). */
export const ANNOUNCED_CHAT_ROW_TTL_MS = 30_000;

export function createMemorySharedState(config: PnyxConfig): SharedState {
  const seen = new Map<string, number>();
  return {
    kind: 'memory',
    rateLimits: createMemoryRateLimits(config),
    slots: createChatSlots(),
    async firstWithin(key, ttlMs) {
      const now = Date.now();
      if ((seen.get(key) ?? 0) > now) return false;
      // Bounded: entries past their time are dropped in bulk when the map grows.
      if (seen.size > 10_000) for (const [k, until] of seen) if (until <= now) seen.delete(k);
      seen.set(key, now + ttlMs);
      return true;
    },
    // One process: its presenter's own queue per key already keeps the pace.
    paceSlot: async () => 0,
    // One process: no other process to tell.
    chatChanged() {},
    onChatChanged() {},
    chatRowTtlMs: POLLED_CHAT_ROW_TTL_MS,
    async close() {},
  };
}

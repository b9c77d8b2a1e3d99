// Each platform delivery is handled once, whichever process receives it and however often the platform sends it:
// its delivery id is claimed in the database before the event is handled, and the acknowledgement given is recorded
// (in batches: a redelivery comes seconds later, not microseconds) so that a redelivery gets the same answer.
import { z } from 'zod';
import type { Ack, PnyxEvent } from '../port/types';
import type { ArenaContext } from './context';

const FLUSH_MS = 50;
const BATCH = 128;
/** A claim covers computing the acknowledgement (milliseconds); past this its process is taken to be gone. */
const CLAIM_LEASE_MS = 15_000;
/** A stored delivery is left to the process that stored it (it handles it at once) for this long. */
const STORED_GRACE_MS = 5_000;
/** Deliveries handed back per sweep, per platform. */
const REPLAY_BATCH = 50;

/** The part of an acknowledgement worth answering a redelivery with (no images, no promises). */
const StoredAck = z
  .object({
    notice: z.object({ text: z.string(), alert: z.boolean().optional(), buttons: z.array(z.array(z.object({ label: z.string(), data: z.string(), style: z.enum(['primary', 'secondary', 'danger', 'success']).optional() }))).optional() }).optional(),
    replace: z.object({ text: z.string(), buttons: z.array(z.array(z.object({ label: z.string(), data: z.string(), style: z.enum(['primary', 'secondary', 'danger', 'success']).optional() }))).optional(), role: z.enum(['prompt', 'reply', 'ballot', 'board', 'menu', 'info']).optional() }).optional(),
  })
  .passthrough();

export interface Deliveries {
  /**
   * Fresh: handle the event (`replay`: a process that claimed it before died mid-way, part of its work may be done).
   * Not fresh: it was handled (or is being handled) already; `ack` is what was answered.
   */
  claim(event: PnyxEvent): Promise<{ fresh: boolean; replay: boolean; ack: Ack }>;
  /** Stores an adapter's raw deliveries before it confirms them to the platform; the ids that were new. */
  store(platform: string, items: ReadonlyArray<{ delivery: string; payload: string }>): Promise<Set<string>>;
  /** Hands stored deliveries nobody finished back to their adapters (called by the arena's sweep). */
  replayPending(): Promise<void>;
  /** Records what the event was answered (batched). */
  complete(event: PnyxEvent, ack: Ack): void;
  flush(): Promise<void>;
  /** Forgets deliveries older than the configured retention. */
  purge(): Promise<void>;
}

export const deliveryKey = (event: PnyxEvent) => `${event.chat.platform}:${event.delivery}`;

export function createDeliveries(ctx: ArenaContext): Deliveries {
  const { store, log, inFlight, config } = ctx;
  const pending = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;

  const write = async () => {
    timer = undefined;
    const batch = [...pending.entries()].map(([key, ack]) => ({ key, ack }));
    pending.clear();
    if (batch.length === 0) return;
    try {
      await store.completeDeliveries(batch);
    } catch (error) {
      // Losing these only means a redelivery is answered with nothing instead of the first answer.
      log.warn({ err: error, deliveries: batch.length }, 'delivery acknowledgements not recorded');
    }
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const next = (writing ?? Promise.resolve()).then(write);
    writing = next;
    void next.finally(() => {
      if (writing === next) writing = undefined;
    });
    return inFlight.track(next);
  };

  return {
    async claim(event) {
      const now = new Date();
      const claim = await store.claimDelivery(deliveryKey(event), now, { owner: ctx.instance, until: new Date(now.getTime() + CLAIM_LEASE_MS) });
      if (claim.fresh) return { fresh: true, replay: claim.replay, ack: {} };
      let ack: Ack = {};
      if (claim.ack) {
        try {
          ack = StoredAck.parse(JSON.parse(claim.ack)) as Ack;
        } catch {
          ack = {};
        }
      }
      return { fresh: false, replay: false, ack };
    },
    async store(platform, items) {
      const fresh = await store.storeDeliveries(
        items.map((i) => ({ key: `${platform}:${i.delivery}`, payload: i.payload })),
        new Date(),
      );
      return new Set(fresh.map((key) => key.slice(platform.length + 1)));
    },
    async replayPending() {
      const now = new Date();
      for (const [platform, { port }] of ctx.ports) {
        if (!port.replay) continue;
        const pending = await store.pendingDeliveries(`${platform}:`, new Date(now.getTime() - STORED_GRACE_MS), now, REPLAY_BATCH);
        for (const delivery of pending) {
          log.warn({ platform, delivery: delivery.key }, 'a delivery nobody finished is handled again');
          try {
            await port.replay(delivery.payload);
          } catch (error) {
            log.error({ err: error, platform, delivery: delivery.key }, 'handling a stored delivery again failed');
          }
        }
      }
    },
    complete(event, ack) {
      const stored = JSON.stringify({
        // A person's data file is never stored: a redelivery gets the text only.
        ...(ack.notice ? { notice: { ...ack.notice, file: undefined } } : {}),
        ...(ack.replace ? { replace: { text: ack.replace.text, ...(ack.replace.buttons ? { buttons: ack.replace.buttons } : {}), ...(ack.replace.role ? { role: ack.replace.role } : {}) } } : {}),
      });
      pending.set(deliveryKey(event), stored);
      if (pending.size >= BATCH && !writing) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), FLUSH_MS);
        timer.unref();
      }
    },
    flush,
    async purge() {
      const before = new Date(Date.now() - config.engine.deliveryRetentionHours * 3_600_000);
      const purged = await store.purgeDeliveries(before);
      if (purged > 0) log.info({ purged }, 'old delivery records forgotten');
    },
  };
}

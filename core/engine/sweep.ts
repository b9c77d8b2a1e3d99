// The arena's sweep, run every few seconds: closes overdue battles, reaps lapsed leases, replays deliveries left owed
// and purges old ones. One sweep at a time.
import type { ArenaContext } from './context';
import type { Deliveries } from './deliveries';
import type { Leases } from './leases';
import type { Voting } from './voting';

/** Deliveries are purged at most this often (on the sweep). */
const PURGE_EVERY_MS = 60 * 60_000;

export interface SweepDeps {
  ctx: ArenaContext;
  voting: Pick<Voting, 'closeBattle'>;
  leases: Pick<Leases, 'reap'>;
  deliveries: Pick<Deliveries, 'replayPending' | 'purge'>;
}

/** The sweep; calling it while one runs returns the running one. */
export function createSweep({ ctx, voting, leases, deliveries }: SweepDeps): () => Promise<void> {
  const { store, log, inFlight } = ctx;
  let lastPurge = 0;
  let sweeping: Promise<void> | null = null;
  /** Battles this process is closing (a sweep comes round again before a close has been shown). */
  const closing = new Set<string>();
  const sweep = async () => {
    try {
      const now = new Date();
      // Each close is its own work: showing one waits for its chat's pace, which must not hold up the reaping below.
      for (const battle of await store.dueBattles(now)) {
        if (closing.has(battle.id)) continue;
        closing.add(battle.id);
        void ctx.spawn('close', () => voting.closeBattle(battle), { battle: battle.id }).finally(() => closing.delete(battle.id));
      }
      await leases.reap(now);
      await deliveries.replayPending();
      if (Date.now() - lastPurge > PURGE_EVERY_MS) {
        lastPurge = Date.now();
        await deliveries.purge();
      }
    } catch (error) {
      log.error({ err: error }, 'closing overdue battles failed');
    }
  };
  return () => {
    sweeping ??= inFlight.track(sweep()).finally(() => {
      sweeping = null;
    });
    return sweeping;
  };
}

// Work in progress that shutdown must wait for (event handling, deliveries, reference writes).
//
// Why a counter and not a Set of the promises: a long-lived Set's hash table is reallocated in old space every few
// add/delete pairs, and each table left behind still points at the promises it held, with their callbacks and the
// battle they reach. V8's young-generation GC treats every pointer out of old space as live, so those battles were
// copied and promoted at every scavenge (bench/engine.ts, BENCHMARKS.md "## Engine").

export interface PendingWork {
  /** Counts `promise` until it settles; returns it unchanged. */
  track<T>(promise: Promise<T>): Promise<T>;
  /** Resolves once nothing tracked is left (at once when nothing is). */
  idle(): Promise<void>;
  /** How many tracked promises have not settled yet. */
  count(): number;
}

export function createPendingWork(): PendingWork {
  let pending = 0;
  let waiting: Array<() => void> = [];
  const settled = () => {
    pending--;
    if (pending > 0 || waiting.length === 0) return;
    const resolve = waiting;
    waiting = [];
    for (const r of resolve) r();
  };
  return {
    track(promise) {
      pending++;
      promise.then(settled, settled);
      return promise;
    },
    idle() {
      return pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve));
    },
    count: () => pending,
  };
}

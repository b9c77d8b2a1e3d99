// Group commit for one kind of write on PostgreSQL: the calls made in one tick of the event loop go to the database as
// one statement. A statement there costs its own round trip, parse of its parameters and commit whatever it holds;
// under load many battles reach the same step in one tick (both replies of a battle with fast models, hundreds of
// battles a second), and SQLite's driver already shares one commit among a tick's writes (sqlite-driver.ts).
// Not DataLoader: it batches reads by key (deduplicated, cached); writes need two writes of one key kept in order and a
// failed batch retried item by item, so that one bad write does not fail its neighbours.

/** How one kind of write runs alone and as a batch. */
export interface TickBatchSpec<I, R> {
  /** One call's own statement: for a batch of one, and for each item again when its batch failed. */
  one(item: I): Promise<R>;
  /** The batch's statement; its results in the items' order. */
  many(items: I[]): Promise<R[]>;
  /** Items with the same key cannot share a statement (PostgreSQL refuses to change a row twice in one): a repeated key sends the batch before it. */
  key(item: I): string;
}

/**
 * A function whose calls in one tick are batched. A failing batch is retried item by item, so each caller gets its
 * own result or its own error (one bad item costs its neighbours a second round trip, never their write).
 */
export function tickBatch<I, R>(spec: TickBatchSpec<I, R>): (item: I) => Promise<R> {
  type Call = { item: I; key: string; resolve(result: R): void; reject(error: unknown): void };
  let pending: Call[] = [];
  let keys = new Set<string>();
  /** Per key, the batch that last wrote it, until it is done: a later write of that key waits for it (order kept). */
  const writing = new Map<string, Promise<unknown>>();

  const run = async (batch: Call[]) => {
    const earlier = batch.flatMap((call) => writing.get(call.key) ?? []);
    if (earlier.length > 0) await Promise.allSettled(earlier);
    if (batch.length === 1) {
      const [only] = batch;
      await spec.one(only!.item).then(only!.resolve, only!.reject);
      return;
    }
    // In key order: two processes' batches that share keys then take their rows in the same order, so neither waits on
    // a row the other holds while holding one it wants (a deadlock PostgreSQL would break after a second).
    const ordered = [...batch].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    try {
      const results = await spec.many(ordered.map((call) => call.item));
      ordered.forEach((call, i) => call.resolve(results[i]!));
    } catch {
      await Promise.all(batch.map((call) => spec.one(call.item).then(call.resolve, call.reject)));
    }
  };
  const flush = () => {
    const batch = pending;
    pending = [];
    keys = new Set();
    if (batch.length === 0) return;
    const done = run(batch);
    for (const call of batch) writing.set(call.key, done);
    void done.finally(() => {
      for (const call of batch) if (writing.get(call.key) === done) writing.delete(call.key);
    });
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      const key = spec.key(item);
      if (keys.has(key)) flush();
      if (pending.length === 0) process.nextTick(flush);
      pending.push({ item, key, resolve, reject });
      keys.add(key);
    });
}

// WAL checkpoints (copying the log back into the database, with two fsyncs) in a worker thread on its own
// connection, so that no battle waits for one: SQLite's automatic checkpoint runs inside whichever commit crosses its
// threshold, which took the engine's p99 from ≈2 to ≈6 ms (bench/engine.ts). The engine's connection keeps only a
// far backstop (AUTOCHECKPOINT_PAGES in sqlite-driver.ts).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints the WAL. */
const CHECKPOINT_EVERY_MS = 250;

// CommonJS (an eval'd worker); it only copies committed pages, never blocks writers (PASSIVE) and never throws.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 100');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

/** Starts the checkpointing worker; the returned function stops it (after one last checkpoint). */
export function startCheckpointer(file: string): () => Promise<void> {
  const worker = new Worker(CHECKPOINTER, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: CHECKPOINT_EVERY_MS },
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  worker.unref();
  // A worker that fails leaves checkpoints to the backstop; nothing else depends on it.
  worker.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping: Promise<void> | null = null;
  return () =>
    (stopping ??= (async () => {
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2_000);
      await exited;
      clearTimeout(timeout);
    })());
}

// Runs bootstrap rounds on worker threads as well as on the calling thread. Rounds are seeded one by one, so the
// result is identical to the single-threaded bootstrap whatever the split.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bootstrapRounds, type BootstrapProblem } from './math/bootstrap';
import type { PartialRead, RangeReader } from './readers/source-file';
import type { WorkerJob } from './worker';

export type BootstrapRunner = (problem: BootstrapProblem, rounds: number) => Promise<Float64Array>;

export interface BootstrapPool {
  run: BootstrapRunner;
  /** Reads whole JSONL lines in a byte range on a worker (pass as `helper` to readVotesFile). */
  readJsonlRange: RangeReader;
  close(): Promise<void>;
}

// The worker is TypeScript. Loading it through tsx's hooks (registered inside the worker: Node 20 does not pass the
// parent's loader hooks to workers) costs ~0.5 s of CPU per start — most of a JSONL read's budget. So it is bundled
// once into plain JavaScript with esbuild (which tsx brings along) and cached beside the other caches, keyed by the
// content of every source file in the bundle; a worker then starts in a few tens of milliseconds. Without esbuild or
// a writable cache the worker runs through tsx as before.
const here = fileURLToPath(new URL('.', import.meta.url));
const entry = join(here, 'worker.ts');
let bundled: string | null | undefined;

/** Our sources by content; installed packages (zod's hundred files) by size and time, which an install changes. */
function digest(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f).update('\0');
    if (f.includes(`${sep}node_modules${sep}`)) {
      const st = statSync(f);
      h.update(`${st.size}:${st.mtimeMs}`);
    } else h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

function cachedBundle(): string | null {
  if (bundled !== undefined) return bundled;
  bundled = null;
  let esbuildPath: string;
  try {
    esbuildPath = createRequire(import.meta.url).resolve('esbuild');
  } catch {
    return null; // no esbuild: tsx below
  }
  const nodeModules = esbuildPath.slice(0, esbuildPath.lastIndexOf(`${sep}node_modules${sep}`) + `${sep}node_modules`.length);
  const folders = [join(nodeModules, '.cache', 'pnyx'), join(tmpdir(), 'pnyx-cache')];
  for (const folder of folders) {
    // The manifest names the bundle and the sources it was built from; a change to any of them rebuilds it.
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'ranking-worker.json'), 'utf8')) as { entry: string; inputs: string[]; hash: string };
      const file = join(folder, `ranking-worker-${manifest.hash}.mjs`);
      if (manifest.entry === entry && digest(manifest.inputs) === manifest.hash && existsSync(file)) return (bundled = file);
    } catch {
      // no manifest yet, or a source file gone: build
    }
  }
  let build: { text: string; inputs: string[] };
  try {
    const esbuild = createRequire(import.meta.url)(esbuildPath) as typeof import('esbuild');
    const result = esbuild.buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: here,
    });
    build = { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs).map((f) => resolve(here, f)).sort() };
  } catch {
    return null;
  }
  const hash = digest(build.inputs);
  for (const folder of folders) {
    try {
      mkdirSync(folder, { recursive: true });
      const file = join(folder, `ranking-worker-${hash}.mjs`);
      // Written under temporary names and renamed: a concurrent process sees a whole file or none.
      writeFileSync(`${file}.${process.pid}.tmp`, build.text);
      renameSync(`${file}.${process.pid}.tmp`, file);
      const manifest = join(folder, 'ranking-worker.json');
      writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify({ entry, inputs: build.inputs, hash }));
      renameSync(`${manifest}.${process.pid}.tmp`, manifest);
      for (const old of readdirSync(folder)) {
        if (/^ranking-worker-[0-9a-f]+\.mjs$/.test(old) && join(folder, old) !== file) rmSync(join(folder, old), { force: true });
      }
      return (bundled = file);
    } catch {
      // read-only: try the next folder
    }
  }
  return null;
}

function startWorker(): Worker {
  const file = cachedBundle();
  // execArgv: [] — the bundle is plain JavaScript; inheriting `--import tsx` would load tsx in the worker after all.
  if (file) return new Worker(pathToFileURL(file), { execArgv: [] });
  const worker = pathToFileURL(entry).href;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(worker)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}

/**
 * A pool with `workers` helper threads (default: one per extra core). Create it early: starting a worker still costs
 * tens of milliseconds (a few hundred when it has to run through tsx), which can overlap with reading the votes.
 */
export function createBootstrapPool(workers?: number): BootstrapPool {
  const count = Math.max(0, workers ?? availableParallelism() - 1);
  const pool: Array<{ worker: Worker; dead: boolean; fail: ((e: Error) => void) | null }> = [];
  for (let i = 0; i < count; i++) {
    const slot = { worker: startWorker(), dead: false, fail: null as ((e: Error) => void) | null };
    const die = (e: Error) => {
      slot.dead = true;
      slot.fail?.(e);
    };
    // A worker that fails to start or crashes must neither crash the process nor leave a job waiting.
    slot.worker.on('error', die);
    slot.worker.on('exit', (code) => die(new Error(`ranking worker exited (${code})`)));
    slot.worker.unref();
    pool.push(slot);
  }
  // One job at a time per worker: later jobs wait for the previous one's answer. A job for an idle worker is posted
  // at once, not from a promise callback: the caller goes on to compute its own share synchronously, and a message
  // posted from a microtask would only leave after that share is done (leaving the worker idle all the while).
  const queues = pool.map(() => Promise.resolve() as Promise<unknown>);
  const waiting = pool.map(() => 0);
  const runOn = <T>(k: number, job: WorkerJob): Promise<T> => {
    const slot = pool[k]!;
    const post = () =>
      new Promise<T>((resolve, reject) => {
        if (slot.dead) {
          reject(new Error('ranking worker is not running'));
          return;
        }
        const w = slot.worker;
        const settle = () => {
          slot.fail = null;
          w.off('message', onMessage);
          w.unref();
        };
        const onMessage = (m: { ok: boolean; result?: T; error?: string }) => {
          settle();
          if (m.ok) resolve(m.result as T);
          else reject(new Error(`ranking worker: ${m.error ?? 'no result'}`));
        };
        slot.fail = (e) => {
          settle();
          reject(e);
        };
        w.on('message', onMessage);
        w.ref();
        w.postMessage(job);
      });
    const next = (waiting[k]! === 0 ? post() : queues[k]!.catch(() => undefined).then(post)).finally(() => {
      waiting[k] = waiting[k]! - 1;
    });
    waiting[k] = waiting[k]! + 1;
    queues[k] = next;
    return next;
  };

  return {
    async run(problem, rounds) {
      const n = problem.n;
      const out = new Float64Array(rounds * n);
      if (rounds === 0) return out;
      // The calling thread takes a share too; small jobs are not worth a message round trip.
      const threads = rounds * problem.size < 2_000 ? 1 : pool.length + 1;
      const per = Math.ceil(rounds / threads);
      const jobs: Array<Promise<void>> = [];
      for (let k = 1; k < threads; k++) {
        const from = Math.min(rounds, k * per);
        const to = Math.min(rounds, from + per);
        if (from >= to) continue;
        // A worker that cannot run (no tsx in a bundled deployment, a crash) only costs time: the rounds are redone
        // here, with the same seeds, so the result is the same.
        const local = () => {
          const slice = new Float64Array((to - from) * n);
          bootstrapRounds(problem, from, to, slice);
          return slice;
        };
        jobs.push(
          runOn<Float64Array>(k - 1, { kind: 'bootstrap', problem, from, to })
            .catch(local)
            .then((slice) => out.set(slice, from * n)),
        );
      }
      const mine = new Float64Array(Math.min(per, rounds) * n);
      bootstrapRounds(problem, 0, Math.min(per, rounds), mine);
      out.set(mine, 0);
      await Promise.all(jobs);
      return out;
    },
    async readJsonlRange(path, start, end, options) {
      const { readJsonlRange } = await import('./readers/source-file');
      if (!pool.length) return readJsonlRange(path, start, end, options);
      return runOn<PartialRead>(0, { kind: 'jsonl', path, start, end, options }).catch(() => readJsonlRange(path, start, end, options));
    },
    async close() {
      await Promise.all(pool.map((slot) => slot.worker.terminate()));
    },
  };
}

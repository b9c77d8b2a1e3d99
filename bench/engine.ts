// Engine benchmark: how many complete battles (prompt → two replies → one vote → close and reveal) one process runs
// per second, how much time the engine itself adds (everything but waiting for models), and how much memory 1,000
// battles in flight take. Models are in-process fakes that answer at once (or wait until released), the store is the
// one the app uses (core/store/sql-store.ts) on the database given, a temporary SQLite file by default, and the port is
// a no-op platform with no edit pacing, so the figures are the engine's and the store's own cost. Results and the
// machine go in BENCHMARKS.md ("## Engine").
//
//   npm run bench                      # defaults below, on a temporary SQLite file
//   npm run bench -- --battles 5000 --concurrency 64 --inflight 1000
//   npm run bench -- --database postgresql://postgres@127.0.0.1:5432/test   # a fresh schema, dropped afterwards
//   npm run bench -- --store memory    # a minimal in-process store: the engine alone
//   npm run bench -- --adapters        # with the Telegram, Discord and web ports attached too (idle)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { parseConfig } from '../core/config/load';
import { createArena, type ModelSource } from '../core/engine/arena';
import { createI18n } from '../core/i18n';
import type { ChatAddress, ChatPort, OutMessage } from '../core/port/types';
import type { GenerateRequest, GenerateResult, ModelCard } from '../core/providers/types';
import { openDatabase } from '../core/store/database';
import { createStore } from '../core/store/sql-store';
import type { BattleStore } from '../core/store/types';
import { quoteIdent } from '../core/store/url';
import { UNPACED_LIMITS } from '../test/fakes/recording-port';
import { idleAdapterPorts } from './adapters';
import { memoryStore } from './memory-store';

const { values: args } = parseArgs({
  options: {
    battles: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '32' },
    sequential: { type: 'string', default: '1000' },
    inflight: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '200' },
    /** Also time every store call during the one-at-a-time phase, to say which ones the engine waits on. */
    'store-profile': { type: 'boolean', default: false },
    /** 'database' (the app's store on --database) or 'memory' (a minimal in-process store: the engine alone). */
    store: { type: 'string', default: 'database' },
    /** Database URL; default a temporary SQLite file. A PostgreSQL URL gets a fresh schema, dropped afterwards. */
    database: { type: 'string' },
    /** Leave the fresh PostgreSQL schema in place afterwards (its pg_stat_user_tables/indexes say what the run did). */
    'keep-schema': { type: 'boolean', default: false },
    /** Also attach the Telegram, Discord and web ports, idle, as `npm start` with every platform does (bench/adapters.ts). */
    adapters: { type: 'boolean', default: false },
  },
});
const BATTLES = Number(args.battles);
const CONCURRENCY = Number(args.concurrency);
const SEQUENTIAL = Number(args.sequential);
const IN_FLIGHT = Number(args.inflight);
const WARMUP = Number(args.warmup);

const REPLY = 'A fixed reply of a few sentences, about as long as a short answer in a chat. It has no names in it. '.repeat(3);
const MODEL_IDS = ['bench-alpha', 'bench-beta', 'bench-gamma', 'bench-delta'];

// === Fake models: instant, or held until released ====================================================

let modelWaitMs = 0; // total time spent inside generate(), summed over calls (for the overhead figure)
let hold: Promise<void> | null = null;
let pendingGenerations = 0;

function fakeModels(): ModelSource {
  const cards: ModelCard[] = MODEL_IDS.map((id) => ({ id, provider: 'bench', displayName: id, demo: false, weight: 1 }));
  const client = (id: string) => ({
    id,
    async generate(req: GenerateRequest): Promise<GenerateResult> {
      const started = performance.now();
      if (hold) {
        pendingGenerations++;
        await hold;
        pendingGenerations--;
      }
      req.onText?.(REPLY);
      const latencyMs = performance.now() - started;
      modelWaitMs += latencyMs;
      return { text: REPLY, finishReason: 'stop', tokensIn: 12, tokensOut: 60, ttftMs: 0, latencyMs: Math.round(latencyMs) };
    },
  });
  const clients = new Map(MODEL_IDS.map((id) => [id, client(id)]));
  const all = new Set(MODEL_IDS);
  return { cards, client: (id) => clients.get(id)!, healthy: async () => all };
}

// === A platform that accepts everything at once ========================================================

function noopPort() {
  let next = 1;
  // The ballot of each chat, as its vote buttons' data, handed to whoever waits for it.
  const ballots = new Map<string, string>();
  const waiting = new Map<string, (data: string) => void>();
  const noteBallot = (chat: ChatAddress, message: OutMessage) => {
    const data = message.buttons?.[0]?.[0]?.data;
    if (!data?.startsWith('v:')) return;
    const resolve = waiting.get(chat.id);
    if (resolve) {
      waiting.delete(chat.id);
      resolve(data);
    } else ballots.set(chat.id, data);
  };
  const port: ChatPort = {
    platform: 'bench',
    limits: UNPACED_LIMITS,
    async send(chat, message) {
      noteBallot(chat, message);
      return String(next++);
    },
    async edit() {},
    async delete() {},
  };
  const ballotOf = (chatId: string) =>
    new Promise<string>((resolve) => {
      const ready = ballots.get(chatId);
      if (ready) {
        ballots.delete(chatId);
        resolve(ready);
      } else waiting.set(chatId, resolve);
    });
  return { port, ballotOf };
}

// === Setup =============================================================================================

const folder = mkdtempSync(join(tmpdir(), 'pnyx-bench-'));
const log = pino({ level: 'silent' });
const config = parseConfig({
  providers: { bench: { type: 'demo', tokensPerSecond: 0 } },
  models: MODEL_IDS.map((id) => ({ id, provider: 'bench' })),
  battle: { perUserPerMinute: 1_000_000, perChatPerMinute: 1_000_000 },
});
if (!['database', 'memory'].includes(args.store)) throw new Error(`--store must be database or memory, not ${args.store}`);
const pgSchema = args.database?.startsWith('postgres') ? `pnyx_bench_${randomBytes(6).toString('hex')}` : null;
const databaseUrl = (() => {
  if (!args.database) return `file:${join(folder, 'bench.db')}`;
  if (!pgSchema) return args.database;
  const url = new URL(args.database);
  url.searchParams.set('schema', pgSchema);
  return url.toString();
})();
const db = args.store === 'memory' ? null : await openDatabase(databaseUrl, { log });
const baseStore: BattleStore = db ? createStore(db) : memoryStore();
const RUN = randomBytes(4).toString('hex');
const storeTimes = new Map<string, { calls: number; ms: number }>();
let timingStore = false;
// Wraps every store method to sum its wall time while `timingStore` is on (one battle at a time, so no overlap).
const store = new Proxy(baseStore, {
  get(target, key, receiver) {
    const value = Reflect.get(target, key, receiver) as unknown;
    if (typeof value !== 'function' || typeof key !== 'string') return value;
    return async (...callArgs: unknown[]) => {
      if (!timingStore) return (value as (...a: unknown[]) => Promise<unknown>).apply(target, callArgs);
      const t0 = performance.now();
      try {
        return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, callArgs);
      } finally {
        const entry = storeTimes.get(key) ?? { calls: 0, ms: 0 };
        entry.calls++;
        entry.ms += performance.now() - t0;
        storeTimes.set(key, entry);
      }
    };
  },
});
const models = fakeModels();
await store.syncModels(models.cards);
const { port, ballotOf } = noopPort();
const arena = createArena({ store, models, config, i18n: createI18n(), log, sweepMs: 60_000 });
arena.attach(port);
if (args.adapters) for (const idle of await idleAdapterPorts(log)) arena.attach(idle);
await arena.start();

let chatSeq = 0;
/** One full battle in a fresh private chat (which closes on its one vote); returns the engine's own time, ms. */
async function battle(): Promise<{ startMs: number; voteMs: number; overheadMs: number; at: number; endAt: number }> {
  const n = chatSeq++;
  // Private chats come back (2,000 of them, one person each), as members of a running bot do.
  const chat: ChatAddress = { platform: 'bench', id: `chat-${n % 2000}`, kind: 'private' };
  const from = { platform: 'bench', id: `user-${n % 2000}`, locale: 'en' };
  const waitedBefore = modelWaitMs;
  const t0 = performance.now();
  // The engine claims each delivery itself (core/engine/deliveries.ts), as it does for every platform event.
  const started = await arena.handle({ type: 'prompt', delivery: `${RUN}:p${n}`, chat, from, text: `Question number ${n}: why is the sky blue?`, addressed: true, messageRef: `p${n}` });
  if (started.notice) throw new Error(`battle refused: ${started.notice.text}`);
  const t1 = performance.now();
  const data = await ballotOf(chat.id);
  const t2 = performance.now();
  const voted = await arena.handle({ type: 'action', delivery: `${RUN}:v${n}`, chat, from, data, privateReply: true });
  if (!voted.notice?.text.startsWith('You voted')) throw new Error(`vote not counted: ${voted.notice?.text}`);
  // The vote's acknowledgement comes first; the close and the reveal are work that follows: a battle is whole with it.
  await voted.done;
  const t3 = performance.now();
  // Model time is summed over every battle in flight, so it is only subtracted when battles run one at a time.
  const waited = modelWaitMs - waitedBefore;
  return { startMs: t1 - t0, voteMs: t3 - t2, overheadMs: t1 - t0 + (t3 - t2) - waited, at: t0, endAt: t3 };
}

/** Live heap after a full collection (only with node --expose-gc), to tell retained memory from garbage. */
const liveHeap: Record<string, string> = {};
function noteLiveHeap(phase: string) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  liveHeap[phase] = `${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB after ${chatSeq} battles`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const fmt = (ms: number) => ms.toFixed(2);
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: fmt(percentile(s, 50)), p99: fmt(percentile(s, 99)), max: fmt(s.at(-1)!) };
};

// === 1. Warm-up =========================================================================================

for (let i = 0; i < WARMUP; i++) await battle();
noteLiveHeap('warm-up');

// === 2. Memory with IN_FLIGHT battles waiting for their models (first, so the later phases do not set the peak) ===

const rssBefore = process.memoryUsage().rss;
let release!: () => void;
hold = new Promise<void>((resolve) => (release = resolve));
const inflight = Array.from({ length: IN_FLIGHT }, () => battle());
const deadline = Date.now() + 120_000;
while (pendingGenerations < IN_FLIGHT * 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
if (pendingGenerations < IN_FLIGHT * 2) throw new Error(`only ${pendingGenerations} generations in flight`);
const rssInFlight = process.memoryUsage().rss;
hold = null;
release();
await Promise.all(inflight);
const peakRss = process.resourceUsage().maxRSS * 1024;
const heapAfterMB = process.memoryUsage().heapUsed;

// === 3. Engine overhead, one battle at a time ============================================================

const sequential: Array<Awaited<ReturnType<typeof battle>>> = [];
// GC pauses during this phase, to tell how many of the slowest battles waited for one.
const gcPauses: { start: number; end: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
});
gcObserver.observe({ entryTypes: ['gc'] });
timingStore = args['store-profile'];
for (let i = 0; i < SEQUENTIAL; i++) {
  sequential.push(await battle());
  // Each person's next message arrives as a new event from the network, not in the same microtask run as the last
  // battle: without this the whole phase is one never-ending job, timers (the 25 ms reference flush) never fire, and
  // what only a finished job releases piles up into every scavenge.
  await new Promise((resolve) => setImmediate(resolve));
}
await new Promise((resolve) => setTimeout(resolve, 100)); // GC entries arrive on the event loop's next turns
gcObserver.disconnect();
const slowest = [...sequential].sort((a, b) => b.overheadMs - a.overheadMs).slice(0, Math.max(1, Math.round(SEQUENTIAL / 100)));
const duringGc = (b: { at: number; endAt: number }) => gcPauses.some((gc) => gc.start < b.endAt && gc.end > b.at);
const slowestWithGc = slowest.filter(duringGc).length;
const withoutGc = summary(sequential.filter((b) => !duringGc(b)).map((b) => b.overheadMs));
timingStore = false;
noteLiveHeap('one at a time');

// === 4. Throughput: CONCURRENCY battles at a time ========================================================

let done = 0;
const throughputStart = performance.now();
// CPU time of this process per battle: less sensitive than wall time to other work on a shared machine (it leaves out
// the PostgreSQL server's own CPU, which runs in its processes).
const cpuBefore = process.cpuUsage();
const loaded: number[] = [];
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (done < BATTLES) {
      done++;
      const r = await battle();
      loaded.push(r.startMs + r.voteMs);
    }
  }),
);
const throughputS = (performance.now() - throughputStart) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuMsPerBattle = (cpu.user + cpu.system) / 1000 / BATTLES;
const battlesPerSecond = BATTLES / throughputS;
noteLiveHeap('throughput');

// stop() flushes the batched message refs and delivery acknowledgements.
await arena.stop();
// Every battle maps its two replies and its ballot to itself (written in batches): check none was lost; and every
// event's acknowledgement was recorded.
const count = async (table: 'MessageRef' | 'Delivery') =>
  db ? Number((await sql<{ n: number }>`SELECT COUNT(*) AS "n" FROM ${sql.table(table)} WHERE ${sql.ref(table === 'Delivery' ? 'ack' : 'ref')} IS NOT NULL`.execute(db.kysely)).rows[0]!.n) : null;
const storedRefs = await count('MessageRef');
const completedDeliveries = await count('Delivery');
await store.close();
rmSync(folder, { recursive: true, force: true });
if (pgSchema && args.database && !args['keep-schema']) {
  const client = new pg.Client({ connectionString: args.database });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(pgSchema)} CASCADE`);
  await client.end();
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const seq = {
  overhead: summary(sequential.map((r) => r.overheadMs)),
  start: summary(sequential.map((r) => r.startMs)),
  vote: summary(sequential.map((r) => r.voteMs)),
};
const results = {
  store: args.store,
  database: db?.provider ?? 'none',
  machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
  throughput: { battles: BATTLES, concurrency: CONCURRENCY, seconds: throughputS.toFixed(2), battlesPerSecond: battlesPerSecond.toFixed(0), cpuMsPerBattle: cpuMsPerBattle.toFixed(3) },
  overheadOneAtATimeMs: {
    ...seq,
    gcPauses: { count: gcPauses.length, totalMs: fmt(gcPauses.reduce((sum, gc) => sum + gc.end - gc.start, 0)), slowestOnePercentDuringGc: `${slowestWithGc}/${slowest.length}`, overheadP99WithoutThem: withoutGc.p99 },
  },
  latencyUnderLoadMs: summary(loaded),
  ...(storedRefs !== null ? { messageRefs: { battles: chatSeq, stored: storedRefs }, deliveries: { events: chatSeq * 2, completed: completedDeliveries } } : {}),
  ...(Object.keys(liveHeap).length ? { liveHeap } : {}),
  memory: { inFlight: IN_FLIGHT, rssBeforeMB: mb(rssBefore), rssWithInFlightMB: mb(rssInFlight), peakRssMB: mb(peakRss), heapUsedAfterMB: mb(heapAfterMB) },
};
console.log(JSON.stringify(results, null, 2));
if (storeTimes.size) {
  const perBattle = [...storeTimes].sort((a, b) => b[1].ms - a[1].ms);
  const total = perBattle.reduce((sum, [, e]) => sum + e.ms, 0);
  console.log(`store time per battle (one at a time): ${(total / SEQUENTIAL).toFixed(2)} ms`);
  for (const [name, e] of perBattle) {
    console.log(`  ${name.padEnd(22)} ${(e.calls / SEQUENTIAL).toFixed(2).padStart(5)} calls  ${(e.ms / SEQUENTIAL).toFixed(2).padStart(6)} ms/battle  ${((e.ms / e.calls) * 1000).toFixed(0).padStart(6)} µs/call`);
  }
}
// Issue 9's targets per process: PostgreSQL pays a network round trip per statement that SQLite does not.
const onPostgres = db?.provider === 'postgresql';
const [minRate, maxP99] = onPostgres ? [800, 10] : [1000, 5];
const targets = [
  [`≥ ${minRate} battles/s`, battlesPerSecond >= minRate],
  [`overhead p99 < ${maxP99} ms`, Number(seq.overhead.p99) < maxP99],
  [`< 300 MB RSS at ${IN_FLIGHT} in flight`, peakRss < 300 * 1024 * 1024],
] as const;
for (const [target, met] of targets) console.log(`${met ? 'met   ' : 'MISSED'} ${target}`);
process.exitCode = targets.every(([, met]) => met) ? 0 : 1;

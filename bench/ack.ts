// Acknowledgement latency while battles stream (issue 9, item 1: "acknowledgement p99 < 20 ms with 100 battles
// streaming"). A real Pnyx app on a temporary SQLite file with the demo models streaming at a human pace, attached to
// an in-memory platform with a one-second edit pace per chat (as Telegram's); 100 battles are started in 100 group chats
// and, while every one of them is still streaming, prompts in other chats and votes on already-open ballots are
// handled: the time `arena.handle` takes to return its acknowledgement is what a person waits for first. Beside it,
// what the machine gave and what the process did while the events were measured (the machine is often shared, so wall
// times alone compare badly): the load average, the process's CPU per event, its GC pauses and the event loop's delay,
// and (on Linux) the acknowledgement times less the time the thread spent ready to run but waiting for a CPU that other
// processes held, which is what a busy shared machine adds.
//
//   npm run bench:ack [-- --streaming 100 --events 400]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createPnyx } from '../core/app';
import type { ChatAddress, Person } from '../core/port/types';
import { DEMO_MODELS_CONFIG } from '../core/providers/registry';
import { createRecordingPort } from '../test/fakes/recording-port';

const { values } = parseArgs({ options: { streaming: { type: 'string', default: '100' }, events: { type: 'string', default: '400' } } });
const STREAMING = Number(values.streaming);
const EVENTS = Number(values.events);

const dir = mkdtempSync(join(tmpdir(), 'pnyx-bench-ack-'));
const config = {
  ...DEMO_MODELS_CONFIG,
  // About 20 s per reply: every battle is still streaming while the events are measured.
  providers: { demo: { type: 'demo', tokensPerSecond: 8 } },
  battle: { perUserPerMinute: 100_000, perChatPerMinute: 100_000, reveal: { group: { after: 'votes', votes: 1_000 }, private: { after: 'votes', votes: 1_000 } } },
};
const app = await createPnyx({ config, logger: pino({ level: 'silent' }), env: { DATABASE_URL: `file:${join(dir, 'ack.db')}`, LOG_LEVEL: 'silent' } });
const port = createRecordingPort('bench', { minEditIntervalMs: 1_000 });
app.arena.attach(port);
await app.arena.start();
await app.arena.warmUp();

let n = 0;
const id = (p: string) => `${p}-${++n}`;
const group = (i: number): ChatAddress => ({ platform: 'bench', id: `g${i}`, kind: 'group', title: `Group ${i}` });
const person = (i: number): Person => ({ platform: 'bench', id: `p${i}`, displayName: `Person ${i}`, locale: 'en' });
const prompt = (chat: ChatAddress, from: Person) =>
  app.arena.handle({ type: 'prompt', delivery: id('d'), chat, from, text: 'Describe how a harbour wakes up at dawn, in detail.', addressed: true, messageRef: id('m') });

// Ballots to vote on while the others stream: battles in 20 chats, finished first (a quick pace for them would need
// other models; they simply get time to finish before the streaming battles start).
const voteChats = Array.from({ length: 20 }, (_, i) => group(1_000 + i));
const voteAcks = await Promise.all(voteChats.map((chat, i) => prompt(chat, person(10_000 + i))));
await Promise.all(voteAcks.map((a) => a.done));
const ballots = voteChats.map((chat) => [...port.messages].reverse().find((m) => m.chat === chat.id && m.current.role === 'ballot')!);

// The 100 streaming battles.
const streaming = await Promise.all(Array.from({ length: STREAMING }, (_, i) => prompt(group(i), person(i))));
const still = () => streaming.length;

// What the process did while the events are measured: a GC pause or a long task is what a slow acknowledgement waits behind.
const gcPauses: number[] = [];
const gcObserver = new PerformanceObserver((list) => gcPauses.push(...list.getEntries().map((e) => e.duration)));
gcObserver.observe({ entryTypes: ['gc'] });
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const cpuBefore = process.cpuUsage();
const loadBefore = loadavg()[0]!;

// Nanoseconds this thread has spent runnable but waiting for a CPU (Linux's schedstat), read outside the timed span.
const SCHEDSTAT = '/proc/thread-self/schedstat';
const cpuWaitNs = existsSync(SCHEDSTAT) ? () => Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[1]) : undefined;
const lessCpuWait: number[] = [];

const timings: number[] = [];
const byKind: Record<'prompt' | 'vote', number[]> = { prompt: [], vote: [] };
const kinds = { prompt: 0, vote: 0 };
for (let e = 0; e < EVENTS; e++) {
  const waitBefore = cpuWaitNs?.();
  const started = performance.now();
  if (e % 2 === 0) {
    kinds.prompt++;
    await prompt(group(2_000 + e), person(20_000 + e));
  } else {
    kinds.vote++;
    const ballot = ballots[e % ballots.length]!;
    const data = ballot.current.buttons!.flat().find((b) => b.data.startsWith('v:'))!.data;
    await app.arena.handle({ type: 'action', delivery: id('v'), chat: voteChats[e % ballots.length]!, from: person(30_000 + e), data, messageRef: ballot.ref, privateReply: true });
  }
  const ms = performance.now() - started;
  if (cpuWaitNs) lessCpuWait.push(ms - (cpuWaitNs() - waitBefore!) / 1e6);
  timings.push(ms);
  byKind[e % 2 === 0 ? 'prompt' : 'vote'].push(ms);
}
const cpu = process.cpuUsage(cpuBefore);
loopDelay.disable();
gcObserver.disconnect();
const streamingWhenDone = (await app.db.kysely.selectFrom('Battle').select(({ fn }) => fn.countAll<number>().as('n')).where('status', '=', 'streaming').executeTakeFirst())?.n;
const percentile = (list: number[], p: number) => list[Math.min(list.length - 1, Math.ceil((p / 100) * list.length) - 1)]!;
timings.sort((a, b) => a - b);
lessCpuWait.sort((a, b) => a - b);
const pct = (p: number) => percentile(timings, p);
console.log(
  JSON.stringify(
    {
      streamingBattles: still(),
      stillStreamingAtTheEnd: Number(streamingWhenDone),
      events: kinds,
      ackMs: { p50: pct(50).toFixed(2), p95: pct(95).toFixed(2), p99: pct(99).toFixed(2), max: timings.at(-1)!.toFixed(2) },
      // Which events wait: prompts (claim, chat and person rows, language, a battle row) or votes (claim, one update).
      p99ByKindMs: Object.fromEntries(Object.entries(byKind).map(([k, list]) => { const l = [...list].sort((a, b) => a - b); return [k, l[Math.ceil(0.99 * l.length) - 1]!.toFixed(2)]; })),
      ...(lessCpuWait.length ? { ackLessCpuWaitMs: { p50: percentile(lessCpuWait, 50).toFixed(2), p99: percentile(lessCpuWait, 99).toFixed(2), max: lessCpuWait.at(-1)!.toFixed(2) } } : {}),
      loadAverage: `${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
      // Process CPU (user + system, every thread) while the events were measured, per event: streaming included.
      cpuMsPerEvent: ((cpu.user + cpu.system) / 1000 / EVENTS).toFixed(2),
      gcPauses: { count: gcPauses.length, totalMs: gcPauses.reduce((a, b) => a + b, 0).toFixed(1), maxMs: Math.max(0, ...gcPauses).toFixed(1) },
      loopDelayMs: { p99: (loopDelay.percentile(99) / 1e6).toFixed(1), max: (loopDelay.max / 1e6).toFixed(1) },
    },
    null,
    2,
  ),
);
console.log(`${pct(99) < 20 ? 'met   ' : 'MISSED'} acknowledgement p99 < 20 ms with ${STREAMING} battles streaming`);
await app.arena.stop();
await app.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);

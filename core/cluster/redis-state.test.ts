// Two "processes" (two shared states on one real Redis) agree on what several Pnyx processes must share: limits, a
// busy chat's line of battles, one-a-minute notices and chat changes; and a Redis that is gone slows nothing down.
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load';
import { DEMO_MODELS_CONFIG } from '../providers/registry';
import { createRedisSharedState } from './redis-state';
import type { SharedState } from './shared-state';

const redisUrl = process.env.TEST_REDIS_URL?.trim();
if (!redisUrl) console.warn('Redis shared state tests skipped: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run them');

const config = parseConfig({ ...DEMO_MODELS_CONFIG, battle: { perUserPerMinute: 2, perChatPerMinute: 100 } });
const lines: Array<Record<string, unknown>> = [];
const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
const open: SharedState[] = [];

async function pair(options: { ticketTtlMs?: number } = {}): Promise<[SharedState, SharedState]> {
  // A fresh prefix per test: tests (and a deployment) sharing this Redis never see each other's keys.
  const prefix = `pnyx-test-${randomBytes(4).toString('hex')}:`;
  const a = await createRedisSharedState(redisUrl!, config, log, { ...options, prefix });
  const b = await createRedisSharedState(redisUrl!, config, log, { ...options, prefix });
  open.push(a, b);
  return [a, b];
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

describe.skipIf(!redisUrl)('shared state in Redis, between processes', () => {
  it('counts one person\'s battles across processes: the third within the minute is refused, with the wait', async () => {
    const [a, b] = await pair();
    expect(await a.rateLimits.consume('person', 'telegram:7')).toBe(0);
    expect(await b.rateLimits.consume('person', 'telegram:7')).toBe(0);
    const wait = await a.rateLimits.consume('person', 'telegram:7');
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    // Someone else is not affected.
    expect(await b.rateLimits.consume('person', 'telegram:8')).toBe(0);
  });

  it('runs one battle at a time in a chat across processes, in order of arrival, telling each how many are ahead', async () => {
    const [a, b] = await pair();
    const first = await a.slots.enter('chat-1', 1);
    expect(first.ahead).toBe(0);
    // Counted from the moment it entered, before its work started.
    const second = await b.slots.enter('chat-1', 1);
    expect(second.ahead).toBe(1);
    const third = await a.slots.enter('chat-1', 1);
    expect(third.ahead).toBe(2);
    const order: string[] = [];
    await first.turn();
    const secondTurn = second.turn().then(() => order.push('second'));
    const thirdTurn = third.turn().then(() => order.push('third'));
    await new Promise((r) => setTimeout(r, 400));
    expect(order).toEqual([]);
    first.free();
    await secondTurn;
    await new Promise((r) => setTimeout(r, 400));
    expect(order).toEqual(['second']);
    second.free();
    await thirdTurn;
    third.free();
    expect(order).toEqual(['second', 'third']);
    await new Promise((r) => setTimeout(r, 100));
    expect((await b.slots.enter('chat-1', 1)).ahead).toBe(0);
    // Other chats never wait for this one.
    expect((await b.slots.enter('chat-2', 1)).ahead).toBe(0);
  });

  it('gives a dead process\'s place in line to the next battle once its ticket lapses', async () => {
    const [a, b] = await pair({ ticketTtlMs: 600 });
    await (await a.slots.enter('chat-9', 1)).turn();
    // The process holding the slot dies: nothing renews or frees its ticket.
    await a.close();
    const next = await b.slots.enter('chat-9', 1);
    expect(next.ahead).toBe(1);
    const started = Date.now();
    await next.turn();
    next.free();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('lets one process post a notice per minute for a chat, whichever process gets the next event', async () => {
    const [a, b] = await pair();
    expect(await a.firstWithin('speed-notice:x:1:*', 60_000)).toBe(true);
    expect(await b.firstWithin('speed-notice:x:1:*', 60_000)).toBe(false);
    expect(await a.firstWithin('speed-notice:x:1:*', 60_000)).toBe(false);
    expect(await b.firstWithin('speed-notice:x:2:*', 60_000)).toBe(true);
  });

  it('spaces two processes\' posts and edits in one chat by the platform\'s interval, each told how long to wait', async () => {
    const [a, b] = await pair();
    // Six edits of one chat asked for at once, three by each process (ballots counted by whichever got the vote).
    const waits = await Promise.all([a, b, a, b, a, b].map((s) => s.paceSlot('telegram:-100:', 300)));
    const sorted = [...waits].sort((x, y) => x - y);
    expect(sorted[0]).toBe(0);
    // Each turn one interval after the one before, less the time between the calls themselves (a few ms; a loaded
    // machine's scheduling is allowed for): without a shared pace every process would be told 0.
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(250);
    expect(sorted.at(-1)).toBeLessThanOrEqual(5 * 300 + 50);
    // Another chat has its own pace.
    expect(await b.paceSlot('telegram:-200:', 300)).toBe(0);
  });

  it('tells the other processes, not itself, that a chat changed', async () => {
    const [a, b] = await pair();
    const heardByA: string[] = [];
    const heardByB: string[] = [];
    a.onChatChanged((platform, id) => heardByA.push(`${platform}:${id}`));
    b.onChatChanged((platform, id) => heardByB.push(`${platform}:${id}`));
    await new Promise((r) => setTimeout(r, 100));
    a.chatChanged('telegram', '-100');
    await new Promise((r) => setTimeout(r, 300));
    expect(heardByB).toEqual(['telegram:-100']);
    expect(heardByA).toEqual([]);
    expect(b.chatRowTtlMs).toBeGreaterThan(1_000);
  });
});

describe('shared state with Redis unreachable', () => {
  it('falls back to this process at once: limits still hold, battles do not wait, notices still go out', async () => {
    // A port nothing listens on.
    const state = await createRedisSharedState('redis://127.0.0.1:9', config, log);
    open.push(state);
    const started = Date.now();
    expect(await state.rateLimits.consume('person', 'p')).toBe(0);
    expect(await state.rateLimits.consume('person', 'p')).toBe(0);
    expect(await state.rateLimits.consume('person', 'p')).toBeGreaterThan(0);
    const place = await state.slots.enter('c', 1);
    await place.turn();
    place.free();
    expect(await state.firstWithin('k', 60_000)).toBe(true);
    // Only the bounded wait for a first connection at start (5 s); nothing after it waits on Redis.
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(lines.some((l) => l.msg === 'Redis unreachable; retrying')).toBe(true);
    expect(JSON.stringify(lines)).not.toMatch(/redis:\/\/[^"]*@/);
  }, 15_000);
});

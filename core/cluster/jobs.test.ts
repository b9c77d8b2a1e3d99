// Jobs on the real Redis with BullMQ, between two "processes": a battle's timed close runs once at its deadline
// whichever process asked, periodic work runs once per period in the deployment, a failing job is retried, and a job
// whose process died mid-run is taken over by the other.
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createBullJobs, createTimerJobs, type Jobs } from './jobs';

const redisUrl = process.env.TEST_REDIS_URL?.trim();
if (!redisUrl) console.warn('BullMQ job tests skipped: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run them');

const log = pino({ level: 'silent' });
const open: Jobs[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deployment(count: number, lockMs?: number): Promise<Jobs[]> {
  const prefix = `pnyx-test-${randomBytes(4).toString('hex')}`;
  const jobs = await Promise.all(Array.from({ length: count }, () => createBullJobs(redisUrl!, log, { prefix, ...(lockMs ? { lockMs } : {}) })));
  open.push(...jobs);
  return jobs;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((j) => j.close()));
});

describe.skipIf(!redisUrl)('jobs on BullMQ, between processes', () => {
  it('closes a battle once at its deadline, though both processes asked for it', async () => {
    const [a, b] = await deployment(2);
    const closed: Array<{ battle: string; at: number }> = [];
    const handlers = { closeBattle: async (battle: string) => void closed.push({ battle, at: Date.now() }) };
    await a!.start(handlers);
    await b!.start(handlers);
    const at = new Date(Date.now() + 600);
    await a!.closeAt('battle-1', at);
    await b!.closeAt('battle-1', at);
    await sleep(2_000);
    expect(closed.map((c) => c.battle)).toEqual(['battle-1']);
    expect(closed[0]!.at).toBeGreaterThanOrEqual(at.getTime() - 50);
  });

  it('runs periodic work once per period in the deployment, not once per process', async () => {
    const [a, b] = await deployment(2);
    let runs = 0;
    for (const jobs of [a!, b!]) jobs.every('schedules', 300, async () => void runs++);
    await a!.start({ closeBattle: async () => undefined });
    await b!.start({ closeBattle: async () => undefined });
    await sleep(2_000);
    // About 2000 / 300 ≈ 6–7 periods; two processes each running their own timer would make 12 or more.
    expect(runs).toBeGreaterThanOrEqual(4);
    expect(runs).toBeLessThanOrEqual(8);
  });

  it('runs work on a cron schedule once per time in the deployment (the privacy screening, the daily retention)', async () => {
    const [a, b] = await deployment(2);
    const runs: number[] = [];
    // Every second (a six-field pattern), so that the test sees several times.
    for (const jobs of [a!, b!]) jobs.every('screening', { cron: '* * * * * *' }, async () => void runs.push(Date.now()));
    await a!.start({ closeBattle: async () => undefined });
    await b!.start({ closeBattle: async () => undefined });
    await sleep(3_500);
    // Three or four seconds began; two processes each running their own schedule would make six or more.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(4);
  });

  it('retries a close that failed, with backoff, until it succeeds', async () => {
    const [a] = await deployment(1);
    let attempts = 0;
    await a!.start({
      closeBattle: async () => {
        attempts++;
        if (attempts < 3) throw new Error('database busy');
      },
    });
    await a!.closeAt('battle-2', new Date());
    await sleep(5_000);
    expect(attempts).toBe(3);
  }, 10_000);

  it('hands a close to the other process when the one running it dies mid-run', async () => {
    const [a, b] = await deployment(2, 1_000);
    const ranOn: string[] = [];
    // Process a takes the job and hangs in it (frozen, then killed); process b only starts taking jobs afterwards.
    await a!.start({ closeBattle: () => (ranOn.push('a'), new Promise<void>(() => undefined)) });
    await a!.closeAt('battle-3', new Date());
    for (let i = 0; i < 40 && !ranOn.length; i++) await sleep(50);
    expect(ranOn).toEqual(['a']);
    // A kill: the connections drop, nothing is finished or released.
    open.splice(open.indexOf(a!), 1);
    void a!.close();
    await b!.start({ closeBattle: async () => void ranOn.push('b') });
    for (let i = 0; i < 100 && ranOn.length < 2; i++) await sleep(100);
    expect(ranOn).toEqual(['a', 'b']);
  }, 20_000);
});

describe('jobs on timers (one process)', () => {
  it('closes a battle at its deadline', async () => {
    const jobs = createTimerJobs(log);
    open.push(jobs);
    const closed: string[] = [];
    await jobs.start({ closeBattle: async (id) => void closed.push(id) });
    await jobs.closeAt('battle-4', new Date(Date.now() + 100));
    expect(closed).toEqual([]);
    await sleep(400);
    expect(closed).toEqual(['battle-4']);
  });

  it('runs work on a cron schedule', async () => {
    const jobs = createTimerJobs(log);
    open.push(jobs);
    let runs = 0;
    jobs.every('screening', { cron: '* * * * * *' }, async () => void runs++);
    await jobs.start({ closeBattle: async () => undefined });
    await sleep(2_300);
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(3);
  });
});

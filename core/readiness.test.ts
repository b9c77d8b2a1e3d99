import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createReadiness, NotReady, redisCheck } from './readiness';

const redisUrl = process.env.TEST_REDIS_URL?.trim();
const SKIP_REDIS = 'Redis readiness test skipped: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run it';
if (!redisUrl) console.warn(SKIP_REDIS);

const until = async (check: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('readiness', () => {
  it('is ready when every check passes, and names each one that does not, with a reason but no cause', async () => {
    const readiness = createReadiness({ timeoutMs: 200 });
    readiness.set('database', async () => undefined);
    readiness.set('platform:a', () => true);
    expect(await readiness.report()).toEqual({ ready: true, checks: { database: { ok: true }, 'platform:a': { ok: true } }, notReady: [] });

    readiness.set('platform:a', () => false);
    readiness.set('database', async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=secret');
    });
    readiness.set('queue', () => new Promise(() => undefined)); // never answers
    readiness.set('process', () => {
      throw new NotReady('starting');
    });
    const report = await readiness.report();
    expect(report.ready).toBe(false);
    expect(report.notReady.sort()).toEqual(['database', 'platform:a', 'process', 'queue']);
    expect(report.checks).toEqual({
      database: { ok: false, reason: 'failed' },
      'platform:a': { ok: false, reason: 'not connected' },
      queue: { ok: false, reason: 'timed out' },
      process: { ok: false, reason: 'starting' },
    });
    expect(JSON.stringify(report)).not.toMatch(/10\.0\.0\.5|secret/);

    readiness.remove('queue');
    expect(Object.keys((await readiness.report()).checks)).not.toContain('queue');
  });

  it('says at once that Redis is not connected when nothing listens there', async () => {
    // A port that was just free: nothing answers on it.
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const redis = await redisCheck(`redis://127.0.0.1:${port}`);
    const readiness = createReadiness({ timeoutMs: 1_000 });
    readiness.set('redis', redis.check);
    const started = Date.now();
    const report = await readiness.report();
    expect(report.checks.redis).toEqual({ ok: false, reason: 'not connected' });
    expect(Date.now() - started).toBeLessThan(1_000); // answered, not timed out
    await redis.close();
  });

  it.skipIf(!redisUrl)('pings a real Redis', async () => {
    const redis = await redisCheck(redisUrl!);
    const readiness = createReadiness({ timeoutMs: 1_000 });
    readiness.set('redis', redis.check);
    await until(async () => (await readiness.report()).ready, 5_000);
    expect((await readiness.report()).checks.redis).toEqual({ ok: true });
    await redis.close();
    expect((await readiness.report()).checks.redis?.ok).toBe(false);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../core/metrics';
import { createOps, parseOpsEnv, serveOps, type OpsServer } from './ops';

const servers: OpsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(ops: ReturnType<typeof createOps>, port = 0) {
  const server = await serveOps(ops.routes, { host: '127.0.0.1', port });
  servers.push(server);
  return server;
}

describe('ops endpoints', () => {
  it('/healthz answers 200 from the start; /readyz is 503 naming what is not ready, then 200', async () => {
    const ops = createOps({ metrics: createMetrics(), checkTimeoutMs: 200 });
    let connected = false;
    ops.readiness.set('database', async () => undefined);
    ops.readiness.set('platform:chat', () => connected);
    const { url } = await serve(ops);

    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(await health.json()).toMatchObject({ status: 'ok' });

    let ready = await fetch(new URL('/readyz', url));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ready: false,
      checks: { process: { ok: false, reason: 'starting' }, database: { ok: true }, 'platform:chat': { ok: false, reason: 'not connected' } },
      notReady: ['process', 'platform:chat'],
    });

    ops.phase('running');
    connected = true;
    ready = await fetch(new URL('/readyz', url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, notReady: [] });

    // Draining: no new work here, though still alive.
    ops.phase('stopping');
    ready = await fetch(new URL('/readyz', url));
    expect(ready.status).toBe(503);
    expect((await ready.json()).checks.process).toEqual({ ok: false, reason: 'stopping' });
    expect((await fetch(new URL('/healthz', url))).status).toBe(200);
  });

  it('/metrics serves the Prometheus text of the process, Node metrics included', async () => {
    const metrics = createMetrics();
    metrics.battleStarted();
    const { url } = await serve(createOps({ metrics }));
    const response = await fetch(new URL('/metrics', url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^pnyx_battles_started_total 1$/m);
    expect(text).toMatch(/^# TYPE pnyx_time_to_ballot_seconds histogram$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('serves nothing else on its own server', async () => {
    const { url } = await serve(createOps({ metrics: createMetrics() }));
    const response = await fetch(new URL('/r/lobby', url));
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/\/healthz, \/readyz and \/metrics/);
  });

  it('says which setting to change when the port is taken', async () => {
    const first = await serve(createOps({ metrics: createMetrics() }));
    const port = Number(new URL(first.url).port);
    await expect(serve(createOps({ metrics: createMetrics() }), port)).rejects.toThrow(`WEB_PORT ${port} on 127.0.0.1 is in use`);
  });

  it('reads WEB_HOST and WEB_PORT like the playground, with the same defaults', () => {
    expect(parseOpsEnv({})).toEqual({ WEB_HOST: '127.0.0.1', WEB_PORT: 3000 });
    expect(parseOpsEnv({ WEB_HOST: '0.0.0.0', WEB_PORT: '8080' })).toEqual({ WEB_HOST: '0.0.0.0', WEB_PORT: 8080 });
    expect(() => parseOpsEnv({ WEB_PORT: 'http' })).toThrow(/WEB_PORT/);
  });
});

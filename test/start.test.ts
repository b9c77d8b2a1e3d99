// `npm start` as a newcomer runs it: no token → the web playground on the printed URL; a broken config → a clear
// message and a non-zero exit; SIGTERM → a clean stop.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from './fakes/discord';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'pnyx-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>, command: [string, ...string[]] = [process.execPath, '--import', 'tsx', 'bots/main.ts']) {
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', DATABASE_URL: `file:${join(dir, 'pnyx.db')}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every process below `pid` (children first). */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    // pgrep exits 1 when there are none
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** The executable's name (`sh`, `node`). */
const command = (pid: number) => execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }).trim();

/** Is a process with this id still there? */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  // `docker stop` and process managers signal the process they started: here npm. It must reach node, or node keeps
  // running orphaned while npm exits, and the stop becomes a kill after the timeout.
  it('passes SIGTERM on to node: npm and node both gone within 10 s, exit status 0', async () => {
    const run = start({ WEB_PORT: '0' }, ['npm', 'start', '--silent']);
    let node: number | undefined;
    try {
      await until(() => /Pnyx playground: http/.test(run.out()), 30_000);
      node = descendants(run.child.pid!).find((pid) => command(pid) === 'node');
      expect(node).toBeDefined();
      const stopped = Date.now();
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      await until(() => !alive(node!), 10_000 - (Date.now() - stopped));
      expect(Date.now() - stopped).toBeLessThan(10_000);
    } finally {
      if (node && alive(node)) process.kill(node, 'SIGKILL');
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  }, 60_000);

  it('answers /healthz, /readyz and /metrics on the playground’s address', async () => {
    const run = start({ WEB_PORT: '0' });
    try {
      await until(() => /Pnyx playground: (http:\/\/127\.0\.0\.1:\d+)/.test(run.out()), 30_000);
      const url = run.out().match(/Pnyx playground: (http:\/\/127\.0\.0\.1:\d+\S*)/)![1]!;
      expect((await fetch(new URL('/healthz', url))).status).toBe(200);
      let ready = await fetch(new URL('/readyz', url));
      for (let i = 0; i < 50 && ready.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ready = await fetch(new URL('/readyz', url));
      }
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        ready: true,
        checks: { process: { ok: true }, database: { ok: true }, 'platform:web': { ok: true } },
        notReady: [],
      });
      const metrics = await fetch(new URL('/metrics', url));
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await metrics.text();
      expect(text).toMatch(/^pnyx_votes_total 0$/m);
      expect(text).toMatch(/^pnyx_inbox_depth 0$/m);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  }, 60_000);

  it('is not ready while Redis (REDIS_URL) does not answer, and says so', async () => {
    const run = start({ WEB_PORT: '0', REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      await until(() => /Pnyx playground: (http:\/\/127\.0\.0\.1:\d+)/.test(run.out()), 30_000);
      const url = run.out().match(/Pnyx playground: (http:\/\/127\.0\.0\.1:\d+\S*)/)![1]!;
      // Once the process has finished starting, only Redis keeps it from being ready.
      let report: { ready: boolean; checks: Record<string, { ok: boolean }>; notReady: string[] } | undefined;
      for (let i = 0; i < 50; i++) {
        const ready = await fetch(new URL('/readyz', url));
        expect(ready.status).toBe(503);
        report = await ready.json();
        if (report!.checks.process?.ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(report).toMatchObject({ ready: false, checks: { database: { ok: true }, redis: { ok: false, reason: 'not connected' } } });
      expect(report!.notReady).toContain('redis');
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  }, 60_000);

  it('serves only /healthz, /readyz and /metrics when the playground is off', async () => {
    const port = await freePort();
    // A bot token for a Bot API that is not there keeps the adapter from starting, but the routes answer from the start.
    const run = start({ WEB_ENABLED: 'false', WEB_PORT: String(port), TELEGRAM_BOT_TOKEN: '1:fake', TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}` });
    try {
      const base = `http://127.0.0.1:${port}`;
      let health: Response | undefined;
      for (let i = 0; i < 300 && !health; i++) {
        health = await fetch(`${base}/healthz`).catch(() => undefined);
        if (!health) await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).checks.process).toEqual({ ok: false, reason: 'starting' });
      expect((await fetch(`${base}/metrics`)).status).toBe(200);
      expect((await fetch(`${base}/r/lobby`)).status).toBe(404);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 60_000);

  it('opens the web playground when no platform token is set, prints its URL, and stops cleanly', async () => {
    const run = start({ WEB_PORT: '0' });
    try {
      await until(() => /Pnyx playground: (http:\/\/127\.0\.0\.1:\d+)/.test(run.out()), 30_000);
      const url = run.out().match(/Pnyx playground: (http:\/\/127\.0\.0\.1:\d+\S*)/)![1]!;
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  }, 60_000);

  it('runs the Discord bot when DISCORD_BOT_TOKEN is set: commands registered, the invite URL printed, no playground', async () => {
    const discord = await startFakeDiscord();
    const run = start({ DISCORD_BOT_TOKEN: discord.token, DISCORD_API_ROOT: discord.restApi, WEB_PORT: '0' });
    try {
      await until(() => /discord\.com\/oauth2\/authorize\?client_id=\d+/.test(run.out()), 30_000);
      expect(run.out()).toContain('scope=bot%20applications.commands');
      expect(run.out()).not.toMatch(/Pnyx playground/);
      expect(discord.commands.get('global')?.map((c) => c.name).sort()).toEqual(['arena', 'campaign', 'forget', 'help', 'leaderboard', 'mydata', 'privacy', 'settings']);
      expect(discord.gateway.connected).toBe(true);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(run.err()).not.toMatch(new RegExp(discord.token.replace(/[.]/g, '\\.')));
    await discord.stop();
  }, 60_000);

  it('reports bad adapter variables with status 2, before opening anything', async () => {
    const run = start({ WEB_PORT: 'not-a-port' });
    expect(await run.exited).toBe(2);
    expect(run.err()).toMatch(/WEB_PORT/);
  }, 60_000);

  it('refuses a broken configuration with every problem listed and exit status 2', async () => {
    const config = join(dir, 'broken.yaml');
    writeFileSync(config, 'providers:\n  demo: { type: demo }\nmodels:\n  - { id: a, provider: demo, colour: blue }\n');
    const run = start({ PNYX_CONFIG: config });
    expect(await run.exited).toBe(2);
    expect(run.err()).toMatch(/models\.0: unknown key "colour"/);
    expect(run.err()).toMatch(/at least two enabled models/);
  }, 60_000);
});

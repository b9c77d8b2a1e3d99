// `npm run status` as an operator runs it: against a running process (its real HTTP endpoints), and against the
// database with no process running.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOps, serveOps, type OpsServer } from '../bots/ops';
import { createMetrics } from '../core/metrics';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'pnyx-status-'));

async function status(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/status.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run status --url', () => {
  let server: OpsServer;
  beforeAll(async () => {
    const metrics = createMetrics();
    for (let i = 0; i < 7; i++) metrics.battleStarted();
    metrics.battleFinished('closed');
    metrics.voteCounted();
    metrics.timeToBallot(12);
    metrics.generation('api', 'm-slow', { text: '', finishReason: 'timeout', latencyMs: 30_000 });
    metrics.platformRateLimited('chat-x');
    const ops = createOps({ metrics });
    ops.readiness.set('database', () => true);
    ops.readiness.set('platform:chat-x', () => false);
    ops.phase('running');
    server = await serveOps(ops.routes, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one readable page of what the process reports, naming what is not ready', async () => {
    const { code, stdout } = await status(['--url', server.url]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Ready\s+NO\n\s+platform:chat-x: not connected$/m);
    expect(stdout).toMatch(/^Battles\s+7 started · 1 closed$/m);
    expect(stdout).toMatch(/^Votes\s+1$/m);
    expect(stdout).toMatch(/^Time to ballot\s+p50 \d+ s · p95 \d+ s \(1 ballots\)$/m);
    expect(stdout).toMatch(/^Provider errors\s+1 timeout\s+m-slow \(api\)$/m);
    expect(stdout).toMatch(/^Platform 429s\s+chat-x 1$/m);
    expect(stdout).toMatch(/^Inbox\s+not reported$/m);
  });

  it('gives the same figures as JSON, from the base address or the /metrics one', async () => {
    const { code, stdout } = await status(['--url', new URL('/metrics', server.url).href, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ source: 'process', ready: false, battles: { started: 7, finished: { closed: 1 } }, votes: 1 });
  });

  it('says clearly when nothing answers, with exit status 1; bad arguments give 2', async () => {
    const closed = await serveOps(createOps({ metrics: createMetrics() }).routes, { host: '127.0.0.1', port: 0 });
    await closed.close();
    const gone = await status(['--url', closed.url]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^pnyx status: could not read http:\/\/127\.0\.0\.1:\d+\/: fetch failed \(.*ECONNREFUSED.*\)$/m);
    expect((await status(['--url', 'localhost:3000'])).code).toBe(2);
    expect((await status(['--frobnicate'])).code).toBe(2);
  });
});

describe('npm run status (database)', () => {
  it('refuses to create a database that is not there', async () => {
    const { code, stderr } = await status([], { DATABASE_URL: `file:${join(dir, 'missing.db')}` });
    expect(code).toBe(1);
    expect(stderr).toMatch(/no database at .*missing\.db: set DATABASE_URL/);
  });
});

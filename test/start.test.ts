// `npm start` as a newcomer runs it: no token → the web playground on the printed URL; a broken config → a clear
// message and a non-zero exit; SIGTERM → a clean stop.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from './fakes/discord';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'pnyx-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bots/main.ts'], {
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

async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start', () => {
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
      expect(discord.commands.get('global')?.map((c) => c.name).sort()).toEqual(['arena', 'help', 'leaderboard', 'privacy', 'settings']);
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

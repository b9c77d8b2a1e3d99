// `npm run build` as production uses it: the bundle runs under plain `node` (no tsx), reads its locales, pages and
// migrations from the source tree, serves the health and metrics routes, stops cleanly on SIGTERM, and the ranking
// pool's worker thread still starts from it.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, ENTRY_POINTS } from './build.mjs';

const root = join(import.meta.dirname, '..');
// Inside the repository, so the bundle finds node_modules as dist/ does.
const outdir = join(root, '.tmp', `build-test-${process.pid}`);
const data = mkdtempSync(join(tmpdir(), 'pnyx-build-'));
const run = promisify(execFile);
const plainNode = { PATH: process.env.PATH, HOME: process.env.HOME } as NodeJS.ProcessEnv;

let externals: string[] = [];
beforeAll(async () => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const result = await build({ outdir, entryPoints: { ...ENTRY_POINTS, 'ranking-worker-probe': 'test/fixtures/ranking-worker-probe.ts' } });
  externals = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
}, 120_000);
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

async function until<T>(check: () => T | undefined | Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run build', () => {
  it('writes the entry points as plain JavaScript', () => {
    for (const name of ['main', 'status', 'migrate']) expect(existsSync(join(outdir, `${name}.js`))).toBe(true);
  });

  it('imports only production dependencies, which the image keeps after npm prune --omit=dev', () => {
    const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const packages = new Set(externals.filter((path) => !path.startsWith('node:')).map((path) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/')));
    expect(packages.size).toBeGreaterThan(10);
    expect([...packages].filter((name) => !(name in dependencies))).toEqual([]);
  });

  it('runs the ranking pool’s worker thread from the bundle', async () => {
    const { stdout } = await run(process.execPath, [join(outdir, 'ranking-worker-probe.js')], { cwd: root, env: plainNode });
    expect(JSON.parse(stdout)).toEqual({ same: true, answers: 1 });
  });

  it('starts the bot with plain node: assets found, health and metrics served, SIGTERM honoured', async () => {
    const child = spawn(process.execPath, [join(outdir, 'main.js')], {
      cwd: data,
      env: { ...plainNode, LOG_LEVEL: 'warn', DATABASE_URL: `file:${join(data, 'pnyx.db')}`, PNYX_CONFIG: join(root, 'pnyx.config.yaml'), WEB_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await until(() => out.match(/Pnyx playground: (http:\/\/\S+)/)?.[1], 30_000, `the playground (stderr: ${err})`);
      // Locales and the page's static files come from the source tree, found through the rewritten import.meta.url.
      // The leaderboard page follows the browser's language (a room's page follows the room's).
      const page = await fetch(new URL('/leaderboard', url), { headers: { 'accept-language': 'fr' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html lang="fr"/);
      expect((await fetch(new URL('/static/app.js', url))).status).toBe(200);
      expect((await fetch(new URL('/healthz', url))).status).toBe(200);
      const ready = await until(
        async () => {
          const r = await fetch(new URL('/readyz', url));
          return r.status === 200 ? r : undefined;
        },
        10_000,
        'readiness',
      );
      expect(await ready.json()).toMatchObject({ ready: true, checks: { database: { ok: true }, 'platform:web': { ok: true } } });
      expect(await (await fetch(new URL('/metrics', url))).text()).toMatch(/^pnyx_battles_started_total 0$/m);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(err).toBe('');
  }, 60_000);

  it('runs the status command from the bundle', async () => {
    const { stdout } = await run(process.execPath, [join(outdir, 'status.js'), '--help'], { cwd: root, env: plainNode });
    expect(stdout).toMatch(/^usage: npm run status/);
  });

  it('refuses sources that would look for files beside the bundle', async () => {
    const dir = join(root, '.tmp', `build-refuse-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'entry.ts'), 'export const here = import.meta.dirname;\n');
      await expect(build({ outdir: join(dir, 'out'), entryPoints: { entry: join(dir, 'entry.ts') }, logLevel: 'silent' })).rejects.toThrow(/import\.meta\.dirname\/filename/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

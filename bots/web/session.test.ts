// The session secret's life: taken from PNYX_WEB_SECRET, else generated once (owner-only file) and read back on the
// next start, so that sessions survive a restart; and same-site checks as browsers send them.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { dataDirOf, loadWebSecret, sameOrigin } from './session';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the session secret', () => {
  it('is generated once into the data folder, readable by its owner only, and read back on the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pnyx-secret-'));
    dirs.push(dir);
    const first = loadWebSecret({ dataDir: join(dir, 'data') });
    expect(first.source).toBe('created');
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'data', 'web-secret')).mode & 0o777).toBe(0o600);
    const again = loadWebSecret({ dataDir: join(dir, 'data') });
    expect(again).toEqual({ secret: first.secret, source: 'file' });
  });

  it('comes from PNYX_WEB_SECRET when set, and refuses a short one', () => {
    expect(loadWebSecret({ env: 'x'.repeat(40), dataDir: '/nonexistent' })).toEqual({ secret: 'x'.repeat(40), source: 'env' });
    expect(() => loadWebSecret({ env: 'short', dataDir: '/nonexistent' })).toThrow(/at least 32/);
  });

  it('lives beside the SQLite database', () => {
    expect(dataDirOf('file:/srv/pnyx/data/pnyx.db')).toBe('/srv/pnyx/data');
  });
});

describe('same-site requests', () => {
  const app = new Hono().post('/x', (c) => c.text(String(sameOrigin(c))));
  const check = async (headers: Record<string, string>) => (await app.request('http://pnyx.local:3000/x', { method: 'POST', headers })).text();

  it('accepts the site itself and scripts without browser headers, refuses other sites', async () => {
    expect(await check({ Host: 'pnyx.local:3000', Origin: 'http://pnyx.local:3000', 'Sec-Fetch-Site': 'same-origin' })).toBe('true');
    expect(await check({ Host: 'pnyx.local:3000' })).toBe('true');
    expect(await check({ Host: 'pnyx.local:3000', Origin: 'https://evil.example' })).toBe('false');
    expect(await check({ Host: 'pnyx.local:3000', Origin: 'null' })).toBe('false');
    expect(await check({ Host: 'pnyx.local:3000', 'Sec-Fetch-Site': 'same-site' })).toBe('false');
  });
});

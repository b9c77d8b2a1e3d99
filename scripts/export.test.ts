// The export command as an organiser runs it: options, the secret, exit codes, files on disk.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/store/database';
import { run } from './export';

function capture() {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true), isTTY: false } } as never,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}

describe('npm run export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pnyx-export-cli-'));
  const env = { DATABASE_URL: `file:${join(dir, 'pnyx.db')}`, PNYX_CONFIG: join(dir, 'none.yaml'), PNYX_EXPORT_SECRET: 'cli-test-secret-0123456789', LOG_LEVEL: 'silent' };
  beforeAll(async () => {
    const db = await openDatabase(env.DATABASE_URL);
    const k = db.kysely;
    const now = new Date();
    await k.insertInto('Model').values([{ id: 'alpha', provider: 't', displayName: 'a', createdAt: now, updatedAt: now }, { id: 'beta', provider: 't', displayName: 'b', createdAt: now, updatedAt: now }]).execute();
    await k.insertInto('User').values({ id: 'u1', platform: 'web', externalId: 'w1', createdAt: now, updatedAt: now }).execute();
    await k.insertInto('Chat').values({ id: 'c1', platform: 'web', externalId: 'room', kind: 'group', settings: '{"publishData":true}', createdAt: now, updatedAt: now }).execute();
    await k.insertInto('Battle').values({ id: 'b1', token: 'b1', chatId: 'c1', initiatorId: 'u1', modelAId: 'alpha', modelBId: 'beta', status: 'closed', votesA: 1, voteCount: 1, openedAt: now }).execute();
    await k.insertInto('Turn').values({ id: 't1', battleId: 'b1', index: 0, authorId: 'u1', prompt: 'Écris un haïku sur la mer.', createdAt: now }).execute();
    await k.insertInto('Reply').values([{ id: 'r1', turnId: 't1', side: 'a', modelId: 'alpha', text: 'Vague', createdAt: now }, { id: 'r2', turnId: 't1', side: 'b', modelId: 'beta', text: 'Sel', createdAt: now }]).execute();
    await k.insertInto('Vote').values({ id: 'v1', battleId: 'b1', voterId: 'u1', choice: 'a', createdAt: now }).execute();
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('screens, writes every file and says what it wrote', async () => {
    const c = capture();
    const out = join(dir, 'release');
    expect(await run(['--out', out, '--release', '2026-12'], c.io, env)).toBe(0);
    expect(c.err).toContain('screened 1 new battle(s): 1 clean');
    expect(c.out).toContain('wrote 1 conversation(s), 1 vote(s), 0 reaction(s)');
    for (const f of ['conversations.parquet', 'votes.parquet', 'reactions.parquet', 'conversations.jsonl', 'votes.jsonl', 'reactions.jsonl', 'battles.json', 'README.md']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('release `2026-12`');
  });

  it('refuses to run without the secret, with a bad date, or for an unknown campaign', async () => {
    const c = capture();
    expect(await run(['--out', join(dir, 'x')], c.io, { ...env, PNYX_EXPORT_SECRET: undefined } as never)).toBe(2);
    expect(c.err).toContain('PNYX_EXPORT_SECRET is not set');
    expect(await run(['--out', join(dir, 'x'), '--since', 'yesterday-ish'], c.io, env)).toBe(2);
    expect(c.err).toContain('--since must be a date');
    expect(await run(['--out', join(dir, 'x'), '--campaign', 'nope'], c.io, env)).toBe(3);
    expect(c.err).toContain('unknown campaign "nope"');
  });
});

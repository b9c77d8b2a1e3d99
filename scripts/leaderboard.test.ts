// The command line end to end: spawned as `tsx scripts/leaderboard.ts`, as npm runs it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/store/database';
import { newId } from '../core/store/ids';
import { createRng } from '../core/ranking/random';
import { drawRows } from '../core/ranking/test-helpers';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'pnyx-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'scripts/leaderboard.ts'), ...args],
      { cwd: dir, env: { ...process.env, ...env }, maxBuffer: 1 << 26, encoding: 'utf8' },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const SCORES = [1150, 1080, 1000, 950, 900];
const winner = { a: 'model_a', b: 'model_b', tie: 'tie', both_bad: 'tie (bothbad)' } as const;

describe('npm run leaderboard', { timeout: 120_000 }, () => {
  let arena: string;
  let comparia: string;
  beforeAll(() => {
    const rows = drawRows(SCORES, { votes: 3000, seed: 8, tieRate: 0.08, bothBadRate: 0.04 });
    const lines = rows.map((r, k) => JSON.stringify({ model_a: r.modelA, model_b: r.modelB, winner: winner[r.outcome], language: k % 2 ? 'French' : 'English', tstamp: 1_767_225_600 + k * 60 }));
    lines.splice(10, 0, '{"model_a": "m1", "model_b"', '{"model_a":"m1","model_b":"m2","winner":"model_z"}');
    arena = join(dir, 'battles.jsonl');
    writeFileSync(arena, `${lines.join('\n')}\n`);
    comparia = join(dir, 'comparia.json');
    writeFileSync(
      comparia,
      JSON.stringify(
        rows.slice(0, 500).filter((r) => r.outcome !== 'both_bad').map((r) => ({
          model_a_name: r.modelA,
          model_b_name: r.modelB,
          chosen_model_name: r.outcome === 'a' ? r.modelA : r.outcome === 'b' ? r.modelB : null,
          both_equal: r.outcome === 'tie',
        })),
      ),
    );
  });

  it('prints JSON of the documented shape from an LMArena file and reports malformed lines', async () => {
    const r = await cli(['--votes', arena, '--format', 'json', '--bootstrap', '200', '--seed', '3']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json).sort()).toEqual(['battles', 'computed_at', 'models']);
    expect(json.battles).toBe(3000);
    expect(json.models.map((m: { model: string }) => m.model)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    for (const m of json.models) {
      expect(Object.keys(m).sort()).toEqual(['ci_high', 'ci_low', 'losses', 'model', 'rank', 'rank_high', 'rank_low', 'score', 'ties', 'votes', 'wins']);
      expect(m.ci_low).toBeLessThanOrEqual(m.score);
      expect(m.ci_high).toBeGreaterThanOrEqual(m.score);
      expect(m.wins + m.ties + m.losses).toBe(m.votes);
    }
    expect(new Date(json.computed_at).getTime()).toBeGreaterThan(Date.now() - 600_000);
    expect(r.stderr).toMatch(/2 malformed record\(s\) skipped out of 3002/);
    expect(r.stderr).toMatch(/line 11: invalid JSON/);
    expect(r.stderr).toMatch(/line 12: winner must be/);
    // same seed, same numbers
    const again = await cli(['--votes', arena, '--format', 'json', '--bootstrap', '200', '--seed', '3']);
    expect(JSON.parse(again.stdout).models).toEqual(json.models);
  });

  it('reads compar:IA votes and prints a phone-width table, with a segment and options', async () => {
    const r = await cli(['--votes', comparia, '--bootstrap', '100', '--anchor', 'm2=1200', '--locale', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Classement/);
    expect(r.stdout).toMatch(/m2 +1200 /);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(34);
    const fr = await cli(['--votes', arena, '--segment', 'language=fr', '--format', 'json', '--bootstrap', '0', '--both-bad', 'exclude']);
    const json = JSON.parse(fr.stdout);
    expect(json.models.reduce((s: number, m: { votes: number }) => s + m.votes, 0) / 2).toBeLessThan(1500);
    expect(fr.stderr).toMatch(/outside the segment left out/);
  });

  it('writes a PNG chart', async () => {
    const out = join(dir, 'board.png');
    const r = await cli(['--votes', arena, '--format', 'png', '--out', out, '--bootstrap', '100']);
    expect(r.code).toBe(0);
    const png = readFileSync(out);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(1080);
    expect(r.stderr).toMatch(/wrote .*board\.png \(Leaderboard chart: 5 models/);
  });

  it('reads the database named by DATABASE_URL', async () => {
    const url = `file:${join(dir, 'pnyx.db')}`;
    const db = await openDatabase(url);
    const k = db.kysely;
    const now = new Date();
    const stamps = { createdAt: now, updatedAt: now };
    for (const id of ['x', 'y']) await k.insertInto('Model').values({ id, provider: 't', displayName: id, ...stamps }).execute();
    await k.insertInto('Chat').values({ id: 'c', platform: 'web', externalId: 'room', ...stamps }).execute();
    const rng = createRng(1);
    for (let u = 0; u < 40; u++) await k.insertInto('User').values({ id: `u${u}`, platform: 'web', externalId: String(u), ...stamps }).execute();
    for (let b = 0; b < 10; b++) {
      const choices = Array.from({ length: 4 }, () => (rng() < 0.7 ? 'a' : 'b'));
      const votesA = choices.filter((c) => c === 'a').length;
      // Per-choice tallies as the store's vote transaction keeps them.
      await k
        .insertInto('Battle')
        .values({ id: `b${b}`, token: `t${b}`, chatId: 'c', initiatorId: 'u0', modelAId: 'x', modelBId: 'y', status: 'closed', voteCount: 4, votesA, votesB: 4 - votesA, openedAt: now })
        .execute();
      for (const [v, choice] of choices.entries()) await k.insertInto('Vote').values({ id: newId(), battleId: `b${b}`, voterId: `u${v}`, choice, createdAt: now }).execute();
    }
    await db.close();
    const r = await cli(['--format', 'json', '--bootstrap', '50'], { DATABASE_URL: url });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.battles).toBe(10);
    expect(json.models.map((m: { votes: number }) => m.votes)).toEqual([40, 40]);
  });

  it('fails clearly with distinct exit codes', async () => {
    const missing = await cli(['--votes', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/votes file not found/);
    const noDb = await cli([], { DATABASE_URL: `file:${join(dir, 'absent.db')}` });
    expect(noDb.code).toBe(3);
    expect(noDb.stderr).toMatch(/database not found/);
    const bad = await cli(['--bootstrap', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--bootstrap must be a whole number/);
    const png = await cli(['--votes', arena, '--format', 'png']);
    expect(png.code).toBe(2);
    expect(png.stderr).toMatch(/needs --out/);
    const seg = await cli(['--votes', arena, '--segment', 'platform=telegram']);
    expect(seg.code).toBe(2);
    expect(seg.stderr).toMatch(/needs the database/);
    const anchor = await cli(['--votes', arena, '--anchor', 'ghost=1000', '--bootstrap', '0']);
    expect(anchor.code).toBe(2);
    expect(anchor.stderr).toMatch(/anchor model "ghost"/);
    const unknown = await cli(['--colour']);
    expect(unknown.code).toBe(2);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--segment KEY=VALUE/);
  });
});

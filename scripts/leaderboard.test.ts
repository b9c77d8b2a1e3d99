// The command line end to end: spawned as `tsx scripts/leaderboard.ts`, as npm runs it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/store/database';
import { newId } from '../core/store/ids';
import { createRng } from '../core/ranking/math/random';
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
    // Issue 13 added the groups, the warnings and the vote total beside the models.
    expect(Object.keys(json).sort()).toEqual(['battles', 'components', 'computed_at', 'models', 'votes', 'warnings']);
    expect(json.battles).toBe(3000);
    expect(json.warnings).toEqual([]);
    expect(json.components).toEqual([{ models: expect.any(Array), relation: 'main', attached_to: null }]);
    expect(json.models.map((m: { model: string }) => m.model)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    for (const m of json.models) {
      expect(Object.keys(m).sort()).toEqual([
        'both_bad', 'bound', 'ci_high', 'ci_low', 'component', 'flags', 'losses', 'model', 'rank', 'rank_high', 'rank_low', 'score', 'ties', 'votes', 'wins',
      ]);
      expect(m.ci_low).toBeLessThanOrEqual(m.score);
      expect(m.ci_high).toBeGreaterThanOrEqual(m.score);
      expect(m.wins + m.ties + m.losses + m.both_bad).toBe(m.votes);
      expect(m.both_bad).toBeGreaterThan(0);
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
    // `votes` counts every vote cast (issue 13: both-bad has its own column); the score counted the others only.
    type Row = { votes: number; wins: number; ties: number; losses: number; both_bad: number };
    expect(json.models.reduce((s: number, m: Row) => s + m.votes, 0) / 2).toBe(1500);
    expect(json.models.reduce((s: number, m: Row) => s + m.wins + m.ties + m.losses, 0) / 2).toBeLessThan(1500);
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

  it('refuses an unknown category or style-control variant', async () => {
    const category = await cli(['--votes', arena, '--segment', 'category=poetry']);
    expect(category.code).toBe(2);
    expect(category.stderr).toMatch(/category: use one of coding, math/);
    const variant = await cli(['--votes', arena, '--style-control', 'fancy']);
    expect(variant.code).toBe(2);
    expect(variant.stderr).toMatch(/--style-control must be lmarena or comparia/);
  });

  it('honours LMArena dumps: anony false and dedup_tag.sampled false are left out, and said so', async () => {
    const lines: string[] = [];
    for (let k = 0; k < 600; k++) {
      lines.push(
        JSON.stringify({
          model_a: `m${k % 3}`,
          model_b: `m${(k + 1) % 3}`,
          winner: k % 5 === 0 ? 'model_b' : 'model_a',
          judge: `arena_user_${k % 40}`,
          // 60 named battles (the voter saw the models), as LMArena's dumps mark them
          anony: k % 10 !== 0,
          // 25 repeated prompts beyond LMArena's cap
          ...(k % 24 === 1 ? { dedup_tag: { high_freq: true, sampled: false } } : { dedup_tag: { high_freq: false, sampled: true } }),
        }),
      );
    }
    const dump = join(dir, 'lmarena-dump.jsonl');
    writeFileSync(dump, lines.join('\n'));
    const r = await cli(['--votes', dump, '--format', 'json', '--bootstrap', '0', '--min-votes', '0']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).battles).toBe(600 - 60 - 25);
    expect(r.stderr).toMatch(/60 battle\(s\) left out: not anonymous/);
    expect(r.stderr).toMatch(/25 battle\(s\) left out: repeated prompt/);
  });

  it('exits non-zero with a clear message on a file without a single valid vote', async () => {
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '\n\n');
    const e = await cli(['--votes', empty]);
    expect(e.code).toBe(3);
    expect(e.stderr).toMatch(/no vote in .*empty\.jsonl: the file is empty/);
    expect(e.stdout).toBe('');
    const junk = join(dir, 'junk.jsonl');
    writeFileSync(junk, '{"model_a": 1}\nnot json\n');
    const j = await cli(['--votes', junk]);
    expect(j.code).toBe(3);
    expect(j.stderr).toMatch(/no valid vote in .*junk\.jsonl: all 2 record\(s\) are malformed \(first: line 1: model_a and model_b must be/);
    expect(j.stdout).not.toMatch(/No votes yet/);
  });

  it('writes the heatmap, checks voters with an organizer report, fits a tie model and LMArena style control', async () => {
    const heat = join(dir, 'heat.png');
    const report = join(dir, 'report.txt');
    const rows = drawRows(SCORES, { votes: 3000, seed: 9 });
    const meta = (k: number) => ({ sum_assistant_a_tokens: 200 + (k % 7) * 40, sum_assistant_b_tokens: 300, header_count_a: { h1: k % 3 }, header_count_b: { h1: 1 }, list_count_a: { ordered: k % 4 }, list_count_b: { ordered: 1 }, bold_count_a: { '**': k % 2 }, bold_count_b: { '**': 0 } });
    const styled = join(dir, 'styled.jsonl');
    writeFileSync(
      styled,
      rows
        .map((row, k) => JSON.stringify({ model_a: row.modelA, model_b: row.modelB, winner: winner[row.outcome], judge: k % 97 === 0 ? 'troll' : `u${k % 50}`, conv_metadata: meta(k) }))
        .join('\n'),
    );
    const h = await cli(['--votes', styled, '--format', 'heatmap', '--out', heat, '--bootstrap', '0', '--locale', 'fr']);
    expect(h.code).toBe(0);
    expect(readFileSync(heat).readUInt32BE(16)).toBe(1080);
    expect(h.stderr).toMatch(/Tableau des victoires de 5 modèles/);
    const r = await cli(['--votes', styled, '--format', 'json', '--bootstrap', '50', '--voters', 'exclude', '--report', report, '--tie-model', 'davidson', '--style-control', 'lmarena']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.voters).toMatchObject({ policy: 'exclude', checked: expect.any(Number) });
    expect(json.voters.checked).toBeGreaterThan(40);
    expect(json.tie_model.kind).toBe('davidson');
    expect(json.style_control.variant).toBe('lmarena');
    expect(Object.keys(json.style_control.coefficients).sort()).toEqual(['bold', 'headers', 'length', 'lists']);
    expect(json.models[0].style.score).toEqual(expect.any(Number));
    const text = readFileSync(report, 'utf8');
    expect(text).toMatch(/^Organizer report/);
    expect(text).toMatch(/Voter quality \(flagged voters excluded, test level 0.01\): \d+ voters/);
    expect(text).toMatch(/Herding: not checked/);
  });

  it('says when a campaign is unknown, and lists the categories', async () => {
    const url = `file:${join(dir, 'pnyx.db')}`;
    const unknown = await cli(['--segment', 'campaign=nope'], { DATABASE_URL: url });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown campaign "nope"/);
    const prompts = join(dir, 'prompts.jsonl');
    const conv = (text: string) => [{ role: 'user', content: text }, { role: 'assistant', content: 'ok' }];
    writeFileSync(
      prompts,
      [
        JSON.stringify({ model_a: 'x', model_b: 'y', winner: 'model_a', conversation_a: conv('Write a poem about rain.') }),
        JSON.stringify({ model_a: 'x', model_b: 'y', winner: 'model_b', conversation_a: conv('Solve 2x + 3 = 11.') }),
        JSON.stringify({ model_a: 'x', model_b: 'y', winner: 'model_b', category_tag: { 'math_v0.1': { math: true } } }),
        JSON.stringify({ model_a: 'x', model_b: 'y', winner: 'model_b' }),
      ].join('\n'),
    );
    const list = await cli(['--votes', prompts, '--list-categories']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^coding\t0\tcoding$/m);
    expect(list.stdout).toMatch(/^math\t2\tmath$/m);
    expect(list.stdout).toMatch(/^creative-writing\t1\tcreative writing$/m);
    const math = await cli(['--votes', prompts, '--segment', 'category=math', '--format', 'json', '--bootstrap', '0', '--min-votes', '0']);
    expect(math.code).toBe(0);
    expect(JSON.parse(math.stdout).votes).toBe(2);
    expect(math.stderr).toMatch(/1 vote\(s\) left out: no prompt text nor category tags/);
  });
});
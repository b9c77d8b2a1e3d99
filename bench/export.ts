// `npm run bench:export`: the open-dataset export on 1,000,000 votes (~400,000 battles of 1–4 votes among 100 models,
// each battle one turn with two replies) in a SQLite database with the project's real schema. Two phases, each in a
// fresh process so its peak memory (max RSS) is its own: the PII screening pass over every battle, then the export
// (conversations, votes, reactions as Parquet + JSONL, battles.json, datasheet). Options: --votes N (default 1e6),
// --dir DIR (where the fixture and the output go; default the system's temporary folder), --keep (leave the files),
// --reuse (use the fixture a --keep run left).
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createRng } from '../core/ranking/math/random';
import { migrationSql } from './fixtures/ranking-fixture';

/** A cuid-like id from the seeded generator (ids order battles, as real cuids do by time). */
const cuid = (rng: () => number) => `c${Math.floor(rng() * 2 ** 48).toString(36).padStart(10, '0')}${Math.floor(rng() * 2 ** 48).toString(36).padStart(10, '0')}`;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name: string, fallback: string) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1]! : fallback;
};

const PROMPTS = [
  'Explique la photosynthèse à un enfant de dix ans.',
  'Write a haiku about the sea at night.',
  'Quels sont les avantages et inconvénients du télétravail ?',
  'How do I reverse a linked list in Python? Show the code.',
  'Résume la Révolution française en cinq points.',
  'What is the difference between TCP and UDP?',
  'Propose un menu végétarien pour un dîner de six personnes.',
  'Translate "good morning, how are you?" into Spanish and German.',
];
const REPLY = (i: number) =>
  `Voici une réponse détaillée numéro ${i % 97}. ` +
  'La question porte sur un sujet courant; la réponse donne le contexte, trois points clés et une conclusion. '.repeat(1 + (i % 4)) +
  '\n- premier point\n- deuxième point\n- troisième point\n\n**En bref** : voilà.';

function writeFixture(file: string, votes: number): { battles: number } {
  rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.exec(migrationSql());
  const rng = createRng(20261207, 1);
  const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
  const start = Date.UTC(2026, 0, 1);
  const users = 20_000;
  const models = 100;
  let battles = 0;
  db.transaction(() => {
    const now = iso(start);
    const model = db.prepare('INSERT INTO "Model" ("id","provider","displayName","updatedAt") VALUES (?,?,?,?)');
    for (let i = 0; i < models; i++) model.run(`model-${i}`, 'bench', `model-${i}`, now);
    const user = db.prepare('INSERT INTO "User" ("id","platform","externalId","updatedAt") VALUES (?,?,?,?)');
    for (let i = 0; i < users; i++) user.run(`u${i}`, 'telegram', String(i), now);
    const chat = db.prepare('INSERT INTO "Chat" ("id","platform","externalId","kind","settings","updatedAt") VALUES (?,?,?,?,?,?)');
    for (let i = 0; i < 200; i++) chat.run(`chat${i}`, ['telegram', 'discord', 'slack', 'web'][i % 4], String(i), 'group', '{"publishData":true}', now);
    const battle = db.prepare(
      'INSERT INTO "Battle" ("id","token","chatId","initiatorId","modelAId","modelBId","language","status","voteCount","votesA","votesB","votesTie","votesBothBad","openedAt","closedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
    );
    const turn = db.prepare('INSERT INTO "Turn" ("id","battleId","index","authorId","prompt","createdAt") VALUES (?,?,?,?,?,?)');
    const reply = db.prepare('INSERT INTO "Reply" ("id","turnId","side","modelId","text","tokensOut","createdAt") VALUES (?,?,?,?,?,?,?)');
    const vote = db.prepare('INSERT INTO "Vote" ("id","battleId","voterId","choice","reasons","createdAt") VALUES (?,?,?,?,?,?)');
    const choices = ['a', 'b', 'tie', 'both_bad'];
    let written = 0;
    while (written < votes) {
      const i = Math.floor(rng() * models);
      let j = Math.floor(rng() * (models - 1));
      if (j >= i) j++;
      const k = Math.min(1 + Math.floor(rng() * 4), votes - written);
      const at = start + written * 20_000;
      const id = cuid(rng);
      const outcomes = Array.from({ length: k }, () => choices[Math.floor(rng() * 3.2)]!);
      const tally = (o: string) => outcomes.filter((x) => x === o).length;
      const initiator = `u${Math.floor(rng() * users)}`;
      battle.run(id, `t${battles}`, `chat${battles % 200}`, initiator, `model-${i}`, `model-${j}`, battles % 3 ? 'fr' : 'en', 'closed', k, tally('a'), tally('b'), tally('tie'), tally('both_bad'), iso(at), iso(at + 600_000));
      turn.run(`${id}t`, id, 0, initiator, PROMPTS[battles % PROMPTS.length]!, iso(at));
      reply.run(`${id}a`, `${id}t`, 'a', `model-${i}`, REPLY(battles), 180, iso(at));
      reply.run(`${id}b`, `${id}t`, 'b', `model-${j}`, REPLY(battles + 1), 200, iso(at));
      const first = Math.floor(rng() * users);
      outcomes.forEach((o, v) => vote.run(cuid(rng), id, `u${(first + v * 7919) % users}`, o, o === 'a' || o === 'b' ? '["useful"]' : '[]', iso(at + v * 1000)));
      written += k;
      battles++;
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { battles };
}

interface PhaseResult {
  phase: 'screen' | 'export';
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  rows: number;
  battles: number;
}

async function child(phase: 'screen' | 'export', dbFile: string, out: string): Promise<PhaseResult> {
  const { openDatabase } = await import('../core/store/database');
  const db = await openDatabase(`file:${dbFile}`, { migrate: false });
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const c0 = cpu();
  const t0 = performance.now();
  let rows = 0;
  let battles = 0;
  if (phase === 'screen') {
    const { screenBattles } = await import('../core/privacy/pii/screen-battles');
    const s = await screenBattles(db.kysely, { batch: 1000 });
    rows = s.screened;
    battles = s.screened;
  } else {
    const cliProgress = (await import('cli-progress')).default;
    const { exportDataset } = await import('../core/privacy/export/dataset');
    const { createPseudonymizer } = await import('../core/privacy/pseudonyms');
    const bar = new cliProgress.SingleBar({ format: 'export [{bar}] {percentage}% | {value}/{total} battles | {eta_formatted} left', stream: process.stderr }, cliProgress.Presets.shades_classic);
    let started = false;
    const s = await exportDataset({
      db: db.kysely,
      out,
      pseudonym: createPseudonymizer('bench-secret-0123456789abcdef'),
      licence: 'CC-BY-4.0',
      onProgress: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
    });
    bar.stop();
    rows = s.votes;
    battles = s.conversations;
  }
  const ms = performance.now() - t0;
  await db.close();
  return { phase, ms, cpuMs: cpu() - c0, maxRssMb: process.resourceUsage().maxRSS / 1024, rows, battles };
}

if (process.argv.includes('--child')) {
  const result = await child(arg('--child', 'export') as 'screen' | 'export', arg('--db', ''), arg('--out', ''));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const votes = Number(arg('--votes', '1000000'));
  const dir = resolve(arg('--dir', join(tmpdir(), 'pnyx-bench-export')));
  mkdirSync(dir, { recursive: true });
  const dbFile = join(dir, `export-${votes}.db`);
  const out = join(dir, `export-${votes}-out`);
  const t0 = performance.now();
  if (process.argv.includes('--reuse') && existsSync(dbFile)) {
    // A fixture kept by --keep: screening starts again from scratch.
    const db = new Database(dbFile);
    db.exec('UPDATE "Battle" SET "piiVerdict" = NULL, "piiCheckedAt" = NULL');
    db.close();
    console.error(`fixture: reusing ${dbFile}`);
  } else {
    const { battles } = writeFixture(dbFile, votes);
    console.error(`fixture: ${votes.toLocaleString('en-US')} votes in ${battles.toLocaleString('en-US')} battles, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const results: PhaseResult[] = [];
  for (const phase of ['screen', 'export'] as const) {
    const text = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', phase, '--db', dbFile, '--out', out], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    }).toString();
    results.push(JSON.parse(text.trim().split('\n').pop()!) as PhaseResult);
  }
  const sizes = existsSync(out) ? readdirSync(out).map((f) => `${f} ${(statSync(join(out, f)).size / 1e6).toFixed(0)} MB`) : [];
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('| phase | battles | rows | wall | CPU | rows/s (wall) | peak RSS |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const unit = r.phase === 'screen' ? 'battles' : 'votes';
    console.log(`| ${r.phase} | ${r.battles.toLocaleString('en-US')} | ${r.rows.toLocaleString('en-US')} ${unit} | ${(r.ms / 1000).toFixed(1)} s | ${(r.cpuMs / 1000).toFixed(1)} s | ${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en-US')} | ${r.maxRssMb.toFixed(0)} MB |`);
  }
  console.log(`files: ${sizes.join(', ')}`);
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}

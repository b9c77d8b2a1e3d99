// `npx tsx bench/ranking-digest.ts [--dir DIR] [--large] [--only TEXT]` (--only: the cases whose name contains TEXT):
// a sha256 of what the ranking readers and the leaderboard give on fixed inputs, to show that a refactoring of the hot
// paths (the counts builder, the file reader) changed no output byte. Not a test of correctness, only "same as
// before": run it before and after a change and compare the digests.
// Inputs: the benchmark's 1M-vote fixtures (bench/fixtures/ranking-fixture.ts, under /tmp/pnyx-bench by default;
// written when missing), read as JSONL on one thread and in two halves on two threads (the benchmark's way), with a
// language/time segment, as per-vote rows (and the voter check), and from SQLite; files in every format that
// readers/source-file.test.ts writes (LMArena JSONL, compar:IA JSON array, malformed lines, a broken array, segments,
// BOM and CRLF across chunks, battle ids across the halves, style features) plus categories; the LMArena style
// fixture under core/ranking/math; and a seeded mix of fractional, crowd and single-vote tallies fed to the counts
// builder through each of its entry points. --large adds the 10M-vote JSONL fixture (tens of seconds).
// Each case prints its digest; the last line is the digest of all of them. Boards are computed with a fixed seed and
// a fixed clock; results are serialized as JSON with typed arrays as arrays.
import { createHash, type Hash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFixtures } from './fixtures/ranking-fixture';
import {
  computeLeaderboardAsync,
  createBootstrapPool,
  createCountsBuilder,
  mergeCounts,
  prepareVotes,
  readVoteCounts,
  readVotesFile,
  type ComputeOptions,
  type FileVotes,
  type PairCounts,
  type ReadFileParallelOptions,
  type StyleBattle,
} from '../core/ranking';
import { addCounts, canonicalCounts } from '../core/ranking/math/counts';
import { createRng } from '../core/ranking/math/random';
import { conversation as conv, LMARENA_STYLE_META as meta, lmarenaLine as lm } from '../core/ranking/test-helpers';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name: string, fallback: string) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1]! : fallback;
};

/** JSON with typed arrays as plain arrays (their JSON is otherwise an object keyed by index). */
const json = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v));

const EPOCH = () => new Date(0);

type Case = { name: string; run: (h: Hash) => Promise<void> };

async function main(): Promise<void> {
  const dir = resolve(arg('--dir', join(tmpdir(), 'pnyx-bench')));
  const only = arg('--only', '');
  const pool = createBootstrapPool(1);
  const tmp = mkdtempSync(join(tmpdir(), 'pnyx-digest-'));
  const file = (name: string, text: string) => {
    const p = join(tmp, name);
    writeFileSync(p, text);
    return p;
  };

  /** A board over `counts` (plus style battles or a voter report) into the hash. */
  const board = async (h: Hash, counts: PairCounts, options: ComputeOptions = {}) => {
    const b = await computeLeaderboardAsync(counts, { seed: 1, runner: pool.run, now: EPOCH, ...options });
    h.update(json(b));
  };
  /** Everything a file read returns, rows one at a time (a million rows make a string too long for one JSON). */
  const fileVotes = (h: Hash, r: FileVotes) => {
    const { rows, ...rest } = r;
    h.update(json(rest));
    if (rows) for (const row of rows) h.update(`${json(row)}\n`);
  };
  const readAndBoard = async (h: Hash, path: string, options: ReadFileParallelOptions, compute: ComputeOptions = {}) => {
    const r = await readVotesFile(path, options);
    fileVotes(h, r);
    await board(h, r.counts, { ...compute, ...(r.style ? { style: r.style } : {}) });
  };

  const cases: Case[] = [];
  const add = (name: string, run: Case['run']) => cases.push({ name, run });

  // The benchmark's fixtures.
  const big = await ensureFixtures(dir, { votes: 1_000_000, models: 100, seed: 7, voteRows: true });
  add('1M jsonl, one thread', (h) => readAndBoard(h, big.jsonl, {}));
  add('1M jsonl, two halves', (h) => readAndBoard(h, big.jsonl, { helper: pool.readJsonlRange }));
  add('1M jsonl, segment fr since 2025-03', (h) =>
    readAndBoard(h, big.jsonl, { helper: pool.readJsonlRange, segment: { language: 'fr', since: new Date(Date.UTC(2025, 2, 1)) } }));
  add('1M jsonl, rows + voters', async (h) => {
    const r = await readVotesFile(big.jsonl, { helper: pool.readJsonlRange, rows: true });
    fileVotes(h, r);
    const { counts, voters } = prepareVotes(r.rows!, { voters: 'flag' });
    await board(h, counts, { voters });
  });
  add('1M sqlite', async (h) => {
    const { openDatabase } = await import('../core/store/database');
    const db = await openDatabase(`file:${big.sqlite}`, { migrate: false });
    try {
      const counts = await readVoteCounts(db.kysely);
      h.update(json(counts));
      await board(h, counts);
    } finally {
      await db.close();
    }
  });
  if (process.argv.includes('--large')) {
    const large = await ensureFixtures(dir, { votes: 10_000_000, models: 200, seed: 7, voteRows: false });
    add('10M jsonl, two halves', (h) => readAndBoard(h, large.jsonl, { helper: pool.readJsonlRange }, { bootstrap: 100 }));
  }

  // The formats of readers/source-file.test.ts (same texts), read alone and, for JSONL, in two halves.
  const small: ComputeOptions = { minVotes: 0, bootstrap: 200 };
  const split = { helper: pool.readJsonlRange, minSplitBytes: 0 };
  const arena = file('arena.jsonl', [lm('gpt', 'claude', 'model_a'), lm('claude', 'gpt', 'model_a'), lm('claude', 'gpt', 'model_b'), lm('gpt', 'claude', 'tie'), lm('gpt', 'claude', 'tie (bothbad)'), ''].join('\n'));
  add('test: lmarena jsonl', (h) => readAndBoard(h, arena, {}, small));
  const comparia = file(
    'comparia.json',
    JSON.stringify(
      [
        { model_a_name: 'mistral', model_b_name: 'llama', chosen_model_name: 'mistral', both_equal: false },
        { model_a_name: 'mistral', model_b_name: 'llama', chosen_model_name: 'llama', both_equal: false },
        { model_a_name: 'llama', model_b_name: 'mistral', chosen_model_name: null, both_equal: true, note: 'brackets ] and braces } in "strings"' },
        { model_a_name: 'llama', model_b_name: 'qwen', chosen_model_name: 'both_bad', conversation_pair_id: 'p1', visitor_id: 'v1', languages: ['French'], timestamp: '2025-01-02T03:04:05Z' },
        { model_a_name: 'qwen', model_b_name: 'llama', chosen_model_name: 'qwen', conversation_pair_id: 'p1', session_hash: 's2' },
      ],
      null,
      2,
    ),
  );
  add('test: comparia json array', (h) => readAndBoard(h, comparia, {}, small));
  add('test: comparia json array, rows', (h) => readAndBoard(h, comparia, { rows: true }, small));
  const bad = file(
    'bad.jsonl',
    [
      lm('a', 'b', 'model_a'),
      '{"model_a": "a", "model_b": ',
      lm('a', 'b', 'model_c'),
      '',
      JSON.stringify({ hello: 'world' }),
      '[1, 2]',
      lm('a', 'a', 'tie'),
      JSON.stringify({ model_a_name: 'x', model_b_name: 'y', chosen_model_name: 'z', both_equal: false }),
      lm('b', 'a', 'model_b'),
      lm('b', 'a', 'model_a', { anony: false }),
      lm('b', 'a', 'model_a', { anony: 'yes' }),
      lm('b', 'a', 'model_a', { dedup_tag: { sampled: false } }),
      lm('b', 'a', 'model_a', { battle_id: '' }),
    ].join('\n'),
  );
  add('test: malformed jsonl', (h) => readAndBoard(h, bad, { maxExamples: 3 }, small));
  add('test: malformed jsonl, all examples', (h) => readAndBoard(h, bad, {}, small));
  const broken = file('broken.json', `[\n  ${lm('a', 'b', 'model_a')},\n  {"model_a": "a", "model_b": "b", "winner": "nobody"},\n  42,\n  ${lm('a', 'b', 'model_b')}\n`);
  add('test: broken json array', (h) => readAndBoard(h, broken, {}, small));
  const trailing = file('trailing.json', `[${lm('a', 'b', 'model_a')}, "x", ${lm('b', 'a', 'tie')}] junk`);
  add('test: json array with trailing text', (h) => readAndBoard(h, trailing, {}, small));
  const t = Date.UTC(2026, 2, 1) / 1000;
  const segments = file(
    'segments.jsonl',
    [lm('a', 'b', 'model_a', { language: 'French', tstamp: t }), lm('a', 'b', 'model_a', { language: 'English', tstamp: t }), lm('a', 'b', 'model_b', { language: 'French', tstamp: t - 86_400 * 40 })].join('\n'),
  );
  add('test: segments fr', (h) => readAndBoard(h, segments, { segment: { language: 'fr' } }, small));
  add('test: segments fr recent', (h) => readAndBoard(h, segments, { segment: { language: 'fr', since: new Date(Date.UTC(2026, 1, 1)) } }, small));
  add('test: segments rows', (h) => readAndBoard(h, segments, { rows: true }, small));
  const bigLines: string[] = [];
  for (let i = 0; i < 30_000; i++) bigLines.push(lm(`m${i % 7}`, `m${(i + 1) % 7}`, i % 3 === 0 ? 'model_b' : 'model_a', { pad: 'é'.repeat(i % 50) }));
  const crlf = file('big.jsonl', `\uFEFF${bigLines.join('\r\n')}`);
  add('test: BOM + CRLF jsonl across chunks', (h) => readAndBoard(h, crlf, {}, small));
  add('test: BOM + CRLF jsonl, two halves', (h) => readAndBoard(h, crlf, split, small));
  const halvesLines: string[] = [];
  for (let i = 0; i < 5000; i++) halvesLines.push((i + 1) % 997 === 0 ? `{broken ${i}` : lm(`m${i % 5}`, `m${(i + 2) % 5}`, i % 4 === 0 ? 'tie' : 'model_a'));
  const halves = file('halves.jsonl', `\uFEFF${halvesLines.join('\n')}`);
  add('test: halves, one thread', (h) => readAndBoard(h, halves, {}, small));
  add('test: halves, two halves', (h) => readAndBoard(h, halves, split, small));
  const battleLines: string[] = [];
  for (let i = 0; i < 5000; i++) {
    const b = i % 700;
    const [x, y] = [`m${b % 5}`, `m${(b + 1) % 5}`];
    const flip = i % 3 === 0;
    battleLines.push(JSON.stringify({ battle_id: `b${b}`, model_a: flip ? y : x, model_b: flip ? x : y, winner: i % 4 === 0 ? 'tie' : 'model_a' }));
  }
  battleLines.push(JSON.stringify({ battle_id: 'b1', model_a: 'm0', model_b: 'm4', winner: 'model_a' }));
  battleLines.push(JSON.stringify({ battle_id: 'bé', model_a: 'm0', model_b: 'm4', winner: 'model_b', extra: { nested: [1, 2] } }));
  battleLines.push(JSON.stringify({ battle_id: 'bé', model_a: 'm4', model_b: 'm0', winner: 'model_b' }));
  const battles = file('battles.jsonl', battleLines.join('\n'));
  add('test: battle ids, one thread', (h) => readAndBoard(h, battles, {}, small));
  add('test: battle ids, two halves', (h) => readAndBoard(h, battles, split, small));
  add('test: battle ids, rows', (h) => readAndBoard(h, battles, { rows: true }, small));
  const style = file(
    'style.jsonl',
    [
      lm('a', 'b', 'model_a', { conv_metadata: meta }),
      JSON.stringify({ model_a_name: 'a', model_b_name: 'b', chosen_model_name: 'b', both_equal: false, conversation_a: conv('short'), conversation_b: conv('# Title\n- one\n- two\n**bold**') }),
      lm('b', 'c', 'tie', { battle_id: 's1', conversation_a: conv('x'), conversation_b: conv('y') }),
      lm('b', 'c', 'model_b', { battle_id: 's1', conversation_a: conv('x'), conversation_b: conv('y') }),
    ].join('\n'),
  );
  add('test: style', (h) => readAndBoard(h, style, { style: true }, small));
  const categories = file(
    'categories.jsonl',
    [
      lm('a', 'b', 'model_a', { conversation_a: conv('ok', 'Write a Python function that sorts a list'), battle_id: 'c1' }),
      lm('a', 'b', 'model_b', { conversation_a: conv('ok', 'Write a Python function that sorts a list'), battle_id: 'c1' }),
      lm('b', 'c', 'model_a', { category_tag: { 'math_v0.1': { math: true }, 'criteria_v0.1': { a: true, b: true, c: true, d: true, e: true, f: true } }, turn: 2 }),
      lm('c', 'a', 'tie', { prompt: 'Write a poem about the sea' }),
      lm('c', 'a', 'model_a'),
      JSON.stringify({ model_a_name: 'a', model_b_name: 'c', chosen_model_name: 'c', opening_msg: 'Prove that 2 + 2 = 4' }),
    ].join('\n'),
  );
  add('test: categories', (h) => readAndBoard(h, categories, { categories: true }, small));
  add('test: category segment', (h) => readAndBoard(h, categories, { categories: true, segment: { category: 'coding' } }, small));

  // The style fixture under core/ranking/math: multi-vote tallies through addBattles, with style control.
  add('lmarena-style fixture', async (h) => {
    const fixture = JSON.parse(readFileSync(join(root, 'core/ranking/math/lmarena-style.fixture.json'), 'utf8')) as {
      battles: Array<[string, string, number[], number[], [number, number, number]]>;
    };
    const counts = createCountsBuilder();
    const st = (s: number[]) => ({ length: s[0]!, headers: s[1]!, lists: s[2]!, bold: s[3]! });
    const styleBattles: StyleBattle[] = fixture.battles.map(([a, b, sa, sb, [va, vb, vt]]) => {
      counts.addBattles(a, b, { a: va, b: vb, tie: vt, bothBad: 0 });
      return { modelA: a, modelB: b, styleA: st(sa), styleB: st(sb), winsA: va, winsB: vb, ties: vt, bothBad: 0 };
    });
    const c = counts.build();
    h.update(json(c));
    await board(h, c, { bootstrap: 100, minVotes: 0, prior: 1e-9, style: styleBattles, styleVariant: 'lmarena' });
  });

  // Every entry point of the counts builder on a seeded mix: single votes (add, with counts), one-vote tallies given
  // as tallies, small integer tallies (the hash table), fractional and crowd tallies (the per-pair lists), pair()
  // adders, thousands of pairs (the single-vote array grows), self battles and empty tallies (ignored); then the
  // merge, re-keying and canonical order built on it.
  add('counts builder mix', async (h) => {
    const rng = createRng(11, 3);
    const builder = createCountsBuilder();
    const models = Array.from({ length: 300 }, (_, i) => `m${i}`);
    const pick = () => models[Math.floor(rng() * (rng() < 0.8 ? 20 : models.length))]!;
    const outcomes = ['a', 'b', 'tie', 'both_bad'] as const;
    const int = (n: number) => Math.floor(rng() * n);
    for (let k = 0; k < 200_000; k++) {
      const a = pick();
      const b = pick();
      const kind = int(7);
      if (kind === 0) builder.add(a, b, outcomes[int(4)]!, rng() < 0.9 ? 1 : int(4));
      else if (kind === 1) {
        const o = int(4);
        builder.addBattles(a, b, { a: o === 0 ? 1 : 0, b: o === 1 ? 1 : 0, tie: o === 2 ? 1 : 0, bothBad: o === 3 ? 1 : 0 }, 1 + int(2));
      } else if (kind === 2 || kind === 3) builder.addBattles(a, b, { a: int(4), b: int(4), tie: int(2), bothBad: int(2) }, rng() < 0.95 ? 1 : int(3));
      else if (kind === 4) builder.addBattles(a, b, { a: int(3) * 0.5, b: rng() * 2, tie: int(2), bothBad: 0 });
      else if (kind === 5) builder.addBattles(a, b, { a: int(40), b: int(40), tie: int(20), bothBad: int(20) }, 1 + int(2));
      else {
        const add = builder.pair(a, b);
        for (let j = int(4); j > 0; j--) add(int(3), int(3), int(2), int(2), int(3));
        add(0.5, 0.5, 0, 0, 1);
      }
    }
    const c = builder.build();
    h.update(json(c));
    const merged = mergeCounts([c, c]);
    h.update(json(merged));
    const renamed = createCountsBuilder();
    addCounts(renamed, c, (m) => `x-${m.length % 3}-${m}`);
    h.update(json(renamed.build()));
    const canonical = canonicalCounts(c);
    h.update(json(canonical));
    await board(h, canonical, { bootstrap: 100, minVotes: 0 });
  });

  const all = createHash('sha256');
  try {
    for (const c of cases) {
      if (!c.name.includes(only)) continue;
      const h = createHash('sha256');
      const t0 = performance.now();
      await c.run(h);
      const d = h.digest('hex');
      all.update(`${c.name}\t${d}\n`);
      console.log(`${d.slice(0, 16)}  ${c.name}  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await pool.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`all: ${all.digest('hex')}`);
}

await main();

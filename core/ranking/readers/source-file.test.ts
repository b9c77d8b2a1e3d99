import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readVotesFile } from './source-file';
import { conversation as conv, LMARENA_STYLE_META as meta, lmarenaLine as lm, pairTotals } from '../test-helpers';

const dir = mkdtempSync(join(tmpdir(), 'pnyx-votes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};


describe('reading public vote files', () => {
  it('reads LMArena/FastChat battles as JSONL, counting all four outcomes on either side', async () => {
    const p = file(
      'arena.jsonl',
      [
        lm('gpt', 'claude', 'model_a'),
        lm('claude', 'gpt', 'model_a'),
        lm('claude', 'gpt', 'model_b'),
        lm('gpt', 'claude', 'tie'),
        lm('gpt', 'claude', 'tie (bothbad)'),
        '',
      ].join('\n'),
    );
    const r = await readVotesFile(p);
    expect(r.formats).toEqual(['lmarena']);
    expect(r.records).toBe(5);
    expect(r.malformed.count).toBe(0);
    expect(pairTotals(r.counts, 'gpt', 'claude')).toEqual({ x: 2, y: 1, tie: 1, bothBad: 1 });
  });

  it('reads compar:IA votes as a pretty-printed JSON array', async () => {
    const votes = [
      { model_a_name: 'mistral', model_b_name: 'llama', chosen_model_name: 'mistral', both_equal: false },
      { model_a_name: 'mistral', model_b_name: 'llama', chosen_model_name: 'llama', both_equal: false },
      { model_a_name: 'llama', model_b_name: 'mistral', chosen_model_name: null, both_equal: true, note: 'brackets ] and braces } in "strings"' },
    ];
    const r = await readVotesFile(file('comparia.json', JSON.stringify(votes, null, 2)));
    expect(r.formats).toEqual(['comparia']);
    expect(r.malformed.count).toBe(0);
    expect(pairTotals(r.counts, 'mistral', 'llama')).toEqual({ x: 1, y: 1, tie: 1, bothBad: 0 });
  });

  it('counts and reports malformed lines with their numbers, and keeps going', async () => {
    const p = file(
      'bad.jsonl',
      [
        lm('a', 'b', 'model_a'), // 1
        '{"model_a": "a", "model_b": ', // 2 truncated
        lm('a', 'b', 'model_c'), // 3 unknown winner
        '', // 4 blank: ignored
        JSON.stringify({ hello: 'world' }), // 5 unknown shape
        '[1, 2]', // 6 not an object
        lm('a', 'a', 'tie'), // 7 self battle
        JSON.stringify({ model_a_name: 'x', model_b_name: 'y', chosen_model_name: 'z', both_equal: false }), // 8
        lm('b', 'a', 'model_b'), // 9
      ].join('\n'),
    );
    const r = await readVotesFile(p);
    expect(r.records).toBe(8);
    expect(r.accepted).toBe(2);
    expect(r.malformed.count).toBe(6);
    expect(r.malformed.examples.map((e) => e.line)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(r.malformed.examples[0]!.reason).toMatch(/invalid JSON/);
    expect(r.malformed.examples[1]!.reason).toMatch(/winner must be/);
    expect(r.malformed.examples[5]!.reason).toMatch(/chosen_model_name must name/);
    expect(pairTotals(r.counts, 'a', 'b')).toEqual({ x: 2, y: 0, tie: 0, bothBad: 0 });
  });

  it('reports a broken element of a JSON array with its line, and an unclosed array', async () => {
    const text = `[\n  ${lm('a', 'b', 'model_a')},\n  {"model_a": "a", "model_b": "b", "winner": "nobody"},\n  42,\n  ${lm('a', 'b', 'model_b')}\n`;
    const r = await readVotesFile(file('broken.json', text));
    expect(r.accepted).toBe(2);
    expect(r.malformed.examples.map((e) => e.line)).toEqual([3, 4, 6]);
    expect(r.malformed.examples[2]!.reason).toMatch(/not closed/);
  });

  it('filters by language and time window, mapping language names to ISO codes', async () => {
    const t = Date.UTC(2026, 2, 1) / 1000;
    const p = file(
      'segments.jsonl',
      [
        lm('a', 'b', 'model_a', { language: 'French', tstamp: t }),
        lm('a', 'b', 'model_a', { language: 'English', tstamp: t }),
        lm('a', 'b', 'model_b', { language: 'French', tstamp: t - 86_400 * 40 }),
      ].join('\n'),
    );
    const fr = await readVotesFile(p, { segment: { language: 'fr' } });
    expect(fr.accepted).toBe(2);
    expect(fr.filtered).toBe(1);
    const recent = await readVotesFile(p, { segment: { language: 'fr', since: new Date(Date.UTC(2026, 1, 1)) } });
    expect(recent.accepted).toBe(1);
    expect(pairTotals(recent.counts, 'a', 'b')).toEqual({ x: 1, y: 0, tie: 0, bothBad: 0 });
  });

  it('streams a large JSONL file and splits across chunk boundaries correctly', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 30_000; i++) lines.push(lm(`m${i % 7}`, `m${(i + 1) % 7}`, i % 3 === 0 ? 'model_b' : 'model_a', { pad: 'é'.repeat(i % 50) }));
    const r = await readVotesFile(file('big.jsonl', `\uFEFF${lines.join('\r\n')}`));
    expect(r.records).toBe(30_000);
    expect(r.malformed.count).toBe(0);
    expect(r.accepted).toBe(30_000);
  });

  it('reads a JSONL file in two halves on two threads with the same result and line numbers', async () => {
    const { createBootstrapPool } = await import('../parallel');
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++) lines.push((i + 1) % 997 === 0 ? `{broken ${i}` : lm(`m${i % 5}`, `m${(i + 2) % 5}`, i % 4 === 0 ? 'tie' : 'model_a'));
    const p = file('halves.jsonl', `\uFEFF${lines.join('\n')}`);
    const single = await readVotesFile(p);
    const pool = createBootstrapPool(1);
    try {
      const split = await readVotesFile(p, { helper: pool.readJsonlRange, minSplitBytes: 0 });
      expect(split.malformed).toEqual(single.malformed);
      expect(split.malformed.examples.map((e) => e.line)).toEqual([997, 1994, 2991, 3988, 4985]);
      expect(split.records).toBe(5000);
      for (const [x, y] of [['m0', 'm2'], ['m1', 'm3'], ['m4', 'm1']]) expect(pairTotals(split.counts, x!, y!)).toEqual(pairTotals(single.counts, x!, y!));
    } finally {
      await pool.close();
    }
  });

  it('groups votes sharing a battle id into one battle, also across the two halves of a parallel read', async () => {
    const { createBootstrapPool } = await import('../parallel');
    const lines: string[] = [];
    // 700 battles whose votes are spread over the whole file (so most straddle the split), some written B-vs-A.
    for (let i = 0; i < 5000; i++) {
      const b = i % 700;
      const [x, y] = [`m${b % 5}`, `m${(b + 1) % 5}`];
      const flip = i % 3 === 0;
      lines.push(JSON.stringify({ battle_id: `b${b}`, model_a: flip ? y : x, model_b: flip ? x : y, winner: i % 4 === 0 ? 'tie' : 'model_a' }));
    }
    lines.push(JSON.stringify({ battle_id: 'b1', model_a: 'm0', model_b: 'm4', winner: 'model_a' })); // same id, other pair
    const p = file('battles.jsonl', lines.join('\n'));
    const single = await readVotesFile(p);
    expect(single.counts.battles).toBe(700);
    expect(single.malformed.examples[0]!.reason).toMatch(/battle "b1" was m1 vs m2 on an earlier line, here m0 vs m4/);
    const pool = createBootstrapPool(1);
    try {
      const split = await readVotesFile(p, { helper: pool.readJsonlRange, minSplitBytes: 0 });
      expect(split.counts.battles).toBe(700);
      const cells = (c: typeof single.counts) =>
        Array.from({ length: c.cells.size }, (_, k) => {
          const q = c.cells.pair[k]!;
          return `${c.models[c.a[q]!]}-${c.models[c.b[q]!]}:${c.cells.winsA[k]},${c.cells.winsB[k]},${c.cells.ties[k]}×${c.cells.battles[k]}`;
        }).sort();
      expect(cells(split.counts)).toEqual(cells(single.counts));
      for (const [x, y] of [['m0', 'm1'], ['m3', 'm4']]) expect(pairTotals(split.counts, x!, y!)).toEqual(pairTotals(single.counts, x!, y!));
    } finally {
      await pool.close();
    }
  });

  it('collects style features from LMArena metadata or from conversations', async () => {
    const p = file(
      'style.jsonl',
      [
        lm('a', 'b', 'model_a', { conv_metadata: meta }),
        JSON.stringify({ model_a_name: 'a', model_b_name: 'b', chosen_model_name: 'b', both_equal: false, conversation_a: conv('short'), conversation_b: conv('# Title\n- one\n- two\n**bold**') }),
      ].join('\n'),
    );
    const r = await readVotesFile(p, { style: true });
    expect(r.style).toHaveLength(2);
    expect(r.style![0]).toMatchObject({ styleA: { length: 500, headers: 3, lists: 5, bold: 4 }, styleB: { length: 100, headers: 0, lists: 0, bold: 1 }, winsA: 1 });
    expect(r.style![1]).toMatchObject({ styleA: { headers: 0, lists: 0, bold: 0 }, styleB: { headers: 1, lists: 2, bold: 1 }, winsB: 1 });
  });
});

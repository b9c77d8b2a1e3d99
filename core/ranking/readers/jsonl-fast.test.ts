import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashId } from './battle-ids';
import { createFastLineReader } from './jsonl-fast';
import { parseRecord, readVotesFile } from './source-file';

const dir = mkdtempSync(join(tmpdir(), 'pnyx-fast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Lines the fast path must either read exactly as JSON.parse + parseRecord do, or leave to them.
const LINES: Array<string | Buffer> = [
  '{"model_a":"gpt","model_b":"claude","winner":"model_a"}',
  ' { "model_a" : "gpt" , "model_b":"claude", "winner":"tie (bothbad)", "language":"French", "tstamp": 1.7e9 }\r',
  '{"question_id":"q1","model_a":"gpt","model_b":"claude","winner":"tie","judge":"u","turn":1,"anony":true,"language":"fr","tstamp":1735689600}',
  '{"model_a":"gpt","model_b":"claude","winner":"model_b","model_a":"mistral"}', // duplicate key: the last wins
  '{"model\\u005fa":"gpt","model_b":"claude","winner":"model_a"}', // escaped key
  '{"model_a":"g\\"pt","model_b":"claude","winner":"model_a"}', // escaped value
  '{"model_a":"gpt","model_b":"claude","winner":"model_a","meta":{"x":[1,2]}}', // nested value
  '{"model_a":"gpt","model_b":"claude","winner":"model_a"} x', // trailing garbage
  '{"model_a":"gpt","model_b":"claude","winner":"model_a",}', // trailing comma
  '{"model_a":"gpt","model_b":"claude","winner":"model_a","n":01}', // leading zero
  '{"model_a":"gpt","model_b":"claude","winner":"model_a","n":-}',
  '{"model_a":"gpt","model_b":"claude","winner":"model_a","n":1.}',
  '{"model_a":"gpt","model_b":"claude","winner":"model_a","n":tru}',
  '{"model_a":"gpt","model_b":"claude","winner":"model_a","battle_id":"b1","anony":false,"judge":"u7"}', // Pnyx export fields
  '{"model_a":"gpt","model_b":"claude","winner":"tie","battle_id":"b1"}', // the same battle on the next line
  '{"model_a":"gpt","model_b":"claude","winner":"model_b","battle_id":"b12"}', // an id the previous one prefixes
  '{"model_a":"gpt","model_b":"claude","winner":"model_b","battle_id":"bataille-é"}', // a non-ASCII id
  '{"model_a":"gpt","model_b":"claude","winner":"model_a","battle_id":7}', // battle id of the wrong type
  '{"model_a":"gpt","model_b":"claude","winner":"model_a","anony":"yes"}', // anony of the wrong type
  '{"model_a":"gpt","model_b":"claude","winner":"model_a","dedup_tag":{"high_freq":true,"sampled":false}}', // nested
  '{"model_a":"gpt","model_b":"claude","winner":"constructor"}', // not an own winner name
  '{"model_a":"gpt","model_b":"claude","winner":"Model_A"}',
  '{"model_a":"","model_b":"claude","winner":"model_a"}',
  '{"model_a":"gpt","model_b":"gpt","winner":"model_a"}',
  '{"model_a":7,"model_b":"claude","winner":"model_a"}',
  '{"model_a":"gpt","winner":"model_a"}',
  '{"model_a_name":"gpt","model_b_name":"claude","chosen_model_name":"gpt","both_equal":false}',
  '{"model_a":"gpt\tx","model_b":"claude","winner":"model_a"}', // raw control character
  '{"model_a":"modèle-é","model_b":"клод","winner":"model_b","language":null}',
  Buffer.concat([Buffer.from('{"model_a":"bad'), Buffer.from([0xe2, 0x82]), Buffer.from('","model_b":"claude","winner":"model_a"}')]),
  '[1,2]',
  '{}',
  '"text"',
  '{"model_a":"gpt","model_b":"claude","winner":"model_a"',
];

describe('the fast JSONL line reader', () => {
  it('reads flat battles exactly as JSON.parse does, and leaves every other line to it', () => {
    const read = createFastLineReader({ extras: true, judge: true });
    let taken = 0;
    for (const line of LINES) {
      const bytes = Buffer.isBuffer(line) ? line : Buffer.from(line);
      const fast = read(bytes, 0, bytes.length);
      let parsed: ReturnType<typeof parseRecord> | null = null;
      try {
        parsed = parseRecord(JSON.parse(bytes.toString('utf8')));
      } catch {
        parsed = null;
      }
      if (!fast) continue;
      taken++;
      expect(parsed?.ok, String(line)).toBe(true);
      if (!parsed?.ok) continue;
      const record = parsed.record;
      expect({ ...fast }).toEqual({
        modelA: parsed.row.modelA,
        modelB: parsed.row.modelB,
        outcome: parsed.row.outcome,
        language: record.language,
        tstamp: record.tstamp,
        hasId: Boolean(parsed.row.battleId),
        idHash: fast.hasId ? (() => { const h = new Uint32Array(2); hashId(parsed.row.battleId!, h); return h; })() : fast.idHash,
        idStart: fast.idStart,
        idEnd: fast.idEnd,
        anony: record.anony,
        judge: record.judge,
        lineEnd: bytes.length,
      });
      if (fast.hasId) expect(bytes.toString('utf8', fast.idStart, fast.idEnd)).toBe(parsed.row.battleId);
    }
    // The plain, spaced, full LMArena, duplicate-key, four Pnyx export, non-ASCII and invalid UTF-8 lines.
    expect(taken).toBe(10);
  });

  it('finds the end of a line it takes in an open range, and leaves a line with no line break in the range', () => {
    const read = createFastLineReader({ extras: false });
    const line = '{"model_a":"gpt","model_b":"claude","winner":"model_a"}';
    const bytes = Buffer.from(`${line} \r\n${line}`);
    expect(read(bytes, 0, bytes.length, true)?.lineEnd).toBe(line.length + 2);
    // The second line may go on in the next chunk of the file (here: " x", which makes it malformed).
    expect(read(bytes, line.length + 3, bytes.length, true)).toBeNull();
    expect(read(bytes, line.length + 3, bytes.length)?.modelB).toBe('claude');
  });

  it('gives the same counts, segments and malformed-line reports as the general path', async () => {
    const p = join(dir, 'mixed.jsonl');
    const many = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify({ model_a: `m${i % 4}`, model_b: `m${(i + 1) % 4}`, winner: ['model_a', 'model_b', 'tie', 'tie (bothbad)'][i % 4], language: i % 3 ? 'French' : 'en', tstamp: 1735689600 + i * 86400, anony: i % 7 !== 0, ...(i % 5 ? { battle_id: `b${i % 40}` } : {}) }),
    );
    writeFileSync(p, Buffer.concat([Buffer.from('\uFEFF'), ...[...LINES, ...many, '', '   '].flatMap((l) => [Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from('\n')])]));
    for (const segment of [{}, { language: 'fr' }, { since: new Date(Date.UTC(2025, 2, 1)) }]) {
      const fast = await readVotesFile(p, { segment });
      // style: true takes the general path for every line.
      const { style: _style, ...general } = await readVotesFile(p, { segment, style: true });
      expect(fast).toEqual(general);
      expect(fast.malformed.count).toBeGreaterThan(15);
    }
  });
});

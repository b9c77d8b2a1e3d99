// Byte-level pieces of the fast JSONL path (jsonl-fast.ts): the keys it reads, the kinds of JSON value, byte classes.
import type { Outcome } from '../types';

/** The keys the fast path reads; a field's four numbers sit at 4 × key in the reader's field table. */
export const enum Key {
  ModelA,
  ModelB,
  Winner,
  Language,
  Tstamp,
  BattleId,
  Anony,
  Judge,
  Other,
}
export const FIELD_KEYS = 8;

export const enum Kind {
  None,
  String,
  Number,
  True,
  False,
  Null,
}

export const WINNERS: Array<[string, Outcome]> = [
  ['model_a', 'a'],
  ['model_b', 'b'],
  ['tie', 'tie'],
  ['tie (bothbad)', 'both_bad'],
];

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const K_MODEL_A = ascii('model_a');
const K_MODEL_B = ascii('model_b');
const K_WINNER = ascii('winner');
const K_LANGUAGE = ascii('language');
const K_TSTAMP = ascii('tstamp');
const K_BATTLE_ID = ascii('battle_id');
const K_PAIR_ID = ascii('conversation_pair_id');
const K_ANONY = ascii('anony');
const K_JUDGE = ascii('judge');
export const WINNER_BYTES = WINNERS.map(([w]) => ascii(w));

export function same(buf: Uint8Array, s: number, e: number, word: Uint8Array): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[s + i] !== word[i]) return false;
  return true;
}

/** A copy of bytes [s, e): Buffer's slice is a view, and it would keep the whole chunk read from the file alive. */
export const copy = (buf: Uint8Array, s: number, e: number): Uint8Array => Uint8Array.prototype.slice.call(buf, s, e);

export function keyOf(buf: Uint8Array, s: number, e: number): Key {
  switch (e - s) {
    case 7:
      return same(buf, s, e, K_MODEL_A) ? Key.ModelA : same(buf, s, e, K_MODEL_B) ? Key.ModelB : Key.Other;
    case 6:
      return same(buf, s, e, K_WINNER) ? Key.Winner : same(buf, s, e, K_TSTAMP) ? Key.Tstamp : Key.Other;
    case 8:
      return same(buf, s, e, K_LANGUAGE) ? Key.Language : Key.Other;
    case 9:
      return same(buf, s, e, K_BATTLE_ID) ? Key.BattleId : Key.Other;
    case 20:
      return same(buf, s, e, K_PAIR_ID) ? Key.BattleId : Key.Other;
    case 5:
      return same(buf, s, e, K_ANONY) ? Key.Anony : same(buf, s, e, K_JUDGE) ? Key.Judge : Key.Other;
    default:
      return Key.Other;
  }
}

// Byte classes as tables, read inline: `read` is too large for V8 to inline even one-line helpers into it, and a
// call per whitespace or digit test (thirty a line) showed in profiles of a 10M-vote read.
// No line break (10) in SPACE: a line never holds one, and so an open range (see `read`) stops at its line's end.
export const SPACE = new Uint8Array(256);
for (const c of [32, 9, 13]) SPACE[c] = 1;
export const DIGIT = new Uint8Array(256);
for (let c = 48; c <= 57; c++) DIGIT[c] = 1;

// A fast path for the common JSONL line: one flat LMArena battle object. It validates the whole line as JSON on its
// bytes and extracts model_a, model_b and winner (and the raw language and tstamp) without building the object or
// even a string of the line. Anything it is not sure about — escapes, nested values, another format, a missing or odd
// field, a syntax error — makes it decline, and the caller falls back to JSON.parse and the general record reader:
// so what it accepts is exactly what JSON.parse + parseRecord would have accepted, with the same values, and every
// malformed line is still reported by the general path with its exact reason.
import type { Outcome } from '../types';
import { hashId, hashIdBytes } from './battle-ids';

/** Fields of one accepted line (reused from line to line). */
export interface FastBattle {
  modelA: string;
  modelB: string;
  outcome: Outcome;
  /** JSON value of "language" (undefined when absent or not asked for): a string, number, boolean or null. */
  language: unknown;
  /** JSON value of "tstamp" (undefined when absent or not asked for). */
  tstamp: unknown;
  /**
   * "battle_id" (Pnyx's exports) or "conversation_pair_id", when present (votes sharing it are one battle): its two
   * hashes (see battle-ids.ts) in `idHash`, and where its bytes are in the line (for messages).
   */
  hasId: boolean;
  idHash: Uint32Array;
  idStart: number;
  idEnd: number;
  /** LMArena's "anony": false means the voter knew the models (LMArena leaves such battles out). */
  anony: boolean | undefined;
  /** "judge" (the voter), when asked for. */
  judge: unknown;
  /** Where the line ends: `end` for a closed range, the line break's index for an open one. */
  lineEnd: number;
}

const enum Key {
  Other,
  ModelA,
  ModelB,
  Winner,
  Language,
  Tstamp,
  BattleId,
  Anony,
  Judge,
}

const enum Kind {
  None,
  String,
  Number,
  True,
  False,
  Null,
}

const WINNERS: Array<[string, Outcome]> = [
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
const WINNER_BYTES = WINNERS.map(([w]) => ascii(w));

function same(buf: Uint8Array, s: number, e: number, word: Uint8Array): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[s + i] !== word[i]) return false;
  return true;
}

function keyOf(buf: Uint8Array, s: number, e: number): Key {
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
// No line break (10) here: a line never holds one, and so an open range (see `read`) stops at its line's end.
const SPACE = new Uint8Array(256);
for (const c of [32, 9, 13]) SPACE[c] = 1;
const DIGIT = new Uint8Array(256);
for (let c = 48; c <= 57; c++) DIGIT[c] = 1;

/** A copy of bytes [s, e): Buffer's slice is a view, and it would keep the whole chunk read from the file alive. */
const copy = (buf: Uint8Array, s: number, e: number): Uint8Array => Uint8Array.prototype.slice.call(buf, s, e);

/**
 * A reader of flat LMArena lines. Model names and other short strings are decoded once and reused (a battle file
 * names the same hundred models a million times).
 */
export function createFastLineReader(options: { extras: boolean; judge?: boolean }) {
  const extras = options.extras;
  const wantJudge = options.judge ?? false;
  const names = new Map<number, Array<{ bytes: Uint8Array; text: string }>>();
  let cached = 0;
  // Before the map, one remembered value per hash bucket: a model name is then found without a Map lookup (two a line
  // showed in profiles).
  const recentBytes: Array<Uint8Array | undefined> = new Array(1024).fill(undefined);
  const recentText: string[] = new Array<string>(1024).fill('');
  const text = (buf: Buffer, s: number, e: number, hash: number): string => {
    const slot = hash & 1023;
    const r = recentBytes[slot];
    if (r !== undefined && same(buf, s, e, r)) return recentText[slot]!;
    const t = named(buf, s, e, hash);
    recentBytes[slot] = copy(buf, s, e);
    recentText[slot] = t;
    return t;
  };
  const named = (buf: Buffer, s: number, e: number, hash: number): string => {
    const list = names.get(hash);
    if (list) {
      for (const x of list) if (same(buf, s, e, x.bytes)) return x.text;
    }
    const t = buf.toString('utf8', s, e);
    // A file with endless distinct values (question ids would be) must not grow the cache without bound.
    if (cached < 4096) {
      cached++;
      const entry = { bytes: copy(buf, s, e), text: t };
      if (list) list.push(entry);
      else names.set(hash, [entry]);
    }
    return t;
  };

  const out: FastBattle = {
    modelA: '',
    modelB: '',
    outcome: 'a',
    language: undefined,
    tstamp: undefined,
    hasId: false,
    idHash: new Uint32Array(2),
    idStart: 0,
    idEnd: 0,
    anony: undefined,
    judge: undefined,
    lineEnd: 0,
  };

  /**
   * The battle on bytes [start, end) of `buf`, or null when the general path must decide. With `open`, the line is
   * the one starting at `start` and ending at the next line break before `end` (taken only when that break is there):
   * the caller need not find line breaks first, which cost a native indexOf call per line.
   */
  return function read(buf: Buffer, start: number, end: number, open = false): FastBattle | null {
    let i = start;
    while (i < end && SPACE[buf[i]!] === 1) i++;
    if (i >= end || buf[i] !== 123 /* { */) return null;
    i++;
    while (i < end && SPACE[buf[i]!] === 1) i++;
    if (i >= end || buf[i] === 125 /* } */) return null;
    let aS = -1, aE = -1, aH = 0, aKind = Kind.None;
    let bS = -1, bE = -1, bH = 0, bKind = Kind.None;
    let wS = -1, wE = -1, wKind = Kind.None;
    let lS = -1, lE = -1, lH = 0, lKind = Kind.None;
    let tS = -1, tE = -1, tKind = Kind.None;
    let iS = -1, iE = -1, iKind = Kind.None;
    let yKind = Kind.None;
    let jS = -1, jE = -1, jH = 0, jKind = Kind.None;
    for (;;) {
      // "key"
      if (i >= end || buf[i] !== 34) return null;
      const ks = ++i;
      for (;;) {
        if (i >= end) return null;
        const c = buf[i]!;
        if (c === 34) break;
        if (c === 92 || c < 32) return null;
        i++;
      }
      const key = keyOf(buf, ks, i);
      i++;
      while (i < end && SPACE[buf[i]!] === 1) i++;
      if (i >= end || buf[i] !== 58 /* : */) return null;
      i++;
      while (i < end && SPACE[buf[i]!] === 1) i++;
      if (i >= end) return null;
      // value
      const vs = i;
      let kind: Kind;
      let hash = 0x811c9dc5;
      let c = buf[i]!;
      if (c === 34) {
        i++;
        for (;;) {
          if (i >= end) return null;
          c = buf[i]!;
          if (c === 34) break;
          if (c === 92 || c < 32) return null;
          hash = Math.imul(hash ^ c, 0x01000193);
          i++;
        }
        i++;
        kind = Kind.String;
      } else if (c === 45 /* - */ || DIGIT[c] === 1) {
        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        if (c === 45) i++;
        if (i >= end) return null;
        if (buf[i] === 48) i++;
        else if (DIGIT[buf[i]!] === 1) while (i < end && DIGIT[buf[i]!] === 1) i++;
        else return null;
        if (i < end && buf[i] === 46 /* . */) {
          i++;
          if (i >= end || DIGIT[buf[i]!] !== 1) return null;
          while (i < end && DIGIT[buf[i]!] === 1) i++;
        }
        if (i < end && (buf[i] === 101 || buf[i] === 69) /* e E */) {
          i++;
          if (i < end && (buf[i] === 43 || buf[i] === 45)) i++;
          if (i >= end || DIGIT[buf[i]!] !== 1) return null;
          while (i < end && DIGIT[buf[i]!] === 1) i++;
        }
        kind = Kind.Number;
      } else if (c === 116 && end - i >= 4 && buf[i + 1] === 114 && buf[i + 2] === 117 && buf[i + 3] === 101) {
        i += 4;
        kind = Kind.True;
      } else if (c === 102 && end - i >= 5 && buf[i + 1] === 97 && buf[i + 2] === 108 && buf[i + 3] === 115 && buf[i + 4] === 101) {
        i += 5;
        kind = Kind.False;
      } else if (c === 110 && end - i >= 4 && buf[i + 1] === 117 && buf[i + 2] === 108 && buf[i + 3] === 108) {
        i += 4;
        kind = Kind.Null;
      } else return null; // objects, arrays, anything else: the general path
      // Later duplicates win, as with JSON.parse.
      switch (key) {
        case Key.ModelA:
          (aS = vs), (aE = i), (aH = hash), (aKind = kind);
          break;
        case Key.ModelB:
          (bS = vs), (bE = i), (bH = hash), (bKind = kind);
          break;
        case Key.Winner:
          (wS = vs), (wE = i), (wKind = kind);
          break;
        case Key.Language:
          (lS = vs), (lE = i), (lH = hash), (lKind = kind);
          break;
        case Key.Tstamp:
          (tS = vs), (tE = i), (tKind = kind);
          break;
        case Key.BattleId:
          (iS = vs), (iE = i), (iKind = kind);
          break;
        case Key.Anony:
          yKind = kind;
          break;
        case Key.Judge:
          (jS = vs), (jE = i), (jH = hash), (jKind = kind);
          break;
        default:
      }
      while (i < end && SPACE[buf[i]!] === 1) i++;
      if (i >= end) return null;
      if (buf[i] === 44 /* , */) {
        i++;
        while (i < end && SPACE[buf[i]!] === 1) i++;
        continue;
      }
      if (buf[i] === 125 /* } */) {
        i++;
        break;
      }
      return null;
    }
    while (i < end && SPACE[buf[i]!] === 1) i++;
    if (open ? i >= end || buf[i] !== 10 : i !== end) return null;
    // Only the plain valid battle is taken here; every complaint is worded by the general path.
    if (aKind !== Kind.String || bKind !== Kind.String || wKind !== Kind.String) return null;
    if (aE - aS <= 2 || bE - bS <= 2) return null;
    let outcome: Outcome | null = null;
    for (let k = 0; k < WINNERS.length; k++) {
      if (same(buf, wS + 1, wE - 1, WINNER_BYTES[k]!)) {
        outcome = WINNERS[k]![1];
        break;
      }
    }
    if (outcome === null) return null;
    out.modelA = text(buf, aS + 1, aE - 1, aH);
    out.modelB = text(buf, bS + 1, bE - 1, bH);
    // Two byte strings that decode alike (invalid UTF-8 becomes U+FFFD) are the same model to JSON.parse.
    if (out.modelA === out.modelB) return null;
    out.outcome = outcome;
    // A battle id or an "anony" flag of an unusual type: the general path words the complaint.
    if ((iKind !== Kind.None && iKind !== Kind.String) || (yKind !== Kind.None && yKind !== Kind.True && yKind !== Kind.False)) return null;
    // Battle ids are hashed on their bytes, never decoded (see battle-ids.ts); a non-ASCII id is decoded first so
    // that it hashes as the general path's string does.
    out.hasId = iKind === Kind.String;
    if (out.hasId) {
      if (iE - iS <= 2) return null;
      out.idStart = iS + 1;
      out.idEnd = iE - 1;
      if (!hashIdBytes(buf, iS + 1, iE - 1, out.idHash)) hashId(buf.toString('utf8', iS + 1, iE - 1), out.idHash);
    }
    out.anony = yKind === Kind.None ? undefined : yKind === Kind.True;
    // Only a segment on language or time needs these two.
    out.language = extras ? valueOf(buf, lS, lE, lKind, lH) : undefined;
    out.tstamp = extras ? valueOf(buf, tS, tE, tKind, 0) : undefined;
    out.judge = wantJudge ? valueOf(buf, jS, jE, jKind, jH) : undefined;
    out.lineEnd = i;
    return out;
  };

  function valueOf(buf: Buffer, s: number, e: number, kind: Kind, hash: number): unknown {
    switch (kind) {
      case Kind.None:
        return undefined;
      case Kind.String:
        return text(buf, s + 1, e - 1, hash);
      case Kind.Number: {
        // JSON's number grammar is a subset of Number()'s, and both round correctly: the same double.
        let t = '';
        for (let k = s; k < e; k++) t += String.fromCharCode(buf[k]!);
        return Number(t);
      }
      case Kind.True:
        return true;
      case Kind.False:
        return false;
      default:
        return null;
    }
  }
}

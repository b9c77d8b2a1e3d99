// The second half of the fast JSONL path (jsonl-fast.ts): from the places of a line's fields to the battle, or null
// when a field's type or value needs the general path's judgement (and its wording of the complaint).
import type { Outcome } from '../types';
import { hashId, hashIdBytes } from './battle-ids';
import { copy, Key, Kind, same, WINNER_BYTES, WINNERS } from './jsonl-bytes';

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

/**
 * Reads the fields found by the scanner: `f[4k .. 4k + 3]` are the start, end, hash and kind of key k's value (the
 * string's quotes included). Model names and other short strings are decoded once and reused (a battle file names
 * the same hundred models a million times).
 */
export function createFieldReader(options: { extras: boolean; judge?: boolean }) {
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
  const valueOf = (buf: Buffer, f: Int32Array, key: Key): unknown => {
    const s = f[4 * key]!;
    const e = f[4 * key + 1]!;
    switch (f[4 * key + 3]) {
      case Kind.None:
        return undefined;
      case Kind.String:
        return text(buf, s + 1, e - 1, f[4 * key + 2]!);
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
  };

  const out: FastBattle = { modelA: '', modelB: '', outcome: 'a', language: undefined, tstamp: undefined, hasId: false, idHash: new Uint32Array(2), idStart: 0, idEnd: 0, anony: undefined, judge: undefined, lineEnd: 0 };

  return function take(buf: Buffer, f: Int32Array, lineEnd: number): FastBattle | null {
    const aS = f[4 * Key.ModelA]!, aE = f[4 * Key.ModelA + 1]!;
    const bS = f[4 * Key.ModelB]!, bE = f[4 * Key.ModelB + 1]!;
    const wS = f[4 * Key.Winner]!, wE = f[4 * Key.Winner + 1]!;
    const iS = f[4 * Key.BattleId]!, iE = f[4 * Key.BattleId + 1]!, iKind = f[4 * Key.BattleId + 3]!;
    const yKind = f[4 * Key.Anony + 3]!;
    // Only the plain valid battle is taken here; every complaint is worded by the general path.
    if (f[4 * Key.ModelA + 3] !== Kind.String || f[4 * Key.ModelB + 3] !== Kind.String || f[4 * Key.Winner + 3] !== Kind.String) return null;
    if (aE - aS <= 2 || bE - bS <= 2) return null;
    let outcome: Outcome | null = null;
    for (let k = 0; k < WINNERS.length; k++) {
      if (same(buf, wS + 1, wE - 1, WINNER_BYTES[k]!)) {
        outcome = WINNERS[k]![1];
        break;
      }
    }
    if (outcome === null) return null;
    out.modelA = text(buf, aS + 1, aE - 1, f[4 * Key.ModelA + 2]!);
    out.modelB = text(buf, bS + 1, bE - 1, f[4 * Key.ModelB + 2]!);
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
    out.language = extras ? valueOf(buf, f, Key.Language) : undefined;
    out.tstamp = extras ? valueOf(buf, f, Key.Tstamp) : undefined;
    out.judge = wantJudge ? valueOf(buf, f, Key.Judge) : undefined;
    out.lineEnd = lineEnd;
    return out;
  };
}

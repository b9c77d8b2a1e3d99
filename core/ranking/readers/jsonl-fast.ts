// A fast path for the common JSONL line: one flat LMArena battle object. It validates the whole line as JSON on its
// bytes and extracts model_a, model_b and winner (and the raw language and tstamp) without building the object or
// even a string of the line. Anything it is not sure about — escapes, nested values, another format, a missing or odd
// field, a syntax error — makes it decline, and the caller falls back to JSON.parse and the general record reader:
// so what it accepts is exactly what JSON.parse + parseRecord would have accepted, with the same values, and every
// malformed line is still reported by the general path with its exact reason.
// This file scans the line's syntax; jsonl-fields.ts reads the fields found.
import { DIGIT, FIELD_KEYS, Key, keyOf, Kind, SPACE } from './jsonl-bytes';
import { createFieldReader, type FastBattle } from './jsonl-fields';

export type { FastBattle } from './jsonl-fields';

/** A reader of flat LMArena lines. */
export function createFastLineReader(options: { extras: boolean; judge?: boolean }) {
  const take = createFieldReader(options);
  // Start, end, hash and kind of each key's value, by key (see jsonl-fields.ts).
  const f = new Int32Array(4 * FIELD_KEYS);

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
    for (let k = 3; k < 4 * FIELD_KEYS; k += 4) f[k] = Kind.None;
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
      if (key !== Key.Other) {
        f[4 * key] = vs;
        f[4 * key + 1] = i;
        f[4 * key + 2] = hash;
        f[4 * key + 3] = kind;
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
    return take(buf, f, i);
  };
}

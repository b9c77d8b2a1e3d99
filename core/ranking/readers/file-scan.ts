// Reading records out of a votes file (see source-file.ts): JSON Lines line by line, a JSON array element by element,
// each with its line number, in chunks so that a large file never becomes one string. JSONL can also be read on bytes
// with a fast path for each line (jsonl-fast.ts) that only falls back to decoded text for the lines it declines.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

/**
 * Takes the JSONL line starting at `start` in `buf` (bytes before `limit`) and returns the index of its line break
 * when it took the line, or -1 to have it decoded and read as a record (also when no line break comes before `limit`).
 */
export type LineHandler = (buf: Buffer, start: number, limit: number, line: number) => number;

/** Whether the file's first visible character is plain ASCII other than '[' (so: JSON Lines, not an array). */
async function startsWithLines(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let i = bytesRead >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    while (i < bytesRead && (buffer[i] === 32 || (buffer[i]! >= 9 && buffer[i]! <= 13))) i++;
    // Anything unclear (all blank so far, or a non-ASCII character that may be Unicode white space) takes the
    // general path, which decides on decoded text.
    return i < bytesRead && buffer[i]! < 0x80 && buffer[i] !== 91;
  } finally {
    await handle.close();
  }
}

/**
 * JSON Lines on bytes: each line goes to `onLine` first (the fast path), and is decoded to text for `onRecord` only
 * when that declines. Same line numbering, blank-line skipping and BOM handling as the text path: a line break byte
 * is never part of a multi-byte UTF-8 character, so decoding line by line gives the same text as decoding the file.
 */
async function scanLines(
  path: string,
  onRecord: (text: string, line: number) => void,
  onLine: LineHandler,
  range?: { start: number; end: number },
): Promise<number> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20, ...(range ? { start: range.start, end: range.end - 1 } : {}) });
  let line = 1;
  let carry: Buffer | null = null;
  let first = !range || range.start === 0;
  const general = (buf: Buffer, start: number, end: number) => {
    if (end <= start) return;
    const text = buf.toString('utf8', start, end);
    if (text.trim() !== '') onRecord(text, line);
  };
  /** A line held in a buffer of its own, its line break included (lent to the last line, which has none). */
  const one = (buf: Buffer) => {
    if (onLine(buf, 0, buf.length, line) < 0) general(buf, 0, buf.length - 1);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let pos = 0;
    if (first && chunk.length > 0) {
      first = false;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) pos = 3;
    }
    if (carry) {
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk.subarray(pos)]);
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(pos, nl + 1)]);
      carry = null;
      one(joined);
      line++;
      pos = nl + 1;
    }
    for (;;) {
      // The fast path finds the line's end itself; only a line it leaves (or one cut by the chunk's end) is searched.
      let nl = onLine(chunk, pos, chunk.length, line);
      if (nl < 0) {
        nl = chunk.indexOf(10, pos);
        if (nl < 0) break;
        general(chunk, pos, nl);
      }
      line++;
      pos = nl + 1;
    }
    if (pos < chunk.length) carry = chunk.subarray(pos);
  }
  if (carry) one(Buffer.concat([carry, Buffer.from([10])]));
  return line - 1;
}

/** Feeds records to `onRecord` with their line numbers; JSONL line by line, JSON arrays element by element. */
export async function scanFile(
  path: string,
  onRecord: (text: string, line: number) => void,
  range?: { start: number; end: number },
  onLine?: LineHandler,
): Promise<number> {
  if (onLine && (range || (await startsWithLines(path)))) return scanLines(path, onRecord, onLine, range);
  const stream = createReadStream(path, { highWaterMark: 1 << 20, ...(range ? { start: range.start, end: range.end - 1 } : {}) });
  const decoder = new StringDecoder('utf8');
  // A byte range is always a run of whole JSONL lines (see readVotesFile).
  let mode: 'unknown' | 'lines' | 'array' = range ? 'lines' : 'unknown';
  let carry = '';
  let line = 1;

  const lines = (text: string, final: boolean): string => {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      if (nl > start) {
        const s = text.slice(start, nl);
        if (s.trim() !== '') onRecord(s, line);
      }
      line++;
      start = nl + 1;
    }
    const rest = text.slice(start);
    if (final && rest.trim() !== '') onRecord(rest, line);
    return final ? '' : rest;
  };

  // Array mode: a small scanner cuts the top-level elements out of the array (strings and nesting aware) so that
  // each is parsed on its own — a big file never becomes one giant string, and a bad element is just one record.
  let depth = 0; // 0 before '[', 1 between elements, ≥ 2 inside an object/array element
  let inString = false;
  let escaped = false;
  let scalar = false; // inside a bare scalar element (reported as not an object)
  let pending = ''; // start of the current element carried over from the previous chunk
  let elementLine = 0;
  let closed = false;
  let trailing = false;

  const array = (text: string): void => {
    let from = depth >= 2 || scalar ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      if (closed) {
        if (c > 32 && !trailing) {
          trailing = true;
          onRecord('not JSON: text after the closing bracket', line);
        }
        continue;
      }
      if (depth === 0) {
        if (c === 91) depth = 1;
        continue;
      }
      if (depth === 1) {
        if (scalar) {
          if (c === 44 || c === 93) {
            onRecord(pending + text.slice(from, i), elementLine);
            pending = '';
            scalar = false;
            if (c === 93) closed = true;
          }
          continue;
        }
        if (c <= 32 || c === 44) continue;
        if (c === 93) {
          closed = true;
          continue;
        }
        from = i;
        elementLine = line;
        if (c === 123 || c === 91) depth = 2;
        else scalar = true;
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 1) {
          onRecord(pending + text.slice(from, i + 1), elementLine);
          pending = '';
        }
      }
    }
    if (depth >= 2 || scalar) pending += text.slice(Math.max(0, from));
  };

  let first = !range || range.start === 0;
  for await (const chunk of stream) {
    let text = decoder.write(chunk as Buffer);
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (mode === 'unknown') {
      text = carry + text;
      carry = '';
      const first = text.search(/\S/);
      if (first < 0) {
        carry = text;
        continue;
      }
      mode = text[first] === '[' ? 'array' : 'lines';
    }
    if (mode === 'lines') carry = lines(carry + text, false);
    else array(text);
  }
  const tail = decoder.end();
  if (mode === 'array') {
    array(tail);
    if (depth >= 2 || scalar) onRecord(pending, elementLine); // a truncated element: reported as malformed
    else if (!closed) onRecord('', line); // the array is not closed
  } else lines(carry + tail, true);
  return line - 1;
}

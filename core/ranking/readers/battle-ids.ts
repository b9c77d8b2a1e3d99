// Battle ids of a votes file, kept as two 32-bit hashes instead of strings: a million-vote file has ~400,000 of them
// and a ten-million-vote one ~4 million, and holding them as JavaScript strings in a Map cost more time (mostly
// garbage collection) than parsing the file. Two independent hashes of the id's UTF-16 code units make a 64-bit key:
// two different ids are taken for one battle with probability n²/2⁶⁵ (4·10⁻⁷ for 4 million battles).

/** Both hashes of a string id. */
export function hashId(s: string, out: Uint32Array): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  out[0] = h1 >>> 0;
  out[1] = (h2 ^ (h2 >>> 13)) >>> 0;
}

/**
 * Both hashes of an id given as UTF-8 bytes [start, end), equal to hashId of the decoded string when the bytes are
 * ASCII (code units = bytes); false otherwise (the caller decodes and uses hashId).
 */
export function hashIdBytes(buf: Uint8Array, start: number, end: number, out: Uint32Array): boolean {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c >= 0x80) return false;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  out[0] = h1 >>> 0;
  out[1] = (h2 ^ (h2 >>> 13)) >>> 0;
  return true;
}

/**
 * An open-addressing table from (h1, h2) to a slot number 0, 1, 2… in order of first insertion. Each table entry holds
 * the two hashes beside the slot, so a probe is one cache miss: at 10M votes a half file has 2 million battles and
 * the table tens of MB, and looking the hashes up in the by-slot arrays cost a second miss per probe.
 */
export function createIdTable(expected = 512) {
  // Room for `expected` ids from the start: growing to hundreds of thousands rehashed ~2 entries per id, one cache miss
  // each (10 % of a 1M-vote read).
  let cap = 1024;
  while (cap < 2 * expected) cap *= 2;
  // Entry e: table[3e] = slot + 1 (0: empty), table[3e + 1] = h1, table[3e + 2] = h2 (as int32).
  let table = new Int32Array(3 * cap);
  let h1s = new Uint32Array(cap / 2);
  let h2s = new Uint32Array(cap / 2);
  let size = 0;
  const start = (h1: number, h2: number, mask: number) => (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
  const rehash = () => {
    cap *= 2;
    table = new Int32Array(3 * cap);
    const mask = cap - 1;
    for (let s = 0; s < size; s++) {
      let h = start(h1s[s]!, h2s[s]!, mask);
      while (table[3 * h] !== 0) h = (h + 1) & mask;
      table[3 * h] = s + 1;
      table[3 * h + 1] = h1s[s]!;
      table[3 * h + 2] = h2s[s]!;
    }
  };
  /** The entry holding (h1, h2), or the empty one where it would go, as its index. */
  const probe = (h1: number, h2: number): number => {
    const mask = cap - 1;
    const x1 = h1 | 0;
    const x2 = h2 | 0;
    let h = start(h1, h2, mask);
    for (;;) {
      const e = 3 * h;
      if (table[e] === 0 || (table[e + 1] === x1 && table[e + 2] === x2)) return e;
      h = (h + 1) & mask;
    }
  };
  return {
    /** The slot of (h1, h2), inserting it when new (`isNew` tells). */
    slot(h1: number, h2: number): number {
      const e = probe(h1, h2);
      if (table[e] !== 0) {
        this.isNew = false;
        return table[e]! - 1;
      }
      if (size === h1s.length) {
        const g1 = new Uint32Array(size * 2);
        g1.set(h1s);
        h1s = g1;
        const g2 = new Uint32Array(size * 2);
        g2.set(h2s);
        h2s = g2;
      }
      h1s[size] = h1;
      h2s[size] = h2;
      table[e] = ++size;
      table[e + 1] = h1;
      table[e + 2] = h2;
      if (size * 2 > cap) rehash();
      this.isNew = true;
      return size - 1;
    },
    /** Slot of (h1, h2) or -1, without inserting. */
    find(h1: number, h2: number): number {
      return table[probe(h1, h2)]! - 1;
    },
    isNew: false,
    get size() {
      return size;
    },
    keys(): { h1: Uint32Array; h2: Uint32Array } {
      return { h1: h1s.slice(0, size), h2: h2s.slice(0, size) };
    },
  };
}

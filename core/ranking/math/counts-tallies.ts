// The cell of a battle with a small integer tally (every field below 16: any group chat's battle), found through an
// open-addressing hash table on (pair, tally code) instead of a scan of the pair's cells: a list per pair, scanned,
// cost ~1 µs a battle, each of a pair's couple dozen cells sitting elsewhere in memory.

/**
 * Returns cellOf(p, a, b, tie, bad): the cell of that tally on pair p, made by `newCell` when the table has none. Every
 * field must be an integer in 0…15 (the caller checks): the tally's code is four bits a field.
 */
export function createTallyTable(newCell: (p: number, a: number, b: number, tie: number, bad: number) => number) {
  // Slot h: table[3h] = pair, table[3h + 1] = tally code, table[3h + 2] = cell + 1 (0: empty). The three fields of a
  // slot sit side by side: one cache miss a probe, not three (at 10M votes the table is tens of MB).
  let mask = 1023;
  let table = new Int32Array(3 * (mask + 1));
  let size = 0;
  const hash = (p: number, code: number) => Math.imul(p, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
  const grow = (): void => {
    const old = table;
    mask = mask * 2 + 1;
    table = new Int32Array(3 * (mask + 1));
    for (let k = 0; k < old.length; k += 3) {
      if (old[k + 2] === 0) continue;
      let h = hash(old[k]!, old[k + 1]!) & mask;
      while (table[3 * h + 2] !== 0) h = (h + 1) & mask;
      table[3 * h] = old[k]!;
      table[3 * h + 1] = old[k + 1]!;
      table[3 * h + 2] = old[k + 2]!;
    }
  };
  return (p: number, a: number, b: number, tie: number, bad: number): number => {
    const code = a | (b << 4) | (tie << 8) | (bad << 12);
    let h = hash(p, code) & mask;
    for (;;) {
      const c = table[3 * h + 2]! - 1;
      if (c < 0) break;
      if (table[3 * h] === p && table[3 * h + 1] === code) return c;
      h = (h + 1) & mask;
    }
    // Not there: the probe stopped on the empty slot where it goes.
    const c = newCell(p, a, b, tie, bad);
    table[3 * h] = p;
    table[3 * h + 1] = code;
    table[3 * h + 2] = c + 1;
    if (++size * 2 > mask) grow();
    return c;
  };
}

// Storage of battle cells (see counts.ts): per cell its pair, its tally (votes for the pair's first model, for its
// second, ties, both bad) and how many battles had that tally, each field in a typed array of its own that doubles
// when full. Tens of thousands of cells (millions at 10M votes) as objects or JavaScript arrays of numbers cost more
// in memory and garbage collection than the counting itself; the bootstrap reads these arrays as they are.
// The builder decides how a battle's cell is found (counts.ts, counts-tallies.ts); this makes cells, keeps the
// per-pair lists of cells that are found by a scan, adds battles to cells and sums them into pair totals at the end.
import type { BattleCells } from '../types';

export interface CellTotals {
  /** Per pair, votes summed over its cells (votes × battles). */
  winsA: Float64Array;
  winsB: Float64Array;
  ties: Float64Array;
  bothBad: Float64Array;
  /** Battles over all cells. */
  battles: number;
  /** The cells, trimmed to their number. */
  cells: BattleCells;
}

export function createCellStore() {
  let cap = 64;
  let cellPair = new Int32Array(cap);
  let ca = new Float64Array(cap);
  let cb = new Float64Array(cap);
  let ct = new Float64Array(cap);
  let cbb = new Float64Array(cap);
  let cn = new Float64Array(cap);
  let size = 0;

  /** A new cell of pair p with tally (a, b, t, bb) and no battles yet; its index. */
  const newCell = (p: number, a: number, b: number, t: number, bb: number): number => {
    if (size === cap) {
      cap *= 2;
      const g = <T extends Int32Array | Float64Array>(x: T): T => {
        const y = new (x.constructor as new (n: number) => T)(cap);
        y.set(x);
        return y;
      };
      cellPair = g(cellPair);
      ca = g(ca);
      cb = g(cb);
      ct = g(ct);
      cbb = g(cbb);
      cn = g(cn);
    }
    cellPair[size] = p;
    ca[size] = a;
    cb[size] = b;
    ct[size] = t;
    cbb[size] = bb;
    cn[size] = 0;
    return size++;
  };
  /** Adds `battles` battles to cell c. */
  const addBattlesTo = (c: number, battles: number): void => {
    cn[c] = cn[c]! + battles;
  };
  // Cells listed per pair, for the tallies that have no faster index (fractions, crowds): a pair has a few distinct
  // ones (a dozen for 1–4 voters), so a short scan. The scan reads the tally arrays, so it lives beside them.
  const pairCells: number[][] = [];
  /** The cell of pair p with tally (a, b, t, bb) among the pair's listed cells, made and listed when new. */
  const listedCell = (p: number, a: number, b: number, t: number, bb: number): number => {
    let list = pairCells[p];
    if (!list) pairCells[p] = list = [];
    for (let k = 0; k < list.length; k++) {
      const c = list[k]!;
      if (ca[c] === a && cb[c] === b && ct[c] === t && cbb[c] === bb) return c;
    }
    const c = newCell(p, a, b, t, bb);
    list.push(c);
    return c;
  };
  /** Sums the cells into totals for `pairs` pairs, in cell order (the sums are the same bits every time). */
  const finish = (pairs: number): CellTotals => {
    const winsA = new Float64Array(pairs);
    const winsB = new Float64Array(pairs);
    const ties = new Float64Array(pairs);
    const bothBad = new Float64Array(pairs);
    let battles = 0;
    for (let c = 0; c < size; c++) {
      const p = cellPair[c]!;
      const n = cn[c]!;
      winsA[p] = winsA[p]! + n * ca[c]!;
      winsB[p] = winsB[p]! + n * cb[c]!;
      ties[p] = ties[p]! + n * ct[c]!;
      bothBad[p] = bothBad[p]! + n * cbb[c]!;
      battles += n;
    }
    const cells: BattleCells = {
      size,
      pair: cellPair.slice(0, size),
      winsA: ca.slice(0, size),
      winsB: cb.slice(0, size),
      ties: ct.slice(0, size),
      bothBad: cbb.slice(0, size),
      battles: cn.slice(0, size),
    };
    return { winsA, winsB, ties, bothBad, battles, cells };
  };
  return { newCell, addBattlesTo, listedCell, finish };
}

// Aggregation of votes into battle cells and per-pair outcome counts. A million votes in 400,000 battles among 100
// models become a few tens of thousands of cells (one pair, one vote tally) and at most 4,950 pairs, which is all the
// solver and the bootstrap ever touch.
import type { BattleCells, Outcome, PairCounts, Tally } from '../types';

export interface CountsBuilder {
  /** Add `count` votes of `outcome`, each its own battle (a vote file without battle ids, a test). */
  add(modelA: string, modelB: string, outcome: Outcome, count?: number): void;
  /** Add `battles` battles of modelA (side A) vs modelB that each received the votes in `tally`. */
  addBattles(modelA: string, modelB: string, tally: Tally, battles?: number): void;
  /** The same for many cells of one pair (a database row): the pair is looked up once. */
  pair(modelA: string, modelB: string): (a: number, b: number, tie: number, bothBad: number, battles: number) => void;
  build(): PairCounts;
}

const OUTCOMES: readonly Outcome[] = ['a', 'b', 'tie', 'both_bad'];

export function createCountsBuilder(): CountsBuilder {
  const index = new Map<string, number>();
  const models: string[] = [];
  const pairOf = new Map<number, number>();
  const pairA: number[] = [];
  const pairB: number[] = [];
  // Single-vote battles (the common case in public files) find their cell through a flat array, not a string key.
  let single = new Int32Array(256).fill(-1);
  const pairCells: number[][] = [];
  let cap = 64;
  let cellPair = new Int32Array(cap);
  let ca = new Float64Array(cap);
  let cb = new Float64Array(cap);
  let ct = new Float64Array(cap);
  let cbb = new Float64Array(cap);
  let cn = new Float64Array(cap);
  let size = 0;

  const modelIndex = (name: string): number => {
    let i = index.get(name);
    if (i === undefined) {
      i = models.length;
      index.set(name, i);
      models.push(name);
    }
    return i;
  };
  const pairIndex = (i: number, j: number): number => {
    // Model indices stay below 2^21 in any real arena, so the key is exact in a double.
    const key = i * 2097152 + j;
    let p = pairOf.get(key);
    if (p === undefined) {
      p = pairA.length;
      pairOf.set(key, p);
      pairA.push(i);
      pairB.push(j);
    }
    return p;
  };
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
  /** Orients a battle on its pair (smaller model index first). */
  const orient = (modelA: string, modelB: string): [number, boolean] => {
    const i = modelIndex(modelA);
    const j = modelIndex(modelB);
    return i < j ? [pairIndex(i, j), false] : [pairIndex(j, i), true];
  };

  /** Adds `count` one-vote battles of outcome index `o` (already oriented on pair p). */
  const addSingle = (p: number, o: number, count: number): void => {
    const slot = p * 4 + o;
      if (slot >= single.length) {
        const grown = new Int32Array(Math.max(single.length * 2, slot + 1)).fill(-1);
        grown.set(single);
        single = grown;
      }
      let c = single[slot]!;
      if (c < 0) c = single[slot] = newCell(p, o === 0 ? 1 : 0, o === 1 ? 1 : 0, o === 2 ? 1 : 0, o === 3 ? 1 : 0);
      cn[c] = cn[c]! + count;
  };

  // Open addressing on (pair, tally code) → cell + 1 (0: empty), for small integer tallies (see addCell). The three
  // fields of a slot sit side by side: one cache miss a probe, not three (at 10M votes the table is tens of MB).
  let smallMask = 1023;
  let small = new Int32Array(3 * (smallMask + 1));
  let smallSize = 0;
  const smallHash = (p: number, code: number) => Math.imul(p, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
  const growSmall = (): void => {
    const old = small;
    smallMask = smallMask * 2 + 1;
    small = new Int32Array(3 * (smallMask + 1));
    for (let k = 0; k < old.length; k += 3) {
      if (old[k + 2] === 0) continue;
      let h = smallHash(old[k]!, old[k + 1]!) & smallMask;
      while (small[3 * h + 2] !== 0) h = (h + 1) & smallMask;
      small[3 * h] = old[k]!;
      small[3 * h + 1] = old[k + 1]!;
      small[3 * h + 2] = old[k + 2]!;
    }
  };

  /** Adds `battles` battles with tally (ra, rb, tie, bad) on pair p, given from the side `flip` says. */
  const addCell = (p: number, flip: boolean, ra: number, rb: number, tie: number, bad: number, battles: number): void => {
    const total = ra + rb + tie + bad;
    if (!(total > 0)) return;
    const a = flip ? rb : ra;
    const b = flip ? ra : rb;
    if (total === 1 && Number.isInteger(a) && Number.isInteger(b) && Number.isInteger(tie)) {
      // Same cell as add(): a one-vote battle is a one-vote battle whichever way it arrived.
      addSingle(p, a === 1 ? 0 : b === 1 ? 1 : tie === 1 ? 2 : 3, battles);
      return;
    }
    // Small tallies (every field an integer below 16: any group chat's battle) find their cell through a hash table
    // on (pair, tally code). A list per pair, scanned, cost ~1 µs a battle: each of a pair's couple dozen cells sits
    // elsewhere in memory. Other tallies (fractions, crowds) still use the list; the two never hold the same tally.
    if (a >= 0 && a < 16 && b >= 0 && b < 16 && tie >= 0 && tie < 16 && bad >= 0 && bad < 16 && Number.isInteger(a) && Number.isInteger(b) && Number.isInteger(tie) && Number.isInteger(bad)) {
      const code = a | (b << 4) | (tie << 8) | (bad << 12);
      let h = smallHash(p, code) & smallMask;
      for (;;) {
        const c = small[3 * h + 2]! - 1;
        if (c < 0) break;
        if (small[3 * h] === p && small[3 * h + 1] === code) {
          cn[c] = cn[c]! + battles;
          return;
        }
        h = (h + 1) & smallMask;
      }
      const c = newCell(p, a, b, tie, bad);
      cn[c] = battles;
      small[3 * h] = p;
      small[3 * h + 1] = code;
      small[3 * h + 2] = c + 1;
      if (++smallSize * 2 > smallMask) growSmall();
      return;
    }
    // A pair has a few distinct tallies (a dozen for 1–4 voters): a short list per pair.
    let list = pairCells[p];
    if (!list) pairCells[p] = list = [];
    for (let k = 0; k < list.length; k++) {
      const c = list[k]!;
      if (ca[c] === a && cb[c] === b && ct[c] === tie && cbb[c] === bad) {
        cn[c] = cn[c]! + battles;
        return;
      }
    }
    const c = newCell(p, a, b, tie, bad);
    list.push(c);
    cn[c] = battles;
  };

  return {
    add(modelA, modelB, outcome, count = 1) {
      if (!(count > 0) || modelA === modelB) return;
      const [p, flip] = orient(modelA, modelB);
      let o = OUTCOMES.indexOf(outcome);
      if (flip && o < 2) o = 1 - o;
      addSingle(p, o, count);
    },
    addBattles(modelA, modelB, tally, battles = 1) {
      if (!(battles > 0) || modelA === modelB) return;
      const [p, flip] = orient(modelA, modelB);
      addCell(p, flip, tally.a, tally.b, tally.tie, tally.bothBad, battles);
    },
    pair(modelA, modelB) {
      if (modelA === modelB) return () => undefined;
      const [p, flip] = orient(modelA, modelB);
      return (a, b, tie, bothBad, battles) => {
        if (battles > 0) addCell(p, flip, a, b, tie, bothBad, battles);
      };
    },
    build() {
      const pairs = pairA.length;
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
      return {
        models: models.slice(),
        a: Int32Array.from(pairA),
        b: Int32Array.from(pairB),
        winsA,
        winsB,
        ties,
        bothBad,
        size: pairs,
        battles,
        cells,
      };
    },
  };
}

/** Total votes in the counts. */
export function totalVotes(c: PairCounts): number {
  let n = 0;
  for (let p = 0; p < c.size; p++) n += c.winsA[p]! + c.winsB[p]! + c.ties[p]! + c.bothBad[p]!;
  return n;
}

/** Feeds every cell of `c` into `builder` (merging tables, or re-keying models). */
export function addCounts(builder: CountsBuilder, c: PairCounts, rename: (model: string) => string = (m) => m): void {
  const cells = c.cells;
  for (let k = 0; k < cells.size; k++) {
    const p = cells.pair[k]!;
    builder.addBattles(
      rename(c.models[c.a[p]!]!),
      rename(c.models[c.b[p]!]!),
      { a: cells.winsA[k]!, b: cells.winsB[k]!, tie: cells.ties[k]!, bothBad: cells.bothBad[k]! },
      cells.battles[k],
    );
  }
}

/** Merge several count tables (e.g. per-worker partial reads) into one. */
export function mergeCounts(parts: PairCounts[]): PairCounts {
  const builder = createCountsBuilder();
  for (const c of parts) addCounts(builder, c);
  return builder.build();
}

/**
 * The same counts in an order that depends only on the votes: models sorted, pairs and cells in sorted order. Models are numbered as they first appear in that order. The
 * bootstrap draws cells by index, so two readers of the same votes (the database, an exported file) that meet
 * battles in different orders give the same intervals only once both are canonical.
 */
export function canonicalCounts(c: PairCounts): PairCounts {
  const cells = c.cells;
  const order = Array.from({ length: cells.size }, (_, k) => k);
  const name = (k: number) => {
    const p = cells.pair[k]!;
    const a = c.models[c.a[p]!]!;
    const b = c.models[c.b[p]!]!;
    return a < b ? { x: a, y: b, flip: false } : { x: b, y: a, flip: true };
  };
  const keyOf = order.map((k) => {
    const { x, y, flip } = name(k);
    const [wa, wb] = flip ? [cells.winsB[k]!, cells.winsA[k]!] : [cells.winsA[k]!, cells.winsB[k]!];
    return { x, y, t: [wa, wb, cells.ties[k]!, cells.bothBad[k]!, cells.battles[k]!] };
  });
  order.sort((i, j) => {
    const p = keyOf[i]!;
    const q = keyOf[j]!;
    if (p.x !== q.x) return p.x < q.x ? -1 : 1;
    if (p.y !== q.y) return p.y < q.y ? -1 : 1;
    for (let n = 0; n < 5; n++) if (p.t[n] !== q.t[n]) return p.t[n]! - q.t[n]!;
    return 0;
  });
  const builder = createCountsBuilder();
  for (const k of order) {
    const { x, y, t } = keyOf[k]!;
    builder.addBattles(x, y, { a: t[0]!, b: t[1]!, tie: t[2]!, bothBad: t[3]! }, t[4]);
  }
  return builder.build();
}

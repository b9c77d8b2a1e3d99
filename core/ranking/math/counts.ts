// Aggregation of votes into battle cells and per-pair outcome counts. A million votes in 400,000 battles among 100
// models become a few tens of thousands of cells (one pair, one vote tally) and at most 4,950 pairs, which is all the
// solver and the bootstrap ever touch.
import type { Outcome, PairCounts, Tally } from '../types';
import { createCellStore } from './counts-cells';
import { createPairIndex } from './counts-pairs';
import { createTallyTable } from './counts-tallies';

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
  // Three jobs live elsewhere: naming models and pairs (counts-pairs.ts), storing cells (counts-cells.ts) and the hash
  // table of small tallies (counts-tallies.ts). Their functions are taken out once here, so that a battle calls
  // closures directly, as when they all lived in this one, not through an object.
  const pairs = createPairIndex();
  const orient = pairs.orient;
  const { newCell, addBattlesTo, listedCell, finish } = createCellStore();
  const smallCell = createTallyTable(newCell);
  // Single-vote battles (the common case in public files) find their cell through a flat array, not a string key.
  let single = new Int32Array(256).fill(-1);

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
    addBattlesTo(c, count);
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
    // Small tallies (every field an integer below 16) through the hash table; other tallies (fractions, crowds) in the
    // store's list per pair. The two never hold the same tally.
    if (a >= 0 && a < 16 && b >= 0 && b < 16 && tie >= 0 && tie < 16 && bad >= 0 && bad < 16 && Number.isInteger(a) && Number.isInteger(b) && Number.isInteger(tie) && Number.isInteger(bad)) {
      addBattlesTo(smallCell(p, a, b, tie, bad), battles);
      return;
    }
    addBattlesTo(listedCell(p, a, b, tie, bad), battles);
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
      const size = pairs.pairA.length;
      const { winsA, winsB, ties, bothBad, battles, cells } = finish(size);
      return { models: pairs.models.slice(), a: Int32Array.from(pairs.pairA), b: Int32Array.from(pairs.pairB), winsA, winsB, ties, bothBad, size, battles, cells };
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

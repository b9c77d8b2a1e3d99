// Aggregation of votes into per-pair outcome counts. A million votes among 100 models become at most 4,950 pairs,
// which is all the solver and the bootstrap ever touch.
import type { Outcome, PairCounts } from '../types';

export interface CountsBuilder {
  /** Add `count` votes of `outcome` for the battle modelA (side A) vs modelB (side B). */
  add(modelA: string, modelB: string, outcome: Outcome, count?: number): void;
  /** Record battles behind the votes when the source knows them (otherwise battles = votes). */
  addBattles(n: number): void;
  build(): PairCounts;
}

export function createCountsBuilder(): CountsBuilder {
  const index = new Map<string, number>();
  const models: string[] = [];
  const cells = new Map<number, number>();
  let cap = 64;
  let a = new Int32Array(cap);
  let b = new Int32Array(cap);
  let wa = new Float64Array(cap);
  let wb = new Float64Array(cap);
  let tie = new Float64Array(cap);
  let bad = new Float64Array(cap);
  let size = 0;
  let votes = 0;
  let battles = 0;
  let battlesKnown = false;

  const modelIndex = (name: string): number => {
    let i = index.get(name);
    if (i === undefined) {
      i = models.length;
      index.set(name, i);
      models.push(name);
    }
    return i;
  };
  const grow = (): void => {
    cap *= 2;
    const g32 = (x: Int32Array) => {
      const y = new Int32Array(cap);
      y.set(x);
      return y;
    };
    const g64 = (x: Float64Array) => {
      const y = new Float64Array(cap);
      y.set(x);
      return y;
    };
    a = g32(a);
    b = g32(b);
    wa = g64(wa);
    wb = g64(wb);
    tie = g64(tie);
    bad = g64(bad);
  };

  return {
    add(modelA, modelB, outcome, count = 1) {
      if (!(count > 0) || modelA === modelB) return;
      let i = modelIndex(modelA);
      let j = modelIndex(modelB);
      let o = outcome;
      if (i > j) {
        [i, j] = [j, i];
        o = o === 'a' ? 'b' : o === 'b' ? 'a' : o;
      }
      // Model indices stay below 2^21 in any real arena, so the key is exact in a double.
      const key = i * 2097152 + j;
      let p = cells.get(key);
      if (p === undefined) {
        if (size === cap) grow();
        p = size++;
        cells.set(key, p);
        a[p] = i;
        b[p] = j;
      }
      if (o === 'a') wa[p] = wa[p]! + count;
      else if (o === 'b') wb[p] = wb[p]! + count;
      else if (o === 'tie') tie[p] = tie[p]! + count;
      else bad[p] = bad[p]! + count;
      votes += count;
    },
    addBattles(n) {
      battlesKnown = true;
      battles += n;
    },
    build() {
      return {
        models: models.slice(),
        a: a.slice(0, size),
        b: b.slice(0, size),
        winsA: wa.slice(0, size),
        winsB: wb.slice(0, size),
        ties: tie.slice(0, size),
        bothBad: bad.slice(0, size),
        size,
        battles: battlesKnown ? battles : votes,
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

/** Merge several count tables (e.g. per-worker partial reads) into one. */
export function mergeCounts(parts: PairCounts[]): PairCounts {
  const builder = createCountsBuilder();
  let battles = 0;
  for (const c of parts) {
    for (let p = 0; p < c.size; p++) {
      const ma = c.models[c.a[p]!]!;
      const mb = c.models[c.b[p]!]!;
      builder.add(ma, mb, 'a', c.winsA[p]);
      builder.add(ma, mb, 'b', c.winsB[p]);
      builder.add(ma, mb, 'tie', c.ties[p]);
      builder.add(ma, mb, 'both_bad', c.bothBad[p]);
    }
    battles += c.battles;
  }
  const merged = builder.build();
  merged.battles = battles;
  return merged;
}

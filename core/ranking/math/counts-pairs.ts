// The models and pairs of a counts table (see counts.ts), numbered in order of first appearance: cells and pair totals
// refer to them by index. A pair is kept once, smaller model index first, so that A-vs-B and B-vs-A battles land on
// the same pair and only their outcomes are swapped.

export interface PairIndex {
  /** Model names by index: the table's `models`. */
  models: string[];
  /** Per pair, its smaller and its larger model index: the table's `a` and `b`. */
  pairA: number[];
  pairB: number[];
  /** The pair of a battle of modelA (side A) vs modelB, numbered when new, and whether A is the pair's second model. */
  orient(modelA: string, modelB: string): [number, boolean];
}

export function createPairIndex(): PairIndex {
  const index = new Map<string, number>();
  const models: string[] = [];
  const pairOf = new Map<number, number>();
  const pairA: number[] = [];
  const pairB: number[] = [];

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
  /** Orients a battle on its pair (smaller model index first). */
  const orient = (modelA: string, modelB: string): [number, boolean] => {
    const i = modelIndex(modelA);
    const j = modelIndex(modelB);
    return i < j ? [pairIndex(i, j), false] : [pairIndex(j, i), true];
  };
  return { models, pairA, pairB, orient };
}

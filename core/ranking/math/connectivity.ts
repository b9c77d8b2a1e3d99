// When are Bradley–Terry scores comparable? The maximum-likelihood estimate exists (and is unique up to a shift)
// exactly when the "won or tied against" graph is strongly connected (Zermelo 1929; Ford 1957): every group of models
// must have both won and lost against the rest. Otherwise some differences are infinite, and a prior only hides that
// behind a number set by its own strength. So the models are split into strongly connected groups: scores compare
// within a group, and between groups only an order is known (one only won against the other) or nothing at all.

/** Edges of the comparison graph, per pair: i beat (or tied) j, and j beat (or tied) i. */
export interface WinGraph {
  n: number;
  size: number;
  a: Int32Array;
  b: Int32Array;
  /** a's wins + ties > 0 */
  aWon: Uint8Array;
  /** b's wins + ties > 0 */
  bWon: Uint8Array;
}

/** Strongly connected components (Tarjan, iterative), as a component index per model. */
export function strongComponents(g: WinGraph): { of: Int32Array; count: number } {
  const out: number[][] = Array.from({ length: g.n }, () => []);
  for (let p = 0; p < g.size; p++) {
    if (g.aWon[p]) out[g.a[p]!]!.push(g.b[p]!);
    if (g.bWon[p]) out[g.b[p]!]!.push(g.a[p]!);
  }
  const index = new Int32Array(g.n).fill(-1);
  const low = new Int32Array(g.n);
  const onStack = new Uint8Array(g.n);
  const of = new Int32Array(g.n).fill(-1);
  const stack: number[] = [];
  let next = 0;
  let count = 0;
  for (let root = 0; root < g.n; root++) {
    if (index[root] !== -1) continue;
    const work: Array<[number, number]> = [[root, 0]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1]!;
      const [v, edge] = top;
      const edges = out[v]!;
      if (edge < edges.length) {
        top[1]++;
        const w = edges[edge]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          of[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return { of, count };
}

/** How a group stands against the main group. */
export type Relation = 'main' | 'above' | 'below' | 'unordered' | 'disconnected';

export interface Grouping {
  /** Group index per model (groups sorted: main first, then by size and votes). */
  groupOf: Int32Array;
  groups: Array<{ members: number[]; relation: Relation; votes: number }>;
  /** Weakly connected component per model (0 = the main group's). */
  weakOf: Int32Array;
}

/**
 * Groups models into strongly connected components and says how each stands against the main one: the largest
 * (by models, then votes). `votesOf[i]` is model i's number of counted votes.
 */
export function groupModels(g: WinGraph, votesOf: ArrayLike<number>): Grouping {
  const { of, count } = strongComponents(g);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < g.n; i++) members[of[i]!]!.push(i);
  const votes = members.map((m) => m.reduce((s, i) => s + votesOf[i]!, 0));
  const order = members.map((_, k) => k).sort((x, y) => members[y]!.length - members[x]!.length || votes[y]! - votes[x]! || members[x]![0]! - members[y]![0]!);
  const rank = new Int32Array(count);
  order.forEach((k, r) => (rank[k] = r));
  const groupOf = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) groupOf[i] = rank[of[i]!]!;

  // Weak components (any vote links two models), then reachability from the main group in the condensation.
  const parent = Int32Array.from({ length: g.n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const down: number[][] = Array.from({ length: count }, () => []);
  const up: number[][] = Array.from({ length: count }, () => []);
  for (let p = 0; p < g.size; p++) {
    if (!g.aWon[p] && !g.bWon[p]) continue;
    const i = g.a[p]!;
    const j = g.b[p]!;
    parent[find(i)] = find(j);
    const gi = groupOf[i]!;
    const gj = groupOf[j]!;
    if (gi === gj) continue;
    // gi → gj: a model of gi beat one of gj, so gi is above gj.
    if (g.aWon[p]) {
      down[gi]!.push(gj);
      up[gj]!.push(gi);
    }
    if (g.bWon[p]) {
      down[gj]!.push(gi);
      up[gi]!.push(gj);
    }
  }
  const reach = (adj: number[][]): Uint8Array => {
    const seen = new Uint8Array(count);
    if (!count) return seen;
    const todo = [0];
    seen[0] = 1;
    while (todo.length) for (const y of adj[todo.pop()!]!) if (!seen[y]) todo.push(y), (seen[y] = 1);
    return seen;
  };
  const below = reach(down);
  const above = reach(up);
  const weakRoot = new Map<number, number>();
  const weakOf = new Int32Array(g.n);
  const mainRoot = count ? find(members[order[0]!]![0]!) : -1;
  if (mainRoot >= 0) weakRoot.set(mainRoot, 0);
  for (const k of order) {
    for (const i of members[k]!) {
      const r = find(i);
      if (!weakRoot.has(r)) weakRoot.set(r, weakRoot.size);
      weakOf[i] = weakRoot.get(r)!;
    }
  }
  const groups = order.map((k, r) => {
    const first = members[k]![0]!;
    const relation: Relation =
      r === 0 ? 'main' : weakOf[first] !== 0 ? 'disconnected' : above[r] ? 'above' : below[r] ? 'below' : 'unordered';
    return { members: members[k]!, relation, votes: votes[k]! };
  });
  return { groupOf, groups, weakOf };
}

// Seeded randomness for the bootstrap. Each round gets its own generator derived from (seed, round), so results do
// not depend on how rounds are split across worker threads.

/** A uniform generator on [0, 1). */
export type Uniform = () => number;

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded generator object (the bootstrap's hot loop calls `next` directly). */
export interface Generator {
  next(): number;
}

/** sfc32 (small fast counter generator): passes PractRand, 4×32-bit state, fast in JavaScript. */
class Sfc32 implements Generator {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, stream: number) {
    const mix = splitmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x632be5ab));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix() | 1;
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
}

export function createGenerator(seed: number, stream = 0): Generator {
  return new Sfc32(seed, stream);
}

export function createRng(seed: number, stream = 0): Uniform {
  const g = new Sfc32(seed, stream);
  return () => g.next();
}

// Stirling series tail log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(2π)/2], as in Hörmann's BTRS.
const STIRLING_TAIL = [
  0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.01189670994589177, 0.01041126526197209, 0.009255462182712733, 0.008330563433362871,
];

function stirlingTail(k: number): number {
  if (k < 10) return STIRLING_TAIL[k]!;
  const kp1 = k + 1;
  const kp1sq = kp1 * kp1;
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / kp1;
}

/** One draw from Binomial(n, p): inversion for small means, Hörmann's BTRS transformed rejection otherwise. */
export function binomial(n: number, p: number, rng: Uniform | Generator): number {
  return draw(n, p, nextOf(rng));
}

function nextOf(rng: Uniform | Generator): Uniform {
  if (typeof rng === 'function') return rng;
  return () => rng.next();
}

function draw(n: number, p: number, next: Uniform): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const flip = p > 0.5;
  if (flip) p = 1 - p;
  const k = drawFolded(n, p, Math.log(p / (1 - p)), next);
  return flip ? n - k : k;
}

/**
 * Binomial(n, p) for 0 < p ≤ 1/2 with its log-odds `lr` precomputed: the one sampler behind `binomial`,
 * `multinomial` and the bootstrap's `createMultinomialSampler`, so all three give the same draws number for number.
 */
function drawFolded(n: number, p: number, lr: number, next: Uniform): number {
  const q = 1 - p;
  let k = 0;
  if (n * p < 10) {
    const s = p / q;
    const a = (n + 1) * s;
    let r = Math.pow(q, n);
    let u = next();
    while (u > r) {
      u -= r;
      k++;
      if (k >= n) return n;
      r *= a / k - s;
    }
    return k;
  }
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  // Constants of the slow path, computed the first time it is needed.
  let bound0 = NaN;
  let alpha = 0;
  for (;;) {
    const u = next() - 0.5;
    let v = next();
    const us = 0.5 - Math.abs(u);
    k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    if (bound0 !== bound0) {
      const m = Math.floor((n + 1) * p);
      alpha = (2.83 + 5.1 / b) * spq;
      bound0 = (m + 0.5) * Math.log((m + 1) / ((p / q) * (n - m + 1))) + (n + 1) * Math.log(n - m + 1) + stirlingTail(m) + stirlingTail(n - m);
    }
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      bound0 - (n + 1) * Math.log(n - k + 1) + (k + 0.5) * (lr + Math.log((n - k + 1) / (k + 1))) - stirlingTail(k) - stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

/**
 * Multinomial(total; weights) into `out`, by conditional binomials: exact, and O(cells) whatever the total, which is
 * what makes resampling a million votes cheap.
 */
export function multinomial(
  total: number,
  weights: Float64Array,
  out: Float64Array,
  rng: Uniform | Generator,
  cells = weights.length,
): void {
  const next = nextOf(rng);
  let mass = 0;
  for (let k = 0; k < cells; k++) mass += weights[k]!;
  let left = total;
  for (let k = 0; k < cells; k++) {
    const w = weights[k]!;
    if (left <= 0 || w <= 0) {
      out[k] = 0;
      mass -= w;
      continue;
    }
    const x = mass <= w ? left : draw(left, w / mass, next);
    out[k] = x;
    left -= x;
    mass -= w;
  }
}

/**
 * The same draws as `multinomial(total, weights, out, createGenerator(seed, stream))`, number for number, for many
 * rounds over one set of weights (the bootstrap): each cell's probability, side and log-odds are computed once, and
 * the generator's state lives in local variables. ~15% faster per round than the general function.
 */
export function createMultinomialSampler(total: number, weights: Float64Array): (seed: number, stream: number, out: Float64Array) => void {
  const cells = weights.length;
  // Per cell: probability of the cell given the cells after it (folded to ≤ 1/2), its log-odds, and a kind:
  // 0 draw, 1 draw the complement, 2 take all that is left, 3 never (no weight).
  const prob = new Float64Array(cells);
  const logOdds = new Float64Array(cells);
  const kind = new Uint8Array(cells);
  let mass = 0;
  for (let k = 0; k < cells; k++) mass += weights[k]!;
  for (let k = 0; k < cells; k++) {
    const w = weights[k]!;
    if (w <= 0) kind[k] = 3;
    else if (mass <= w) kind[k] = 2;
    else {
      let p = w / mass;
      if (p >= 1) kind[k] = 2;
      else {
        if (p > 0.5) {
          p = 1 - p;
          kind[k] = 1;
        }
        prob[k] = p;
        logOdds[k] = Math.log(p / (1 - p));
      }
    }
    mass -= w;
  }

  return (seed, stream, out) => {
    // sfc32, seeded exactly as Sfc32 is.
    const mix = splitmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x632be5ab));
    let ga = mix();
    let gb = mix();
    let gc = mix();
    let gd = mix() | 1;
    const next = (): number => {
      const t = (((ga + gb) | 0) + gd) | 0;
      gd = (gd + 1) | 0;
      ga = gb ^ (gb >>> 9);
      gb = (gc + (gc << 3)) | 0;
      gc = (gc << 21) | (gc >>> 11);
      gc = (gc + t) | 0;
      return (t >>> 0) / 4294967296;
    };
    for (let i = 0; i < 12; i++) next();
    let left = total;
    for (let cell = 0; cell < cells; cell++) {
      const kd = kind[cell]!;
      if (left <= 0 || kd === 3) {
        out[cell] = 0;
        continue;
      }
      if (kd === 2) {
        out[cell] = left;
        left = 0;
        continue;
      }
      const n = left;
      const k = drawFolded(n, prob[cell]!, logOdds[cell]!, next);
      const x = kd === 1 ? n - k : k;
      out[cell] = x;
      left -= x;
    }
  };
}

/**
 * Independent Poisson(means[k]) draws into `out`, one stream per (seed, stream): the Poisson bootstrap (each battle
 * drawn Poisson(1) times, so a cell of n exchangeable battles is drawn Poisson(n) times). It matches the multinomial
 * bootstrap except that the total number of battles varies by ±1/√N, which Bradley–Terry does not see: scaling every
 * count alike leaves the fit unchanged. Unlike the multinomial's conditional binomials, each cell is drawn on its own,
 * by a search in a cumulative table shared by all cells of the same mean (battle counts are whole numbers, so there
 * are few distinct means): a hundred thousand cells cost about a millisecond.
 */
/** Inversion tables for Poisson draws of many cells (see createPoissonSampler). */
export interface PoissonTables {
  /** Cumulative probabilities as 32-bit thresholds, all tables end to end. */
  table: Float64Array;
  /** Per cell: where its search starts for each value of u's top byte (Chen and Asau's guide table), or -1. */
  cellGuide: Int32Array;
  guide: Int32Array;
  /** Per cell: the value of the first entry of its table, and where that table starts. */
  cellFirst: Int32Array;
  cellStart: Int32Array;
}

export function poissonTables(means: Float64Array): PoissonTables {
  const cells = means.length;
  const tables = new Map<number, { start: number; first: number }>();
  // Cumulative probabilities as 32-bit thresholds, compared with the generator's raw 32-bit output: no division and
  // no float conversion in the loop (a threshold of 2^32 ends every table).
  const cdf: number[] = [];
  const cellStart = new Int32Array(cells);
  const cellFirst = new Int32Array(cells);
  for (let k = 0; k < cells; k++) {
    const m = means[k]!;
    if (!(m > 0)) {
      cellStart[k] = -1;
      continue;
    }
    let t = tables.get(m);
    if (t === undefined) {
      // The support kept is mean ± (12 sd + 12): what lies outside has probability below 1e-30.
      const spread = 12 * Math.sqrt(m) + 12;
      const lo = Math.max(0, Math.floor(m - spread));
      const hi = Math.ceil(m + spread);
      // Unnormalised probabilities from the mode outwards by the recurrence p(k+1) = p(k)·m/(k+1): no factorials,
      // no underflow of e^-m for large means.
      const mode = Math.floor(m);
      const w = new Float64Array(hi - lo + 1);
      w[mode - lo] = 1;
      for (let x = mode + 1; x <= hi; x++) w[x - lo] = (w[x - 1 - lo]! * m) / x;
      for (let x = mode - 1; x >= lo; x--) w[x - lo] = (w[x + 1 - lo]! * (x + 1)) / m;
      let sum = 0;
      for (let i = 0; i < w.length; i++) sum += w[i]!;
      t = { start: cdf.length, first: lo };
      tables.set(m, t);
      let acc = 0;
      for (let i = 0; i < w.length; i++) {
        acc += w[i]! / sum;
        cdf.push(i === w.length - 1 ? 4294967296 : Math.min(4294967296, Math.floor(acc * 4294967296)));
      }
    }
    cellStart[k] = t.start;
    cellFirst[k] = t.first;
  }
  const table = Float64Array.from(cdf);
  // Guide table: for each of the 256 values of u's top byte, where its search may start — a search then takes one or
  // two steps whatever the mean.
  const guide = new Int32Array(tables.size * 256);
  const guideOf = new Map<number, number>();
  let g = 0;
  for (const [m, t] of tables) {
    guideOf.set(m, g);
    let i = t.start;
    for (let j = 0; j < 256; j++) {
      const floor = j * 16777216;
      while (table[i]! <= floor) i++;
      guide[g + j] = i;
    }
    g += 256;
  }
  const cellGuide = new Int32Array(cells).fill(-1);
  for (let k = 0; k < cells; k++) if (cellStart[k]! >= 0) cellGuide[k] = guideOf.get(means[k]!)!;
  return { table, cellGuide, guide, cellFirst, cellStart };
}

/** sfc32's state for (seed, stream), seeded exactly as Sfc32 is (for loops that keep the state in locals). */
export function sfc32State(seed: number, stream: number): Int32Array {
  const mix = splitmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x632be5ab));
  let ga = mix() | 0;
  let gb = mix() | 0;
  let gc = mix() | 0;
  let gd = mix() | 1;
  for (let i = 0; i < 12; i++) {
    const t = (((ga + gb) | 0) + gd) | 0;
    gd = (gd + 1) | 0;
    ga = gb ^ (gb >>> 9);
    gb = (gc + (gc << 3)) | 0;
    gc = (gc << 21) | (gc >>> 11);
    gc = (gc + t) | 0;
  }
  return Int32Array.of(ga, gb, gc, gd);
}

/**
 * Independent Poisson(means[k]) draws into `out`, one stream per (seed, stream): the Poisson bootstrap (each battle
 * drawn Poisson(1) times, so a cell of n exchangeable battles is drawn Poisson(n) times). It matches the multinomial
 * bootstrap except that the total number of battles varies by ±1/√N, which Bradley–Terry does not see: scaling every
 * count alike leaves the fit unchanged. Unlike the multinomial's conditional binomials, each cell is drawn on its own,
 * by inversion in a cumulative table shared by all cells of the same mean (battle counts are whole numbers, so there
 * are few distinct means), started from a guide table: about ten nanoseconds a cell.
 */
export function createPoissonSampler(means: Float64Array): (seed: number, stream: number, out: Float64Array) => void {
  const { table, cellGuide, guide, cellFirst, cellStart } = poissonTables(means);
  const cells = means.length;
  return (seed, stream, out) => {
    const st = sfc32State(seed, stream);
    let ga = st[0]!;
    let gb = st[1]!;
    let gc = st[2]!;
    let gd = st[3]!;
    for (let k = 0; k < cells; k++) {
      const gk = cellGuide[k]!;
      if (gk < 0) {
        out[k] = 0;
        continue;
      }
      const t = (((ga + gb) | 0) + gd) | 0;
      gd = (gd + 1) | 0;
      ga = gb ^ (gb >>> 9);
      gb = (gc + (gc << 3)) | 0;
      gc = (gc << 21) | (gc >>> 11);
      gc = (gc + t) | 0;
      const u = t >>> 0;
      let i = guide[gk + (u >>> 24)]!;
      while (table[i]! <= u) i++;
      out[k] = cellFirst[k]! + (i - cellStart[k]!);
    }
  };
}

// Campaign battle modes on a simulation (npm run bench:campaigns; results in BENCHMARKS.md).
//
// 1. `diverse` against `random` (Community Alignment's premise: LLM replies are far more alike than people's
//    preferences). Replies are bags of words: for one prompt every model draws most words from the same consensus
//    pool (replies are alike) and a few of its own; under a stance (diverse) half the words come from that stance's
//    pool. The lexical difference of a battle is 1 − Jaccard(words of A, words of B). Voters come in two planted groups
//    of equal size: group 1 prefers the "care" perspective, group 2 "liberty" (utility ±1 on a stance axis), and both
//    value model quality alike. In random battles a reply's position on the stance axis is its model's faint lean
//    (±0.1); in diverse battles it is its stance's (±1). The question for each mode: with N votes, do the two groups'
//    preferences differ significantly (two-sided z-test, p < 0.05)? Random's best chance: the largest group difference
//    over model pairs (Bonferroni-corrected); diverse: the difference in the share of votes the "care" side wins.
// 2. `active` against `random` pair choice: 8 models with planted Bradley–Terry strengths; battles drawn one at a time
//    by core/engine/modes.ts (the engine's own sampler), outcomes from the planted strengths; every 100 votes the real
//    leaderboard (core/ranking computeLeaderboard, 200 bootstrap rounds) is fitted, until every model's 95 % interval
//    is narrower than the target. Reported: votes needed, median over seeds.
import { parseArgs } from 'node:util';
import { choosePair } from '../core/engine/modes';
import type { ModelCard } from '../core/providers/types';
import { computeLeaderboard, createCountsBuilder } from '../core/ranking';
import type { PairResult } from '../core/campaigns/active';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '40' },
    votes: { type: 'string', default: '300,1000' },
    target: { type: 'string', default: '120' },
  },
});
const SEEDS = Number(values.seeds);

function seeded(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

// === 1. diverse vs random ==========================================================================

const MODELS = ['m1', 'm2', 'm3', 'm4'];
const QUALITY: Record<string, number> = { m1: 0.3, m2: 0.1, m3: -0.1, m4: -0.3 };
const LEAN: Record<string, number> = { m1: 0.1, m2: -0.1, m3: 0.05, m4: -0.05 };
const STANCES = { care: 1, liberty: -1 } as const;
const cards: ModelCard[] = MODELS.map((id) => ({ id, provider: 'sim', displayName: id, demo: false, weight: 1 }));
const healthy = new Set(MODELS);

function reply(random: () => number, prompt: number, model: string, stance: keyof typeof STANCES | null): Set<string> {
  const words = new Set<string>();
  for (let i = 0; i < 40; i++) {
    const r = random();
    if (stance && r < 0.5) words.add(`${stance}-${Math.floor(random() * 60)}`);
    else if (r < (stance ? 0.92 : 0.85)) words.add(`p${prompt}-${Math.floor(random() * 60)}`);
    else words.add(`${model}-${Math.floor(random() * 60)}`);
  }
  return words;
}

function jaccardDistance(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return 1 - both / (a.size + b.size - both);
}

/** Two-sided p of a difference of proportions. */
function zTest(w1: number, n1: number, w2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return 1;
  const p = (w1 + w2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (se === 0) return 1;
  const z = Math.abs(w1 / n1 - w2 / n2) / se;
  // Normal tail (Abramowitz–Stegun 26.2.17).
  const t = 1 / (1 + 0.2316419 * z);
  const tail = (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 2 * tail;
}

function simulateSplit(mode: 'random' | 'diverse', votes: number, seed: number) {
  const random = seeded(seed);
  let distance = 0;
  // random: per (pair, group) how often the alphabetically first model won; diverse: per group how often "care" won.
  const pairWins = new Map<string, [number, number, number, number]>();
  const care = [0, 0, 0, 0]; // wins g1, n g1, wins g2, n g2
  for (let i = 0; i < votes; i++) {
    const chosen = choosePair({ cards, healthy, votes: new Map(), boostUnderVoted: false, random }, mode === 'diverse' ? { mode, stances: ['care', 'liberty'] } : { mode });
    if (!chosen) throw new Error('no pair');
    const [a, b] = chosen.pair;
    const stanceA = (chosen.stances?.[0] ?? null) as keyof typeof STANCES | null;
    const stanceB = (chosen.stances?.[1] ?? null) as keyof typeof STANCES | null;
    const prompt = Math.floor(random() * 50);
    distance += jaccardDistance(reply(random, prompt, a, stanceA), reply(random, prompt, b, stanceB));
    const group = random() < 0.5 ? 0 : 1;
    const axis = group === 0 ? 1 : -1;
    const posA = stanceA ? STANCES[stanceA] : LEAN[a]!;
    const posB = stanceB ? STANCES[stanceB] : LEAN[b]!;
    const aWins = random() < logistic(QUALITY[a]! - QUALITY[b]! + axis * (posA - posB));
    if (mode === 'diverse') {
      const careWon = (stanceA === 'care') === aWins;
      care[group * 2]! += careWon ? 1 : 0;
      care[group * 2 + 1]! += 1;
    } else {
      const key = [a, b].sort().join('|');
      const firstWon = (a < b) === aWins;
      const cell = pairWins.get(key) ?? [0, 0, 0, 0];
      cell[group * 2]! += firstWon ? 1 : 0;
      cell[group * 2 + 1]! += 1;
      pairWins.set(key, cell);
    }
  }
  let detected: boolean;
  if (mode === 'diverse') detected = zTest(care[0]!, care[1]!, care[2]!, care[3]!) < 0.05;
  else {
    const alpha = 0.05 / Math.max(1, pairWins.size);
    detected = [...pairWins.values()].some(([w1, n1, w2, n2]) => zTest(w1, n1, w2, n2) < alpha);
  }
  return { distance: distance / votes, detected };
}

// === 2. active vs random ==========================================================================

const STRENGTH: Record<string, number> = { a: 0, b: 40, c: 80, d: 250, e: 300, f: 450, g: 600, h: 650 };
const ACTIVE_MODELS = Object.keys(STRENGTH);
const activeCards: ModelCard[] = ACTIVE_MODELS.map((id) => ({ id, provider: 'sim', displayName: id, demo: false, weight: 1 }));

function votesToTarget(pairing: 'random' | 'active', target: number, seed: number, cap = 12_000): number {
  const random = seeded(seed);
  const results = new Map<string, PairResult>();
  const rows: Array<[string, string, 'a' | 'b']> = [];
  const healthyActive = new Set(ACTIVE_MODELS);
  for (let n = 1; n <= cap; n++) {
    const chosen = choosePair({ cards: activeCards, healthy: healthyActive, votes: new Map(), boostUnderVoted: false, random }, { mode: 'random', pairing, results: [...results.values()] })!;
    const [a, b] = chosen.pair;
    const aWins = random() < 1 / (1 + 10 ** ((STRENGTH[b]! - STRENGTH[a]!) / 400));
    rows.push([a, b, aWins ? 'a' : 'b']);
    const key = `${a}|${b}`;
    const r = results.get(key) ?? { modelA: a, modelB: b, winsA: 0, winsB: 0, ties: 0 };
    if (aWins) r.winsA++;
    else r.winsB++;
    results.set(key, r);
    if (n % 50 !== 0) continue;
    const builder = createCountsBuilder();
    for (const [x, y, o] of rows) builder.add(x, y, o);
    const board = computeLeaderboard(builder.build(), { bootstrap: 200, seed, minVotes: 1 });
    const widths = board.models.map((m) => (m.ciLow !== null && m.ciHigh !== null ? m.ciHigh - m.ciLow : Infinity));
    if (widths.length === ACTIVE_MODELS.length && Math.max(...widths) <= target) return n;
  }
  return cap;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

console.log(`# Campaign modes (${SEEDS} seeds)\n`);
console.log('## diverse vs random: lexical difference of the two replies, and the planted two-group split\n');
console.log('| votes | mode | mean 1 − Jaccard | split detected (p < 0.05) |');
console.log('|---|---|---|---|');
for (const votes of values.votes!.split(',').map(Number)) {
  for (const mode of ['random', 'diverse'] as const) {
    let distance = 0;
    let detected = 0;
    for (let s = 1; s <= SEEDS; s++) {
      const r = simulateSplit(mode, votes, s * 7919);
      distance += r.distance;
      detected += r.detected ? 1 : 0;
    }
    console.log(`| ${votes} | ${mode} | ${(distance / SEEDS).toFixed(3)} | ${detected}/${SEEDS} |`);
  }
}

const target = Number(values.target);
console.log(`\n## active vs random pair choice: votes until every model's 95 % interval is under ${target} points\n`);
const started = performance.now();
const need = { random: [] as number[], active: [] as number[] };
const activeSeeds = Math.max(5, Math.round(SEEDS / 4));
for (let s = 1; s <= activeSeeds; s++) {
  for (const pairing of ['random', 'active'] as const) need[pairing].push(votesToTarget(pairing, target, s * 104729));
}
console.log('| pairing | median votes | min | max |');
console.log('|---|---|---|---|');
for (const pairing of ['random', 'active'] as const) console.log(`| ${pairing} | ${median(need[pairing])} | ${Math.min(...need[pairing])} | ${Math.max(...need[pairing])} |`);
console.log(`\n(${activeSeeds} seeds, ${((performance.now() - started) / 1000).toFixed(1)} s)`);

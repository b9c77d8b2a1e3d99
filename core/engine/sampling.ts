// Choosing the two models of a battle. Weighted like compar:IA: under-voted models get more battles
// (w = weight / (votes + 50)^0.4, with the largest weight capped at 3× the smallest), unhealthy models are skipped,
// and the A/B positions are random because the two draws are made in random order.
import type { ModelCard } from '../providers/types';

export type Random = () => number;

export interface SamplingInput {
  cards: ModelCard[];
  /** Model ids allowed here (chat setting); undefined = all. */
  allowed?: readonly string[] | null;
  healthy: ReadonlySet<string>;
  votes: ReadonlyMap<string, number>;
  boostUnderVoted: boolean;
  exclude?: readonly string[];
  random: Random;
}

export function samplingWeights(input: Omit<SamplingInput, 'random'>): Map<string, number> {
  const allowed = input.allowed ? new Set(input.allowed) : null;
  const exclude = new Set(input.exclude ?? []);
  const raw = new Map<string, number>();
  for (const card of input.cards) {
    if (card.weight <= 0 || exclude.has(card.id) || !input.healthy.has(card.id)) continue;
    if (allowed && !allowed.has(card.id)) continue;
    const boost = input.boostUnderVoted ? 1 / Math.pow((input.votes.get(card.id) ?? 0) + 50, 0.4) : 1;
    raw.set(card.id, card.weight * boost);
  }
  const values = [...raw.values()];
  const floor = Math.min(...values);
  for (const [id, w] of raw) raw.set(id, Math.min(w, floor * 3));
  return raw;
}

function draw(weights: Map<string, number>, random: Random): string {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  let x = random() * total;
  for (const [id, w] of weights) {
    x -= w;
    if (x < 0) return id;
  }
  return [...weights.keys()].at(-1)!;
}

/** Two distinct model ids [A, B], or null when fewer than two models can battle. */
export function samplePair(input: SamplingInput): [string, string] | null {
  const weights = samplingWeights(input);
  if (weights.size < 2) return null;
  const first = draw(weights, input.random);
  weights.delete(first);
  const second = draw(weights, input.random);
  return [first, second];
}

/** One replacement model, not already in the battle. */
export function sampleReplacement(input: SamplingInput): string | null {
  const weights = samplingWeights(input);
  return weights.size ? draw(weights, input.random) : null;
}

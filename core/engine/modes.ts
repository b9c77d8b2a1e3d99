// Battle modes: how the two sides of a battle are chosen, per campaign (its file) or per chat (its settings).
//   random        the weighted draw of sampling.ts
//   big-vs-small  one model at or above a parameter threshold against one below it
//   frugal        both models under a parameter budget (an energy budget per reply once models carry estimates)
//   custom        the two chosen models, in random positions
//   diverse       one model on both sides, each side answering under a different value perspective (stance) as its
//                 system prompt: the vote measures which stance people prefer (Community Alignment's
//                 negatively-correlated sampling), so these battles feed a board of stances, not of models
// and, separately, `active` pair choice (core/campaigns/active.ts). Positions are always random.
import { activePairWeights, quickFit, type PairResult } from '../campaigns/active';
import type { BattleMode, Pairing } from '../campaigns/spec';
import type { ModelCard } from '../providers/types';
import { samplePair, samplingWeights, type Random, type SamplingInput } from './sampling';

export interface ModeOptions {
  mode: BattleMode;
  pairing?: Pairing;
  thresholdB?: number;
  maxParamsB?: number;
  /** custom: the two models. */
  custom?: readonly string[];
  /** diverse: stance ids to draw two from. */
  stances?: readonly string[];
  /** diverse: two different models too (the battles then also count in the model leaderboard). */
  diverseModels?: boolean;
  /** active: results so far (the campaign's). */
  results?: readonly PairResult[];
}

export interface ChosenPair {
  pair: [string, string];
  /** diverse: the stance of side A and of side B. */
  stances?: [string, string];
  /**
   * The mode actually used (stored on the battle): a mode that cannot be satisfied here (no big model) falls back to
   * random; `diverse-ranked` is diverse between two different models, counted in the model leaderboard too.
   */
  mode: BattleMode | 'diverse-ranked';
}

function drawIndex(weights: readonly number[], random: Random): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = random() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function inRandomOrder(a: string, b: string, random: Random): [string, string] {
  return random() < 0.5 ? [a, b] : [b, a];
}

const paramsOf = (cards: readonly ModelCard[]) => new Map(cards.map((c) => [c.id, c.totalParamsB]));

/** Two models from `weights`, one from each group (or any two when no groups), by active or random choice. */
function pickFrom(weights: Map<string, number>, input: SamplingInput, options: ModeOptions, sameGroup?: (a: string, b: string) => boolean): [string, string] | null {
  const ids = [...weights.keys()];
  const candidates: Array<{ a: string; b: string; weight: number }> = [];
  if (options.pairing === 'active') {
    for (const p of activePairWeights(ids, quickFit(ids, options.results ?? []), (id) => weights.get(id) ?? 0)) {
      if (!sameGroup?.(p.a, p.b)) candidates.push(p);
    }
  } else {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (sameGroup?.(ids[i]!, ids[j]!)) continue;
        candidates.push({ a: ids[i]!, b: ids[j]!, weight: weights.get(ids[i]!)! * weights.get(ids[j]!)! });
      }
    }
  }
  if (!candidates.length) return null;
  const chosen = candidates[drawIndex(candidates.map((c) => c.weight), input.random)]!;
  return inRandomOrder(chosen.a, chosen.b, input.random);
}

/** The pair (and stances) for a new battle, or null when fewer than two models can battle. */
export function choosePair(input: SamplingInput, options: ModeOptions): ChosenPair | null {
  const { random } = input;
  const random_ = (): ChosenPair | null => {
    if (options.pairing === 'active') {
      const pair = pickFrom(samplingWeights(input), input, options);
      return pair ? { pair, mode: 'random' } : null;
    }
    const pair = samplePair(input);
    return pair ? { pair, mode: 'random' } : null;
  };
  switch (options.mode) {
    case 'random':
      return random_();
    case 'big-vs-small': {
      const params = paramsOf(input.cards);
      const threshold = options.thresholdB ?? 30;
      const big = (id: string) => (params.get(id) ?? 0) >= threshold;
      const weights = samplingWeights({ ...input, cards: input.cards.filter((c) => c.totalParamsB !== undefined) });
      const pair = pickFrom(weights, input, options, (a, b) => big(a) === big(b));
      return pair ? { pair, mode: 'big-vs-small' } : random_();
    }
    case 'frugal': {
      const budget = options.maxParamsB ?? 15;
      const small = input.cards.filter((c) => c.totalParamsB !== undefined && c.totalParamsB <= budget);
      const weights = samplingWeights({ ...input, cards: small });
      if (weights.size < 2) return random_();
      const pair = pickFrom(weights, input, options);
      return pair ? { pair, mode: 'frugal' } : random_();
    }
    case 'custom': {
      const [a, b] = options.custom ?? [];
      if (a && b && a !== b && input.healthy.has(a) && input.healthy.has(b)) return { pair: inRandomOrder(a, b, random), mode: 'custom' };
      return random_();
    }
    case 'diverse': {
      const stances = options.stances ?? [];
      const weights = samplingWeights(input);
      if (stances.length < 2 || weights.size === 0) return random_();
      const first = Math.floor(random() * stances.length);
      let second = Math.floor(random() * (stances.length - 1));
      if (second >= first) second++;
      const chosen: [string, string] = [stances[first]!, stances[second]!];
      if (options.diverseModels) {
        const models = random_();
        return models ? { pair: models.pair, stances: chosen, mode: 'diverse-ranked' } : null;
      }
      // One model on both sides: the only difference between the replies is the stance.
      const ids = [...weights.keys()];
      const model = ids[drawIndex(ids.map((id) => weights.get(id)!), random)]!;
      return { pair: [model, model], stances: chosen, mode: 'diverse' };
    }
  }
}

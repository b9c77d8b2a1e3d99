// Active pair choice (LMArena upweights under-sampled pairs): the pairs whose order the leaderboard is least sure of —
// scores close, intervals wide — are tried first, so a campaign's board settles with fewer votes. Scores come from a
// quick Bradley–Terry fit (minorisation–maximisation, ties as half wins, a weak prior so unseen pairs are defined);
// the interval is the normal approximation from each model's Fisher information. Cheap enough for every battle.

export interface PairResult {
  modelA: string;
  modelB: string;
  winsA: number;
  winsB: number;
  ties: number;
}

export interface QuickFit {
  /** Natural-log strength per model (mean 0). */
  score: Map<string, number>;
  /** Standard error of each score (same units). */
  se: Map<string, number>;
}

/** A pseudo-game split evenly in every pair: a prior that keeps unseen or one-sided pairs finite. */
const PRIOR_GAMES = 1;

export function quickFit(models: readonly string[], results: readonly PairResult[], iterations = 60): QuickFit {
  const n = models.length;
  const index = new Map(models.map((m, i) => [m, i]));
  const wins = Array.from({ length: n }, () => new Float64Array(n));
  for (const r of results) {
    const i = index.get(r.modelA);
    const j = index.get(r.modelB);
    if (i === undefined || j === undefined || i === j) continue;
    wins[i]![j]! += r.winsA + r.ties / 2;
    wins[j]![i]! += r.winsB + r.ties / 2;
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) wins[i]![j]! += PRIOR_GAMES / 2;
  const p = new Float64Array(n).fill(1);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let w = 0;
      let d = 0;
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const games = wins[i]![j]! + wins[j]![i]!;
        w += wins[i]![j]!;
        d += games / (p[i]! + p[j]!);
      }
      p[i] = d > 0 ? w / d : p[i]!;
    }
    let logMean = 0;
    for (let i = 0; i < n; i++) logMean += Math.log(p[i]!) / n;
    for (let i = 0; i < n; i++) p[i] = p[i]! / Math.exp(logMean);
  }
  const score = new Map<string, number>();
  const se = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    let info = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const q = p[i]! / (p[i]! + p[j]!);
      info += (wins[i]![j]! + wins[j]![i]!) * q * (1 - q);
    }
    score.set(models[i]!, Math.log(p[i]!));
    se.set(models[i]!, 1 / Math.sqrt(Math.max(info, 1e-9)));
  }
  return { score, se };
}

/**
 * Weight of each unordered pair for the next battle: how unsure the board is of the two models (the variance of their
 * difference, cubed, so the least-known models come first: the board is settled when its WIDEST interval is narrow)
 * times how much one vote between them tells (4q(1−q), 1 for an even match), with a floor so that distant pairs are
 * still seen now and then. Multiplied by the models' own sampling weights. The power and the floor were chosen on
 * bench/campaign-modes.ts (variance, squared and cubed; floors 0.05 and 0.3): cubed with 0.05 needed the fewest votes.
 */
export function activePairWeights(models: readonly string[], fit: QuickFit, modelWeight: (id: string) => number = () => 1): Array<{ a: string; b: string; weight: number }> {
  const out: Array<{ a: string; b: string; weight: number }> = [];
  for (let i = 0; i < models.length; i++) {
    for (let j = i + 1; j < models.length; j++) {
      const a = models[i]!;
      const b = models[j]!;
      const diff = (fit.score.get(a) ?? 0) - (fit.score.get(b) ?? 0);
      const q = 1 / (1 + Math.exp(-diff));
      const variance = (fit.se.get(a) ?? 1) ** 2 + (fit.se.get(b) ?? 1) ** 2;
      out.push({ a, b, weight: variance ** 3 * (0.05 + 4 * q * (1 - q)) * modelWeight(a) * modelWeight(b) });
    }
  }
  return out;
}

// The leaderboard's pair tables over the scored models, in row order: the fitted win probability (only within a
// group and between unbounded models) and what the votes show (votes per pair, observed win rate).
import type { Prepared } from './leaderboard';
import type { Leaderboard, RankedModel } from './types';

export function pairMatrices(prep: Prepared, models: RankedModel[]): { shown: RankedModel[]; matrix: Leaderboard['winProbability']['matrix']; observed: Leaderboard['observed'] } {
  const { counts, problem } = prep;
  const n = problem.n;
  const shown = models.filter((m) => m.score !== null);
  const idx = shown.map((m) => counts.models.indexOf(m.model));
  const pairOf = new Map<number, number>();
  for (let p = 0; p < counts.size; p++) pairOf.set(counts.a[p]! * n + counts.b[p]!, p);
  const matrix = idx.map((i, r) =>
    idx.map((j, c) => {
      if (i === j) return 0.5;
      if (shown[r]!.component !== shown[c]!.component || shown[r]!.bound || shown[c]!.bound) return null;
      return 1 / (1 + Math.exp(problem.thetaHat[j]! - problem.thetaHat[i]!));
    }),
  );
  const observedVotes = idx.map((i) => idx.map((j) => {
    const p = pairOf.get(Math.min(i, j) * n + Math.max(i, j));
    return p === undefined || i === j ? 0 : prep.pairT[p]!;
  }));
  const observedRate = idx.map((i) => idx.map((j) => {
    const p = pairOf.get(Math.min(i, j) * n + Math.max(i, j));
    if (p === undefined || i === j || !(prep.pairT[p]! > 0)) return null;
    const w = prep.pairW[p]! / prep.pairT[p]!;
    return counts.a[p] === i ? w : 1 - w;
  }));

  return { shown, matrix, observed: { winRate: observedRate, votes: observedVotes } };
}

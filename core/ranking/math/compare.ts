// How a community's own ranking differs from everyone's: Kendall's tau over the models both boards list, and the
// models whose places differ most.
import type { Leaderboard } from '../types';

/** Kendall's tau-b of two paired score lists (ties handled); null with fewer than two pairs or no variation. */
export function kendallTau(x: number[], y: number[]): number | null {
  const n = Math.min(x.length, y.length);
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i]! - x[j]!);
      const dy = Math.sign(y[i]! - y[j]!);
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiesX++;
      else if (dy === 0) tiesY++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const denom = Math.sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY));
  return denom > 0 ? (concordant - discordant) / denom : null;
}

export interface RankShift {
  model: string;
  /** Rank among the common models on the local (chat) board and on the global board. */
  localRank: number;
  globalRank: number;
  /** globalRank − localRank: positive when the chat likes the model more than everyone does. */
  shift: number;
}

export interface RankingComparison {
  /** Models listed (with enough votes) on both boards. */
  common: number;
  tau: number | null;
  /** Common models by decreasing |shift|, those with a shift only. */
  mostDifferent: RankShift[];
}

function ranksOf(scores: number[]): number[] {
  return scores.map((s) => 1 + scores.filter((t) => t > s).length);
}

export function compareRankings(local: Leaderboard, global: Leaderboard, limit = 3): RankingComparison {
  const globalScores = new Map<string, number>();
  for (const m of global.models) if (m.score !== null) globalScores.set(m.model, m.score);
  const common = local.models.filter((m) => m.score !== null && globalScores.has(m.model));
  const x = common.map((m) => m.score!);
  const y = common.map((m) => globalScores.get(m.model)!);
  const rx = ranksOf(x);
  const ry = ranksOf(y);
  const shifts = common
    .map((m, k) => ({ model: m.model, localRank: rx[k]!, globalRank: ry[k]!, shift: ry[k]! - rx[k]! }))
    .filter((s) => s.shift !== 0)
    .sort((p, q) => Math.abs(q.shift) - Math.abs(p.shift) || p.model.localeCompare(q.model));
  return { common: common.length, tau: kendallTau(x, y), mostDifferent: shifts.slice(0, limit) };
}

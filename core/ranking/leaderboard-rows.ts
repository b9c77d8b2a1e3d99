// The leaderboard's rows: one per model with its tallies, score, interval, rank range and flags, in display order
// (scored models by group then score, then the rest by whether they have enough votes and how many).
import type { Prepared, Scored } from './leaderboard';
import type { Component, ModelFlag, RankedModel } from './types';

export function modelRows(prep: Prepared, components: Component[], scored: Map<number, Scored>, style: Map<number, Scored> | null, tieScores: Map<number, number> | null): RankedModel[] {
  const { stats, listed, grouping } = prep;
  const models: RankedModel[] = stats.map((s, i) => {
    const flags: ModelFlag[] = [];
    if (s.votes > 0 && s.losses === 0 && s.wins > 0) flags.push('undefeated');
    if (s.votes > 0 && s.wins === 0 && s.ties === 0) flags.push('winless');
    const g = grouping.groupOf[i]!;
    const iv = scored.get(i);
    const listedHere = listed.includes(i);
    if (iv?.bound) flags.push('bound');
    const home = components[g]!;
    const shownIn = home.models.length > 1 ? g : (home.attachedTo ?? g);
    if (shownIn !== 0) flags.push('separate-group');
    if (grouping.weakOf[i] !== 0) flags.push('disconnected');
    if (listedHere && !iv) flags.push('not-comparable');
    const st = style?.get(i);
    const { model, votes, wins, ties, losses, bothBad } = s;
    return {
      model,
      votes,
      wins,
      ties,
      losses,
      bothBad,
      winRate: s.counted > 0 ? s.score / s.counted : null,
      enoughVotes: listedHere,
      score: iv?.score ?? null,
      ciLow: iv ? iv.ciLow : null,
      ciHigh: iv ? iv.ciHigh : null,
      rank: iv?.rank ?? null,
      rankLow: iv?.rankLow ?? null,
      rankHigh: iv?.rankHigh ?? null,
      median: iv?.median ?? null,
      bound: iv?.bound ?? null,
      ...(style
        ? { style: st && st.bound === null ? { score: st.score, ciLow: st.ciLow!, ciHigh: st.ciHigh!, rank: st.rank, rankLow: st.rankLow, rankHigh: st.rankHigh } : null }
        : {}),
      ...(tieScores ? { tieModel: tieScores.has(i) ? { score: tieScores.get(i)! } : null } : {}),
      flags,
      component: shownIn,
    };
  });
  models.sort((x, y) => {
    const sx = x.score !== null;
    const sy = y.score !== null;
    if (sx && sy) return x.component - y.component || y.score! - x.score! || x.model.localeCompare(y.model);
    if (sx) return -1;
    if (sy) return 1;
    if (x.enoughVotes !== y.enoughVotes) return x.enoughVotes ? -1 : 1;
    return y.votes - x.votes || x.model.localeCompare(y.model);
  });

  return models;
}

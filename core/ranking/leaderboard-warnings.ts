// What the leaderboard says in words about data that cannot rank as usual: separate groups, one-sided bounds, models
// without a score, flagged voters, votes over the daily cap.
import type { ComputeOptions } from './leaderboard';
import type { Component, LeaderboardWarning, RankedModel } from './types';

export function boardWarnings(components: Component[], models: RankedModel[], options: ComputeOptions): LeaderboardWarning[] {
  const warnings: LeaderboardWarning[] = [];
  const separate = components.filter((c, g) => g > 0 && c.models.length > 1);
  if (separate.length) {
    warnings.push({
      code: 'groups',
      models: separate.flatMap((c) => c.models),
      count: separate.length + 1,
      text: `the models form ${separate.length + 1} groups that never both won and lost against each other; scores compare only within a group`,
    });
  }
  for (const m of models) {
    if (m.bound === 'lower') warnings.push({ code: 'bound-lower', models: [m.model], text: `${m.model} never lost against its group: its score is only a lower bound` });
    if (m.bound === 'upper') warnings.push({ code: 'bound-upper', models: [m.model], text: `${m.model} never won against its group: its score is only an upper bound` });
  }
  const lost = models.filter((m) => m.flags.includes('not-comparable')).map((m) => m.model);
  if (lost.length) {
    warnings.push({ code: 'not-comparable', models: lost, count: lost.length, text: `no score for ${lost.join(', ')}: no group of models both won and lost against them` });
  }
  if (options.voters && options.voters.flagged > 0) {
    const v = options.voters;
    warnings.push({
      code: 'voters-flagged',
      models: [],
      count: v.flagged,
      text: `${v.flagged} of ${v.checked} voters vote like chance or against everyone else (${(v.voteShare * 100).toFixed(1)}% of votes): ${v.policy === 'flag' ? 'counted as usual' : v.policy === 'downweight' ? 'their votes weigh less' : 'their votes are left out'}`,
    });
  }
  if (options.cappedVotes) {
    warnings.push({ code: 'daily-cap', models: [], count: options.cappedVotes, text: `${options.cappedVotes} vote(s) over the daily cap per person left out` });
  }

  return warnings;
}

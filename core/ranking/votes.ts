// What happens to votes one by one before they become counts, when an organiser asks for it: LMArena's "first N
// votes per person per day", LMArena's de-duplication of very frequent prompts, voter quality (flag, down-weight or
// exclude) and the herding check. Each step says how many votes it touched; none is silent.
import { z } from 'zod';
import { createCountsBuilder } from './math/counts';
import { herdingByChat, type HerdingResult } from './math/herding';
import { createRng } from './math/random';
import { assessVoters, type VoterReport } from './math/voters';
import { addRows } from './segments';
import type { PairCounts, VoteRow } from './types';

/** Per-vote options; zod-checked where they come from configuration or the command line. */
export const VoteOptionsSchema = z.object({
  /** Voter quality: off (default), or flag / downweight / exclude voters who vote like chance or against everyone. */
  voters: z.enum(['off', 'flag', 'downweight', 'exclude']).default('off'),
  /** Level of the voter test. */
  voterAlpha: z.number().gt(0).lt(1).default(0.01),
  /** Count only each person's first N votes per UTC day (LMArena's daily_vote_per_user). */
  dailyCap: z.number().int().positive().nullable().default(null),
  /** Keep at most the 99.99th-percentile count of battles per identical prompt (LMArena's de-duplication). */
  dedupPrompts: z.boolean().default(false),
  /** Run the herding check per chat. */
  herding: z.boolean().default(false),
});
export type VoteOptions = z.input<typeof VoteOptionsSchema>;

export function needsRows(options: VoteOptions): boolean {
  const o = VoteOptionsSchema.parse(options);
  return o.voters !== 'off' || o.dailyCap !== null || o.dedupPrompts || o.herding;
}

/** Keeps each voter's first `cap` votes per UTC day (votes without a voter or a time are kept: they cannot be capped). */
export function capDailyVotes(rows: VoteRow[], cap: number): { rows: VoteRow[]; dropped: number } {
  const order = rows.map((_, i) => i).sort((x, y) => (rows[x]!.at?.getTime() ?? 0) - (rows[y]!.at?.getTime() ?? 0) || x - y);
  const used = new Map<string, number>();
  const keep = new Uint8Array(rows.length);
  for (const i of order) {
    const r = rows[i]!;
    if (!r.voterId || !r.at) {
      keep[i] = 1;
      continue;
    }
    const key = `${r.voterId}\u0000${r.at.toISOString().slice(0, 10)}`;
    const n = used.get(key) ?? 0;
    if (n < cap) {
      keep[i] = 1;
      used.set(key, n + 1);
    }
  }
  const kept = rows.filter((_, i) => keep[i]);
  return { rows: kept, dropped: rows.length - kept.length };
}

/** numpy/pandas' default (linear) quantile of a sorted list. */
function quantile(sorted: number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(sorted.length - 1, lo + 1)] ?? sorted[lo]!) - sorted[lo]!);
}

/**
 * LMArena's de-duplication (fastchat/serve/monitor/deduplication.py): prompts whose number of battles exceeds the
 * `percentile` quantile of those numbers keep only that many battles, chosen at random (seeded); the rest are
 * dropped. Applied per battle: all votes of a dropped battle go.
 */
export function dedupHighFrequency(rows: VoteRow[], promptOf: (battleId: string) => string | undefined, percentile = 0.9999, seed = 42): { rows: VoteRow[]; dropped: number } {
  const battlesOf = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.battleId) continue;
    const p = promptOf(r.battleId);
    if (p === undefined) continue;
    const key = p.slice(0, 10_000);
    const list = battlesOf.get(key) ?? [];
    if (list[list.length - 1] !== r.battleId && !list.includes(r.battleId)) list.push(r.battleId);
    battlesOf.set(key, list);
  }
  if (!battlesOf.size) return { rows, dropped: 0 };
  const counts = [...battlesOf.values()].map((l) => l.length).sort((x, y) => x - y);
  const cutoff = quantile(counts, percentile);
  const drop = new Set<string>();
  const rng = createRng(seed, 4242);
  for (const list of battlesOf.values()) {
    if (list.length <= cutoff) continue;
    const keep = Math.floor(cutoff);
    const shuffled = [...list];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    for (const id of shuffled.slice(keep)) drop.add(id);
  }
  const kept = rows.filter((r) => !r.battleId || !drop.has(r.battleId));
  return { rows: kept, dropped: rows.length - kept.length };
}

export interface PreparedVotes {
  counts: PairCounts;
  voters: VoterReport | null;
  /** Votes left out by the daily cap and by prompt de-duplication. */
  capped: number;
  deduplicated: number;
  herding: HerdingResult[] | null;
}

/** Votes one by one → counts, through the steps asked for (in LMArena's order: de-duplicate, cap, then voters). */
export function prepareVotes(rows: VoteRow[], options: VoteOptions, extra: { promptOf?: (battleId: string) => string | undefined } = {}): PreparedVotes {
  const o = VoteOptionsSchema.parse(options);
  let current = rows;
  let deduplicated = 0;
  let capped = 0;
  if (o.dedupPrompts && extra.promptOf) {
    const d = dedupHighFrequency(current, extra.promptOf);
    current = d.rows;
    deduplicated = d.dropped;
  }
  if (o.dailyCap !== null) {
    const c = capDailyVotes(current, o.dailyCap);
    current = c.rows;
    capped = c.dropped;
  }
  const herding = o.herding ? herdingByChat(current) : null;
  const builder = createCountsBuilder();
  let voters: VoterReport | null = null;
  if (o.voters !== 'off') {
    const assessed = assessVoters(current, { policy: o.voters, alpha: o.voterAlpha });
    voters = assessed.report;
    addRows(builder, current, assessed.weight);
  } else addRows(builder, current);
  return { counts: builder.build(), voters, capped, deduplicated, herding };
}

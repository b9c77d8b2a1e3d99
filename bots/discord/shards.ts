// Which of the bot's gateway shards this process runs. Discord sends a server's events only to shard
// (guild_id >> 22) % count, and DMs to shard 0; past 2,500 servers it refuses a session that would hold them all
// (close 4011). Processes that split the shards must agree on the count; a process may also run every shard.
import type { ClientOptions } from 'discord.js';

/** A fixed number of shards, or `auto`: Discord's recommendation (GET /gateway/bot), read at each start. */
export type ShardCount = number | 'auto';

export interface ShardPlan {
  count: ShardCount;
  /** The shards this process runs (sorted, distinct); absent: all of them. */
  ids?: readonly number[];
}

/** More than any bot runs in one process; guards against a typo such as `0-9999999` allocating millions of ids. */
const MOST_IDS = 10_000;

/** "0,1", "0-3", "0-3,6" → [0, 1, 2, 3, 6], or a sentence saying what is wrong with the text. */
export function parseShardIds(text: string): number[] | { problem: string } {
  const ids = new Set<number>();
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!match) return { problem: `"${part}" is not a shard id or a range of them (write e.g. 0,1 or 0-3)` };
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from) return { problem: `the range ${part} runs backwards (write ${to}-${from})` };
    if (to - from + ids.size >= MOST_IDS) return { problem: `more than ${MOST_IDS.toLocaleString('en')} shards for one process` };
    for (let id = from; id <= to; id += 1) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** [0, 1] → "0,1"; [0, 1, 2, 3, 6] → "0-3,6": runs of three or more as ranges, as an operator would write them. */
export function formatShardIds(ids: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ids.length; ) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j]! + 1) j += 1;
    parts.push(j - i >= 2 ? `${ids[i]}-${ids[j]}` : ids.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return parts.join(',');
}

/** The discord.js Client options for a plan (it runs the shards through @discordjs/ws's WebSocketManager). */
export function clientShardOptions(plan: ShardPlan): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (plan.count === 'auto') return { shards: 'auto' };
  return { shards: [...(plan.ids ?? Array.from({ length: plan.count }, (_, id) => id))], shardCount: plan.count };
}

import { describe, expect, it } from 'vitest';
import { capDailyVotes, dedupHighFrequency, needsRows, prepareVotes } from './votes';
import type { VoteRow } from './types';

const day = (d: number, h: number) => new Date(Date.UTC(2026, 2, d, h));

describe('votes one by one', () => {
  it("counts only each person's first N votes per day (LMArena's daily cap)", () => {
    const rows: VoteRow[] = [];
    for (const voter of ['u1', 'u2']) {
      for (let h = 0; h < 5; h++) rows.push({ modelA: 'x', modelB: 'y', outcome: 'a', voterId: voter, at: day(1, 10 - h) });
      rows.push({ modelA: 'x', modelB: 'y', outcome: 'b', voterId: voter, at: day(2, 1) });
    }
    rows.push({ modelA: 'x', modelB: 'y', outcome: 'b' }); // no voter, no time: kept
    const capped = capDailyVotes(rows, 2);
    expect(capped.dropped).toBe(6);
    // The earliest two of day 1 are kept, whatever the order of the rows.
    expect(capped.rows.filter((r) => r.voterId === 'u1').map((r) => r.at!.getUTCHours())).toEqual([7, 6, 1]);
    const prepared = prepareVotes(rows, { dailyCap: 2 });
    expect(prepared.capped).toBe(6);
    expect(needsRows({ dailyCap: 2 })).toBe(true);
    expect(needsRows({})).toBe(false);
  });

  it("keeps at most the cut-off number of battles per very frequent prompt (LMArena's de-duplication)", () => {
    const rows: VoteRow[] = [];
    const prompt = new Map<string, string>();
    for (let b = 0; b < 200; b++) {
      const id = `b${b}`;
      prompt.set(id, b < 120 ? 'hello' : `question ${b}`);
      rows.push({ modelA: 'x', modelB: 'y', outcome: 'a', battleId: id }, { modelA: 'x', modelB: 'y', outcome: 'b', battleId: id });
    }
    // 81 distinct prompts: one asked 120 times, 80 once. The 50th percentile count is 1.
    const d = dedupHighFrequency(rows, (id) => prompt.get(id), 0.5);
    expect(d.dropped).toBe(2 * 119);
    expect(new Set(d.rows.filter((r) => prompt.get(r.battleId!) === 'hello').map((r) => r.battleId)).size).toBe(1);
    // LMArena's 99.99th percentile over these counts is ~119.6: the 120-battle prompt keeps 119.
    expect(dedupHighFrequency(rows, (id) => prompt.get(id)).dropped).toBe(2);
  });
});

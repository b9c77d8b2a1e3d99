// Herding: later voters who follow the visible count are told apart from voters who merely agree because they read
// the same replies.
import { describe, expect, it } from 'vitest';
import { herdingByChat } from './herding';
import { createRng } from './random';
import type { VoteRow } from '../types';

function chat(name: string, herd: number, seed: number): VoteRow[] {
  const rng = createRng(seed, 9);
  const rows: VoteRow[] = [];
  for (let b = 0; b < 300; b++) {
    // The battle's replies favour A or B for everyone (shared effect): agreement without herding.
    const pA = 1 / (1 + Math.exp(-(rng() - 0.5) * 4));
    let a = 0;
    let bb = 0;
    for (let v = 0; v < 5; v++) {
      let choice: 'a' | 'b';
      if (a !== bb && rng() < herd) choice = a > bb ? 'a' : 'b';
      else choice = rng() < pA ? 'a' : 'b';
      if (choice === 'a') a++;
      else bb++;
      rows.push({ modelA: 'x', modelB: 'y', outcome: choice, battleId: `${name}-${b}`, chatId: name, voterId: `${name}-u${v}`, at: new Date(Date.UTC(2026, 0, 1) + b * 3_600_000 + v * 1000) });
    }
  }
  return rows;
}

describe('herding check', () => {
  it('finds later voters following the count, and not voters who only share the replies', () => {
    // Three chats where later voters copy the majority 40 % of the time, three where they never do. The test has
    // limited power on 300 battles (see herding.ts), so it is judged on the majority of chats.
    const rows = [1, 2, 3].flatMap((s) => [...chat(`herd${s}`, 0.4, s), ...chat(`calm${s}`, 0, s + 10)]);
    const results = herdingByChat(rows, { permutations: 400 });
    const herd = results.filter((r) => r.chat.startsWith('herd'));
    const calm = results.filter((r) => r.chat.startsWith('calm'));
    expect(herd.map((r) => r.battles)).toEqual([300, 300, 300]);
    expect(herd.filter((r) => r.pValue < 0.05).length).toBeGreaterThanOrEqual(2);
    expect(herd.every((r) => r.followRate > r.expectedRate)).toBe(true);
    expect(calm.filter((r) => r.pValue < 0.05).length).toBeLessThanOrEqual(1);
    for (const r of calm) expect(Math.abs(r.followRate - r.expectedRate)).toBeLessThan(0.03);
  });

  it('uses the time order of the votes, not the order of the rows', () => {
    const rows = chat('herd', 0.4, 3);
    const shuffled = [...rows].reverse();
    expect(herdingByChat(shuffled, { permutations: 50 })).toEqual(herdingByChat(rows, { permutations: 50 }));
  });
});

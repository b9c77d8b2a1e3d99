import { describe, expect, it } from 'vitest';
import { createCountsBuilder } from './counts';
import { computeLeaderboard } from '../leaderboard';
import { createRng } from './random';
import { styleOf } from './style';
import type { StyleBattle } from '../types';

describe('style control', () => {
  it('counts Markdown headers, list items and bold spans', () => {
    const text = '# Title\n\nText with **bold** and __more__.\n\n- one\n- two\n3. three\n#hashtag';
    expect(styleOf(text)).toEqual({
      length: text.length,
      headers: 1,
      lists: 3,
      bold: 2,
    });
    expect(styleOf('plain', 12).length).toBe(12);
  });

  it('takes out the pull of long, heavily formatted replies', () => {
    // Four equally good models; m0 writes long replies with headers, and voters fall for length.
    const rng = createRng(4, 1);
    const battles: StyleBattle[] = [];
    const counts = createCountsBuilder();
    for (let k = 0; k < 6000; k++) {
      const i = Math.floor(rng() * 4);
      let j = Math.floor(rng() * 3);
      if (j >= i) j++;
      const len = (m: number) => (m === 0 ? 1500 : 500) * (0.7 + 0.6 * rng());
      const styleA = { length: len(i), headers: i === 0 ? 3 : 0, lists: 2, bold: 1 };
      const styleB = { length: len(j), headers: j === 0 ? 3 : 0, lists: 2, bold: 1 };
      const x = (styleA.length - styleB.length) / (styleA.length + styleB.length);
      const aWins = rng() < 1 / (1 + Math.exp(-3 * x));
      battles.push({ modelA: `m${i}`, modelB: `m${j}`, styleA, styleB, winsA: aWins ? 1 : 0, winsB: aWins ? 0 : 1, ties: 0, bothBad: 0 });
      counts.add(`m${i}`, `m${j}`, aWins ? 'a' : 'b');
    }
    const board = computeLeaderboard(counts.build(), { bootstrap: 100, style: battles });
    const m0 = board.models.find((m) => m.model === 'm0')!;
    expect(m0.rank).toBe(1);
    expect(m0.score!).toBeGreaterThan(1080); // plain scores reward length
    expect(m0.style!.ciLow).toBeLessThan(1000 + 1e-9 + 30);
    for (const m of board.models) {
      expect(m.style!.ciLow).toBeLessThanOrEqual(1000 + 25);
      expect(m.style!.ciHigh).toBeGreaterThanOrEqual(1000 - 25);
    }
    expect(board.styleControl!.coefficients.length).toBeGreaterThan(30);
    expect(Math.abs(board.styleControl!.coefficients.bold)).toBeLessThan(1e-6); // constant feature drops out
  });
});

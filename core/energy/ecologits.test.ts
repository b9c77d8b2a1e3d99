import { describe, expect, it } from 'vitest';
import { durationParts, estimateEnergy, ledSeconds, replyEnergy, streamingSeconds } from './ecologits';

// The reference cases of notes/energy.md (EcoLogits' own Python output, rounded as printed there). A figure must be
// within 1 % of the reference, or, for references printed with fewer digits than that needs, round to it.
const within = (actual: number, expected: number, decimals: number) => {
  const half = 0.5 * 10 ** -decimals;
  expect(Math.abs(actual - expected) <= Math.max(0.01 * expected, half + 1e-12), `${actual} vs ${expected}`).toBe(true);
};
const decimalsOf = (printed: string) => (printed.split('.')[1] ?? '').length;

const FRA091 = { zone: 'FRA', gwpKgPerKWh: 0.04418 };

const CASES = [
  { name: 'dense 8B, 500 tok', total: 8, active: 8, tokens: 500, v082: ['1.884', '1.160'], v091: ['0.045', '0.024'], fra: '0.005' },
  { name: 'dense 70B, 500 tok', total: 70, active: 70, tokens: 500, v082: ['6.234', '3.810'], v091: ['0.329', '0.181'], fra: '0.040' },
  { name: 'MoE 46.7B/12.9B, 500 tok', total: 46.7, active: 12.9, tokens: 500, v082: ['2.228', '1.369'], v091: ['0.095', '0.052'], fra: '0.011' },
  { name: 'dense 405B, 1,000 tok', total: 405, active: 405, tokens: 1000, v082: ['237.9', '145.05'], v091: ['9.134', '5.048'], fra: '1.131' },
] as const;

describe('EcoLogits estimates match the reference values', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const input = { totalParamsB: c.total, activeParamsB: c.active, outputTokens: c.tokens };
      const old = estimateEnergy(input, 'ecologits-0.8.2');
      within(old.energyWh, Number(c.v082[0]), decimalsOf(c.v082[0]));
      within(old.co2eG, Number(c.v082[1]), decimalsOf(c.v082[1]));
      const now = estimateEnergy(input, 'ecologits-0.9.1');
      within(now.energyWh, Number(c.v091[0]), decimalsOf(c.v091[0]));
      within(now.co2eG, Number(c.v091[1]), decimalsOf(c.v091[1]));
      within(estimateEnergy(input, 'ecologits-0.9.1', FRA091).co2eG, Number(c.fra), decimalsOf(c.fra));
    });
  }

  it('the figures printed with four or more significant digits are within 1 %', () => {
    const big = estimateEnergy({ totalParamsB: 405, activeParamsB: 405, outputTokens: 1000 }, 'ecologits-0.8.2');
    expect(Math.abs(big.energyWh / 237.9 - 1)).toBeLessThan(0.01);
    expect(Math.abs(big.co2eG / 145.05 - 1)).toBeLessThan(0.01);
    const seventy = estimateEnergy({ totalParamsB: 70, activeParamsB: 70, outputTokens: 500 }, 'ecologits-0.8.2');
    expect(Math.abs(seventy.energyWh / 6.234 - 1)).toBeLessThan(0.01);
  });
});

describe('replyEnergy', () => {
  it('needs the parameter counts and the token count; a card with only the total is dense', () => {
    expect(replyEnergy(undefined, 500)).toBeUndefined();
    expect(replyEnergy({}, 500)).toBeUndefined();
    expect(replyEnergy({ totalParamsB: 8 }, undefined)).toBeUndefined();
    expect(replyEnergy({ totalParamsB: 8 }, 500)).toEqual(estimateEnergy({ totalParamsB: 8, activeParamsB: 8, outputTokens: 500 }));
    expect(replyEnergy({ totalParamsB: 8 }, 500)?.method).toBe('ecologits-0.9.1');
  });
});

describe('familiar equivalents', () => {
  it("compar:IA's example: 8B, 500 tokens (0.8.2) ≈ 22 LED-minutes and 2 streaming-minutes", () => {
    const e = estimateEnergy({ totalParamsB: 8, activeParamsB: 8, outputTokens: 500 }, 'ecologits-0.8.2');
    expect(durationParts(ledSeconds(e.energyWh))).toEqual({ amount: 22, unit: 'minute' });
    expect(durationParts(streamingSeconds(e.co2eG))).toEqual({ amount: 2, unit: 'minute' });
  });

  it('picks the largest whole unit, never shows zero', () => {
    expect(durationParts(0.2)).toEqual({ amount: 1, unit: 'second' });
    expect(durationParts(3 * 3600 + 5)).toEqual({ amount: 3, unit: 'hour' });
    expect(durationParts(2 * 86_400)).toEqual({ amount: 2, unit: 'day' });
  });
});

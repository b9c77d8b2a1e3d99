import { describe, expect, it } from 'vitest';
import { createPoissonSampler } from './random';

describe('the Poisson sampler of the battle bootstrap', () => {
  it('draws Poisson(mean) for small, medium and huge means, reproducibly per stream', () => {
    const means = Float64Array.from([0, 0.5, 1, 3, 40, 250, 100_000]);
    const draw = createPoissonSampler(means);
    const out = new Float64Array(means.length);
    const sum = new Float64Array(means.length);
    const sq = new Float64Array(means.length);
    const R = 20_000;
    for (let r = 0; r < R; r++) {
      draw(9, r, out);
      for (let k = 0; k < means.length; k++) {
        expect(Number.isInteger(out[k]!)).toBe(true);
        sum[k] = sum[k]! + out[k]!;
        sq[k] = sq[k]! + out[k]! * out[k]!;
      }
    }
    expect(sum[0]).toBe(0);
    for (let k = 1; k < means.length; k++) {
      const m = means[k]!;
      const mean = sum[k]! / R;
      const variance = sq[k]! / R - mean * mean;
      // Poisson: variance = mean; the sample mean is within 4 standard errors.
      expect(Math.abs(mean - m)).toBeLessThan(4 * Math.sqrt(m / R));
      expect(variance / m).toBeGreaterThan(0.95);
      expect(variance / m).toBeLessThan(1.05);
    }
    const a = new Float64Array(means.length);
    const b = new Float64Array(means.length);
    draw(9, 123, a);
    draw(9, 123, b);
    expect([...b]).toEqual([...a]);
    draw(9, 124, b);
    expect([...b]).not.toEqual([...a]);
  });
});

// Style control against LMArena's own code on shared synthetic data: the fixture holds battles and the scores that
// FastChat's rating_systems.py (fit_contextual_bt, fit_bt) gives on them — regenerate it with
// tools/lmarena-reference/style.py. Scores are compared as differences from their mean (LMArena anchors its scale on
// a reference model; Pnyx centres on 1000).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCountsBuilder } from './counts';
import { computeLeaderboard, SCALE } from '../leaderboard';
import type { StyleBattle } from '../types';

type Side = [number, number, number, number];
const fixture = JSON.parse(readFileSync(new URL('./lmarena-style.fixture.json', import.meta.url), 'utf8')) as {
  battles: Array<[string, string, Side, Side, [number, number, number]]>;
  lmarena: { style: Record<string, number>; coefficients: Record<string, number>; plain: Record<string, number> };
};

const style = (s: Side) => ({ length: s[0], headers: s[1], lists: s[2], bold: s[3] });
const centred = (scores: Record<string, number>) => {
  const mean = Object.values(scores).reduce((a, b) => a + b, 0) / Object.keys(scores).length;
  return Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v - mean]));
};

function board(variant: 'lmarena' | 'comparia') {
  const counts = createCountsBuilder();
  const battles: StyleBattle[] = fixture.battles.map(([a, b, sa, sb, [va, vb, vt]]) => {
    counts.addBattles(a, b, { a: va, b: vb, tie: vt, bothBad: 0 });
    return { modelA: a, modelB: b, styleA: style(sa), styleB: style(sb), winsA: va, winsB: vb, ties: vt, bothBad: 0 };
  });
  return computeLeaderboard(counts.build(), { bootstrap: 0, minVotes: 0, prior: 1e-9, style: battles, styleVariant: variant });
}

describe("style control, LMArena's variant", () => {
  it("gives LMArena's style-controlled scores within 0.5 points, and its coefficients", () => {
    const b = board('lmarena');
    const ours = centred(Object.fromEntries(b.models.map((m) => [m.model, m.style!.score])));
    const theirs = centred(fixture.lmarena.style);
    for (const [model, score] of Object.entries(theirs)) expect(Math.abs(ours[model]! - score), model).toBeLessThan(0.5);
    for (const [feature, beta] of Object.entries(fixture.lmarena.coefficients)) {
      expect(b.styleControl!.coefficients[feature as 'length']).toBeCloseTo(SCALE * beta, 0);
    }
    expect(b.styleControl!.variant).toBe('lmarena');
  });

  it("gives LMArena's plain Bradley–Terry scores too", () => {
    const b = board('lmarena');
    const ours = centred(Object.fromEntries(b.models.map((m) => [m.model, m.score!])));
    const theirs = centred(fixture.lmarena.plain);
    for (const [model, score] of Object.entries(theirs)) expect(Math.abs(ours[model]! - score), model).toBeLessThan(0.5);
  });

  it("differs from compar:IA's variant by a few points on the same data", () => {
    const lm = board('lmarena');
    const cp = board('comparia');
    const diffs = lm.models.map((m) => Math.abs(m.style!.score - cp.models.find((x) => x.model === m.model)!.style!.score));
    expect(Math.max(...diffs)).toBeGreaterThan(1);
  });
});

// Planted voters: honest ones follow Bradley–Terry with known strengths, some vote at random, some against the
// consensus. The test recovers who is who, and the policies change the counts as they say.
import { describe, expect, it } from 'vitest';
import { createRng } from './random';
import { assessVoters } from './voters';
import { prepareVotes } from '../votes';
import { pairTotals } from '../test-helpers';
import type { VoteRow } from '../types';

const SCORES = [1250, 1150, 1100, 1000, 950, 900, 800, 700];

function plant(seed: number): { rows: VoteRow[]; kinds: Map<string, 'honest' | 'random' | 'adversarial'> } {
  const rng = createRng(seed, 3);
  const rows: VoteRow[] = [];
  const kinds = new Map<string, 'honest' | 'random' | 'adversarial'>();
  const voters = [
    ...Array.from({ length: 200 }, (_, i) => [`h${i}`, 'honest'] as const),
    ...Array.from({ length: 10 }, (_, i) => [`r${i}`, 'random'] as const),
    ...Array.from({ length: 10 }, (_, i) => [`x${i}`, 'adversarial'] as const),
  ];
  for (const [id, kind] of voters) {
    kinds.set(id, kind);
    for (let v = 0; v < 60; v++) {
      const i = Math.floor(rng() * SCORES.length);
      let j = Math.floor(rng() * (SCORES.length - 1));
      if (j >= i) j++;
      const p = 1 / (1 + 10 ** ((SCORES[j]! - SCORES[i]!) / 400));
      const u = rng();
      const aWins = kind === 'honest' ? u < p : kind === 'random' ? u < 0.5 : u < 1 - p;
      rows.push({ modelA: `m${i}`, modelB: `m${j}`, outcome: aWins ? 'a' : 'b', voterId: id, battleId: `${id}-${v}` });
    }
  }
  return { rows, kinds };
}

describe('voter quality', () => {
  it('recovers planted random and adversarial voters and rarely flags honest ones', () => {
    const { rows, kinds } = plant(1);
    const { report } = assessVoters(rows, { policy: 'flag', alpha: 0.01 });
    const flagged = new Map(report.verdicts.filter((v) => v.kind === 'random' || v.kind === 'adversarial').map((v) => [v.voter, v.kind]));
    const caught = (k: string) => [...kinds].filter(([id, kind]) => kind === k && flagged.has(id)).length;
    expect(caught('adversarial')).toBe(10);
    expect([...kinds].filter(([id, kind]) => kind === 'adversarial' && flagged.get(id) === 'adversarial').length).toBe(10);
    expect(caught('random')).toBeGreaterThanOrEqual(6);
    // α = 0.01 bounds each honest voter's chance of a flag: 200 honest voters, at most a handful.
    expect(caught('honest')).toBeLessThanOrEqual(4);
    expect(report.checked).toBe(220);
    expect(report.share).toBeCloseTo(report.flagged / 220, 12);
    expect(report.voteShare).toBeCloseTo((report.flagged * 60) / rows.length, 12);
    // Agreement with the consensus: honest voters well above ½, adversarial ones well below.
    const agreement = (id: string) => report.verdicts.find((v) => v.voter === id)!.agreement!;
    expect(agreement('x0')).toBeLessThan(0.4);
    expect(agreement('h0')).toBeGreaterThan(0.55);
  });

  it('leaves voters with too few votes unjudged', () => {
    const { rows } = plant(2);
    const few = rows.filter((r) => r.voterId !== 'x0' || r.battleId!.endsWith('-1') || r.battleId!.endsWith('-2'));
    const { report } = assessVoters(few, { policy: 'flag' });
    expect(report.verdicts.find((v) => v.voter === 'x0')!.kind).toBe('unjudged');
  });

  it('flags, down-weights or excludes, and says so', () => {
    const { rows } = plant(3);
    const flag = prepareVotes(rows, { voters: 'flag' });
    const exclude = prepareVotes(rows, { voters: 'exclude' });
    const down = prepareVotes(rows, { voters: 'downweight' });
    const total = (c: typeof flag.counts) => {
      let n = 0;
      for (let p = 0; p < c.size; p++) n += c.winsA[p]! + c.winsB[p]! + c.ties[p]! + c.bothBad[p]!;
      return n;
    };
    expect(total(flag.counts)).toBe(rows.length);
    const flaggedVotes = flag.voters!.voteShare * rows.length;
    expect(total(exclude.counts)).toBeCloseTo(rows.length - flaggedVotes, 6);
    expect(total(down.counts)).toBeGreaterThan(total(exclude.counts));
    expect(total(down.counts)).toBeLessThan(rows.length);
    expect(exclude.voters).toMatchObject({ policy: 'exclude', flagged: flag.voters!.flagged });
    // The strongest model gains once adversarial votes are gone.
    const before = pairTotals(flag.counts, 'm0', 'm7')!;
    const after = pairTotals(exclude.counts, 'm0', 'm7')!;
    expect(after.x! / (after.x! + after.y!)).toBeGreaterThan(before.x! / (before.x! + before.y!));
  });
});

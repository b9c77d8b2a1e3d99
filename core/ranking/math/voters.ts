// Voter quality, in the spirit of LMArena's outlier detection: each voter's votes are compared with the consensus
// (a Bradley–Terry fit of everyone's votes). Three simple hypotheses per voter — follows the consensus (P = q, the
// consensus probability that the chosen model wins), votes at random (P = ½), votes against it (P = 1 − q) — and the
// likelihood ratio of each alternative against the consensus. Under the consensus hypothesis that ratio is a
// nonnegative martingale with mean 1, so by Ville's inequality an honest voter crosses 1/α with probability ≤ α however
// many votes they cast: the same sequential e-value test LMArena uses, with the consensus fitted instead of per-pair
// shares. Flagged voters are reported; their votes can also weigh less or be left out — never silently.
import { fitBradleyTerry, type FitTable } from './bradley-terry';
import type { VoteRow, VoterSummary } from '../types';

export type VoterPolicy = VoterSummary['policy'];

export interface VoterVerdict {
  voter: string;
  votes: number;
  /** Votes for A or B (ties say nothing about agreement). */
  decisive: number;
  /** Share of decisive votes for the consensus favourite. */
  agreement: number | null;
  kind: 'consistent' | 'random' | 'adversarial' | 'unjudged';
  /** log10 of the likelihood ratio of the winning alternative against the consensus (≥ log10(1/α) when flagged). */
  evidence: number;
  /** Weight of the voter's votes under the policy. */
  weight: number;
}

export interface VoterReport extends VoterSummary {
  alpha: number;
  minVotes: number;
  /** Flagged voters first (strongest evidence first), then the others. */
  verdicts: VoterVerdict[];
}

export interface VoterOptions {
  policy: VoterPolicy;
  /** Level of the test (default 0.01). */
  alpha?: number;
  /** Decisive votes a voter needs to be judged (default 5, as LMArena). */
  minVotes?: number;
  prior?: number;
}

/** The consensus fit: every vote counted once, natural-log strengths by model name. */
function consensus(rows: VoteRow[], prior: number): Map<string, number> {
  const index = new Map<string, number>();
  const pairs = new Map<number, number>();
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  const t: number[] = [];
  const id = (m: string) => {
    let k = index.get(m);
    if (k === undefined) index.set(m, (k = index.size));
    return k;
  };
  for (const r of rows) {
    let i = id(r.modelA);
    let j = id(r.modelB);
    let score = r.outcome === 'a' ? 1 : r.outcome === 'b' ? 0 : 0.5;
    if (i > j) {
      [i, j] = [j, i];
      score = 1 - score;
    }
    const key = i * 2097152 + j;
    let p = pairs.get(key);
    if (p === undefined) {
      pairs.set(key, (p = a.length));
      a.push(i);
      b.push(j);
      w.push(0);
      t.push(0);
    }
    w[p] = w[p]! + score;
    t[p] = t[p]! + 1;
  }
  const table: FitTable = { n: index.size, size: a.length, a: Int32Array.from(a), b: Int32Array.from(b), w: Float64Array.from(w), t: Float64Array.from(t) };
  const theta = fitBradleyTerry(table, prior).theta;
  return new Map([...index].map(([m, k]) => [m, theta[k]!]));
}

export function assessVoters(rows: VoteRow[], options: VoterOptions): { report: VoterReport; weight: (row: VoteRow) => number } {
  const alpha = options.alpha ?? 0.01;
  const minVotes = options.minVotes ?? 5;
  const theta = consensus(rows, options.prior ?? 0.01);
  const by = new Map<string, { votes: number; decisive: number; agree: number; c: number; r: number; a: number }>();
  for (const row of rows) {
    if (!row.voterId) continue;
    let s = by.get(row.voterId);
    if (!s) by.set(row.voterId, (s = { votes: 0, decisive: 0, agree: 0, c: 0, r: 0, a: 0 }));
    s.votes++;
    if (row.outcome !== 'a' && row.outcome !== 'b') continue;
    const chosen = row.outcome === 'a' ? row.modelA : row.modelB;
    const other = row.outcome === 'a' ? row.modelB : row.modelA;
    const d = theta.get(chosen)! - theta.get(other)!;
    // log q and log(1 − q), stably
    const logQ = -Math.log1p(Math.exp(-d));
    const log1mQ = -Math.log1p(Math.exp(d));
    s.decisive++;
    if (d > 0) s.agree++;
    s.c += logQ;
    s.r += Math.log(0.5);
    s.a += log1mQ;
  }
  const threshold = Math.log(1 / alpha);
  const verdicts: VoterVerdict[] = [];
  for (const [voter, s] of by) {
    const random = s.r - s.c;
    const adversarial = s.a - s.c;
    let kind: VoterVerdict['kind'] = 'consistent';
    if (s.decisive < minVotes) kind = 'unjudged';
    else if (adversarial >= threshold) kind = 'adversarial';
    else if (random >= threshold) kind = 'random';
    const flagged = kind === 'random' || kind === 'adversarial';
    // Down-weighting uses the posterior weight of "follows the consensus" (equal prior odds on the three).
    const posterior = 1 / (1 + Math.exp(Math.min(700, random)) + Math.exp(Math.min(700, adversarial)));
    const weight = !flagged || options.policy === 'flag' ? 1 : options.policy === 'exclude' ? 0 : posterior;
    verdicts.push({
      voter,
      votes: s.votes,
      decisive: s.decisive,
      agreement: s.decisive ? s.agree / s.decisive : null,
      kind,
      evidence: Math.max(random, adversarial) / Math.LN10,
      weight,
    });
  }
  verdicts.sort((x, y) => {
    const fx = x.kind === 'random' || x.kind === 'adversarial' ? 1 : 0;
    const fy = y.kind === 'random' || y.kind === 'adversarial' ? 1 : 0;
    return fy - fx || y.evidence - x.evidence || x.voter.localeCompare(y.voter);
  });
  const checked = verdicts.filter((v) => v.kind !== 'unjudged');
  const flagged = verdicts.filter((v) => v.kind === 'random' || v.kind === 'adversarial');
  const flaggedVotes = flagged.reduce((s, v) => s + v.votes, 0);
  const weights = new Map(verdicts.map((v) => [v.voter, v.weight]));
  const report: VoterReport = {
    policy: options.policy,
    alpha,
    minVotes,
    checked: checked.length,
    flagged: flagged.length,
    random: flagged.filter((v) => v.kind === 'random').length,
    adversarial: flagged.filter((v) => v.kind === 'adversarial').length,
    share: checked.length ? flagged.length / checked.length : 0,
    voteShare: rows.length ? flaggedVotes / rows.length : 0,
    verdicts,
  };
  return { report, weight: (row) => (row.voterId ? (weights.get(row.voterId) ?? 1) : 1) };
}

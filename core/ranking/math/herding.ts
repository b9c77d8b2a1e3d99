// Herding: in a group chat later voters see the running count. Do they follow it more than chance? Agreement alone
// proves nothing — members agree because they read the same replies — but without herding the ORDER of a battle's
// votes carries no information: any order of the same votes is as likely (exchangeability). So the statistic, the
// share of votes siding with the strict majority of the decisive votes cast before them, is compared with its
// distribution over random reorderings of each battle's votes (a permutation test, per chat).
// Limit, said plainly in the report: following the count in proportion to it (a Pólya urn) produces exchangeable
// votes, which no test on the order can tell from shared taste; what this finds is following beyond that.
import { createRng } from './random';
import type { VoteRow } from '../types';

export interface HerdingResult {
  chat: string;
  /** Battles with at least two decisive votes. */
  battles: number;
  /** Decisive votes cast after a strict majority existed. */
  laterVotes: number;
  /** Share of those siding with that majority, observed and as expected without herding (mean over reorderings). */
  followRate: number;
  expectedRate: number;
  /** One-sided permutation p-value: how often a random order follows the count as much. */
  pValue: number;
}

/** Votes siding with the running majority, for one battle's decisive votes (true = A) in the given order. */
function follows(seq: boolean[]): { after: number; followed: number } {
  let a = 0;
  let b = 0;
  let after = 0;
  let followed = 0;
  for (const v of seq) {
    if (a !== b) {
      after++;
      if (v === a > b) followed++;
    }
    if (v) a++;
    else b++;
  }
  return { after, followed };
}

/** Per chat, from votes with times (the order of the rows does not matter). Chats without a usable battle are left out. */
export function herdingByChat(rows: VoteRow[], options: { permutations?: number; seed?: number } = {}): HerdingResult[] {
  const permutations = options.permutations ?? 200;
  const battles = new Map<string, { chat: string; seq: boolean[]; at: number[] }>();
  for (const r of rows) {
    if (!r.battleId || !r.chatId || (r.outcome !== 'a' && r.outcome !== 'b')) continue;
    let b = battles.get(r.battleId);
    if (!b) battles.set(r.battleId, (b = { chat: r.chatId, seq: [], at: [] }));
    b.seq.push(r.outcome === 'a');
    b.at.push(r.at?.getTime() ?? b.at.length);
  }
  const chats = new Map<string, boolean[][]>();
  // Battles in id order, so that the permutations do not depend on the order of the rows.
  for (const [, b] of [...battles].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    if (b.seq.length < 2) continue;
    const order = b.seq.map((_, i) => i).sort((x, y) => b.at[x]! - b.at[y]! || x - y);
    const list = chats.get(b.chat) ?? [];
    list.push(order.map((i) => b.seq[i]!));
    chats.set(b.chat, list);
  }
  const out: HerdingResult[] = [];
  for (const [chat, seqs] of [...chats].sort(([x], [y]) => x.localeCompare(y))) {
    let after = 0;
    let observed = 0;
    for (const s of seqs) {
      const f = follows(s);
      after += f.after;
      observed += f.followed;
    }
    const rate = after ? observed / after : 0;
    const rng = createRng(options.seed ?? 1, seqs.length);
    let atLeast = 0;
    let sumRate = 0;
    const copy: boolean[] = [];
    for (let p = 0; p < permutations; p++) {
      let followed = 0;
      let later = 0;
      for (const s of seqs) {
        copy.length = 0;
        copy.push(...s);
        for (let i = copy.length - 1; i > 0; i--) {
          const j = Math.floor(rng() * (i + 1));
          [copy[i], copy[j]] = [copy[j]!, copy[i]!];
        }
        const f = follows(copy);
        followed += f.followed;
        later += f.after;
      }
      const r = later ? followed / later : 0;
      sumRate += r;
      if (r >= rate - 1e-12) atLeast++;
    }
    out.push({ chat, battles: seqs.length, laterVotes: after, followRate: rate, expectedRate: sumRate / permutations, pValue: (1 + atLeast) / (1 + permutations) });
  }
  return out;
}

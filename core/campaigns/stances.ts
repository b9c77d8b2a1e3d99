// The board of stances for diverse battles: which value perspective people prefer when one model answers under two.
// Wins are counted from each battle's vote tallies (a tie or "both bad" counts for neither), with a Wilson interval on
// the share of wins so a stance with few battles is not over-read.
import type { Kysely } from 'kysely';
import type { DB } from '../store/db';
import type { Translate } from '../i18n';
import { localized, type CampaignSpec } from './spec';

export interface StanceRow {
  stance: string;
  label: string;
  wins: number;
  losses: number;
  /** Share of decided votes won, with its 95 % Wilson interval. */
  share: number;
  low: number;
  high: number;
}

function wilson(wins: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const p = wins / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export async function stanceBoard(db: Kysely<DB>, campaignId: string, spec: CampaignSpec, locale: string): Promise<StanceRow[]> {
  const battles = await db
    .selectFrom('Battle')
    .select(['stanceA', 'stanceB', 'votesA', 'votesB'])
    .where('campaignId', '=', campaignId)
    .where('identityLeak', '=', false)
    .where('stanceA', 'is not', null)
    .where('stanceB', 'is not', null)
    .execute();
  const tally = new Map<string, { wins: number; losses: number }>();
  const add = (stance: string, wins: number, losses: number) => {
    const t = tally.get(stance) ?? { wins: 0, losses: 0 };
    t.wins += wins;
    t.losses += losses;
    tally.set(stance, t);
  };
  for (const b of battles) {
    add(b.stanceA!, b.votesA, b.votesB);
    add(b.stanceB!, b.votesB, b.votesA);
  }
  const labels = new Map((spec.diverse?.stances ?? []).map((s) => [s.id, localized(s.label, locale)]));
  return [...tally]
    .map(([stance, { wins, losses }]) => {
      const [low, high] = wilson(wins, wins + losses);
      return { stance, label: labels.get(stance) ?? stance, wins, losses, share: wins + losses ? wins / (wins + losses) : 0, low, high };
    })
    .sort((a, b) => b.share - a.share || b.wins - a.wins);
}

export function stanceBoardText(rows: readonly StanceRow[], title: string, t: Translate): string {
  const lines = [t('stance-board-title', { title })];
  if (!rows.some((r) => r.wins + r.losses > 0)) return [...lines, t('stance-board-empty')].join('\n');
  rows.forEach((r, i) => lines.push(`${t('stance-board-row', { rank: i + 1, stance: r.label, wins: r.wins, battles: r.wins + r.losses })} (${Math.round(r.low * 100)}–${Math.round(r.high * 100)} %)`));
  return lines.join('\n');
}

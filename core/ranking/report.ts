// The organiser report: what was left out and why, the voters flagged (and their share), herding per chat. Plain
// text in the organiser's language, written beside the board by the command line (--report FILE).
import type { Translate } from '../i18n';
import type { HerdingResult } from './math/herding';
import type { VoterReport } from './math/voters';
import type { Leaderboard } from './types';

export interface ReportInput {
  board: Leaderboard;
  voters: VoterReport | null;
  herding: HerdingResult[] | null;
  excluded?: { notAnonymous: number; deduplicated: number; capped: number; noPrompt: number };
  /** Flagged voters listed in full (default 50). */
  maxVoters?: number;
  locale?: string;
}

export function formatReport(input: ReportInput, t: Translate): string {
  const pct = (x: number) => new Intl.NumberFormat(input.locale ?? 'en', { style: 'percent', maximumFractionDigits: 1 }).format(x);
  const lines: string[] = [t('ranking-report-title'), '', t('ranking-report-read', { votes: input.board.votes, battles: input.board.battles })];
  const e = input.excluded;
  if (e) lines.push(t('ranking-report-left-out', { anony: e.notAnonymous, dedup: e.deduplicated, cap: e.capped, noprompt: e.noPrompt }));
  lines.push('');
  const v = input.voters;
  if (!v) lines.push(t('ranking-report-voters-off'));
  else {
    lines.push(
      t('ranking-report-voters', {
        policy: v.policy,
        alpha: String(v.alpha),
        checked: v.checked,
        min: v.minVotes,
        flagged: v.flagged,
        share: pct(v.share),
        random: v.random,
        adversarial: v.adversarial,
        voteShare: pct(v.voteShare),
      }),
    );
    const flagged = v.verdicts.filter((x) => x.kind === 'random' || x.kind === 'adversarial');
    if (flagged.length) {
      lines.push(t('ranking-report-voter-head'));
      for (const x of flagged.slice(0, input.maxVoters ?? 50)) {
        lines.push(`  ${t('ranking-report-voter-line', { voter: x.voter, votes: x.votes, agreement: x.agreement === null ? '–' : pct(x.agreement), kind: x.kind })}`);
      }
    }
  }
  lines.push('');
  if (!input.herding) lines.push(t('ranking-report-herding-off'));
  else {
    lines.push(t('ranking-report-herding-head'));
    for (const h of input.herding) {
      lines.push(`  ${t('ranking-report-herding-line', { chat: h.chat, battles: h.battles, rate: pct(h.followRate), expected: pct(h.expectedRate), p: h.pValue < 0.001 ? '< 0.001' : h.pValue.toFixed(3) })}`);
    }
    lines.push(t('ranking-report-herding-note'));
  }
  return `${lines.join('\n')}\n`;
}

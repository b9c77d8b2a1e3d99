// Text and JSON forms of a leaderboard. The table fits a phone screen in a chat's monospace block (34 columns).
import type { Translate } from '../i18n';
import type { RankingComparison } from './math/compare';
import type { Segment } from './segments';
import type { Leaderboard, RankedModel } from './types';

/** The JSON shape of the issue: one object per model, plus `battles` and `computed_at`. */
export interface LeaderboardJson {
  models: Array<{
    model: string;
    score: number | null;
    ci_low: number | null;
    ci_high: number | null;
    rank: number | null;
    rank_low: number | null;
    rank_high: number | null;
    votes: number;
    wins: number;
    ties: number;
    losses: number;
    /** Only with style control. */
    style?: { score: number; ci_low: number; ci_high: number; rank: number; rank_low: number; rank_high: number } | null;
  }>;
  battles: number;
  computed_at: string;
}

const r1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);

export function toJson(board: Leaderboard): LeaderboardJson {
  return {
    models: board.models.map((m) => ({
      model: m.model,
      score: r1(m.score),
      ci_low: r1(m.ciLow),
      ci_high: r1(m.ciHigh),
      rank: m.rank,
      rank_low: m.rankLow,
      rank_high: m.rankHigh,
      votes: m.votes,
      wins: m.wins,
      ties: m.ties,
      losses: m.losses,
      ...(m.style !== undefined
        ? {
            style: m.style && {
              score: r1(m.style.score)!,
              ci_low: r1(m.style.ciLow)!,
              ci_high: r1(m.style.ciHigh)!,
              rank: m.style.rank,
              rank_low: m.style.rankLow,
              rank_high: m.style.rankHigh,
            },
          }
        : {}),
    })),
    battles: board.battles,
    computed_at: board.computedAt.toISOString(),
  };
}

/** The segment in words for titles ("language fr · since 2026-03-01"); empty for the global board. */
export function segmentLabel(segment: Segment, t: Translate): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const parts: string[] = [];
  if (segment.language) parts.push(t('ranking-segment-language', { value: segment.language }));
  if (segment.campaign) parts.push(t('ranking-segment-campaign', { value: segment.campaign }));
  if (segment.platform) parts.push(t('ranking-segment-platform', { value: segment.platform }));
  if (segment.chat) parts.push(t('ranking-segment-chat'));
  if (segment.since) parts.push(t('ranking-segment-since', { value: day(segment.since) }));
  if (segment.until) parts.push(t('ranking-segment-until', { value: day(segment.until) }));
  return parts.join(' · ');
}

/** 1234 → "1.2k", 123456 → "123k", 1234567 → "1.2M". */
export function compactCount(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  if (n < 1_000_000) return `${Math.round(n / 1000)}k`;
  if (n < 10_000_000) return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
  return `${Math.round(n / 1_000_000)}M`;
}

/** "12k votes · 5k battles" (battles left out when each vote is its own battle, as in public files). */
export function summaryLine(board: Leaderboard, t: Translate, show: (n: number) => string): string {
  const votes = t('ranking-votes', { n: board.votes, shown: show(board.votes) });
  if (board.battles === board.votes) return votes;
  return t('ranking-summary', { votes, battles: t('ranking-battles', { n: board.battles, shown: show(board.battles) }) });
}

/** Cuts to `width` display columns with an ellipsis. */
function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text.padEnd(width + text.length - chars.length) : `${chars.slice(0, width - 1).join('')}…`;
}

export function rankRange(m: Pick<RankedModel, 'rank' | 'rankLow' | 'rankHigh'>): string {
  if (m.rankLow === null || m.rankHigh === null) return '';
  return m.rankLow === m.rankHigh ? String(m.rankLow) : `${m.rankLow}-${m.rankHigh}`;
}

export interface TableOptions {
  /** Show the style-controlled scores instead of the plain ones. */
  style?: boolean;
  /** At most this many ranked rows (default 30). */
  maxRows?: number;
  /** Segment label for the title (already localised). */
  segment?: string;
}

export const TABLE_WIDTH = 34;

/**
 * The phone-width table: rank range, model, score ± half the interval, votes. Plain text; adapters put it in a
 * monospace block.
 */
export function formatTable(board: Leaderboard, t: Translate, options: TableOptions = {}): string {
  const lines: string[] = [];
  lines.push(options.segment ? t('ranking-title-segment', { segment: options.segment }) : t('ranking-title'));
  lines.push(summaryLine(board, t, compactCount));
  const ranked = board.models.filter((m) => m.enoughVotes);
  if (board.votes === 0 || board.models.length === 0) {
    lines.push('', t('ranking-empty'));
    return lines.flatMap((line) => wrap(line, TABLE_WIDTH)).join('\n');
  }
  if (ranked.length) {
    const votesHead = [...t('ranking-col-votes')].slice(0, 5).join('').padStart(5);
    const header = `${fit(t('ranking-col-rank'), 5)} ${fit(t('ranking-col-model'), 12)} ${fit(t('ranking-col-score'), 9)} ${votesHead}`;
    lines.push('', header.trimEnd());
    const rows = ranked
      .map((m) => (options.style && m.style ? { ...m, ...m.style } : m))
      .sort((x, y) => (y.score ?? 0) - (x.score ?? 0));
    const max = options.maxRows ?? 30;
    for (const m of rows.slice(0, max)) {
      const half = Math.min(999, Math.round(((m.ciHigh ?? 0) - (m.ciLow ?? 0)) / 2));
      const score = String(Math.round(m.score!)).padStart(4);
      const pm = `±${half}`.padEnd(4);
      lines.push(`${fit(rankRange(m), 5)} ${fit(m.model, 12)} ${score} ${pm} ${compactCount(m.votes).padStart(5)}`);
    }
    if (rows.length > max) lines.push(t('ranking-more', { count: rows.length - max }));
    lines.push('', t('ranking-legend', { level: Math.round(board.options.level * 100) }));
    if (options.style) lines.push(t('ranking-style-legend'));
    // Degenerate data is said in words rather than hidden behind a number.
    const notes: string[] = [];
    if (board.components.length > 1) notes.push(t('ranking-warning-components', { count: board.components.length }));
    for (const m of rows.slice(0, max)) {
      for (const flag of m.flags) if (flag !== 'disconnected') notes.push(`${m.model}: ${t(`ranking-flag-${flag}`)}`);
    }
    if (notes.length) lines.push('', ...notes);
  }
  const few = board.models.filter((m) => !m.enoughVotes);
  if (few.length) {
    lines.push('', t('ranking-not-enough-title', { min: board.options.minVotes }));
    for (const m of few.slice(0, 10)) lines.push(fit(t('ranking-not-enough-item', { model: m.model, votes: m.votes }), TABLE_WIDTH).trimEnd());
    if (few.length > 10) lines.push(t('ranking-more', { count: few.length - 10 }));
  }
  return lines.flatMap((line) => wrap(line, TABLE_WIDTH)).join('\n');
}

/** How a chat's ranking differs from everyone's, in a few short lines. */
export function formatComparison(cmp: RankingComparison, t: Translate): string {
  if (cmp.tau === null) return '';
  const lines = [t('ranking-compare-tau', { tau: cmp.tau.toFixed(2) })];
  for (const s of cmp.mostDifferent) {
    lines.push(t(s.shift > 0 ? 'ranking-compare-shift-up' : 'ranking-compare-shift-down', { model: s.model, local: s.localRank, global: s.globalRank }));
  }
  return lines.flatMap((line) => wrap(line, TABLE_WIDTH)).join('\n');
}

/** Word-wraps prose lines so nothing is wider than the phone table. */
export function wrap(line: string, width: number): string[] {
  if ([...line].length <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if ([...candidate].length <= width || !current) current = candidate;
    else {
      out.push(current);
      current = word;
    }
  }
  if (current) out.push(current);
  return out;
}

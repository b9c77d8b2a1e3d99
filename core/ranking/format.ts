// Text and JSON forms of a leaderboard. The table fits a phone screen in a chat's monospace block (34 columns).
import type { Translate } from '../i18n';
import type { RankingComparison } from './math/compare';
import { describeSegment, type Segment } from './segments';
import type { Leaderboard, LeaderboardWarning, RankedModel } from './types';

/**
 * The JSON form of a board: one object per model, the groups, the warnings and what was applied. toJson always fills
 * the fields issue 13 added (`bound`, `both_bad`, `component`, `flags`, `votes`, `components`, `warnings`); they are
 * optional in the type so that JSON built without a board (the web page's plain counts) still fits it.
 */
export interface LeaderboardJson {
  models: Array<{
    model: string;
    score: number | null;
    ci_low: number | null;
    ci_high: number | null;
    rank: number | null;
    rank_low: number | null;
    rank_high: number | null;
    /** "lower": the score is at least `score`; "upper": at most; null: a two-sided interval. */
    bound?: 'lower' | 'upper' | null;
    votes: number;
    wins: number;
    ties: number;
    losses: number;
    both_bad?: number;
    /** Index into `components`. */
    component?: number;
    flags?: string[];
    /** Only with style control. */
    style?: { score: number; ci_low: number; ci_high: number; rank: number; rank_low: number; rank_high: number } | null;
    /** Only with a tie model. */
    tie_model?: { score: number } | null;
  }>;
  battles: number;
  votes?: number;
  computed_at: string;
  components?: Array<{ models: string[]; relation: string; attached_to: number | null }>;
  warnings?: Array<{ code: string; models: string[]; count?: number; text: string }>;
  style_control?: { variant: string; coefficients: Record<string, number> } | null;
  tie_model?: { kind: string; tie_parameter: number } | null;
  voters?: { policy: string; checked: number; flagged: number; random: number; adversarial: number; share: number; vote_share: number } | null;
  segment?: Record<string, string>;
  /** Battles per category in the data read, when known. */
  categories?: Record<string, number>;
}

const r1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);

export function toJson(board: Leaderboard, extra: { segment?: Segment; categories?: Record<string, number> } = {}): LeaderboardJson {
  const segment = extra.segment ? Object.fromEntries(describeSegment(extra.segment).split(', ').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) : undefined;
  return {
    models: board.models.map((m) => ({
      model: m.model,
      score: r1(m.score),
      ci_low: r1(m.ciLow),
      ci_high: r1(m.ciHigh),
      rank: m.rank,
      rank_low: m.rankLow,
      rank_high: m.rankHigh,
      bound: m.bound,
      votes: m.votes,
      wins: m.wins,
      ties: m.ties,
      losses: m.losses,
      both_bad: m.bothBad,
      component: m.component,
      flags: m.flags,
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
      ...(m.tieModel !== undefined ? { tie_model: m.tieModel && { score: r1(m.tieModel.score)! } } : {}),
    })),
    battles: board.battles,
    votes: board.votes,
    computed_at: board.computedAt.toISOString(),
    components: board.components.map((c) => ({ models: c.models, relation: c.relation, attached_to: c.attachedTo })),
    warnings: board.warnings.map((w) => ({ code: w.code, models: w.models, ...(w.count !== undefined ? { count: w.count } : {}), text: w.text })),
    ...(board.styleControl !== undefined
      ? { style_control: board.styleControl && { variant: board.styleControl.variant, coefficients: Object.fromEntries(Object.entries(board.styleControl.coefficients).map(([k, v]) => [k, r1(v)!])) } }
      : {}),
    ...(board.tieModel !== undefined ? { tie_model: board.tieModel && { kind: board.tieModel.kind, tie_parameter: Math.round(board.tieModel.tieParameter * 1000) / 1000 } } : {}),
    ...(board.voters !== undefined
      ? {
          voters: board.voters && {
            policy: board.voters.policy,
            checked: board.voters.checked,
            flagged: board.voters.flagged,
            random: board.voters.random,
            adversarial: board.voters.adversarial,
            share: Math.round(board.voters.share * 10000) / 10000,
            vote_share: Math.round(board.voters.voteShare * 10000) / 10000,
          },
        }
      : {}),
    ...(segment && Object.keys(segment).length ? { segment } : {}),
    ...(extra.categories ? { categories: extra.categories } : {}),
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
  if (segment.category) parts.push(t('ranking-segment-category', { value: t(`ranking-category-${segment.category}`) }));
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
  /** Columns available (a terminal's width); default TABLE_WIDTH, what a phone shows. Wider tables give model names
   * the room they need. */
  width?: number;
}

export const TABLE_WIDTH = 34;

/** "≥1234", "≤876" or "1234 ±12": the score column (9 wide). */
function scoreCell(m: Pick<RankedModel, 'score' | 'ciLow' | 'ciHigh' | 'bound'>): string {
  const score = Math.round(m.score!);
  if (m.bound === 'lower') return `≥${score}`.padStart(5).padEnd(9);
  if (m.bound === 'upper') return `≤${score}`.padStart(5).padEnd(9);
  const half = Math.min(999, Math.round(((m.ciHigh ?? 0) - (m.ciLow ?? 0)) / 2));
  return `${String(score).padStart(4)} ${`±${half}`.padEnd(4)}`;
}

/** One warning in the reader's language. */
export function warningText(w: LeaderboardWarning, t: Translate): string {
  switch (w.code) {
    case 'groups':
      return t('ranking-warning-groups', { count: w.count ?? 2 });
    case 'bound-lower':
      return `${w.models[0]}: ${t('ranking-flag-bound-lower')}`;
    case 'bound-upper':
      return `${w.models[0]}: ${t('ranking-flag-bound-upper')}`;
    case 'not-comparable':
      return t('ranking-warning-not-comparable', { count: w.models.length, models: w.models.slice(0, 5).join(', ') + (w.models.length > 5 ? ', …' : '') });
    case 'voters-flagged':
      return t('ranking-warning-voters', { count: w.count ?? 0 });
    case 'daily-cap':
      return t('ranking-warning-daily-cap', { count: w.count ?? 0 });
    case 'style-unknown-models':
      return t('ranking-warning-style-unknown', { count: w.count ?? 0 });
    default:
      return w.text;
  }
}

/** "Group 2 · only lost against group 1". */
export function groupTitle(board: Leaderboard, index: number, t: Translate): string {
  const c = board.components[index]!;
  return t('ranking-group-title', { index: index + 1, relation: c.relation });
}

/**
 * The phone-width table: rank range, model, score ± half the interval (or a one-sided bound), votes; groups that do
 * not compare with the main one in sections of their own; warnings in words. Plain text; adapters put it in a
 * monospace block.
 */
export function formatTable(board: Leaderboard, t: Translate, options: TableOptions = {}): string {
  const lines: string[] = [];
  const width = Math.max(TABLE_WIDTH, Math.min(options.width ?? TABLE_WIDTH, 160));
  const longest = Math.max(12, ...board.models.map((m) => [...m.model].length));
  const modelCol = Math.min(12 + width - TABLE_WIDTH, longest);
  lines.push(options.segment ? t('ranking-title-segment', { segment: options.segment }) : t('ranking-title'));
  lines.push(summaryLine(board, t, compactCount));
  if (board.votes === 0 || board.models.length === 0) {
    lines.push('', t('ranking-empty'));
    return lines.flatMap((line) => wrap(line, width)).join('\n');
  }
  const ranked = board.models
    .filter((m) => m.enoughVotes && m.score !== null)
    .map((m) => (options.style && m.style ? { ...m, ...m.style } : m))
    .filter((m) => !options.style || m.style !== null)
    .sort((x, y) => x.component - y.component || (y.score ?? 0) - (x.score ?? 0));
  if (ranked.length) {
    const votesHead = [...t('ranking-col-votes')].slice(0, 5).join('').padStart(5);
    const header = `${fit(t('ranking-col-rank'), 5)} ${fit(t('ranking-col-model'), modelCol)} ${fit(t('ranking-col-score'), 9)} ${votesHead}`;
    // Headers in a right-to-left script would turn their line around (each line is its own paragraph) while the rows
    // below, digits and Latin names, stay left to right: a left-to-right mark keeps every line of the table in columns.
    const ltr = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(header) ? '\u200e' : '';
    lines.push('', `${ltr}${header.trimEnd()}`);
    const max = options.maxRows ?? 30;
    let group = 0;
    for (const m of ranked.slice(0, max)) {
      if (m.component !== group) {
        group = m.component;
        lines.push('', groupTitle(board, group, t));
      }
      lines.push(`${ltr}${fit(rankRange(m), 5)} ${fit(m.model, modelCol)} ${scoreCell(m)} ${compactCount(m.votes).padStart(5)}`);
    }
    if (ranked.length > max) lines.push(t('ranking-more', { count: ranked.length - max }));
    lines.push('', t('ranking-legend', { level: Math.round(board.options.level * 100) }));
    if (options.style) lines.push(t(board.styleControl?.variant === 'lmarena' ? 'ranking-style-legend-lmarena' : 'ranking-style-legend'));
  }
  // Degenerate data is said in words rather than hidden behind a number.
  const notes = board.warnings.map((w) => warningText(w, t));
  if (notes.length) lines.push('', ...notes);
  const few = board.models.filter((m) => !m.enoughVotes);
  if (few.length) {
    lines.push('', t('ranking-not-enough-title', { min: board.options.minVotes }));
    for (const m of few.slice(0, 10)) lines.push(fit(t('ranking-not-enough-item', { model: m.model, votes: m.votes }), width).trimEnd());
    if (few.length > 10) lines.push(t('ranking-more', { count: few.length - 10 }));
  }
  return lines.flatMap((line) => wrap(line, width)).join('\n');
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

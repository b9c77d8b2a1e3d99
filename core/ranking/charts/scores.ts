// The leaderboard as a picture for chats: one row per model, a dot at the score and whiskers for the interval (an
// arrow for a one-sided bound), groups that do not compare in sections of their own, a legend for the highlighted
// "could be #1" band, an axis in plain words ("how much more often it wins"), the board's warnings, large type for
// phones, labels in the chat's language.
import type { Translate } from '../../i18n';
import { groupTitle, rankRange, summaryLine, warningText } from '../format';
import type { Leaderboard } from '../types';
import { clip, esc, forDirection, lines, rasterise, WIDTH } from './svg';

export interface ChartOptions {
  /** Plot style-controlled scores. */
  style?: boolean;
  /** Localised segment label for the title. */
  segment?: string;
  /** At most this many models (default 20). */
  maxRows?: number;
  /** Locale for numbers and dates. */
  locale?: string;
  /** How a model is called (its display name); default its id. */
  name?: (model: string) => string;
}

const ROW = 64;
const LEFT = 430;
const RIGHT = 150;
const TOP = 190;
const SEGMENT_LINE = 44;
const ORANGE = '#b45309';
const BLUE = '#1d4ed8';
/** Noto Sans is what the PNG is drawn with; a browser showing the SVG without it falls back to a sans-serif face. */
export const FONT_STACK = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

/** "≥" (lower bound) or "≤" (upper bound) centred on (x, y), about 18 px. */
function boundGlyph(x: number, y: number, bound: 'lower' | 'upper'): string {
  const chevron = bound === 'lower' ? `M ${x - 8} ${y - 9} L ${x + 8} ${y - 2} L ${x - 8} ${y + 5}` : `M ${x + 8} ${y - 9} L ${x - 8} ${y - 2} L ${x + 8} ${y + 5}`;
  return `<path d="${chevron}" fill="none" stroke="#111827" stroke-width="3.5" stroke-linejoin="round"/><line x1="${x - 8}" y1="${y + 11}" x2="${x + 8}" y2="${y + 11}" stroke="#111827" stroke-width="3.5"/>`;
}

function niceStep(span: number): number {
  const raw = span / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

export function renderChartSvg(board: Leaderboard, t: Translate, options: ChartOptions = {}): string {
  const styled = Boolean(options.style && board.styleControl);
  const rows = board.models
    .filter((m) => m.enoughVotes && m.score !== null)
    .map((m) => (styled && m.style ? { ...m, ...m.style, bound: null } : m))
    .filter((m) => !styled || m.style)
    .sort((x, y) => x.component - y.component || y.score! - x.score!);
  const max = options.maxRows ?? 20;
  const shown = rows.slice(0, max);
  const few = board.models.filter((m) => !m.enoughVotes);
  const level = Math.round(board.options.level * 100);
  const hasBound = shown.some((m) => m.bound);
  const named = (model: string) => options.name?.(model) ?? model;
  const notes = board.warnings.map((w) => warningText({ ...w, models: w.models.map(named) }, t)).flatMap((w) => lines(w, 70));
  const footerLines = (rows.length > max ? 1 : 0) + (few.length ? 2 : 0) + notes.length;
  // One header row before each group after the first.
  const headers = new Set(shown.map((m) => m.component).filter((c) => c > 0)).size;
  const plotH = Math.max(1, shown.length + headers) * ROW;
  // The segment and the style label get lines of their own under the title, so that long ones are not cut.
  const extra = (options.segment ? SEGMENT_LINE : 0) + (styled ? SEGMENT_LINE : 0);
  const legendH = shown.length ? (hasBound ? 3 : 2) * 36 + 16 : 0;
  const top = TOP + extra + legendH;
  const height = top + plotH + 130 + footerLines * 36 + 40;

  let lo = Math.min(...shown.map((m) => m.ciLow ?? m.score!));
  let hi = Math.max(...shown.map((m) => m.ciHigh ?? m.score!));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [900, 1100];
  if (hi - lo < 40) [lo, hi] = [(lo + hi) / 2 - 20, (lo + hi) / 2 + 20];
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const x0 = LEFT;
  const x1 = WIDTH - RIGHT;
  const x = (v: number) => x0 + ((v - lo) / (hi - lo)) * (x1 - x0);
  const num = new Intl.NumberFormat(options.locale ?? 'en', { notation: 'compact', maximumFractionDigits: 1 });

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT_STACK}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="40" y="72" font-size="46" font-weight="700" fill="#111827">${esc(clip(t('ranking-title'), 38))}</text>`,
  );
  let y = 72;
  if (options.segment) {
    y += SEGMENT_LINE;
    out.push(`<text x="40" y="${y}" font-size="32" font-weight="700" fill="${BLUE}">${esc(clip(options.segment, 56))}</text>`);
  }
  if (styled) {
    y += SEGMENT_LINE;
    out.push(`<text x="40" y="${y}" font-size="28" font-weight="700" fill="#7c3aed">${esc(clip(t('ranking-style-label', { variant: board.styleControl!.variant }), 64))}</text>`);
  }
  out.push(
    `<text x="40" y="${y + 48}" font-size="28" fill="#4b5563">${esc(summaryLine(board, t, (n) => n.toLocaleString(options.locale ?? 'en')))}</text>`,
    `<text x="40" y="${y + 88}" font-size="24" fill="#6b7280">${esc(t('ranking-computed', { date: board.computedAt }))}</text>`,
  );
  if (shown.length) {
    // Legend: what the orange band and the arrows mean.
    let ly = TOP + extra + 20;
    out.push(
      `<rect x="40" y="${ly - 18}" width="44" height="10" rx="5" fill="${ORANGE}"/>`,
      `<text x="100" y="${ly - 6}" font-size="24" fill="#374151">${esc(clip(t('ranking-legend-rank1'), 66))}</text>`,
    );
    ly += 36;
    out.push(
      `<line x1="40" y1="${ly - 13}" x2="84" y2="${ly - 13}" stroke="${BLUE}" stroke-width="5"/><circle cx="62" cy="${ly - 13}" r="8" fill="${BLUE}"/>`,
      `<text x="100" y="${ly - 6}" font-size="24" fill="#374151">${esc(clip(t('ranking-legend-others', { level }), 66))}</text>`,
    );
    if (hasBound) {
      ly += 36;
      out.push(
        `<line x1="40" y1="${ly - 13}" x2="76" y2="${ly - 13}" stroke="#374151" stroke-width="4"/><path d="M 74 ${ly - 22} L 88 ${ly - 13} L 74 ${ly - 4} Z" fill="#374151"/>`,
        `<text x="100" y="${ly - 6}" font-size="24" fill="#374151">${esc(clip(t('ranking-legend-bound'), 66))}</text>`,
      );
    }
  } else {
    out.push(`<text x="40" y="${top + 40}" font-size="30" fill="#374151">${esc(clip(t('ranking-empty'), 64))}</text>`);
  }
  // Grid and axis (none without a scored model: the "no votes yet" line stands alone).
  const step = niceStep(hi - lo);
  const axisY = top + plotH + 10;
  for (let v = Math.ceil(lo / step) * step; shown.length && v <= hi; v += step) {
    out.push(
      `<line x1="${x(v).toFixed(1)}" y1="${top - 10}" x2="${x(v).toFixed(1)}" y2="${axisY}" stroke="#e5e7eb" stroke-width="2"/>`,
      `<text x="${x(v).toFixed(1)}" y="${axisY + 36}" font-size="24" fill="#6b7280" text-anchor="middle">${Math.round(v)}</text>`,
    );
  }
  if (shown.length) {
    out.push(
      `<text x="${(x0 + x1) / 2}" y="${axisY + 72}" font-size="24" fill="#374151" text-anchor="middle">${esc(clip(t('ranking-axis'), 60))}</text>`,
      `<text x="${(x0 + x1) / 2}" y="${axisY + 104}" font-size="22" fill="#6b7280" text-anchor="middle">${esc(clip(t('ranking-axis-hint'), 64))}</text>`,
    );
  }
  let row = 0;
  let group = 0;
  for (const m of shown) {
    if (m.component !== group) {
      group = m.component;
      const cy = top + row * ROW + ROW / 2;
      out.push(`<text x="40" y="${cy + 10}" font-size="26" font-weight="700" fill="#92400e">${esc(clip(groupTitle(board, group, t), 64))}</text>`);
      row++;
    }
    const cy = top + row * ROW + ROW / 2;
    if (row % 2 === 0) out.push(`<rect x="20" y="${cy - ROW / 2}" width="${WIDTH - 40}" height="${ROW}" fill="#f3f4f6"/>`);
    const colour = m.rankLow === 1 ? ORANGE : BLUE;
    out.push(
      `<text x="40" y="${cy + 10}" font-size="26" fill="#6b7280">${esc(rankRange(m))}</text>`,
      `<text x="130" y="${cy + 10}" font-size="28" font-weight="700" fill="#111827">${esc(clip(options.name?.(m.model) ?? m.model, 19))}</text>`,
    );
    if (m.bound) {
      // A bound: a line from the bound to the edge of the plot, with an arrow at the open end.
      const from = x(m.score!);
      const to = m.bound === 'lower' ? x1 - 6 : x0 - 10;
      const dir = m.bound === 'lower' ? 1 : -1;
      out.push(
        `<line x1="${from.toFixed(1)}" y1="${cy}" x2="${(to - dir * 12).toFixed(1)}" y2="${cy}" stroke="${colour}" stroke-width="5" stroke-dasharray="10 6"/>`,
        `<path d="M ${(to - dir * 16).toFixed(1)} ${cy - 12} L ${to.toFixed(1)} ${cy} L ${(to - dir * 16).toFixed(1)} ${cy + 12} Z" fill="${colour}"/>`,
        `<line x1="${from.toFixed(1)}" y1="${cy - 14}" x2="${from.toFixed(1)}" y2="${cy + 14}" stroke="${colour}" stroke-width="4"/>`,
      );
    } else {
      out.push(
        `<line x1="${x(m.ciLow!).toFixed(1)}" y1="${cy}" x2="${x(m.ciHigh!).toFixed(1)}" y2="${cy}" stroke="${colour}" stroke-width="5" stroke-linecap="round"/>`,
        `<line x1="${x(m.ciLow!).toFixed(1)}" y1="${cy - 14}" x2="${x(m.ciLow!).toFixed(1)}" y2="${cy + 14}" stroke="${colour}" stroke-width="4"/>`,
        `<line x1="${x(m.ciHigh!).toFixed(1)}" y1="${cy - 14}" x2="${x(m.ciHigh!).toFixed(1)}" y2="${cy + 14}" stroke="${colour}" stroke-width="4"/>`,
        `<circle cx="${x(m.score!).toFixed(1)}" cy="${cy}" r="11" fill="${colour}"/>`,
      );
    }
    const label = String(Math.round(m.score!));
    out.push(`<text x="${WIDTH - 40}" y="${cy + 2}" font-size="28" font-weight="700" fill="#111827" text-anchor="end">${esc(label)}</text>`);
    // The font has no ≥ / ≤: drawn as a chevron over a bar, left of the number (bold digits are ~17 px wide).
    if (m.bound) out.push(boundGlyph(WIDTH - 40 - label.length * 17 - 24, cy - 8, m.bound));
    out.push(
      `<text x="${WIDTH - 40}" y="${cy + 26}" font-size="18" fill="#6b7280" text-anchor="end">${esc(num.format(m.votes))} ${esc(t('ranking-col-votes').toLowerCase())}</text>`,
    );
    row++;
  }
  let fy = axisY + 150;
  if (rows.length > max) {
    out.push(`<text x="40" y="${fy}" font-size="24" fill="#4b5563">${esc(t('ranking-more', { count: rows.length - max }))}</text>`);
    fy += 36;
  }
  for (const note of notes) {
    out.push(`<text x="40" y="${fy}" font-size="24" fill="#92400e">${esc(note)}</text>`);
    fy += 36;
  }
  if (few.length) {
    const names = few.map((m) => t('ranking-not-enough-item', { model: options.name?.(m.model) ?? m.model, votes: m.votes })).join(', ');
    out.push(
      `<text x="40" y="${fy}" font-size="24" fill="#4b5563">${esc(t('ranking-not-enough-title', { min: board.options.minVotes }))}</text>`,
      `<text x="40" y="${fy + 36}" font-size="24" fill="#4b5563">${esc(clip(names, 80))}</text>`,
    );
  }
  out.push('</svg>');
  return forDirection(out.join('\n'), options.locale);
}

/** PNG bytes of the chart (1080 px wide). */
export function renderChartPng(board: Leaderboard, t: Translate, options: ChartOptions = {}): Uint8Array {
  return rasterise(renderChartSvg(board, t, options));
}

/** Alt text for the image (chat platforms show it to screen readers). */
export function chartAlt(board: Leaderboard, t: Translate): string {
  return t('ranking-chart-alt', { count: board.models.filter((m) => m.enoughVotes && m.score !== null).length, level: Math.round(board.options.level * 100) });
}

// The leaderboard as a picture for chats: one row per model, a dot at the score and whiskers for the interval (an
// arrow for a one-sided bound), groups that do not compare in sections of their own, a legend for the highlighted
// "could be #1" band, an axis in plain words ("how much more often it wins"), the board's warnings, large type for
// phones, labels in the chat's language. The parts: score-layout.ts (where everything goes), score-rows.ts (the plot).
import type { Translate } from '../../i18n';
import { summaryLine } from '../format';
import type { Leaderboard } from '../types';
import { chartLayout, SEGMENT_LINE, TOP, type ChartLayout } from './score-layout';
import { BLUE, ORANGE, plotRows } from './score-rows';
import { clip, esc, forDirection, rasterise, WIDTH } from './svg';

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

/** Noto Sans is what the PNG is drawn with; a browser showing the SVG without it falls back to a sans-serif face. */
export const FONT_STACK = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

function niceStep(span: number): number {
  const raw = span / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

/** The title, the segment and style lines, the summary and the date. */
function header(out: string[], layout: ChartLayout, board: Leaderboard, t: Translate, options: ChartOptions) {
  const { styled, height } = layout;
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
}

/** What the orange band and the arrows mean, or the "no votes yet" line when no model is scored. */
function legend(out: string[], layout: ChartLayout, board: Leaderboard, t: Translate) {
  const { shown, hasBound, extra, top } = layout;
  const level = Math.round(board.options.level * 100);
  if (!shown.length) {
    out.push(`<text x="40" y="${top + 40}" font-size="30" fill="#374151">${esc(clip(t('ranking-empty'), 64))}</text>`);
    return;
  }
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
}

/** Grid and axis (none without a scored model: the "no votes yet" line stands alone). */
function axis(out: string[], layout: ChartLayout, t: Translate) {
  const { shown, lo, hi, x, x0, x1, top, axisY } = layout;
  const step = niceStep(hi - lo);
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
}

/** Models left off the picture, the board's warnings, and the models without enough votes. */
function footer(out: string[], layout: ChartLayout, board: Leaderboard, t: Translate, options: ChartOptions) {
  const { rows, max, notes, few, axisY } = layout;
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
}

export function renderChartSvg(board: Leaderboard, t: Translate, options: ChartOptions = {}): string {
  const layout = chartLayout(board, t, options);
  const out: string[] = [];
  header(out, layout, board, t, options);
  legend(out, layout, board, t);
  axis(out, layout, t);
  plotRows(out, layout, board, t, options);
  footer(out, layout, board, t, options);
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

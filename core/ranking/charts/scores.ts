// The leaderboard as a picture for chats: one row per model, a dot at the score and whiskers for the interval,
// large type for phones, labels in the chat's language. Drawn as SVG and rasterised with resvg (no browser, no
// system fonts: Noto Sans ships with the @expo-google-fonts/noto-sans package).
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { Translate } from '../../i18n';
import { rankRange, summaryLine } from '../format';
import type { Leaderboard } from '../types';

const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
];

export interface ChartOptions {
  /** Plot style-controlled scores. */
  style?: boolean;
  /** Localised segment label for the title. */
  segment?: string;
  /** At most this many models (default 20). */
  maxRows?: number;
  /** Locale for numbers and dates. */
  locale?: string;
}

const WIDTH = 1080;
const ROW = 64;
const LEFT = 430;
const RIGHT = 150;
const TOP = 190;
const SEGMENT_LINE = 44;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function clip(s: string, max: number): string {
  const c = [...s];
  return c.length <= max ? s : `${c.slice(0, max - 1).join('')}…`;
}

function niceStep(span: number): number {
  const raw = span / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

export function renderChartSvg(board: Leaderboard, t: Translate, options: ChartOptions = {}): string {
  const rows = board.models
    .filter((m) => m.enoughVotes)
    .map((m) => (options.style && m.style ? { ...m, ...m.style } : m))
    .sort((x, y) => y.score! - x.score!);
  const max = options.maxRows ?? 20;
  const shown = rows.slice(0, max);
  const few = board.models.filter((m) => !m.enoughVotes);
  const footerLines = (rows.length > max ? 1 : 0) + (few.length ? 2 : 0);
  const plotH = Math.max(1, shown.length) * ROW;
  // The segment gets its own line under the title, so that long ones are not cut.
  const top = TOP + (options.segment ? SEGMENT_LINE : 0);
  const height = top + plotH + 90 + footerLines * 40 + 40;
  const level = Math.round(board.options.level * 100);

  let lo = Math.min(...shown.map((m) => m.ciLow!));
  let hi = Math.max(...shown.map((m) => m.ciHigh!));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [900, 1100];
  if (hi - lo < 40) [lo, hi] = [(lo + hi) / 2 - 20, (lo + hi) / 2 + 20];
  const pad = (hi - lo) * 0.06;
  lo -= pad;
  hi += pad;
  const x0 = LEFT;
  const x1 = WIDTH - RIGHT;
  const x = (v: number) => x0 + ((v - lo) / (hi - lo)) * (x1 - x0);

  const out: string[] = [];
  const shift = top - TOP;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Noto Sans">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="40" y="72" font-size="46" font-weight="700" fill="#111827">${esc(clip(t('ranking-title'), 38))}</text>`,
  );
  if (options.segment) {
    out.push(`<text x="40" y="${72 + SEGMENT_LINE}" font-size="32" font-weight="700" fill="#1d4ed8">${esc(clip(options.segment, 56))}</text>`);
  }
  out.push(
    `<text x="40" y="${120 + shift}" font-size="28" fill="#4b5563">${esc(summaryLine(board, t, (n) => n.toLocaleString(options.locale ?? 'en')))}</text>`,
    `<text x="40" y="${160 + shift}" font-size="24" fill="#6b7280">${esc(t('ranking-computed', { date: board.computedAt }))}</text>`,
  );
  if (!shown.length) {
    out.push(`<text x="40" y="${top + 40}" font-size="30" fill="#374151">${esc(clip(t('ranking-empty'), 64))}</text>`);
  }
  // Grid and axis.
  const step = niceStep(hi - lo);
  const axisY = top + plotH + 10;
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) {
    out.push(
      `<line x1="${x(v).toFixed(1)}" y1="${top - 10}" x2="${x(v).toFixed(1)}" y2="${axisY}" stroke="#e5e7eb" stroke-width="2"/>`,
      `<text x="${x(v).toFixed(1)}" y="${axisY + 36}" font-size="24" fill="#6b7280" text-anchor="middle">${Math.round(v)}</text>`,
    );
  }
  if (shown.length) {
    out.push(`<text x="${(x0 + x1) / 2}" y="${axisY + 72}" font-size="22" fill="#6b7280" text-anchor="middle">${esc(t('ranking-axis'))} · ± ${level}%</text>`);
  }
  shown.forEach((m, k) => {
    const cy = top + k * ROW + ROW / 2;
    if (k % 2 === 0) out.push(`<rect x="20" y="${cy - ROW / 2}" width="${WIDTH - 40}" height="${ROW}" fill="#f3f4f6"/>`);
    const colour = m.rankLow === 1 ? '#b45309' : '#1d4ed8';
    out.push(
      `<text x="40" y="${cy + 10}" font-size="26" fill="#6b7280">${esc(rankRange(m))}</text>`,
      `<text x="130" y="${cy + 10}" font-size="28" font-weight="700" fill="#111827">${esc(clip(m.model, 19))}</text>`,
      `<line x1="${x(m.ciLow!).toFixed(1)}" y1="${cy}" x2="${x(m.ciHigh!).toFixed(1)}" y2="${cy}" stroke="${colour}" stroke-width="5" stroke-linecap="round"/>`,
      `<line x1="${x(m.ciLow!).toFixed(1)}" y1="${cy - 14}" x2="${x(m.ciLow!).toFixed(1)}" y2="${cy + 14}" stroke="${colour}" stroke-width="4"/>`,
      `<line x1="${x(m.ciHigh!).toFixed(1)}" y1="${cy - 14}" x2="${x(m.ciHigh!).toFixed(1)}" y2="${cy + 14}" stroke="${colour}" stroke-width="4"/>`,
      `<circle cx="${x(m.score!).toFixed(1)}" cy="${cy}" r="11" fill="${colour}"/>`,
      `<text x="${WIDTH - 40}" y="${cy + 2}" font-size="28" font-weight="700" fill="#111827" text-anchor="end">${Math.round(m.score!)}</text>`,
      `<text x="${WIDTH - 40}" y="${cy + 26}" font-size="18" fill="#6b7280" text-anchor="end">${esc(new Intl.NumberFormat(options.locale ?? 'en', { notation: 'compact', maximumFractionDigits: 1 }).format(m.votes))} ${esc(t('ranking-col-votes').toLowerCase())}</text>`,
    );
  });
  let fy = axisY + 120;
  if (rows.length > max) {
    out.push(`<text x="40" y="${fy}" font-size="24" fill="#4b5563">${esc(t('ranking-more', { count: rows.length - max }))}</text>`);
    fy += 40;
  }
  if (few.length) {
    const names = few.map((m) => t('ranking-not-enough-item', { model: m.model, votes: m.votes })).join(', ');
    out.push(
      `<text x="40" y="${fy}" font-size="24" fill="#4b5563">${esc(t('ranking-not-enough-title', { min: board.options.minVotes }))}</text>`,
      `<text x="40" y="${fy + 36}" font-size="24" fill="#4b5563">${esc(clip(names, 80))}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/** PNG bytes of the chart (1080 px wide, the width phones display without scaling artefacts). */
export function renderChartPng(board: Leaderboard, t: Translate, options: ChartOptions = {}): Uint8Array {
  const svg = renderChartSvg(board, t, options);
  const resvg = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
    fitTo: { mode: 'width', value: WIDTH },
  });
  return resvg.render().asPng();
}

/** Alt text for the image (chat platforms show it to screen readers). */
export function chartAlt(board: Leaderboard, t: Translate): string {
  return t('ranking-chart-alt', { count: board.models.filter((m) => m.enoughVotes).length, level: Math.round(board.options.level * 100) });
}

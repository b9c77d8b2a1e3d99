// The plot of the score chart: a row per model (rank range, name, whiskers or a bound's arrow, score, votes), with a
// title row before each group after the first.
import type { Translate } from '../../i18n';
import { groupTitle, rankRange } from '../format';
import type { Leaderboard } from '../types';
import type { ChartLayout } from './score-layout';
import { ROW } from './score-layout';
import type { ChartOptions } from './scores';
import { clip, esc, WIDTH } from './svg';

export const ORANGE = '#b45309';
export const BLUE = '#1d4ed8';

/** "≥" (lower bound) or "≤" (upper bound) centred on (x, y), about 18 px. */
function boundGlyph(x: number, y: number, bound: 'lower' | 'upper'): string {
  const chevron = bound === 'lower' ? `M ${x - 8} ${y - 9} L ${x + 8} ${y - 2} L ${x - 8} ${y + 5}` : `M ${x + 8} ${y - 9} L ${x - 8} ${y - 2} L ${x + 8} ${y + 5}`;
  return `<path d="${chevron}" fill="none" stroke="#111827" stroke-width="3.5" stroke-linejoin="round"/><line x1="${x - 8}" y1="${y + 11}" x2="${x + 8}" y2="${y + 11}" stroke="#111827" stroke-width="3.5"/>`;
}

export function plotRows(out: string[], layout: ChartLayout, board: Leaderboard, t: Translate, options: ChartOptions) {
  const { shown, top, x, x0, x1 } = layout;
  const num = new Intl.NumberFormat(options.locale ?? 'en', { notation: 'compact', maximumFractionDigits: 1 });
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
}

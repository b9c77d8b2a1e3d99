// Two pictures of the raw data behind the scores, as LMArena's leaderboard shows them: how often each model beat each
// other one (observed, ties counting half) and how many votes each pair got. Made to be read on a phone: at most 12
// models by default (the best ranked), columns numbered like the rows instead of long rotated names, numbers in the
// cells in large type.
import { FONT_STACK } from './scores';
import type { Translate } from '../../i18n';
import type { Leaderboard } from '../types';
import { clip, esc, forDirection, lines, rasterise, WIDTH } from './svg';

export interface MatrixOptions {
  /** Localised segment label for the title. */
  segment?: string;
  /** At most this many models (default 12). */
  maxModels?: number;
  locale?: string;
}

type Kind = 'winrate' | 'counts';

/** Red below 50 %, blue above, white at even. */
function rateColour(p: number): string {
  const d = Math.max(-1, Math.min(1, (p - 0.5) * 2));
  const mix = (a: number, b: number, k: number) => Math.round(a + (b - a) * k);
  const [r, g, b] = d >= 0 ? [mix(255, 37, d), mix(255, 99, d), mix(255, 235, d)] : [mix(255, 220, -d), mix(255, 38, -d), mix(255, 38, -d)];
  return `rgb(${r},${g},${b})`;
}

function countColour(n: number, max: number): string {
  const k = max > 0 ? Math.log1p(n) / Math.log1p(max) : 0;
  const c = Math.round(255 - k * 200);
  return `rgb(${c},${Math.round(255 - k * 120)},255)`;
}

export function renderMatrixSvg(board: Leaderboard, kind: Kind, t: Translate, options: MatrixOptions = {}): string {
  const n = Math.min(board.winProbability.models.length, options.maxModels ?? 12);
  const models = board.winProbability.models.slice(0, n);
  const rates = board.observed.winRate;
  const votes = board.observed.votes;
  const label = 330;
  const cell = n > 0 ? Math.floor((WIDTH - label - 40) / n) : 60;
  const title = t(kind === 'winrate' ? 'ranking-heatmap-title' : 'ranking-counts-title');
  const note = lines(t(kind === 'winrate' ? 'ranking-heatmap-note' : 'ranking-counts-note'), 64);
  const top = 66 + (options.segment ? 44 : 0) + note.length * 36 + 24;
  const height = top + 50 + n * cell + 40;
  const font = Math.max(16, Math.min(30, Math.floor(cell * 0.36)));
  const num = new Intl.NumberFormat(options.locale ?? 'en', { notation: 'compact', maximumFractionDigits: 1 });
  const max = Math.max(0, ...votes.slice(0, n).flatMap((r) => r.slice(0, n)));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT_STACK}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="40" y="66" font-size="38" font-weight="700" fill="#111827">${esc(clip(title, 46))}</text>`,
  ];
  let y = 66;
  if (options.segment) {
    y += 44;
    out.push(`<text x="40" y="${y}" font-size="30" font-weight="700" fill="#1d4ed8">${esc(clip(options.segment, 56))}</text>`);
  }
  for (const line of note) {
    y += 36;
    out.push(`<text x="40" y="${y}" font-size="24" fill="#4b5563">${esc(line)}</text>`);
  }
  if (!n) {
    out.push(`<text x="40" y="${top + 40}" font-size="30" fill="#374151">${esc(clip(t('ranking-empty'), 64))}</text>`, '</svg>');
    return forDirection(out.join('\n'), options.locale);
  }
  // Column numbers (the rows' numbers), then one row per model.
  for (let c = 0; c < n; c++) {
    out.push(`<text x="${label + c * cell + cell / 2}" y="${top + 30}" font-size="${Math.min(26, font)}" font-weight="700" fill="#374151" text-anchor="middle">${c + 1}</text>`);
  }
  const gridTop = top + 46;
  for (let r = 0; r < n; r++) {
    const cy = gridTop + r * cell;
    out.push(`<text x="40" y="${cy + cell / 2 + 9}" font-size="${Math.min(26, Math.max(18, font))}" fill="#111827"><tspan font-weight="700">${r + 1}</tspan> ${esc(clip(models[r]!, 17))}</text>`);
    for (let c = 0; c < n; c++) {
      const cx = label + c * cell;
      let fill = '#f3f4f6';
      let text = '';
      if (r === c) fill = '#d1d5db';
      else if (kind === 'winrate') {
        const p = rates[r]?.[c] ?? null;
        if (p !== null) {
          fill = rateColour(p);
          text = `${Math.round(p * 100)}`;
        }
      } else {
        const v = votes[r]?.[c] ?? 0;
        if (v > 0) {
          fill = countColour(v, max);
          text = num.format(v);
        }
      }
      out.push(`<rect x="${cx}" y="${cy}" width="${cell - 2}" height="${cell - 2}" fill="${fill}"/>`);
      if (text) out.push(`<text x="${cx + cell / 2 - 1}" y="${cy + cell / 2 + font / 3}" font-size="${font}" fill="#111827" text-anchor="middle">${esc(text)}</text>`);
    }
  }
  out.push('</svg>');
  return forDirection(out.join('\n'), options.locale);
}

/** The observed win-rate heatmap (row beats column), PNG. */
export function renderHeatmapPng(board: Leaderboard, t: Translate, options: MatrixOptions = {}): Uint8Array {
  return rasterise(renderMatrixSvg(board, 'winrate', t, options));
}

/** The matrix of votes per pair, PNG. */
export function renderBattleCountPng(board: Leaderboard, t: Translate, options: MatrixOptions = {}): Uint8Array {
  return rasterise(renderMatrixSvg(board, 'counts', t, options));
}

export function matrixAlt(board: Leaderboard, kind: Kind, t: Translate, maxModels = 12): string {
  const count = Math.min(board.winProbability.models.length, maxModels);
  return t(kind === 'winrate' ? 'ranking-heatmap-alt' : 'ranking-counts-alt', { count });
}

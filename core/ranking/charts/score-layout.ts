// Where everything of the score chart goes: which models are drawn (and which are only listed), the footer's notes,
// the heights of the header, legend, plot and footer, and the score axis's range and scale.
import type { Translate } from '../../i18n';
import { warningText } from '../format';
import type { Leaderboard } from '../types';
import type { ChartOptions } from './scores';
import { lines, WIDTH } from './svg';

export const ROW = 64;
const LEFT = 430;
const RIGHT = 150;
export const TOP = 190;
export const SEGMENT_LINE = 44;

export function chartLayout(board: Leaderboard, t: Translate, options: ChartOptions) {
  const styled = Boolean(options.style && board.styleControl);
  const rows = board.models
    .filter((m) => m.enoughVotes && m.score !== null)
    .map((m) => (styled && m.style ? { ...m, ...m.style, bound: null } : m))
    .filter((m) => !styled || m.style)
    .sort((x, y) => x.component - y.component || y.score! - x.score!);
  const max = options.maxRows ?? 20;
  const shown = rows.slice(0, max);
  const few = board.models.filter((m) => !m.enoughVotes);
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
  return { styled, rows, max, shown, few, hasBound, notes, extra, top, height, plotH, axisY: top + plotH + 10, lo, hi, x0, x1, x };
}

export type ChartLayout = ReturnType<typeof chartLayout>;
export type ChartRow = ChartLayout['shown'][number];

// The leaderboard pictures in Arabic: laid out right to left (names and ranks on the right, titles anchored right),
// mixed Arabic/Latin lines in the right order, and Arabic letters actually drawn (a font that has them). The PNGs are
// written to test-output/charts/ to look at.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, SUPPORTED_LOCALES, textDirection } from '../../i18n';
import { formatTable, TABLE_WIDTH } from '../format';
import { computeLeaderboard } from '../leaderboard';
import { createCountsBuilder } from '../math/counts';
import { drawCounts } from '../test-helpers';
import { renderMatrixSvg } from './matrix';
import { renderChartSvg } from './scores';
import { FONT_FILES, HAS_ARABIC_FONT, WIDTH } from './svg';

const i18n = createI18n();
const out = join(process.cwd(), 'test-output', 'charts');

const board = () => {
  const c = drawCounts([1150, 1100, 1060, 1000, 980], { votes: 4000, seed: 3, tieRate: 0.1 });
  const b = createCountsBuilder();
  for (let p = 0; p < c.size; p++) {
    const name = (i: number) => (c.models[i] === 'm0' ? 'gpt-4o-mini' : c.models[i]!);
    b.add(name(c.a[p]!), name(c.b[p]!), 'a', c.winsA[p]);
    b.add(name(c.a[p]!), name(c.b[p]!), 'b', c.winsB[p]);
    b.add(name(c.a[p]!), name(c.b[p]!), 'tie', c.ties[p]);
  }
  return computeLeaderboard(b.build(), { bootstrap: 100, now: () => new Date('2026-03-05T10:00:00Z') });
};

/** Pixels drawn (not white) in a band of rows, and their leftmost and rightmost columns. */
function ink(svg: string, top: number, bottom: number): { count: number; left: number; right: number } {
  const image = new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' } }).render();
  const { width, pixels } = image;
  let count = 0;
  let left = width;
  let right = -1;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (pixels[i]! < 160 && pixels[i + 1]! < 160 && pixels[i + 2]! < 160) {
        count++;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { count, left, right };
}

describe('leaderboard pictures right to left', () => {
  it('knows which locales are written right to left', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', undefined].map(textDirection)).toEqual(Array(8).fill('ltr'));
  });

  it('has a font with Arabic letters, so Arabic is drawn rather than left blank', () => {
    expect(HAS_ARABIC_FONT, 'install fonts-dejavu-core (DejaVu Sans has Arabic)').toBe(true);
    const word = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80" font-family="Noto Sans"><rect width="100%" height="100%" fill="#fff"/><text x="20" y="55" font-size="40">${text}</text></svg>`;
    expect(ink(word('لوحة الترتيب'), 0, 80).count).toBeGreaterThan(400);
  });

  it('mirrors the score chart in Arabic: title and model names on the right, every text embedded right to left', () => {
    const b = board();
    const ar = renderChartSvg(b, i18n.t('ar'), { segment: 'اللغة ar', locale: 'ar' });
    const en = renderChartSvg(b, i18n.t('en'), { segment: 'language ar', locale: 'en' });
    expect(ar).toContain('لوحة الترتيب');
    expect(ar).toContain(`<g transform="matrix(-1 0 0 1 ${WIDTH} 0)">`);
    const texts = [...ar.matchAll(/<text [^>]*>([\s\S]*?)<\/text>/g)];
    expect(texts.length).toBeGreaterThan(10);
    for (const [element, content] of texts) {
      expect(element).toContain('direction="rtl"');
      expect(content!.startsWith('\u2067') && content!.endsWith('\u2069')).toBe(true);
    }
    // The left-to-right chart is untouched.
    expect(en).not.toContain('direction="rtl"');
    expect(en).not.toContain('\u2067');

    mkdirSync(out, { recursive: true });
    const pictures = { ar, en };
    for (const [locale, svg] of Object.entries(pictures)) {
      writeFileSync(join(out, `scores-${locale}.png`), new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' } }).render().asPng());
    }
    // Title band: English starts at the left margin, Arabic ends at the right one.
    const enTitle = ink(en, 30, 85);
    const arTitle = ink(ar, 30, 85);
    expect(enTitle.left).toBeLessThan(60);
    expect(enTitle.right).toBeLessThan(WIDTH / 2);
    expect(arTitle.right).toBeGreaterThan(WIDTH - 60);
    expect(arTitle.left).toBeGreaterThan(WIDTH / 2);
  });

  it('mirrors the heatmap in Arabic too', () => {
    const svg = renderMatrixSvg(board(), 'winrate', i18n.t('ar'), { locale: 'ar' });
    expect(svg).toContain('كم مرة يتغلّب الصف على العمود');
    writeFileSync(join(out, 'heatmap-ar.png'), new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' } }).render().asPng());
    const title = ink(svg, 30, 80);
    expect(title.right).toBeGreaterThan(WIDTH - 60);
    expect(title.left).toBeGreaterThan(WIDTH / 3);
  });

  it('keeps the phone-width text table in columns in every language, Arabic included', () => {
    const b = board();
    for (const locale of SUPPORTED_LOCALES) {
      const text = formatTable(b, i18n.t(locale), { segment: 'ar' });
      // What a person sees: the invisible direction marks take no room.
      for (const line of text.split('\n')) expect([locale, [...line.replace(/[\u200e\u2066-\u2069]/g, '')].length <= TABLE_WIDTH, line]).toEqual([locale, true, line]);
      const rows = text.split('\n').filter((line) => /gpt-4o-mini|\bm[1-4]\b/.test(line));
      expect(rows).toHaveLength(5);
      if (locale === 'ar') {
        // Header and rows are left-to-right lines (a mark first), so the Arabic headers sit over their columns.
        const header = text.split('\n').find((line) => line.includes('النموذج'))!;
        for (const line of [header, ...rows]) expect(line.startsWith('\u200e')).toBe(true);
      } else {
        expect(text).not.toContain('\u200e');
      }
    }
  });
});

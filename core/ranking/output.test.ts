import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { createCountsBuilder } from './math/counts';
import { chartAlt, renderChartPng, renderChartSvg } from './charts/scores';
import { formatTable, TABLE_WIDTH, toJson } from './format';
import { computeLeaderboard } from './leaderboard';
import { drawCounts } from './test-helpers';

const i18n = createI18n();
const scores = [1150, 1100, 1060, 1000, 980, 900, 850];
const board = () => {
  const c = drawCounts(scores, { votes: 8000, seed: 2, tieRate: 0.1 });
  // a long model name and a model without enough votes
  const b = createCountsBuilder();
  for (let p = 0; p < c.size; p++) {
    const name = (i: number) => (c.models[i] === 'm0' ? 'mistral-large-instruct-2411' : c.models[i]!);
    b.add(name(c.a[p]!), name(c.b[p]!), 'a', c.winsA[p]);
    b.add(name(c.a[p]!), name(c.b[p]!), 'b', c.winsB[p]);
    b.add(name(c.a[p]!), name(c.b[p]!), 'tie', c.ties[p]);
  }
  b.add('newcomer', 'm3', 'a', 4);
  return computeLeaderboard(b.build(), { bootstrap: 200, now: () => new Date('2026-03-05T10:00:00Z') });
};

describe('leaderboard outputs', () => {
  it('prints a table no wider than a phone screen, in the chat language', () => {
    for (const locale of ['en', 'fr']) {
      const text = formatTable(board(), i18n.t(locale), { segment: 'language fr' });
      for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(TABLE_WIDTH);
      expect(text).toMatch(/newcomer \(4\)/);
      expect(text).toMatch(locale === 'fr' ? /Modèle/ : /Model/);
    }
    const en = formatTable(board(), i18n.t('en'));
    const first = en.split('\n').find((l) => l.includes('mistral-lar'))!;
    expect(first).toMatch(/^1 +mistral-lar… +1\d{3} ±\d+ +\d/);
    expect(formatTable(computeLeaderboard(createCountsBuilder().build()), i18n.t('en'))).toMatch(/No votes yet/);
  });

  it('emits the JSON shape of the issue', () => {
    const json = toJson(board());
    expect(Object.keys(json).sort()).toEqual(['battles', 'computed_at', 'models']);
    expect(json.computed_at).toBe('2026-03-05T10:00:00.000Z');
    for (const m of json.models) {
      expect(Object.keys(m).sort()).toEqual(['ci_high', 'ci_low', 'losses', 'model', 'rank', 'rank_high', 'rank_low', 'score', 'ties', 'votes', 'wins']);
    }
    expect(json.models.at(-1)).toMatchObject({ model: 'newcomer', score: null, rank: null, votes: 4 });
    const top = json.models[0]!;
    expect(top.ci_low!).toBeLessThanOrEqual(top.score!);
    expect(top.ci_high!).toBeGreaterThanOrEqual(top.score!);
  });

  it('renders a PNG chart with whiskers and localised labels', () => {
    const b = board();
    const svg = renderChartSvg(b, i18n.t('fr'), { segment: 'langue fr' });
    expect(svg).toContain('>Classement<');
    expect(svg).toContain('>langue fr<');
    expect(svg).toContain('Pas encore assez de votes');
    expect((svg.match(/<circle/g) ?? []).length).toBe(7);
    const png = renderChartPng(b, i18n.t('fr'), { segment: 'langue fr', locale: 'fr' });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    expect(width).toBe(1080);
    expect(height).toBeGreaterThan(500);
    expect(height).toBeLessThan(2000);
    expect(chartAlt(b, i18n.t('en'))).toBe('Leaderboard chart: 7 models with scores and 95% intervals');
  });

  it('has every ranking string in French too', () => {
    const en = i18n.ids('en').filter((id) => id.startsWith('ranking-'));
    const fr = new Set(i18n.ids('fr'));
    expect(en.length).toBeGreaterThan(20);
    for (const id of en) expect(fr.has(id), id).toBe(true);
  });
});

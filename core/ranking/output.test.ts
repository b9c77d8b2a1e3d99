import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { createCountsBuilder } from './math/counts';
import { matrixAlt, renderBattleCountPng, renderHeatmapPng, renderMatrixSvg } from './charts/matrix';
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

  it("uses a wide terminal's width: model names whole, lines within it", () => {
    const wide = formatTable(board(), i18n.t('en'), { width: 100 });
    for (const line of wide.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    expect(wide.split('\n').find((l) => l.includes('mistral'))).toMatch(/^1 +mistral-large-instruct-2411 +1\d{3} ±\d+ +\d/);
    // A chart of a board without any scored model draws no axis under its "no votes yet" line.
    const little = createCountsBuilder();
    little.add('x', 'y', 'a', 4);
    little.add('y', 'z', 'b', 3);
    const empty = renderChartSvg(computeLeaderboard(little.build(), { bootstrap: 20 }), i18n.t('en'));
    expect(empty).not.toContain('stroke="#e5e7eb"');
    // Narrower than a phone is never asked for: the phone width stays the floor.
    expect(formatTable(board(), i18n.t('en'), { width: 10 })).toBe(formatTable(board(), i18n.t('en')));
  });

  it('emits the JSON shape, with groups, warnings and both-bad votes in their own column (issue 13)', () => {
    const json = toJson(board(), { segment: { language: 'fr' } });
    expect(Object.keys(json).sort()).toEqual(['battles', 'components', 'computed_at', 'models', 'segment', 'votes', 'warnings']);
    expect(json.computed_at).toBe('2026-03-05T10:00:00.000Z');
    expect(json.segment).toEqual({ language: 'fr' });
    expect(json.components![0]).toMatchObject({ relation: 'main', attached_to: null });
    for (const m of json.models) {
      expect(Object.keys(m).sort()).toEqual([
        'both_bad', 'bound', 'ci_high', 'ci_low', 'component', 'flags', 'losses', 'model', 'rank', 'rank_high', 'rank_low', 'score', 'ties', 'votes', 'wins',
      ]);
      expect(m.wins + m.ties + m.losses + m.both_bad!).toBe(m.votes);
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
    // seven models and the legend's sample dot
    expect((svg.match(/<circle/g) ?? []).length).toBe(8);
    expect(svg).toContain('Peut être n° 1');
    expect(svg).toContain('100 points de plus = gagne environ 64 %');
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

  it('marks groups, bounds and style control on the chart', () => {
    const c = createCountsBuilder();
    for (const [x, y, wa, wb] of [['a1', 'a2', 30, 20], ['a2', 'a3', 25, 25], ['a1', 'a3', 22, 18], ['b1', 'b2', 40, 10], ['champ', 'a1', 30, 0]] as const) {
      c.add(x, y, 'a', wa);
      c.add(x, y, 'b', wb);
    }
    const b = computeLeaderboard(c.build(), { bootstrap: 50 });
    const svg = renderChartSvg(b, i18n.t('en'));
    expect(svg).toContain('Group 2 · never compared with group 1');
    expect(svg).toMatch(/stroke-linejoin="round"/); // the drawn ≥
    expect(svg).toContain('Arrow: open-ended');
    expect(svg).toContain('champ: never lost: its score is only a lower bound');
    const plain = renderChartSvg(board(), i18n.t('en'));
    expect(plain).not.toContain('Arrow: open-ended');
  });

  it('draws the win-rate heatmap and the vote-count matrix, readable on a phone', () => {
    const b = board();
    for (const kind of ['winrate', 'counts'] as const) {
      const svg = renderMatrixSvg(b, kind, i18n.t('fr'));
      expect(svg).toContain(kind === 'winrate' ? 'Combien de fois la ligne bat la colonne' : 'Votes entre chaque paire');
      // 7 scored models: 49 cells, labelled rows 1–7
      expect((svg.match(/<rect x="\d+" y="\d+" width/g) ?? []).length).toBe(49);
      expect(svg).toMatch(/<tspan font-weight="700">7<\/tspan> m6/);
      // numbers in the cells no smaller than 16 px at 1080 px wide
      for (const size of svg.matchAll(/font-size="(\d+)"/g)) expect(Number(size[1])).toBeGreaterThanOrEqual(16);
    }
    // The observed share of wins, row over column: m-top beats m6 more often than not.
    const i = b.winProbability.models.indexOf('mistral-large-instruct-2411');
    const j = b.winProbability.models.indexOf('m6');
    expect(b.observed.winRate[i]![j]!).toBeGreaterThan(0.6);
    expect(b.observed.winRate[j]![i]!).toBeCloseTo(1 - b.observed.winRate[i]![j]!, 12);
    expect(b.observed.votes[i]![j]).toBe(b.observed.votes[j]![i]);
    const png = renderHeatmapPng(b, i18n.t('en'));
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(1080);
    expect([...renderBattleCountPng(b, i18n.t('en')).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(matrixAlt(b, 'winrate', i18n.t('en'))).toBe('Win-rate table of 7 models: how often each beats each other');
  });

  it('has every ranking string in French too', () => {
    const en = i18n.ids('en').filter((id) => id.startsWith('ranking-'));
    const fr = new Set(i18n.ids('fr'));
    expect(en.length).toBeGreaterThan(20);
    for (const id of en) expect(fr.has(id), id).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { createI18n } from '../../core/i18n';
import { WEB_LOCALES } from './routes';
import { computeLeaderboard, createCountsBuilder } from '../../core/ranking';
import type { ModelCard } from '../../core/providers/types';
import { fromRankingJson, type LeaderboardView } from './leaderboard';
import { leaderboardPage, pageStrings, roomPage } from './page';
import { toJson } from '../../core/ranking';

const i18n = createI18n();
i18n.extend(WEB_LOCALES);

describe('pages', () => {
  it('has every web string in French too', () => {
    const en = i18n.ids('en').filter((id) => id.startsWith('web-'));
    const fr = new Set(i18n.ids('fr').filter((id) => id.startsWith('web-')));
    expect(en.length).toBeGreaterThan(30);
    expect(en.filter((id) => !fr.has(id))).toEqual([]);
  });

  it('gives the page script every string it asks for, translated', async () => {
    const { readFileSync } = await import('node:fs');
    const script = readFileSync(new URL('./public/app.js', import.meta.url), 'utf8');
    const used = [...new Set([...script.matchAll(/'(web-[a-z-]+)'/g)].map((m) => m[1]!))];
    const strings = pageStrings(i18n, 'fr');
    expect(used.filter((id) => !(id in strings))).toEqual([]);
    expect(strings['web-send']).toBe('Envoyer');
  });

  it('escapes the room name and cannot be broken out of by the boot data', () => {
    const html = roomPage(i18n, 'en', 'lobby', { csrf: 'token', tag: 'tag', maxPromptChars: 4000 });
    expect(html).toContain('#lobby');
    const boot = /<script type="application\/json" id="pnyx-boot">(.*?)<\/script>/s.exec(html)![1]!;
    expect(boot).not.toContain('</');
    expect(JSON.parse(boot).room).toBe('lobby');
  });

  it("shows the ranking's table and chart, with demo models labelled and names escaped", () => {
    const b = createCountsBuilder();
    b.add('strong', 'weak', 'a', 80);
    b.add('strong', 'weak', 'b', 20);
    b.add('strong', 'mid', 'a', 60);
    b.add('strong', 'mid', 'b', 40);
    b.add('mid', 'weak', 'a', 60);
    b.add('mid', 'weak', 'b', 40);
    b.add('mid', 'new', 'tie', 3);
    const board = computeLeaderboard(b.build(), { bootstrap: 50, seed: 1 });
    const cards: ModelCard[] = [
      { id: 'strong', provider: 'p', displayName: 'Strong <b>1</b>', organisation: 'Lab', demo: false, weight: 1 },
      { id: 'weak', provider: 'demo', displayName: 'Weak (demo)', demo: true, weight: 1 },
    ];
    const view: LeaderboardView = { ...fromRankingJson(toJson(board), cards), board };
    const html = leaderboardPage(i18n, 'en', view, 'lobby');
    expect(html).toContain('Strong &lt;b&gt;1&lt;/b&gt;');
    expect(html).not.toContain('<b>1</b>');
    expect(html).toMatch(/<span class="name">Weak<\/span> <span class="badge">demo model<\/span>/);
    expect(html).toContain('<img src="data:image/svg+xml;base64,');
    expect(html).toContain('not enough votes'); // "new" has 3 votes
    expect(html.indexOf('data-model="strong"')).toBeLessThan(html.indexOf('data-model="weak"'));
    const fr = leaderboardPage(i18n, 'fr', view, 'lobby');
    expect(fr).toContain('Classement');
    expect(fr).toContain('pas assez de votes');
  });

  it('prints the warnings the CLI prints, and names models by their display names in the chart, in a font stack', () => {
    const b = createCountsBuilder();
    b.add('champ', 'other', 'a', 40);
    b.add('other', 'third', 'a', 25);
    b.add('other', 'third', 'b', 15);
    const board = computeLeaderboard(b.build(), { bootstrap: 50, seed: 1 });
    const cards: ModelCard[] = [{ id: 'champ', provider: 'p', displayName: 'Champion Model', demo: false, weight: 1 }];
    const view: LeaderboardView = { ...fromRankingJson(toJson(board), cards), board };
    const html = leaderboardPage(i18n, 'en', view, 'lobby', view);
    // champ never lost: its score is only a lower bound, said in words with its display name, on both boards.
    expect(html.match(/<ul class="warnings"><li>Champion Model: [^<]*lower bound/g)).toHaveLength(2);
    const svg = Buffer.from(/data:image\/svg\+xml;base64,([^"]+)/.exec(html)![1]!, 'base64').toString();
    expect(svg).toContain('Champion Model');
    expect(svg).not.toContain('>champ<');
    expect(svg).toMatch(/font-family="'Noto Sans', [^"]*sans-serif"/);
    expect(html).toContain('This room (#lobby)');
    expect(html).toContain('Shared ranking');
  });

  it('says so when nothing has been decided yet', () => {
    const html = leaderboardPage(i18n, 'en', { kind: 'counts', battles: 0, computedAt: new Date(), rows: [] }, 'lobby');
    expect(html).toContain('No battle has been decided yet');
  });
});

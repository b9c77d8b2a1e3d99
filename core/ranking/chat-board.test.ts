// The board a chat receives, on a real database (SQLite through the project's Prisma client): table with its
// warnings, chart, the category switch list, and plain words for a category or campaign that does not exist.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { openDatabase, type Db } from '../store/database';
import { createChatBoard } from './chat-board';
import { createRng } from './math/random';
import { newId } from '../store/ids';

const folder = mkdtempSync(join(tmpdir(), 'pnyx-chat-board-'));
let db: Db;
const t = createI18n().t('en');
const fr = createI18n().t('fr');

beforeAll(async () => {
  db = await openDatabase(`file:${join(folder, 'pnyx.db')}`);
  const k = db.kysely;
  const now = new Date();
  const stamps = { createdAt: now, updatedAt: now };
  const strength: Record<string, number> = { alpha: 1.2, beta: 0.4, gamma: 0, delta: -0.6 };
  for (const id of Object.keys(strength)) await k.insertInto('Model').values({ id, provider: 'test', displayName: id, ...stamps }).execute();
  for (let u = 0; u < 6; u++) await k.insertInto('User').values({ id: `u${u}`, platform: 'test', externalId: String(u), ...stamps }).execute();
  await k.insertInto('Chat').values({ id: 'club', platform: 'test', externalId: 'club', ...stamps }).execute();
  await k.insertInto('Chat').values({ id: 'other', platform: 'test', externalId: 'other', ...stamps }).execute();
  await k.insertInto('Campaign').values({ id: 'camp', slug: 'fr-2026', title: 'FR', createdAt: now }).execute();
  const rng = createRng(5);
  const models = Object.keys(strength);
  for (let i = 0; i < 160; i++) {
    const a = models[i % 4]!;
    const b = models[(i + 1 + (i % 3)) % 4]!;
    if (a === b) continue;
    const pa = 1 / (1 + Math.exp(strength[b]! - strength[a]!));
    const choices = Array.from({ length: 3 }, () => (rng() < pa ? 'a' : 'b'));
    const id = `b${i}`;
    await db.kysely
      .insertInto('Battle')
      .values({
        id, token: id, chatId: i % 2 ? 'club' : 'other', initiatorId: 'u0', modelAId: a, modelBId: b, status: 'closed',
        campaignId: i % 4 === 0 ? 'camp' : null, voteCount: 3, openedAt: now,
        votesA: choices.filter((c) => c === 'a').length, votesB: choices.filter((c) => c === 'b').length,
        categories: i % 5 === 0 ? '["coding","hard-prompts"]' : '[]',
      })
      .execute();
    for (const [v, choice] of choices.entries()) await db.kysely.insertInto('Vote').values({ id: newId(), battleId: id, voterId: `u${v}`, choice, createdAt: now }).execute();
  }
});
afterAll(async () => {
  await db?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the chat board', () => {
  it('posts the table, the chart and the categories to switch to', async () => {
    const boards = createChatBoard({ db: db.kysely, bootstrap: 50, chatMinVotes: 10 });
    const r = await boards.render({ chat: { id: 'club' }, t });
    expect(r.text).toMatch(/^```\nLeaderboard\n/);
    expect(r.text).toMatch(/480 votes · 160 battles/);
    expect(r.text).toMatch(/Agreement with the global ranking/);
    expect([...r.image!.png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(r.categories).toEqual([
      { id: null, label: 'all prompts', battles: 0 },
      { id: 'coding', label: 'coding', battles: 32 },
      { id: 'hard-prompts', label: 'hard prompts', battles: 32 },
    ]);
    const coding = await boards.render({ chat: { id: 'club' }, t: fr, category: 'coding' });
    expect(coding.text).toMatch(/Classement · code/);
    expect(coding.board!.votes).toBe(96);
  });

  it('says so when a category or a campaign does not exist', async () => {
    const boards = createChatBoard({ db: db.kysely, bootstrap: 0 });
    const unknown = await boards.render({ chat: { id: 'club' }, t, category: 'poetry' });
    expect(unknown.problem).toBe('unknown-category');
    expect(unknown.text).toMatch(/There is no category "poetry"\. Categories: coding, math/);
    const campaign = await boards.render({ chat: { id: 'club' }, t, campaign: 'nope' });
    expect(campaign).toMatchObject({ problem: 'unknown-campaign', text: 'There is no campaign "nope".' });
    const ok = await boards.render({ chat: { id: 'club' }, t, campaign: 'fr-2026' });
    expect(ok.text).toMatch(/Leaderboard · campaign fr-2026/);
  });

  it('applies the configured voter policy and daily cap, and says it on the board', async () => {
    const boards = createChatBoard({ db: db.kysely, bootstrap: 0, votes: { dailyCap: 2, voters: 'flag' } });
    const r = await boards.render({ chat: { id: 'club' }, t });
    // Every vote was cast today by one of three people: two each count.
    expect(r.board!.votes).toBe(6);
    expect(r.text.replace(/\n/g, ' ')).toMatch(/474 votes over the daily cap per person left out/);
    expect(r.board!.voters).toMatchObject({ policy: 'flag' });
  });
});

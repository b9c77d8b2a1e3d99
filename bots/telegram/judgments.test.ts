// A campaign's judgments of each reply (issue 15, item 8), through the real grammY bot and the fake Bot API: after a
// vote in a private chat of the campaign, one screen of buttons asks the campaign's labels and a 1–5 rating per reply;
// each press is stored at once and confirmed; chats outside the campaign, and groups (no per-person buttons on
// Telegram), are not asked; the final report counts the judgments per model.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPeopleStore } from '../../core/store/sql/people';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSpec } from '../../core/campaigns/spec';
import { applyCampaign, setCampaignStatus } from '../../core/campaigns/store';
import { writeReport } from '../../core/campaigns/report';
import { answerOf, battleFinished, buttonsOf, newGroup, people, privateChat, startTelegramHarness, voteData, type TelegramHarness } from './testing';
import type { FakeChat, FakeUser } from '../../test/fakes/telegram-api';

const { alice, bob, carol, dave } = people;

describe('judgments of each reply on Telegram', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness({ closeAfterVotes: 1 });
    const spec = validateSpec({
      slug: 'judged-27',
      title: { en: 'Judged 27' },
      languages: ['en'],
      joinCode: 'JUDGED-27',
      judgments: { labels: ['spam', 'fails-task'], rating: true },
    });
    if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
    await applyCampaign(h.app.db.kysely, spec.spec);
  });
  afterAll(async () => h?.close());

  const judgmentButtons = (chat: FakeChat) => h.tg.botMessages(chat.id).flatMap((m) => buttonsOf(m).filter((b) => b.callback_data?.startsWith('j:')).map((b) => ({ ...b, message: m })));
  const rows = () => h.app.db.kysely.selectFrom('Judgment').select(['side', 'key', 'value']).orderBy('side').orderBy('key').execute();

  const voteIn = async (chat: FakeChat, who: FakeUser, prompt: string) => {
    const asked = h.tg.userWrites(chat, who, prompt);
    const { ballot } = await battleFinished(h.tg, chat, asked);
    return answerOf(h.tg, h.tg.userPresses(chat, who, ballot, voteData(ballot, 'a')));
  };

  it('asks a campaign chat\'s voter once, stores each press at once (flags toggle, the rating replaces), and asks nobody else', async () => {
    const chat = privateChat(alice);
    h.tg.userWrites(chat, alice, '/arena join JUDGED-27');
    await h.tg.waitFor(() => h.tg.botMessages(chat.id).find((m) => /takes part in “Judged 27”/.test(m.text ?? '')), 10_000, 'joined');
    const voted = await voteIn(chat, alice, 'Explain in two sentences why the sky is blue during the day');
    // The popup says what the extra buttons are for, within Telegram's 200 characters.
    expect(voted.payload.text).toMatch(/^You voted: A is better\.[\s\S]*flag or rate each reply \(1–5★\)\.$/);

    const offered = await h.tg.waitFor(() => (judgmentButtons(chat).length ? judgmentButtons(chat) : undefined), 10_000, 'the judgment buttons');
    expect(offered.map((b) => b.text)).toEqual(['A · Spam', 'A · Fails the task', 'A · 1★', 'A · 2★', 'A · 3★', 'A · 4★', 'A · 5★', 'B · Spam', 'B · Fails the task', 'B · 1★', 'B · 2★', 'B · 3★', 'B · 4★', 'B · 5★']);
    // One screen: all of them on the vote's own answer, under its reason tags.
    expect(new Set(offered.map((b) => b.message.message_id)).size).toBe(1);
    for (const b of offered) expect(Buffer.byteLength(b.callback_data!)).toBeLessThanOrEqual(64);

    const press = async (text: string) => {
      const b = offered.find((x) => x.text === text)!;
      return (await answerOf(h.tg, h.tg.userPresses(chat, alice, b.message, b.callback_data!))).payload.text;
    };
    expect(await press('A · Spam')).toBe('Noted: A — Spam.');
    expect(await press('B · Fails the task')).toBe('Noted: B — Fails the task.');
    expect(await press('A · 2★')).toBe('Noted: A rated 2/5.');
    expect(await press('A · 4★')).toBe('Noted: A rated 4/5.');
    expect(await press('B · 1★')).toBe('Noted: B rated 1/5.');
    expect(await rows()).toEqual([
      { side: 'a', key: 'rating', value: 4 },
      { side: 'a', key: 'spam', value: 1 },
      { side: 'b', key: 'fails-task', value: 1 },
      { side: 'b', key: 'rating', value: 1 },
    ]);
    // A second press on a flag takes it back.
    expect(await press('A · Spam')).toBe('Removed: A — Spam.');
    expect((await rows()).map((r) => `${r.side}:${r.key}`)).toEqual(['a:rating', 'b:fails-task', 'b:rating']);

    // The person's own data file (/mydata) carries their judgments.
    const judge = await h.app.db.kysely.selectFrom('Judgment').select('userId').executeTakeFirstOrThrow();
    const mine = await createPeopleStore(h.app.db).personalData(judge.userId);
    expect(mine!.judgments.map((j) => `${j.side}:${j.key}=${j.value}`).sort()).toEqual(['a:rating=4', 'b:fails-task=1', 'b:rating=1']);

    // A forged press of a label the campaign did not ask for stores nothing.
    const forged = offered[0]!.callback_data!.replace(/:f\d$/, ':f6');
    expect((await answerOf(h.tg, h.tg.userPresses(chat, alice, offered[0]!.message, forged))).payload.text).not.toMatch(/Noted/);
    expect(await rows()).toHaveLength(3);

    // Outside the campaign: a private chat that never joined is not asked.
    const outside = privateChat(bob);
    const answer = await voteIn(outside, bob, 'Name a bird that cannot fly and say why');
    expect(answer.payload.text).toMatch(/^You voted: A is better/);
    expect(answer.payload.text).not.toMatch(/1–5★/);
    await h.tg.waitFor(() => h.tg.botMessages(outside.id).find((m) => /Voting closed/.test(m.text ?? '')), 10_000, 'the close');
    expect(judgmentButtons(outside)).toEqual([]);

    // A group of the campaign: Telegram cannot show buttons to one person there, so nothing is asked in the group.
    const group = newGroup();
    h.tg.setRole(group.id, dave.id, 'administrator');
    h.tg.userWrites(group, dave, '/arena join JUDGED-27');
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => /now takes part/.test(m.text ?? '')), 10_000, 'the group joined');
    const asked = h.tg.userWrites(group, carol, '/arena What is the tallest mountain and how tall is it?');
    const { ballot } = await battleFinished(h.tg, group, asked);
    const groupAnswer = await answerOf(h.tg, h.tg.userPresses(group, carol, ballot, voteData(ballot, 'b')));
    expect(groupAnswer.payload.text).toMatch(/^Votre vote : B est meilleur/);
    expect(groupAnswer.payload.text).not.toMatch(/1–5★/);
    expect(judgmentButtons(group)).toEqual([]);
    expect(await rows()).toHaveLength(3);
  });

  it('counts the judgments per model in the final report', async () => {
    const battle = await h.app.db.kysely.selectFrom('Judgment').innerJoin('Battle', 'Battle.id', 'Judgment.battleId').select(['Battle.modelAId', 'Battle.modelBId']).executeTakeFirstOrThrow();
    expect(await setCampaignStatus(h.app.db.kysely, 'judged-27', 'closed')).toBe(true);
    const campaign = await h.app.db.kysely.selectFrom('Campaign').selectAll().where('slug', '=', 'judged-27').executeTakeFirstOrThrow();
    const dir = mkdtempSync(join(tmpdir(), 'pnyx-judged-'));
    try {
      const { getCampaign } = await import('../../core/campaigns/store');
      const row = (await getCampaign(h.app.db.kysely, campaign.id))!;
      const written = await writeReport(h.app.db.kysely, row, dir, h.app.i18n.t('en'), 'en', { bootstrap: 20 });
      const report = JSON.parse(readFileSync(join(dir, 'judged-27', 'report.json'), 'utf8'));
      expect(report.judgments).toEqual(
        [
          { model: battle.modelAId, judged: 1, labels: {}, ratings: 1, meanRating: 4 },
          { model: battle.modelBId, judged: 1, labels: { 'fails-task': 1 }, ratings: 1, meanRating: 1 },
        ].sort((x, y) => x.model.localeCompare(y.model)),
      );
      expect(written.markdown).toContain("## Voters' judgments of the replies");
      expect(written.markdown).toContain(`| ${battle.modelAId} | 1 | 0 | 4 / 5 (1) |`);
      expect(written.markdown).toContain(`| ${battle.modelBId} | 1 | 1 | 1 / 5 (1) |`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('erases a person\'s judgments with their votes', async () => {
    const chat = privateChat(alice);
    h.tg.userWrites(chat, alice, '/forget');
    const confirm = await h.tg.waitFor(() => h.tg.botMessages(chat.id).find((m) => (m.text ?? '').startsWith('Erase your data?')), 10_000, 'the confirmation');
    const erase = buttonsOf(confirm).find((b) => b.text === '🗑 Erase everything')!;
    expect(String((await answerOf(h.tg, h.tg.userPresses(chat, alice, confirm, erase.callback_data!))).payload.text)).toMatch(/^Erased:/);
    expect(await rows()).toEqual([]);
  });
});

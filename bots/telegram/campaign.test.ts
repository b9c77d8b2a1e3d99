// Campaigns on Telegram, through the real grammY bot and the fake Bot API: a chat admin joins with a code, battles are
// tagged with the campaign, /campaign shows the gauge, milestones are announced once, the settings menu leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSpec } from '../../core/campaigns/spec';
import { applyCampaign, setCampaignStatus } from '../../core/campaigns/store';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerOf, battleFinished, buttonsOf, newGroup, openBallot, people, startTelegramHarness, voteData, type TelegramHarness } from './testing';

const { alice, bob, carol, dave } = people;

describe('campaigns on Telegram', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness({ closeAfterVotes: 1 });
    const spec = validateSpec({
      slug: 'fr-2027',
      title: { en: 'Voices 2027', fr: 'Voix 2027' },
      languages: ['en', 'fr'],
      goal: { votes: 4, perLanguage: { en: 2 } },
      joinCode: 'VOICES-27',
      topics: { en: [{ id: 'volcano', prompt: 'Why do volcanoes erupt?' }, { id: 'bread', prompt: 'What makes a good bread crust?' }] },
    });
    if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
    await applyCampaign(h.app.db.kysely, spec.spec);
  });
  afterAll(async () => h?.close());

  const battlesOf = (chatExternal: number) =>
    h.app.db.kysely
      .selectFrom('Battle')
      .innerJoin('Chat', 'Chat.id', 'Battle.chatId')
      .select(['Battle.campaignId', 'Battle.topic', 'Battle.voteCount'])
      .where('Chat.externalId', '=', String(chatExternal))
      .execute();

  it('lets only an admin join by code; then battles are tagged and /campaign shows the gauge', async () => {
    const group = newGroup();
    h.tg.setRole(group.id, dave.id, 'administrator');
    // A member is told politely, and nothing changes.
    const refused = h.tg.userWrites(group, bob, '/arena join VOICES-27');
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => m.reply_to_message?.message_id === refused.message_id && /admins/.test(m.text ?? '')), 10_000, 'the refusal');
    const wrong = h.tg.userWrites(group, dave, '/arena join NOPE-NOPE');
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => m.reply_to_message?.message_id === wrong.message_id && /No campaign has the code/.test(m.text ?? '')), 10_000, 'unknown code');
    h.tg.userWrites(group, dave, '/arena join voices-27');
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => /now takes part in “Voices 2027”/.test(m.text ?? '')), 10_000, 'the join announcement');

    const asked = h.tg.userWrites(group, alice, '/arena Explain in two sentences why the sky is blue during the day');
    const { ballot } = await battleFinished(h.tg, group, asked);
    await answerOf(h.tg, h.tg.userPresses(group, carol, ballot, voteData(ballot, 'a')));
    const [battle] = await battlesOf(group.id);
    const campaign = await h.app.db.kysely.selectFrom('Campaign').select('id').where('slug', '=', 'fr-2027').executeTakeFirstOrThrow();
    expect(battle?.campaignId).toBe(campaign.id);

    // 1 vote of a goal of 4: the 25 % milestone is announced in the chat, once.
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => /at 25 % of its goal/.test(m.text ?? '')), 10_000, 'the 25 % milestone');

    const progressAsked = h.tg.userWrites(group, bob, '/campaign');
    const gauge = await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => m.reply_to_message?.message_id === progressAsked.message_id), 10_000, 'the gauge');
    const shown = gauge.caption ?? gauge.text ?? '';
    expect(shown).toContain('Voices 2027');
    expect(shown).toContain('1 of 4 votes (25 %)');
    expect(gauge.photo).toBeDefined();

    // Another vote elsewhere in the campaign would not repeat 25 %: the record is in the database.
    const milestone = await h.app.db.kysely.selectFrom('CampaignChat').select('milestone').where('campaignId', '=', campaign.id).executeTakeFirstOrThrow();
    expect(milestone.milestone).toBe(25);
    expect(h.tg.botMessages(group.id).filter((m) => /at 25 % of its goal/.test(m.text ?? ''))).toHaveLength(1);
  });

  it('offers three topics when the arena is opened empty; "battle this" starts a battle recorded with its topic', async () => {
    const group = newGroup();
    h.tg.setRole(group.id, dave.id, 'administrator');
    h.tg.userWrites(group, dave, '/arena join VOICES-27');
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => /now takes part/.test(m.text ?? '')), 10_000, 'joined');
    h.tg.userWrites(group, alice, '/arena');
    const offer = await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => /Pick a topic/.test(m.text ?? '')), 10_000, 'the suggestions');
    const topics = buttonsOf(offer);
    expect(topics.map((b) => b.text).sort()).toEqual(['What makes a good bread crust?', 'Why do volcanoes erupt?']);
    const volcano = topics.find((b) => /volcano/.test(b.text))!;
    await answerOf(h.tg, h.tg.userPresses(group, alice, offer, volcano.callback_data!));
    await h.tg.waitFor(() => openBallot(h.tg, group), 20_000, 'the topic battle');
    expect(await battlesOf(group.id)).toEqual([expect.objectContaining({ topic: 'volcano' })]);
  });

  it('leaves from the settings menu, one press', async () => {
    const group = newGroup();
    h.tg.setRole(group.id, dave.id, 'administrator');
    h.tg.userWrites(group, dave, '/arena join VOICES-27');
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => /now takes part/.test(m.text ?? '')), 10_000, 'joined');
    const asked = h.tg.userWrites(group, dave, '/settings');
    const menu = await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => m.reply_to_message?.message_id === asked.message_id), 10_000, 'the menu');
    expect(menu.text).toContain('Campaign: Voices 2027');
    // The menu may be paginated: find the page with the button.
    let leave = buttonsOf(menu).find((b) => b.text === 'Leave the campaign');
    for (let page = 1; !leave && page < 6; page++) {
      await answerOf(h.tg, h.tg.userPresses(group, dave, menu, `s:pg:${page}`));
      leave = buttonsOf(h.tg.message(group.id, menu.message_id)).find((b) => b.text === 'Leave the campaign');
    }
    expect(leave).toBeDefined();
    await answerOf(h.tg, h.tg.userPresses(group, dave, menu, leave!.callback_data!));
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => /left “Voices 2027”/.test(m.text ?? '')), 10_000, 'the leave notice');
    const asked2 = h.tg.userWrites(group, alice, '/arena Name a bird that cannot fly and say why');
    await battleFinished(h.tg, group, asked2);
    expect(await battlesOf(group.id)).toEqual([expect.objectContaining({ campaignId: null })]);
  });

  it('posts the prompt of the day and the gauge on schedule, and the final report once per chat at the close', async () => {
    const spec = validateSpec({
      slug: 'report-27',
      title: { en: 'Report 27' },
      languages: ['en'],
      goal: { votes: 100 },
      topics: { en: [{ id: 'tides', prompt: 'What causes the tides?' }] },
      schedule: { promptOfTheDay: { cron: '0 9 * * *' }, leaderboard: { cron: '0 18 * * 1' } },
      chats: [],
      joinCode: 'REPORT-27',
    });
    if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
    const { campaign } = await applyCampaign(h.app.db.kysely, spec.spec);
    const group = newGroup();
    h.tg.setRole(group.id, dave.id, 'administrator');
    h.tg.userWrites(group, dave, '/arena join REPORT-27');
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => /now takes part/.test(m.text ?? '')), 10_000, 'joined');

    expect(await h.app.arena.postCampaign(campaign.id, 'topic')).toBe(true);
    const daily = await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => /Prompt of the day/.test(m.text ?? '')), 10_000, 'the prompt of the day');
    expect(daily.text).toContain('What causes the tides?');
    const battleThis = buttonsOf(daily).find((b) => b.text === '⚔️ Battle this')!;
    await answerOf(h.tg, h.tg.userPresses(group, bob, daily, battleThis.callback_data!));
    const ballot = await h.tg.waitFor(() => openBallot(h.tg, group), 20_000, 'the topic battle');
    await answerOf(h.tg, h.tg.userPresses(group, carol, ballot, voteData(ballot, 'b')));
    expect(await battlesOf(group.id)).toEqual([expect.objectContaining({ topic: 'tides', campaignId: campaign.id })]);

    expect(await h.app.arena.postCampaign(campaign.id, 'progress')).toBe(true);
    const gauge = await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => m.photo && /Report 27/.test(m.caption ?? '')), 10_000, 'the scheduled gauge');
    expect(gauge.caption).toContain('1 of 100 votes (1 %)');

    const dir = mkdtempSync(join(tmpdir(), 'pnyx-reports-'));
    try {
      expect(await setCampaignStatus(h.app.db.kysely, 'report-27', 'closed')).toBe(true);
      expect(await h.app.arena.postFinalReports(dir)).toBe(1);
      const final = await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => /“Report 27” is over: 1 vote in 1 battle from 1 chat\./.test(m.caption ?? m.text ?? '')), 10_000, 'the final report');
      expect(final.photo).toBeDefined();
      // Posted once: a second check (or a restarted process) finds it recorded.
      expect(await h.app.arena.postFinalReports(dir)).toBe(0);
      expect(existsSync(join(dir, 'report-27', 'report.png'))).toBe(true);
      const report = JSON.parse(readFileSync(join(dir, 'report-27', 'report.json'), 'utf8'));
      expect(report.participation).toMatchObject({ votes: 1, battles: 1, voters: 1, chats: 1, chatsByPlatform: { telegram: 1 } });
      expect(readFileSync(join(dir, 'report-27', 'report.md'), 'utf8')).toContain('## Leaderboard in English');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

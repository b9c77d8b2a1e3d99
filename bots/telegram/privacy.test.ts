// People's rights on Telegram, end to end through the real grammY bot and the fake Bot API: the consent notice once
// (in the person's private chat with the bot, or a popup's short form when Telegram refuses a first private message),
// /mydata's JSON document sent only privately, /forget's confirm button, and nothing of the person left afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personTraces } from '../../test/person-traces';
import type { FakeUser } from '../../test/fakes/telegram-api';
import { answerOf, battleFinished, buttonsOf, newGroup, privateChat, startTelegramHarness, voteData, type TelegramHarness } from './testing';

const zelda: FakeUser = { id: 7_340_001, first_name: 'Zelda Forgetme', language_code: 'en' };
const walt: FakeUser = { id: 7_340_002, first_name: 'Walt', language_code: 'fr' };

describe('privacy on Telegram', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness({ tokensPerSecond: 0, closeAfterVotes: 10 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells a person once what is stored, sends their data privately, and erases it on confirmation', async () => {
    const group = newGroup();
    const mine = privateChat(zelda);
    // First act: a prompt in the private chat. The notice comes there once.
    const asked = h.tg.userWrites(mine, zelda, 'Canary prompt: tell me about the lighthouse-5521.');
    await battleFinished(h.tg, mine, asked);
    const notices = () => h.tg.botMessages(mine.id).filter((m) => (m.text ?? '').includes('About your data in Pnyx'));
    await h.tg.waitFor(() => notices().length === 1 || undefined, 10_000, 'the consent notice');
    expect(notices()[0]!.text).toContain('/privacy');

    // Voting in a group later: no second notice anywhere.
    const groupAsked = h.tg.userWrites(group, walt, '/arena Name three famous lighthouses.');
    const { ballot } = await battleFinished(h.tg, group, groupAsked);
    const vote = await answerOf(h.tg, h.tg.userPresses(group, zelda, ballot, voteData(ballot, 'a')));
    expect(String(vote.payload.text)).toMatch(/^You voted: A is better/);
    expect(String(vote.payload.text)).not.toContain('Pnyx stores');
    expect(notices()).toHaveLength(1);

    // /mydata in the group: the document goes to the private chat; the group learns only that it was sent.
    h.tg.userWrites(group, zelda, '/mydata');
    await h.tg.waitFor(() => h.tg.botMessages(mine.id).find((m) => m.document) ?? undefined, 10_000, 'the data document');
    const doc = h.tg.botMessages(mine.id).find((m) => m.document)!;
    expect(doc.document!.file_name).toMatch(/^pnyx-my-data-.*\.json$/);
    const data = JSON.parse(doc.document!.content!);
    expect(data.person.platformId).toBe(String(zelda.id));
    expect(data.prompts[0].prompt).toContain('lighthouse-5521');
    expect(data.votes).toMatchObject([{ choice: 'a' }]);
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => m.text === 'I sent you everything Pnyx stores about you in a private message.'), 10_000, 'the group answer');
    expect(h.tg.botMessages(group.id).some((m) => m.document)).toBe(false);

    // /forget in the private chat: a confirmation with buttons, then the erasure.
    h.tg.userWrites(mine, zelda, '/forget');
    const confirm = await h.tg.waitFor(() => h.tg.botMessages(mine.id).find((m) => (m.text ?? '').startsWith('Erase your data?')), 10_000, 'the confirmation');
    const erase = buttonsOf(confirm).find((b) => b.text === '🗑 Erase everything')!;
    const started = Date.now();
    const done = await answerOf(h.tg, h.tg.userPresses(mine, zelda, confirm, erase.callback_data!));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(String(done.payload.text)).toMatch(/^Erased: 1 prompts, 2 replies, 1 votes/);
    await h.app.arena.idle();
    await h.running.stop();
    await h.app.arena.stop();
    const erased = await h.app.db.kysely.selectFrom('User').select('id').where('erasedAt', 'is not', null).executeTakeFirstOrThrow();
    expect(await personTraces(h.app.db.kysely, erased.id, [String(zelda.id), 'Zelda Forgetme', 'lighthouse-5521'])).toEqual({ rows: [], prompts: 0, votes: 0, reactions: 0 });
  });
});

// Languages on Telegram, as people see them: Telegram tells each person's app language (`from.language_code`); a
// private chat speaks it, a group speaks its own (its setting, else the configuration's) while each member's popups
// speak theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeChat, FakeMessage, FakeUser } from '../../test/fakes/telegram-api';
import { answerOf, buttonsOf, newGroup, openBallot, privateChat, startTelegramHarness, voteData, type TelegramHarness } from './testing';

const layla: FakeUser = { id: 2001, first_name: 'Layla', language_code: 'ar' };
const jonas: FakeUser = { id: 2002, first_name: 'Jonas', language_code: 'de-AT' };
const lucia: FakeUser = { id: 2003, first_name: 'Lucía', language_code: 'es' };

/** Text as read, without the invisible marks that isolate Latin placeables in Arabic sentences. */
const plain = (text: string | undefined) => (text ?? '').replace(/[\u2066-\u2069]/g, '');

/** The two replies and the ballot of a battle, whatever the language of their headers. */
async function battleOf(h: TelegramHarness, chat: FakeChat, asked: FakeMessage, header: RegExp): Promise<{ replies: FakeMessage[]; ballot: FakeMessage }> {
  return h.tg.waitFor(
    () => {
      const replies = h.tg.botMessages(chat.id).filter((m) => m.reply_to_message?.message_id === asked.message_id && header.test(plain(m.text)));
      const ballot = openBallot(h.tg, chat);
      if (replies.length !== 2 || !ballot || ballot.message_id < replies[1]!.message_id) return undefined;
      return { replies, ballot };
    },
    20_000,
    'the battle to finish',
  );
}

describe('languages on Telegram', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness({ tokensPerSecond: 400, closeAfterVotes: 3 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('speaks Arabic in the private chat of a person whose Telegram is in Arabic: replies, ballot, popup and reveal', async () => {
    const chat = privateChat(layla);
    const asked = h.tg.userWrites(chat, layla, 'ما الفرق بين الطقس والمناخ؟ اشرح ذلك بمثال بسيط من الحياة اليومية.');
    const { replies, ballot } = await battleOf(h, chat, asked, /^النموذج [AB]/);
    expect(replies.map((r) => plain(r.text).split('\n')[0])).toEqual(['النموذج A', 'النموذج B']);
    expect(ballot.text).toContain('أيّ الردّين أفضل؟');
    expect(buttonsOf(ballot).map((b) => b.text)).toEqual(expect.arrayContaining(['👈 A أفضل', '👉 B أفضل', '🤝 تعادل', '👎 كلاهما سيئ']));
    const voted = await answerOf(h.tg, h.tg.userPresses(chat, layla, ballot, voteData(ballot, 'a')));
    expect(plain(voted.payload.text as string)).toMatch(/^صوّتَّ: A أفضل/);
    await h.tg.waitFor(() => /أُغلق التصويت/.test(plain(h.tg.message(chat.id, ballot.message_id)!.text)), 10_000, 'the ballot to close in Arabic');
  });

  it('follows the person when their Telegram language changes, and the chat setting when there is one', async () => {
    const chat = privateChat(lucia);
    const first = h.tg.userWrites(chat, lucia, '/help');
    await h.tg.waitFor(() => h.tg.botMessages(chat.id).find((m) => m.message_id > first.message_id && /Pregunta lo que quieras/.test(m.text ?? '')), 10_000, 'help in Spanish');
    const second = h.tg.userWrites(chat, { ...lucia, language_code: 'pt-BR' }, '/help');
    await h.tg.waitFor(() => h.tg.botMessages(chat.id).find((m) => m.message_id > second.message_id && /Pergunte qualquer coisa/.test(m.text ?? '')), 10_000, 'help in Portuguese');
    // The chat's own setting wins over the person's app language.
    const opened = h.tg.userWrites(chat, { ...lucia, language_code: 'pt-BR' }, '/settings');
    const menu = await h.tg.waitFor(() => h.tg.botMessages(chat.id).find((m) => m.message_id > opened.message_id && buttonsOf(m).some((b) => b.callback_data === 's:lang:it')), 10_000, 'the settings menu');
    expect(buttonsOf(menu).filter((b) => b.callback_data?.startsWith('s:lang:')).map((b) => b.callback_data!.slice(7))).toEqual(['auto', 'en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ar']);
    await answerOf(h.tg, h.tg.userPresses(chat, { ...lucia, language_code: 'pt-BR' }, menu, 's:lang:it'));
    const third = h.tg.userWrites(chat, { ...lucia, language_code: 'pt-BR' }, '/help');
    await h.tg.waitFor(() => h.tg.botMessages(chat.id).find((m) => m.message_id > third.message_id && /Chiedi qualsiasi cosa/.test(m.text ?? '')), 10_000, 'help in Italian');
  });

  it('posts in the group language while each member gets their own language in popups', async () => {
    const group = newGroup();
    const asked = h.tg.userWrites(group, jonas, '/arena Explain in two sentences why the sky is blue during the day.');
    const { ballot } = await battleOf(h, group, asked, /^Model [AB]/);
    // Nobody chose a language for the group: the configuration's (English) for everyone to read.
    expect(ballot.text).toMatch(/Which reply is better\?/);
    const german = await answerOf(h.tg, h.tg.userPresses(group, jonas, ballot, voteData(ballot, 'b')));
    expect(german.payload.text).toMatch(/^Deine Stimme: B ist besser/);
    const arabic = await answerOf(h.tg, h.tg.userPresses(group, layla, ballot, voteData(ballot, 't')));
    expect(plain(arabic.payload.text as string)).toMatch(/^صوّتَّ: تعادل/);
    // Isolated, so the Latin parts stay in place inside the Arabic sentence.
    expect(arabic.payload.text).toContain('\u2068تعادل\u2069');
    const spanish = await answerOf(h.tg, h.tg.userPresses(group, lucia, ballot, voteData(ballot, 'x')));
    expect(spanish.payload.text).toMatch(/^Has votado: Las dos son malas/);
    await h.tg.waitFor(() => /Voting closed/.test(h.tg.message(group.id, ballot.message_id)!.text!), 10_000, 'the ballot to close in English');
  });
});

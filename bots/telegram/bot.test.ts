// The Telegram bot end to end: the real grammY Bot (run by Pnyx's durable poller, or behind the webhook server) and the
// real engine on SQLite with demo models, against the fake Bot API on 127.0.0.1.
import { DEMO_MODELS_CONFIG } from '../../core/providers/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../core/i18n';
import { metrics } from '../../core/metrics';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server';
import { startFakeTelegram, type FakeChat, type FakeMessage } from '../../test/fakes/telegram-api';
import { startTelegramBot } from './bot';
import { markdownToTelegram } from './markdown';
import {
  answerOf,
  battleFinished,
  buttonsOf,
  createTestApp,
  newGroup,
  people,
  privateChat,
  repliesTo,
  startTelegramHarness,
  voteData,
  type TelegramHarness,
} from './testing';

const { alice, bob, carol, dave } = people;

/** 429s counted for Telegram in the process's metrics. */
async function rateLimited(): Promise<number> {
  const line = (await metrics.text()).split('\n').find((l) => l.startsWith('pnyx_platform_rate_limited_total{platform="telegram"}'));
  return line ? Number(line.split(' ')[1]) : 0;
}

/** Polls a condition the fake Bot API cannot see (the database). */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('long polling with the runner', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    // Slow enough that a demo reply streams for several seconds: the test sees edits with the cursor before the end.
    // The talkative demo models only: the one-line "laconic" model finishes in one edit, and a pair drawn at random
    // between it and a quick reply would show no streaming to assert on.
    const models = { providers: { demo: { type: 'demo', tokensPerSecond: 30 } }, models: DEMO_MODELS_CONFIG.models.filter((m) => m.model !== 'laconic') };
    h = await startTelegramHarness({ models, closeAfterVotes: 3 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('registers the command menus in every supported language, /settings only for admins', async () => {
    const menus = h.tg.callsOf('setMyCommands').map((c) => ({
      lang: c.payload.language_code ?? 'default',
      scope: (c.payload.scope as { type: string }).type,
      commands: (c.payload.commands as Array<{ command: string; description: string }>).map((x) => x.command),
      start: (c.payload.commands as Array<{ command: string; description: string }>)[0]!.description,
    }));
    // Two menus (members, admins) per language: the default one in English, the others by language code.
    expect(menus).toHaveLength(2 * SUPPORTED_LOCALES.length);
    expect(new Set(menus.map((m) => m.lang))).toEqual(new Set(['default', ...SUPPORTED_LOCALES.filter((l) => l !== 'en')]));
    expect(menus.find((m) => m.lang === 'ar')!.start).toMatch(/مواجهة/);
    expect(menus.find((m) => m.lang === 'default' && m.scope === 'default')!.commands).not.toContain('settings');
    expect(menus.find((m) => m.lang === 'fr' && m.scope === 'all_chat_administrators')!.commands).toContain('settings');
    // From the core's command catalogue, in the menu's language: /arena first.
    expect(menus.find((m) => m.lang === 'fr')!.commands[0]).toBe('arena');
    expect(menus.find((m) => m.lang === 'fr')!.start).toMatch(/bataille/);
    expect(menus.find((m) => m.lang === 'fr')!.start).not.toBe(menus.find((m) => m.lang === 'default')!.start);
  });

  it('runs a private battle end to end: typing, two streamed replies, a ballot, a vote and the reveal', async () => {
    const chat = privateChat(alice);
    const asked = h.tg.userWrites(chat, alice, 'What is a volcano and why does it erupt?');
    const { replies, ballot } = await battleFinished(h.tg, chat, asked);

    expect(h.tg.callsOf('sendChatAction').some((c) => c.payload.chat_id === chat.id && c.payload.action === 'typing')).toBe(true);
    expect(replies.map((r) => r.text!.split('\n')[0])).toEqual(['Model A', 'Model B']);
    // Streamed: people saw partial text (with the cursor) before the final one.
    expect(replies.some((r) => r.history.length > 2 && r.history.some((text) => text.endsWith('▍')))).toBe(true);
    for (const reply of replies) {
      // The header is bold through entities, not asterisks.
      expect(reply.text).not.toContain('**');
      expect(reply.text).not.toContain('▍');
      expect(reply.entities?.[0]).toEqual({ type: 'bold', offset: 0, length: 7 });
      expect(buttonsOf(reply).map((b) => b.text)).toEqual([expect.stringContaining('👍'), expect.stringContaining('👎')]);
    }
    expect(buttonsOf(ballot)).toHaveLength(4);
    // The callback data never says which model is which.
    for (const b of buttonsOf(ballot)) expect(b.callback_data).not.toMatch(/demo|lexicon|markov|outline|laconic/i);

    const query = h.tg.userPresses(chat, alice, ballot, voteData(ballot, 'a'));
    const answer = await answerOf(h.tg, query);
    expect(answer.payload.text).toMatch(/^You voted: A is better\./);
    expect(answer.payload.text).toMatch(/demo model/);
    expect(String(answer.payload.text).length).toBeLessThanOrEqual(200);
    expect(answer.payload.show_alert).toBe(true);

    // Private battles close after one vote: the ballot shows the result and names both models.
    await h.tg.waitFor(() => /Voting closed/.test(h.tg.message(chat.id, ballot.message_id)!.text ?? ''), 10_000, 'the ballot to close');
    const closed = h.tg.message(chat.id, ballot.message_id)!;
    expect(closed.text).toMatch(/A was .*demo model/);
    expect(closed.reply_markup).toBeUndefined();
    await h.tg.waitFor(() => /^Model A · /.test(h.tg.message(chat.id, replies[0]!.message_id)!.text ?? ''), 10_000, 'reply A to be named');

    // 👍 on reply A: a popup thanks, and the reason tags follow as a small keyboard replying to reply A.
    const like = buttonsOf(h.tg.message(chat.id, replies[0]!.message_id)).find((b) => b.text.includes('👍'))!;
    const liked = await answerOf(h.tg, h.tg.userPresses(chat, alice, replies[0]!, like.callback_data!));
    expect(liked.payload.text).toMatch(/liked reply A/);
    const reasons = await h.tg.waitFor(
      () => h.tg.botMessages(chat.id).find((m) => m.reply_to_message?.message_id === replies[0]!.message_id && buttonsOf(m).length > 0),
      10_000,
      'the reason keyboard',
    );
    expect(reasons.text).toMatch(/Alice, what made the difference/);
    expect(buttonsOf(reasons).map((b) => b.text)).toEqual(['Useful', 'Complete', 'Creative', 'Clear formatting']);
    const reason = await answerOf(h.tg, h.tg.userPresses(chat, alice, reasons, buttonsOf(reasons)[1]!.callback_data!));
    expect(reason.payload.text).toMatch(/Reason saved: Complete/);
  });

  it('keeps quiet when a person has blocked the bot: one info line, no errors, no retries', async () => {
    const chat = privateChat({ id: 1999, first_name: 'Gone' });
    h.tg.block(chat.id);
    const before = h.logs.length;
    const asked = h.tg.userWrites(chat, { id: 1999, first_name: 'Gone' }, 'Are you there?');
    await h.tg.waitFor(() => h.tg.calls.some((c) => c.payload.chat_id === chat.id && c.status === 403), 10_000, 'the 403');
    const help = await h.app.arena.handle({ type: 'command', delivery: 'test-help-1999', name: 'help', args: '', chat: { platform: 'telegram', id: String(chat.id), kind: 'private' }, from: { platform: 'telegram', id: '1999' } });
    await help.done;
    await new Promise((r) => setTimeout(r, 1500));
    const lines = h.logs.slice(before);
    expect(lines.filter((l) => l.level >= 40).map((l) => `${l.level} ${l.msg}`)).toEqual([]);
    expect(lines.filter((l) => /unreachable/.test(l.msg)), JSON.stringify(lines.filter((l) => /unreachable/.test(l.msg)))).toHaveLength(1);
    // "Typing…", the first reply and the once-only data notice (the person's first act) are sent at once and may race
    // to discover the block; after that nothing is sent to the chat, although two replies streamed and /help answered.
    const calls = h.tg.calls.filter((c) => c.payload.chat_id === chat.id);
    expect(calls.length, JSON.stringify(calls.map((c) => [c.method, c.status]))).toBeLessThanOrEqual(3);
    expect(calls.every((c) => c.status === 403)).toBe(true);
    expect(asked.message_id).toBeGreaterThan(0);
  });

  it('runs a group battle with three members voting, and tells a double voter their earlier choice', async () => {
    const group = newGroup();
    const asked = h.tg.userWrites(group, alice, '/arena Explain photosynthesis in two sentences');
    const { ballot } = await battleFinished(h.tg, group, asked);
    expect(ballot.text).toMatch(/No votes yet/);
    expect(ballot.text).toMatch(/closes after 3 votes/);

    const first = await answerOf(h.tg, h.tg.userPresses(group, alice, ballot, voteData(ballot, 'a')));
    expect(first.payload.text).toMatch(/You voted: A is better/);
    await h.tg.waitFor(() => /1 vote so far/.test(h.tg.message(group.id, ballot.message_id)!.text!), 10_000, 'the count to show 1 vote');

    const second = await answerOf(h.tg, h.tg.userPresses(group, bob, ballot, voteData(ballot, 'b')));
    expect(second.payload.text).toMatch(/You voted: B is better/);
    // The ballot shows how many voted, not how.
    await h.tg.waitFor(() => /2 votes so far/.test(h.tg.message(group.id, ballot.message_id)!.text!), 10_000, 'the count to show 2 votes');
    expect(h.tg.message(group.id, ballot.message_id)!.text).not.toMatch(/A better|B better/);

    const again = await answerOf(h.tg, h.tg.userPresses(group, bob, ballot, voteData(ballot, 'a')));
    // Another choice is a change of mind: the vote is updated, never counted twice.
    expect(again.payload.text).toMatch(/You changed your vote: A is better \(was B is better\)/);
    expect(again.payload.show_alert).toBe(true);

    const third = await answerOf(h.tg, h.tg.userPresses(group, carol, ballot, voteData(ballot, 't')));
    // Carol's Telegram is in French: her popup is too.
    expect(third.payload.text).toMatch(/^Votre vote : Égalité/);
    await h.tg.waitFor(() => /Voting closed/.test(h.tg.message(group.id, ballot.message_id)!.text!), 10_000, 'the ballot to close');
    expect(h.tg.message(group.id, ballot.message_id)!.text).toMatch(/A better: 1 · B better: 1 · Tie: 1 · Both bad: 0/);
  });

  it('keeps a group\'s settings and battles when Telegram upgrades it to a supergroup', async () => {
    const group = { ...newGroup(), type: 'group' as const };
    const asked = h.tg.userWrites(group, alice, '/arena Why do leaves change colour in autumn?');
    await battleFinished(h.tg, group, asked);
    h.tg.setRole(group.id, dave.id, 'administrator');
    const set = h.tg.userWrites(group, dave, '/settings timezone Europe/Paris');
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => m.reply_to_message?.message_id === set.message_id), 10_000, 'the settings menu');
    const row = await h.app.store.upsertChat({ platform: 'telegram', id: String(group.id), kind: 'group' });
    expect(row.timezone).toBe('Europe/Paris');

    const supergroup = h.tg.upgradeGroup(group, dave);
    await until(async () => (await h.app.store.getChat(row.id))!.externalId === String(supergroup.id), 'the chat to move');
    // The supergroup is the same arena: its admins see the time zone set before, and battles count for it.
    h.tg.setRole(supergroup.id, dave.id, 'administrator');
    const menuAsked = h.tg.userWrites(supergroup, dave, '/settings');
    const menu = await h.tg.waitFor(() => h.tg.botMessages(supergroup.id).find((m) => m.reply_to_message?.message_id === menuAsked.message_id), 10_000, 'the settings menu');
    expect(menu.text).toMatch(/Europe\/Paris/);
    const next = h.tg.userWrites(supergroup, bob, '/arena What makes a good bread crust?');
    await battleFinished(h.tg, supergroup, next);
    expect(await h.app.db.kysely.selectFrom('Battle').select('id').where('chatId', '=', row.id).execute()).toHaveLength(2);
  });

  it('posts to the supergroup when a scheduled post finds the group upgraded, and moves the chat', async () => {
    const group = { ...newGroup(), type: 'group' as const };
    const row = await h.app.store.upsertChat({ platform: 'telegram', id: String(group.id), kind: 'group', title: group.title });
    const supergroup = h.tg.upgradeGroup(group, dave, { quietly: true });
    expect(await h.app.arena.postLeaderboard(row.id)).toBe(true);
    expect(h.tg.calls.some((c) => c.payload.chat_id === group.id && c.status === 400)).toBe(true);
    expect(h.tg.botMessages(supergroup.id).length).toBeGreaterThan(0);
    expect((await h.app.store.getChat(row.id))!.externalId).toBe(String(supergroup.id));
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('answers in the forum topic where the battle was asked for, and counts votes from there', async () => {
    const forum = newGroup();
    const topic = 77;
    const asked = h.tg.userWrites(forum, alice, '/arena How do bees find flowers?', { topic });
    const { replies, ballot } = await battleFinished(h.tg, forum, asked);
    for (const message of [...replies, ballot]) expect(message.message_thread_id).toBe(topic);
    const sends = h.tg.callsOf('sendMessage').filter((c) => c.payload.chat_id === forum.id);
    expect(sends.length).toBeGreaterThanOrEqual(3);
    expect(sends.every((c) => c.payload.message_thread_id === topic)).toBe(true);
    const voted = await answerOf(h.tg, h.tg.userPresses(forum, bob, ballot, voteData(ballot, 'a')));
    expect(voted.payload.text).toMatch(/You voted: A is better/);
    await h.tg.waitFor(() => /1 vote so far/.test(h.tg.message(forum.id, ballot.message_id)!.text!), 10_000, 'the count to show 1 vote');
    // A message in the General topic is answered there, without a thread.
    const general = h.tg.userWrites(forum, carol, '/help');
    const help = await h.tg.waitFor(() => h.tg.botMessages(forum.id).find((m) => m.reply_to_message?.message_id === general.message_id), 10_000, 'the help');
    expect(help.message_thread_id).toBeUndefined();
  });

  it('continues a battle when someone replies to one of its replies, and moves the ballot', async () => {
    const group = newGroup();
    const asked = h.tg.userWrites(group, alice, '@pnyx_test_bot Name three rivers in Europe');
    const first = await battleFinished(h.tg, group, asked);
    const token = voteData(first.ballot, 'a').split(':')[1]!;
    const followUp = h.tg.userWrites(group, bob, 'And which one is the longest?', { replyTo: first.replies[1]! });
    const second = await battleFinished(h.tg, group, followUp);
    expect(second.ballot.message_id).not.toBe(first.ballot.message_id);
    expect(h.tg.message(group.id, first.ballot.message_id)!.text).toMatch(/conversation continued/);
    expect(voteData(second.ballot, 'a').split(':')[1]).toBe(token);
    expect(buttonsOf(h.tg.message(group.id, first.ballot.message_id))).toEqual([]);
    const battle = (await h.app.store.getBattleByToken(token))!;
    const turns = await h.app.store.getTurns(battle.id);
    expect(turns.map((t) => t.prompt)).toEqual(['Name three rivers in Europe', 'And which one is the longest?']);
  });

  it('answers a vote while another battle in the chat is still streaming', async () => {
    const group = newGroup();
    const asked = h.tg.userWrites(group, alice, '/arena What is a lighthouse?');
    const { ballot } = await battleFinished(h.tg, group, asked);
    const second = h.tg.userWrites(group, bob, '/arena Describe the water cycle in detail, step by step');
    await h.tg.waitFor(() => repliesTo(h.tg, group, second).length === 2, 10_000, 'the second battle to start streaming');

    const query = h.tg.userPresses(group, carol, ballot, voteData(ballot, 'b'));
    const answer = await answerOf(h.tg, query);
    const done = await battleFinished(h.tg, group, second);
    const secondBallotSent = h.tg.callsOf('sendMessage').find((c) => (c.result as { message_id?: number } | undefined)?.message_id === done.ballot.message_id)!;
    // Answered before the other battle's replies finished streaming (its ballot comes after the last token).
    expect(answer.at).toBeLessThan(secondBallotSent.at);
    expect(answer.payload.text).toMatch(/^Votre vote : B est meilleur/);
  });

  it('refuses settings to a member and shows them to an admin, whose button presses apply', async () => {
    const group = newGroup();
    const denied = h.tg.userWrites(group, bob, '/settings');
    const refusal = await h.tg.waitFor(
      () => h.tg.botMessages(group.id).find((m) => m.reply_to_message?.message_id === denied.message_id),
      10_000,
      'the refusal',
    );
    expect(refusal.text).toMatch(/Only the chat's admins/);
    expect(buttonsOf(refusal)).toEqual([]);
    expect(h.tg.callsOf('getChatMember').some((c) => c.payload.chat_id === group.id && c.payload.user_id === bob.id)).toBe(true);

    h.tg.setRole(group.id, dave.id, 'administrator');
    const asked = h.tg.userWrites(group, dave, '/settings@pnyx_test_bot');
    const menu = await h.tg.waitFor(
      () => h.tg.botMessages(group.id).find((m) => m.reply_to_message?.message_id === asked.message_id && buttonsOf(m).length > 0),
      10_000,
      'the settings menu',
    );
    expect(menu.text).toMatch(/Arena settings/);
    const toggle = buttonsOf(menu).find((b) => /Pause/.test(b.text))!;

    // A member pressing the admin's buttons is refused too.
    const sneaky = await answerOf(h.tg, h.tg.userPresses(group, bob, menu, toggle.callback_data!));
    expect(sneaky.payload.text).toMatch(/Only the chat's admins/);

    const saved = await answerOf(h.tg, h.tg.userPresses(group, dave, menu, toggle.callback_data!));
    expect(saved.payload.text).toMatch(/Settings saved/);
    await h.tg.waitFor(() => /paused/.test(h.tg.message(group.id, menu.message_id)!.text!), 10_000, 'the menu to show the arena paused');

    // Paused: an /arena prompt gets the explanation instead of a battle.
    const prompt = h.tg.userWrites(group, alice, '/arena hello?');
    const paused = await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => m.reply_to_message?.message_id === prompt.message_id), 10_000, 'the paused notice');
    expect(paused.text).toMatch(/paused/);
  });

  it('refuses forged and stale button data politely', async () => {
    const chat = privateChat(bob);
    const hello = h.tg.userWrites(chat, bob, '/help');
    const help = await h.tg.waitFor(() => h.tg.botMessages(chat.id).find((m) => m.reply_to_message?.message_id === hello.message_id), 10_000, 'help');
    expect(help.text).toBe(markdownToTelegram(h.app.i18n.t('en')('help-text', { arena: '/arena', leaderboard: '/leaderboard', privacy: '/privacy', settings: '/settings', help: '/help' })).text);
    expect(help.text).toContain('use /arena followed by your message');
    for (const data of ['v:ZZZZZZZZZZ:a', 'v:../../etc:a', 'garbage', 's:enabled:' + 'x'.repeat(50)]) {
      const answer = await answerOf(h.tg, h.tg.userPresses(chat, bob, help, data));
      expect(answer.payload.text).toMatch(/no longer valid|no longer works/);
      expect(answer.status).toBe(200);
    }
  });

  it('gives a short hint for unknown commands and stickers, and stays quiet about other bots in groups', async () => {
    const chat = privateChat(dave);
    const unknown = h.tg.userWrites(chat, dave, '/dance');
    const hint = await h.tg.waitFor(() => h.tg.botMessages(chat.id).find((m) => m.reply_to_message?.message_id === unknown.message_id), 10_000, 'hint');
    expect(hint.text).toMatch(/I don't know \/dance/);
    const sticker = h.tg.userSendsSticker(chat, dave);
    const textOnly = await h.tg.waitFor(() => h.tg.botMessages(chat.id).find((m) => m.reply_to_message?.message_id === sticker.message_id), 10_000, 'text-only hint');
    expect(textOnly.text).toMatch(/only read text/);

    const group = newGroup();
    h.tg.userWrites(group, dave, '/dance');
    h.tg.userWrites(group, dave, '/start@some_other_bot');
    h.tg.userSendsSticker(group, dave);
    h.tg.userWrites(group, dave, 'just chatting with friends');
    const marker = h.tg.userWrites(group, dave, '/help');
    await h.tg.waitFor(() => h.tg.botMessages(group.id).find((m) => m.reply_to_message?.message_id === marker.message_id), 10_000, 'help');
    expect(h.tg.botMessages(group.id)).toHaveLength(1);
  });

  it('is ready while polling, not ready while Telegram answers 5xx, and ready again once it answers', async () => {
    expect(h.running.ready()).toBe(true);
    h.tg.fail('getMe', { code: 502, description: 'Bad Gateway', times: 1 });
    // auto-retry waits 3 s before trying again: the readiness probe sees the outage meanwhile.
    const call = h.running.telegram.bot.api.getMe();
    await h.tg.waitFor(() => (h.running.ready() ? undefined : true), 3_000, 'not ready');
    await call;
    expect(h.running.ready()).toBe(true);
  });

  it('lands the final text of a reply when Telegram answers an edit with 429', async () => {
    const chat = privateChat(carol);
    h.tg.fail('editMessageText', { code: 429, retryAfter: 1, times: 1, when: (p) => p.chat_id === chat.id });
    const counted = await rateLimited();
    const asked = h.tg.userWrites(chat, carol, 'Tell me about the moon');
    const { replies, ballot } = await battleFinished(h.tg, chat, asked, 30_000);
    expect(h.tg.callsOf('editMessageText').filter((c) => c.payload.chat_id === chat.id && c.status === 429)).toHaveLength(1);
    // Counted for the operator although auto-retry then succeeded.
    expect(await rateLimited()).toBe(counted + 1);
    const battle = (await h.app.store.getBattleByToken(voteData(ballot, 'a').split(':')[1]!))!;
    const [turn] = await h.app.store.getTurns(battle.id);
    for (const [i, side] of (['a', 'b'] as const).entries()) {
      const stored = markdownToTelegram(turn!.replies[side]!.text).text;
      const shown = h.tg.message(chat.id, replies[i]!.message_id)!;
      expect(shown.text!.endsWith(stored)).toBe(true);
    }
    // The retried edit waited as told and nothing failed for good.
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('model replies full of Markdown metacharacters', () => {
  let h: TelegramHarness;
  let openai: FakeOpenAIServer;
  const nasty = [
    'Sure! Here is *the* answer_with_underscores and a stray * star, 2*3*4, a_b_c, [brackets] (parens) ~tilde~ `unclosed code',
    '',
    '**bold that never closes, <html> & entities &amp; #hash +plus -minus =equals |pipe {brace} .dot !bang',
    '',
    '```',
    'const x = a * b; // _not italic_ **not bold**',
    '```',
    '',
    '[link](javascript:alert(1)) and [ok](https://example.org/?q=a_b*c) \\*escaped\\*',
  ].join('\n');

  beforeAll(async () => {
    openai = await startFakeOpenAIServer();
    // Slow enough that Telegram's one-edit-per-second pacing catches A half-written, even on a loaded machine.
    openai.script('meta-a', { chunks: nasty.match(/[\s\S]{1,12}/g)!, chunkDelayMs: 160 });
    openai.script('meta-b', { chunks: [nasty.replaceAll('*', '_')], chunkDelayMs: 5 });
    h = await startTelegramHarness({
      models: {
        providers: { fake: { type: 'openai-compatible', baseURL: openai.url } },
        models: [
          { id: 'meta-a', provider: 'fake' },
          { id: 'meta-b', provider: 'fake' },
        ],
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await openai?.close();
  });

  it('sends and streams every edit without a single refusal from Telegram', async () => {
    const chat = privateChat(alice);
    const asked = h.tg.userWrites(chat, alice, 'Show me your worst formatting');
    const { replies } = await battleFinished(h.tg, chat, asked);
    const calls = h.tg.calls.filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && c.payload.chat_id === chat.id);
    // A, B and the ballot, plus edits while A streamed half-finished Markdown.
    expect(calls.filter((c) => c.method === 'editMessageText').length).toBeGreaterThan(1);
    expect(calls.filter((c) => c.status !== 200)).toEqual([]);
    const a = replies.find((r: FakeMessage) => r.text!.includes('stray * star'))!;
    expect(a.text).toContain('answer_with_underscores and a stray * star');
    expect(a.text).toContain('**bold that never closes, <html> & entities & #hash');
    expect(a.text).toContain('const x = a * b; // _not italic_ **not bold**');
    expect(a.entities!.find((e) => e.type === 'pre')).toBeDefined();
    expect(a.entities!.find((e) => e.type === 'text_link')!.url).toBe('https://example.org/?q=a_b*c');
    expect(a.entities!.some((e) => e.type === 'text_link' && /javascript/.test(e.url!))).toBe(false);
    expect(a.text).toContain('*escaped*');
    expect(a.history.some((text) => text.endsWith('▍'))).toBe(true);
  });
});

describe('webhook mode', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness({ webhook: { secret: 'the-right-secret_42' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('registers the webhook with its secret and handles an update that carries it', async () => {
    expect(h.tg.webhook).toEqual({ url: expect.stringMatching(/\/telegram\/hook$/), secret: 'the-right-secret_42' });
    expect(h.tg.callsOf('getUpdates')).toHaveLength(0);
    const chat = privateChat(bob);
    const update = h.tg.textUpdate(chat, bob, '/privacy');
    expect(await h.tg.postWebhook(update)).toBe(200);
    // The webhook is answered with the acknowledgement; the reply follows.
    await h.tg.waitFor(() => h.tg.botMessages(chat.id).length === 1 || undefined, 10_000, 'the privacy text');
    const sent = h.tg.botMessages(chat.id);
    expect(sent).toHaveLength(1);
    // What is stored and why, then the person's own status with the opt-out button.
    expect(sent[0]!.text!.startsWith(markdownToTelegram(h.app.i18n.t('en')('privacy-text')).text)).toBe(true);
    expect(sent[0]!.text).toContain('Your data');
    expect(sent[0]!.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['🚫 Keep my data out of datasets']);
  });

  it('is ready while its webhook server listens', () => {
    expect(h.running.ready()).toBe(true);
  });

  it('answers 401 to a wrong or missing secret and makes no call at all', async () => {
    const chat = privateChat(carol);
    const before = h.tg.calls.length;
    expect(await h.tg.postWebhook(h.tg.textUpdate(chat, carol, '/help'), 'wrong-secret')).toBe(401);
    expect(await h.tg.postWebhook(h.tg.textUpdate(chat, carol, '/help'), null)).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.tg.calls.length).toBe(before);
    expect(h.tg.botMessages(chat.id)).toHaveLength(0);
  });
});

describe('stopping', () => {
  it('confirms the last update on stop, so nothing is handled twice after a restart', async () => {
    const h = await startTelegramHarness();
    try {
      const chat = privateChat(alice);
      const asked = h.tg.userWrites(chat, alice, '/help');
      await h.tg.waitFor(() => h.tg.botMessages(chat.id).find((m) => m.reply_to_message?.message_id === asked.message_id), 10_000, 'help');
      const handled = Math.max(...h.tg.callsOf('getUpdates').flatMap((c) => ((c.result as Array<{ update_id: number }> | undefined) ?? []).map((u) => u.update_id)));
      await h.running.stop();
      const last = h.tg.callsOf('getUpdates').at(-1)!;
      expect(last.payload).toMatchObject({ offset: handled + 1, limit: 1, timeout: 0 });
    } finally {
      await h.close();
    }
  });
});

describe('a busy group under Telegram\'s flood control', () => {
  // Telegram's "20 messages a minute in a group", scaled to 8 in 3 s so the test is quick; the fake refuses the ninth.
  const budget = { windowMs: 3000, group: 8, private: 60 };
  const finished = (h: TelegramHarness, group: FakeChat, asked: FakeMessage) => {
    const replies = repliesTo(h.tg, group, asked);
    return replies.length === 2 && replies.every((m) => !m.text!.includes('▍') && !m.text!.includes('Thinking'));
  };
  const ballots = (h: TelegramHarness, group: FakeChat) => h.tg.botMessages(group.id).filter((m) => buttonsOf(m).some((b) => b.callback_data?.startsWith('v:'))).length;

  it('runs four battles asked at once without a single 429: they take turns, and the chat is told once', async () => {
    const h = await startTelegramHarness({ tokensPerSecond: 200, budget });
    h.tg.limitGroupSends(budget.group, budget.windowMs);
    try {
      const group = newGroup();
      const asked = [alice, bob, carol, dave].map((person, i) => h.tg.userWrites(group, person, `/arena Question ${i + 1}: what is a comet?`));
      await h.tg.waitFor(() => asked.every((a) => finished(h, group, a)) && ballots(h, group) === 4, 60_000, 'all four battles to show a ballot');
      expect(h.tg.tooManyRequests).toBe(0);
      // One battle runs at a time under this budget. The first to wait is told battles take turns; the line itself is
      // not announced again within the minute (each notice would cost the group one of its messages).
      const queued = h.tg.botMessages(group.id).filter((m) => /Your battle is in line|Votre bataille attend/.test(m.text ?? ''));
      expect(queued.map((m) => m.reply_to_message?.message_id)).toEqual([asked[1]!.message_id]);
      expect(queued[0]!.text).toMatch(/one battle runs before it/);
      const sends = h.tg.calls.filter((c) => (c.method === 'sendMessage' || c.method === 'sendPhoto') && c.payload.chat_id === group.id).map((c) => c.at);
      for (const at of sends) expect(sends.filter((t) => t >= at && t < at + budget.windowMs).length).toBeLessThanOrEqual(budget.group);
    } finally {
      await h.close();
    }
  });

  it('tells a member who keeps asking too fast once a minute, not once per message', async () => {
    const h = await startTelegramHarness({ perUserPerMinute: 1, budget });
    try {
      const group = newGroup();
      const first = h.tg.userWrites(group, bob, '/arena What is rain?');
      for (const text of ['What is snow?', 'What is hail?', 'What is fog?']) h.tg.userWrites(group, bob, `/arena ${text}`);
      await h.tg.waitFor(() => finished(h, group, first) && ballots(h, group) === 1, 20_000, 'the first battle to finish');
      const notices = h.tg.botMessages(group.id).filter((m) => /going a bit fast/.test(m.text ?? ''));
      expect(notices).toHaveLength(1);
      // Another member is still told.
      const other = h.tg.userWrites(group, alice, '/arena What is dew?');
      await h.tg.waitFor(() => h.tg.botMessages(group.id).some((m) => m.reply_to_message?.message_id === other.message_id), 10_000, 'Alice\'s battle or notice');
    } finally {
      await h.close();
    }
  });
});

describe('limits and set-up errors', () => {
  it('tells a person who starts battles too fast when to try again', async () => {
    const h = await startTelegramHarness({ perUserPerMinute: 1 });
    try {
      const chat = privateChat(bob);
      const first = h.tg.userWrites(chat, bob, 'What is rain?');
      const second = h.tg.userWrites(chat, bob, 'What is snow?');
      const notice = await h.tg.waitFor(() => h.tg.botMessages(chat.id).find((m) => m.reply_to_message?.message_id === second.message_id), 10_000, 'the notice');
      expect(notice.text).toMatch(/going a bit fast\. Please try again in \d+ seconds/);
      await battleFinished(h.tg, chat, first);
    } finally {
      await h.close();
    }
  });

  it('names the setting to fix when Telegram refuses the token', async () => {
    const tg = await startFakeTelegram();
    const { app, close } = await createTestApp();
    try {
      await expect(startTelegramBot({ app, token: '42:wrong', apiRoot: tg.apiRoot })).rejects.toThrow(/TELEGRAM_BOT_TOKEN/);
      expect(tg.calls.filter((c) => c.method !== 'getMe')).toEqual([]);
    } finally {
      await close();
      await tg.stop();
    }
  });
});

// The responder against the fake Discord's interaction endpoints: the core's acknowledgement as the first answer,
// the safety defer when the core is slow (and what follows through the token then), the deferred public reply the
// core's first message fills, and no "thinking…" left behind.
import { MessageFlags, REST } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../core/i18n';
import { startFakeDiscord, type FakeChannel, type FakeDiscord, type FakeInteraction, type FakeUser } from '../../test/fakes/discord';
import { createDiscordCalls, type DiscordCalls } from './calls';
import { registerCommands } from './commands';
import { DISCORD_LOCALES } from './adapter';
import { messageBody } from './render';
import { createResponder, type InteractionFacts, type Responder } from './responder';

const i18n = createI18n();
i18n.extend(DISCORD_LOCALES);
const t = i18n.t('en');

describe('answering interactions', () => {
  let fake: FakeDiscord;
  let calls: DiscordCalls;
  let channel: FakeChannel;
  let alice: FakeUser;
  let fast: Responder;
  let slow: Responder;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    alice = fake.createUser({ username: 'alice' });
    const guild = fake.createGuild({ owner: alice });
    channel = fake.createChannel(guild);
    calls = createDiscordCalls(new REST({ api: fake.restApi }).setToken(fake.token));
    await registerCommands(calls, i18n, fake.applicationId);
    fast = createResponder(calls, pino({ level: 'silent' }));
    slow = createResponder(calls, pino({ level: 'silent' }), { deferAfterMs: 30 });
  });
  afterAll(async () => {
    fast?.stop();
    slow?.stop();
    await fake?.stop();
  });

  const facts = (i: FakeInteraction, extra: Partial<InteractionFacts> = {}): InteractionFacts => ({
    id: i.id,
    token: i.token,
    applicationId: fake.applicationId,
    channelId: i.channelId,
    kind: i.kind === 'command' ? 'command' : i.kind === 'modal' ? 'modal' : 'component',
    fromMessage: i.sourceMessageId !== undefined,
    publicByDefault: false,
    t,
    ...extra,
  });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const ballot = async () => {
    const sent = await calls.post(channel.id, messageBody({ text: 'Ballot', buttons: [[{ label: 'A', data: 'v:AbCdEf1234:a' }]] }));
    return sent.id;
  };

  it('a notice is an ephemeral reply, with its buttons', async () => {
    const i = fake.slashCommand(alice, channel, 'help');
    fast.begin(facts(i));
    await fast.acknowledge(i.id, { notice: { text: 'Private help', buttons: [[{ label: 'More', data: 's:pg:1' }]] } });
    const reply = await fake.replyTo(i);
    expect(reply).toMatchObject({ content: 'Private help', visibleTo: alice.id });
    expect(reply.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(i.callbacks).toEqual([expect.objectContaining({ type: 4, status: 204 })]);
  });

  it('no notice: a deferred public reply that the core\'s first message fills, then no more', async () => {
    const i = fake.slashCommand(alice, channel, 'arena', { prompt: 'Why?' });
    fast.begin(facts(i, { publicByDefault: true }));
    // The core may post before the adapter has answered the interaction: the post waits for the answer.
    const posted = fast.answerPublicly(i.id, channel.id, messageBody({ text: '💬 Alice asks: Why?' }));
    await fast.acknowledge(i.id, {});
    const echo = (await posted)!;
    expect(i.callbacks.map((c) => c.type)).toEqual([5]);
    const reply = await fake.replyTo(i);
    expect(reply.id).toBe(echo.id);
    expect(reply.content).toBe('💬 Alice asks: Why?');
    expect(reply.flags & MessageFlags.Ephemeral).toBe(0);
    expect(fast.answeredBy(`${channel.id}:${echo.id}`)).toBe(i.id);
    // A second message is posted normally (the original is used).
    expect(await fast.answerPublicly(i.id, channel.id, messageBody({ text: 'part 2' }))).toBeUndefined();
    await fast.settle(i.id);
    expect(fake.message(echo.id)!.deleted).toBe(false);
  });

  it('a deferred reply the core never filled is removed, not left "thinking…"', async () => {
    const i = fake.slashCommand(alice, channel, 'leaderboard');
    fast.begin(facts(i, { publicByDefault: true }));
    await fast.acknowledge(i.id, {});
    await fast.settle(i.id);
    expect(fake.message(i.originalMessageId!)!.deleted).toBe(true);
  });

  it('a press that changes the menu updates the pressed message, and its notice follows privately', async () => {
    const source = await ballot();
    const i = fake.pressButton(alice, source, 'v:AbCdEf1234:a');
    fast.begin(facts(i));
    await fast.acknowledge(i.id, { replace: { text: 'Menu page 2', buttons: [[{ label: 'Back', data: 's:pg:0' }]] }, notice: { text: 'Settings saved.' } });
    expect(fake.message(source)!.content).toBe('Menu page 2');
    expect(i.callbacks.map((c) => c.type)).toEqual([7]);
    await fake.waitFor(() => i.followupIds.length === 1, 5_000, 'the follow-up');
    expect(fake.message(i.followupIds[0]!)).toMatchObject({ content: 'Settings saved.', visibleTo: alice.id });
  });

  it('a form opens as a modal', async () => {
    const i = fake.pressButton(alice, await ballot(), 'v:AbCdEf1234:a');
    fast.begin(facts(i));
    await fast.acknowledge(i.id, { form: { data: 'f:y:AbCdEf1234', title: 'Why this vote?', fields: [{ id: 'comment', label: 'Why?', style: 'paragraph', required: true, maxLength: 1000 }], submitLabel: 'Save' } });
    expect(i.callbacks.map((c) => c.type)).toEqual([9]);
    expect(i.modal).toMatchObject({ custom_id: 'f:y:AbCdEf1234', title: 'Why this vote?' });
  });

  it('a slow core: the safety defer goes out in time, and the acknowledgement follows through the token', async () => {
    // A command whose answer is private: deferred ephemerally, the notice then fills it.
    const command = fake.slashCommand(alice, channel, 'help');
    slow.begin(facts(command));
    await fake.acknowledged(command);
    expect(command.callbacks.map((c) => c.type)).toEqual([5]);
    await slow.acknowledge(command.id, { notice: { text: 'Late help' } });
    const help = await fake.replyTo(command);
    expect(help).toMatchObject({ content: 'Late help', visibleTo: alice.id });

    // A press: deferred as an update; the new menu edits the pressed message, the notice follows privately.
    const source = await ballot();
    const press = fake.pressButton(alice, source, 'v:AbCdEf1234:a');
    slow.begin(facts(press));
    await fake.acknowledged(press);
    expect(press.callbacks.map((c) => c.type)).toEqual([6]);
    await slow.acknowledge(press.id, { replace: { text: 'New page' }, notice: { text: 'Saved' } });
    expect(fake.message(source)!.content).toBe('New page');
    expect(fake.message(press.followupIds[0]!)).toMatchObject({ content: 'Saved', visibleTo: alice.id });

    // A form cannot follow a defer: the person is asked to press again.
    const why = fake.pressButton(alice, await ballot(), 'v:AbCdEf1234:a');
    slow.begin(facts(why));
    await fake.acknowledged(why);
    await slow.acknowledge(why.id, { form: { data: 'f:tz', title: 'Time zone', fields: [], submitLabel: 'Save' } });
    expect(fake.message(why.followupIds[0]!)!.content).toBe(t('discord-form-retry'));
    expect(fake.failures).toEqual([]);
  });

  it('a refusal before the core is an ephemeral reply', async () => {
    const i = fake.slashCommand(alice, channel, 'arena', { prompt: 'x' });
    fast.begin(facts(i, { publicByDefault: true }));
    await fast.refuse(i.id, 'I need Send Messages');
    expect((await fake.replyTo(i)).visibleTo).toBe(alice.id);
    await sleep(50);
    expect(i.callbacks).toHaveLength(1);
  });
});

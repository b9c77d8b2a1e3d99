// What goes wrong on Discord, end to end with the real Client: redelivered events, a gateway that drops mid-battle
// and resumes, 429s on edits, a server that removes the bot, a channel or a battle's thread deleted, a bot in no
// server yet. Each is handled once, quietly, and nobody is left with "This interaction failed".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metrics } from '../../core/metrics';
import type { FakeChannel } from '../../test/fakes/discord';
import { battleFinished, openBallot, replies, startDiscordHarness, threadUnder, until, voteId, type DiscordHarness } from './testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('when things go wrong', () => {
  let h: DiscordHarness;
  let general: FakeChannel;

  beforeAll(async () => {
    h = await startDiscordHarness({ closeAfterVotes: 2, tokensPerSecond: 40 });
    general = h.general!;
  });
  afterAll(async () => {
    await h?.close();
  });

  const battlesIn = async () => h.discord.botMessages(general).filter((m) => /asks:/.test(m.content)).length;

  it('handles a redelivered interaction and a redelivered message once', async () => {
    const command = h.discord.slashCommand(h.people.alice, general, 'arena', { prompt: 'What is a lighthouse?' });
    const echo = await h.discord.replyTo(command);
    const thread = await threadUnder(h.discord, echo.id);
    // Discord sends the same INTERACTION_CREATE again (as after a replay): no second answer, no second battle.
    h.discord.gateway.dispatch('INTERACTION_CREATE', () => command.payload);
    const asked = h.discord.sendMessage(h.people.bob, general, `${h.discord.mention(h.discord.botUser)} What is a fjord?`);
    const askedThread = await threadUnder(h.discord, asked.id);
    h.discord.gateway.dispatch('MESSAGE_CREATE', (intents) => h.discord.json.gatewayMessage(asked, general, intents));
    await battleFinished(h.discord, thread);
    await battleFinished(h.discord, askedThread);
    await sleep(500);
    expect(command.callbacks).toHaveLength(1);
    expect(await battlesIn()).toBe(1);
    expect(replies(h.discord, thread)).toHaveLength(2);
    expect(replies(h.discord, askedThread)).toHaveLength(2);
    expect(h.discord.callsTo('POST /channels/:channel/messages/:message/threads')).toHaveLength(2);
    expect(h.logs.filter((l) => /redelivered/.test(l.msg))).toHaveLength(2);
  });

  it('leaves an event another process took to it (every gateway connection receives every event)', async () => {
    // What a second replica sees: the same interaction and message, whose deliveries another process already claimed.
    const command = h.discord.slashCommand(h.people.bob, general, 'help');
    await h.discord.replyTo(command);
    const otherInteraction = (BigInt(command.id) + 7n).toString();
    // Claimed by a live process: its lease runs for a while yet.
    const otherProcess = { owner: 'another-replica', until: new Date(Date.now() + 120_000) };
    await h.app.store.claimDelivery(`discord:${otherInteraction}`, new Date(), otherProcess);
    h.discord.gateway.dispatch('INTERACTION_CREATE', () => ({ ...command.payload, id: otherInteraction, token: `${command.token}-other` }));
    const asked = h.discord.sendMessage(h.people.bob, general, `${h.discord.mention(h.discord.botUser)} What is a delta?`);
    await threadUnder(h.discord, asked.id);
    const otherMessage = (BigInt(asked.id) + 7n).toString();
    await h.app.store.claimDelivery(`discord:${otherMessage}`, new Date(), otherProcess);
    h.discord.gateway.dispatch('MESSAGE_CREATE', (intents) => ({ ...h.discord.json.gatewayMessage(asked, general, intents), id: otherMessage }));
    await until(() => h.logs.filter((l) => /handled by another process/.test(l.msg)).length === 1, 'the interaction left to the other process');
    await sleep(1_500);
    expect(h.discord.calls.filter((c) => c.path.includes(otherInteraction))).toEqual([]);
    expect(h.discord.callsTo('POST /channels/:channel/messages/:message/threads').filter((c) => c.params.message === otherMessage)).toEqual([]);
  });

  it('keeps streaming while the gateway is down, and a vote pressed meanwhile is answered once after the resume', async () => {
    const command = h.discord.slashCommand(h.people.carol, general, 'arena', { prompt: 'Describe the water cycle step by step' });
    const echo = await h.discord.replyTo(command);
    const thread = await threadUnder(h.discord, echo.id);
    await h.discord.waitFor(() => replies(h.discord, thread).length === 2, 10_000, 'the replies to start');
    expect(h.running.ready()).toBe(true);
    expect(h.discord.gateway.disconnect({ resumable: true })).toBe(true);
    // Not ready while reconnecting (/readyz answers 503 and a load balancer looks elsewhere), ready once resumed.
    await until(() => !h.running.ready(), 'the bot to report itself not ready');
    // REST does not need the gateway: the replies go on streaming.
    const editsBefore = h.discord.callsTo('PATCH /channels/:channel/messages/:message').length;
    await sleep(800);
    expect(h.discord.callsTo('PATCH /channels/:channel/messages/:message').length).toBeGreaterThan(editsBefore);
    const { ballot } = await battleFinished(h.discord, thread);
    // Pressed while the bot is reconnecting: Discord holds it, the RESUME replays it, the bot answers it within 3 s.
    const press = h.discord.pressButton(h.people.alice, ballot, voteId(ballot, 'a'));
    const reveal = await h.discord.replyTo(press);
    expect(reveal.content).toMatch(/You voted: A is better/);
    await until(() => h.discord.gateway.resumes.at(-1)?.accepted === true, 'the resume');
    await until(() => h.running.ready(), 'the bot to report itself ready again');
    expect(h.discord.gateway.identifies).toHaveLength(1);
    expect(press.callbacks).toHaveLength(1);
    expect(replies(h.discord, thread)).toHaveLength(2);
    expect(h.discord.botMessages(thread).filter((m) => m.id === ballot.id || /Which reply/.test(m.content))).toHaveLength(1);
  });

  it('honours 429s on edits: the final text of every reply lands, no edit is lost', async () => {
    h.discord.rateLimit('PATCH /channels/:channel/messages/:message', { retryAfter: 0.7, times: 3 });
    const command = h.discord.slashCommand(h.people.bob, general, 'arena', { prompt: 'Why do cats purr?' });
    const echo = await h.discord.replyTo(command);
    const thread = await threadUnder(h.discord, echo.id);
    const { replies: pair } = await battleFinished(h.discord, thread);
    const limited = h.discord.callsTo('PATCH /channels/:channel/messages/:message').filter((c) => c.status === 429);
    expect(limited).toHaveLength(3);
    for (const reply of pair) {
      expect(reply.content).not.toMatch(/▍|Thinking/);
      expect(reply.history.at(-1)!.content).toBe(reply.content);
    }
    expect(h.logs.some((l) => /rate limited/.test(l.msg))).toBe(true);
    // Counted in the process's metrics, as every platform's 429s are.
    const counted = (await metrics.text()).split('\n').find((l) => l.startsWith('pnyx_platform_rate_limited_total{platform="discord"}'));
    expect(Number(counted?.split(' ')[1])).toBeGreaterThanOrEqual(3);
    expect(h.logs.filter((l) => l.level >= 40 && /rate|429/.test(l.msg))).toEqual([]);
  });

  it('forgets a deleted battle thread and a deleted channel quietly, and a server that removed the bot', async () => {
    const room = h.discord.createChannel(h.guild!, { name: 'doomed' });
    await until(() => h.running.client.channels.cache.get(room.id), 'the channel');
    const command = h.discord.slashCommand(h.people.alice, room, 'arena', { prompt: 'Count to twenty slowly' });
    const echo = await h.discord.replyTo(command);
    const thread = await threadUnder(h.discord, echo.id);
    await h.discord.waitFor(() => replies(h.discord, thread).length === 2, 10_000, 'the replies to start');
    const before = h.logs.length;
    h.discord.deleteChannel(thread);
    await until(() => h.logs.slice(before).find((l) => /a thread of a chat was removed/.test(l.msg)), 'the thread removal');
    h.discord.deleteChannel(room);
    await until(() => h.logs.slice(before).find((l) => /removed from a chat/.test(l.msg) && l.chat === room.id), 'the channel removal');

    const other = h.discord.createGuild({ name: 'Elsewhere', owner: h.people.bob });
    const lobby = h.discord.createChannel(other, { name: 'lobby' });
    await until(() => h.running.client.channels.cache.get(lobby.id), 'the new server');
    h.discord.removeBot(other);
    await until(() => h.logs.slice(before).find((l) => /removed from a chat/.test(l.msg) && l.chat === lobby.id), 'the server removal');
    await h.app.arena.idle();
    // The battle in the deleted thread ended without errors piling up: at most one line per unreachable channel.
    const lines = h.logs.slice(before);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.filter((l) => /unreachable/.test(l.msg)).length).toBeLessThanOrEqual(2);
  });

  it('answered every interaction in time and made no request Discord refused, apart from the 429s and the deleted channels', () => {
    expect(h.discord.failures).toEqual([]);
    const refused = h.discord.calls.filter((c) => c.status >= 400 && !c.injected && c.code !== 10003 && c.code !== 50001);
    expect(refused.map((c) => `${c.route} ${c.status} ${c.code}`)).toEqual([]);
  });
});

describe('a bot in no server yet', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness({ withGuild: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('prints the invite URL with both scopes and exactly the permissions it needs', () => {
    const text = h.printed.join('\n');
    expect(text).toMatch(/in no Discord server yet/);
    const url = new URL(text.match(/https:\S+/)![0]);
    expect(url.searchParams.get('client_id')).toBe(h.discord.applicationId);
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('309237746688');
    expect(h.logs.some((l) => /invite URL printed/.test(l.msg))).toBe(true);
  });

  it('starts battles in a server it is invited to afterwards', async () => {
    const guild = h.discord.createGuild({ name: 'New', owner: h.people.owner });
    h.discord.addMember(guild, h.people.alice);
    const channel = h.discord.createChannel(guild, { name: 'arena' });
    await until(() => h.running.client.channels.cache.get(channel.id), 'the new channel');
    const command = h.discord.slashCommand(h.people.alice, channel, 'arena', { prompt: 'Hello?' });
    const echo = await h.discord.replyTo(command);
    const thread = await threadUnder(h.discord, echo.id);
    const { ballot } = await battleFinished(h.discord, thread);
    expect(openBallot(h.discord, thread)!.id).toBe(ballot.id);
  });
});

describe('with the privileged Message Content intent', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness({ fake: { privilegedIntents: { messageContent: true } }, messageContent: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks for it, and then any message in a battle\'s thread continues the battle, no mention needed', async () => {
    expect(h.discord.gateway.identifies[0]!.intents & (1 << 15)).toBe(1 << 15);
    const command = h.discord.slashCommand(h.people.alice, h.general!, 'arena', { prompt: 'Name a blue fruit' });
    const thread = await threadUnder(h.discord, (await h.discord.replyTo(command)).id);
    await battleFinished(h.discord, thread);
    h.discord.sendMessage(h.people.bob, thread, 'And a red one?');
    const second = await battleFinished(h.discord, thread, 2);
    expect(second.replies).toHaveLength(2);
    // Other messages in the channel are still not prompts (the trigger setting says addressed ones only).
    h.discord.sendMessage(h.people.bob, h.general!, 'just chatting');
    await sleep(500);
    expect(h.discord.botMessages(h.general!).filter((m) => !m.visibleTo)).toHaveLength(1);
  });
});

describe('asking for Message Content without the portal switch', () => {
  it('stops with a sentence saying what to change', async () => {
    const { startFakeDiscord } = await import('../../test/fakes/discord');
    const { createTestApp } = await import('./testing');
    const { startDiscordBot } = await import('./bot');
    const discord = await startFakeDiscord();
    const { app, close } = await createTestApp();
    try {
      await expect(startDiscordBot({ app, token: discord.token, apiRoot: discord.restApi, messageContent: true, print: () => undefined })).rejects.toThrow(
        /Message Content intent: switch it on in the Developer Portal/,
      );
      expect(discord.gateway.identifies.at(-1)).toMatchObject({ refused: 4014 });
    } finally {
      await close();
      await discord.stop();
    }
  });
});

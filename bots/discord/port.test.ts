// The Discord ChatPort against the fake Discord, through discord.js's real REST client: the shared port contract, then
// what Discord adds (mentions, nonces, threads, permissions, files, refusals).
import { PermissionFlagsBits as P, REST } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPresenter } from '../../core/engine/presenter';
import type { ChatAddress } from '../../core/port/types';
import { portContract } from '../../test/port-contract';
import { startFakeDiscord, type FakeChannel, type FakeDiscord, type FakeGuild } from '../../test/fakes/discord';
import { createDiscordCalls } from './calls';
import type { PermissionName } from './permissions';
import { createDiscordPort, type DiscordPort } from './port';
import { createResponder } from './responder';
import { png } from './testing';
import { parseRef } from './translate';

const silent = pino({ level: 'silent' });

portContract('discord', async () => {
  const fake = await startFakeDiscord();
  const guild = fake.createGuild({ name: 'Contract' });
  const channel = fake.createChannel(guild, { name: 'contract' });
  const calls = createDiscordCalls(new REST({ api: fake.restApi }).setToken(fake.token));
  const port = createDiscordPort(calls, createResponder(calls, silent), silent, { permissionsIn: () => undefined, threadRefused: () => undefined });
  return {
    port,
    chat: { platform: 'discord', id: channel.id, kind: 'group', space: guild.id },
    async shown(ref) {
      const at = parseRef(ref);
      const message = at ? fake.message(at.messageId) : undefined;
      if (!message || message.deleted) return undefined;
      const rows = message.components as Array<{ components: Array<{ custom_id?: string }> }>;
      return { text: message.content, buttons: rows.map((row) => row.components.map((c) => c.custom_id ?? '')) };
    },
    close: () => fake.stop(),
  };
});

describe('the Discord port', () => {
  let fake: FakeDiscord;
  let guild: FakeGuild;
  let port: DiscordPort;
  const logs: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
  /** The bot's permissions by channel, as discord.js's cache would say. */
  const permissions = new Map<string, bigint>();
  const refusedThreads: Array<{ anchor: string; missing: PermissionName[] }> = [];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    guild = fake.createGuild({ name: 'Port' });
    const calls = createDiscordCalls(new REST({ api: fake.restApi }).setToken(fake.token));
    const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    port = createDiscordPort(calls, createResponder(calls, log), log, {
      permissionsIn: (id) => permissions.get(id),
      threadRefused: (_chat, anchor, missing) => void refusedThreads.push({ anchor, missing }),
    });
  });
  afterAll(async () => {
    await fake?.stop();
  });

  let n = 0;
  const newChannel = (): { channel: FakeChannel; chat: ChatAddress } => {
    const channel = fake.createChannel(guild, { name: `c${++n}` });
    return { channel, chat: { platform: 'discord', id: channel.id, kind: 'group', space: guild.id } };
  };
  const messageOf = (ref: string) => fake.message(parseRef(ref)!.messageId)!;

  it('neutralises pings in model text and allows no mention on any message', async () => {
    const { chat } = newChannel();
    const ref = await port.send(chat, { text: 'Hello @everyone, <@&123456789012345678> and @here', source: 'model', role: 'reply', side: 'a' });
    expect(messageOf(ref).content).toBe('Hello ＠everyone, <＠&123456789012345678> and ＠here');
    const call = fake.callsTo('POST /channels/:channel/messages').at(-1)!;
    expect(call.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('replies to a message of the same channel, and only quotes within it', async () => {
    const { chat } = newChannel();
    const prompt = await port.send(chat, { text: 'The prompt', role: 'prompt' });
    const reply = await port.send(chat, { text: 'Reply A', role: 'reply', side: 'a' }, { replyTo: prompt });
    expect(messageOf(reply).referenceId).toBe(parseRef(prompt)!.messageId);
    const other = newChannel();
    const elsewhere = await port.send(other.chat, { text: 'Reply B', role: 'reply', side: 'b' }, { replyTo: prompt });
    expect(messageOf(elsewhere).referenceId).toBeUndefined();
  });

  it('never posts twice when Discord\'s answer to a send is lost (nonce enforced)', async () => {
    const { channel, chat } = newChannel();
    fake.fail('POST /channels/:channel/messages', { status: 502, after: true });
    await port.send(chat, { text: 'Battle #9' });
    expect(fake.botMessages(channel).filter((m) => m.content === 'Battle #9')).toHaveLength(1);
    const posts = fake.callsTo('POST /channels/:channel/messages').filter((c) => c.params.channel === channel.id);
    expect(posts.map((c) => c.status)).toEqual([502, 200]);
  });

  it('skips an edit identical to what the message shows, and removes buttons when asked', async () => {
    const { channel, chat } = newChannel();
    const ref = await port.send(chat, { text: 'Ballot', buttons: [[{ label: 'A', data: 'v:AbCdEf1234:a' }]] });
    await port.edit(chat, ref, { text: 'Ballot', buttons: [[{ label: 'A', data: 'v:AbCdEf1234:a' }]] });
    const edits = () => fake.callsTo('PATCH /channels/:channel/messages/:message').filter((c) => c.params.channel === channel.id);
    expect(edits()).toHaveLength(0);
    await port.edit(chat, ref, { text: 'Voting closed' });
    expect(messageOf(ref).components).toEqual([]);
    expect(edits()).toHaveLength(1);
  });

  it('waits out a 429 on an edit and, through the engine\'s pacer, lands the newest text last', async () => {
    const { channel, chat } = newChannel();
    const presenter = createPresenter(port);
    const live = presenter.open(chat, { text: 'start' });
    await live.settled();
    fake.rateLimit((c) => c.route === 'PATCH /channels/:channel/messages/:message' && c.params.channel === channel.id, { retryAfter: 0.6 });
    live.set({ text: 'partial' });
    await fake.waitFor(() => fake.callsTo('PATCH /channels/:channel/messages/:message').some((c) => c.params.channel === channel.id), 5_000, 'the 429');
    live.set({ text: 'more partial' });
    live.set({ text: 'final text' });
    await live.settled();
    const message = messageOf(live.refs[0]!);
    expect(message.content).toBe('final text');
    expect(message.history.map((r) => r.content)).toEqual(['start', 'partial', 'final text']);
    const edits = fake.callsTo('PATCH /channels/:channel/messages/:message').filter((c) => c.params.channel === channel.id);
    expect(edits.map((e) => e.status)).toEqual([429, 200, 200]);
  });

  it('deletes a message; one already gone is not an error, nor an edit of it', async () => {
    const { chat } = newChannel();
    const ref = await port.send(chat, { text: 'surplus' });
    await port.delete(chat, ref);
    expect(messageOf(ref).deleted).toBe(true);
    await expect(port.delete(chat, ref)).resolves.toBeUndefined();
    await expect(port.edit(chat, ref, { text: 'too late' })).resolves.toBeUndefined();
  });

  it('opens a public thread under a message, posts and types in it, and paces it as its own channel', async () => {
    const { chat } = newChannel();
    const anchor = await port.send(chat, { text: 'Prompt', role: 'prompt' });
    const thread = await port.openThread!(chat, anchor, 'Why is the sky blue?');
    expect(thread).toBe(parseRef(anchor)!.messageId);
    const inThread = { ...chat, thread: thread! };
    const ref = await port.send(inThread, { text: 'Reply A', role: 'reply', side: 'a' });
    expect(messageOf(ref).channelId).toBe(thread);
    await port.typing!(inThread);
    expect(fake.callsTo('POST /channels/:channel/typing').at(-1)!.params.channel).toBe(thread);
    expect(port.pacingKey!(inThread)).toBe(thread);
    expect(port.pacingKey!(chat)).toBe(chat.id);
    // A thread already there (another process opened it) is used, not an error.
    expect(await port.openThread!(chat, anchor, 'again')).toBe(thread);
  });

  it('does not try a thread without the permissions for it: the adapter is told, the battle stays inline', async () => {
    const { channel, chat } = newChannel();
    const anchor = await port.send(chat, { text: 'Prompt' });
    permissions.set(channel.id, P.ViewChannel | P.SendMessages | P.ReadMessageHistory);
    const before = fake.calls.length;
    expect(await port.openThread!(chat, anchor, 'Battle')).toBeNull();
    expect(fake.calls.length).toBe(before);
    expect(refusedThreads.at(-1)).toEqual({ anchor, missing: ['CreatePublicThreads', 'SendMessagesInThreads'] });
    permissions.delete(channel.id);
    // And when the cache was wrong, Discord's 50013 says the same.
    fake.overwrite(channel, 'bot', { deny: P.CreatePublicThreads });
    expect(await port.openThread!(chat, anchor, 'Battle')).toBeNull();
    expect(refusedThreads).toHaveLength(2);
  });

  it('uploads a board\'s chart as a PNG attachment, or posts the table alone where files are not allowed', async () => {
    const { channel, chat } = newChannel();
    const image = { png: png(40, 20), alt: 'Ranking chart' };
    const ref = await port.send(chat, { text: '```\n1 model\n```', role: 'board', image });
    expect(messageOf(ref).attachments).toEqual([expect.objectContaining({ filename: 'pnyx-leaderboard.png', contentType: 'image/png', width: 40, height: 20, description: 'Ranking chart' })]);
    permissions.set(channel.id, P.ViewChannel | P.SendMessages | P.ReadMessageHistory);
    const plain = await port.send(chat, { text: '```\n1 model\n```', role: 'board', image });
    expect(messageOf(plain).attachments).toEqual([]);
    expect(messageOf(plain).content).toContain('1 model');
    permissions.delete(channel.id);
  });

  it('leaves a deleted channel alone after one info line: placeholder refs, no errors, no more calls', async () => {
    const { channel, chat } = newChannel();
    const ref = await port.send(chat, { text: 'hello' });
    fake.deleteChannel(channel);
    const before = fake.calls.length;
    const gone = await port.send(chat, { text: 'reply A' });
    expect(gone).toMatch(/^gone:/);
    await port.edit(chat, gone, { text: 'reply A, longer' });
    await port.edit(chat, ref, { text: 'hello again' });
    await port.send(chat, { text: 'reply B' });
    await port.typing!(chat);
    expect(fake.calls.length - before).toBe(1);
    const lines = logs.filter((l) => /unreachable/.test(l.msg) && l.channel === channel.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe(30);
    expect(logs.filter((l) => l.level >= 40)).toEqual([]);
  });

  it('states Discord\'s limits: 2,000 characters, 5×5 buttons, 100-character custom_ids, threads and forms', () => {
    expect(port.limits).toMatchObject({ maxMessageChars: 2000, maxButtonsPerRow: 5, maxButtonRows: 5, maxButtonDataBytes: 100, threads: true, forms: true, privateButtons: true });
    expect(port.commandHint!('arena')).toBe('/arena');
  });
});

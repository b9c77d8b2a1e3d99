// The Slack ChatPort against the fake Slack, through the real WebClient (Bolt's): the shared port contract, then what
// is particular to Slack (threads, refusals, rate limits, uploads, conversations the app cannot post in).
import { webApi } from '@slack/bolt';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPresenter } from '../../core/engine/presenter';
import type { ChatAddress } from '../../core/port/types';
import { portContract, type Shown } from '../../test/port-contract';
import { startFakeSlack, type FakeChannel, type FakeMessage, type FakeSlack } from '../../test/fakes/slack';
import { createSlackPort, type SlackPort } from './port';

const clientFor = (slack: FakeSlack) =>
  new webApi.WebClient(slack.id.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 2, minTimeout: 50, maxTimeout: 200 }, logLevel: webApi.LogLevel.ERROR });

/** Button values by row, as Slack will send them back. */
export function buttonRows(message: FakeMessage): string[][] {
  return ((message.blocks ?? []) as Array<{ type: string; elements?: Array<{ type: string; value?: string }> }>)
    .filter((b) => b.type === 'actions')
    .map((b) => (b.elements ?? []).filter((e) => e.type === 'button').map((e) => e.value ?? ''));
}

portContract('slack', async () => {
  const slack = await startFakeSlack();
  const channel = slack.addChannel({ name: 'contract' });
  const port = createSlackPort(clientFor(slack), pino({ level: 'silent' }));
  const chat: ChatAddress = { platform: 'slack', id: channel.id, kind: 'group', title: 'contract' };
  return {
    port,
    chat,
    async shown(ref, where = chat): Promise<Shown | undefined> {
      const message = slack.message(where.id, ref);
      if (!message || message.deleted) return undefined;
      if (where.thread) expect(message.threadTs).toBe(where.thread);
      return { text: slack.visibleText(message), buttons: buttonRows(message) };
    },
    close: () => slack.stop(),
  };
});

describe('the Slack port', () => {
  let slack: FakeSlack;
  let port: SlackPort;
  const logs: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
  const unreachable: Array<{ chat: string; error: string; answering?: string }> = [];
  beforeAll(async () => {
    slack = await startFakeSlack();
    const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    port = createSlackPort(clientFor(slack), log, { hooks: { unreachable: (chat, error, answering) => void unreachable.push({ chat: chat.id, error, ...(answering ? { answering } : {}) }) } });
  });
  afterAll(async () => {
    await slack?.stop();
  });
  beforeEach(() => {
    logs.length = 0;
  });

  let n = 0;
  const place = (options: { botMember?: boolean } = {}): { channel: FakeChannel; chat: ChatAddress } => {
    // A channel someone created (without a creator the fake makes the app its creator, and so a member).
    const channel = slack.addChannel({ name: `port-${++n}`, members: [slack.addUser({ name: `member-${n}` })], ...options });
    return { channel, chat: { platform: 'slack', id: channel.id, kind: 'group' } };
  };
  const callsIn = (method: string, channel: FakeChannel) => slack.callsOf(method).filter((c) => c.params.channel === channel.id || c.params.channel_id === channel.id);

  it('posts into the thread the chat names, as rich text, without link previews', async () => {
    const { channel, chat } = place();
    const parent = await port.send(chat, { text: 'The prompt', role: 'prompt' });
    expect(await port.openThread!(chat, parent, 'a battle')).toBe(parent);
    const ref = await port.send({ ...chat, thread: parent }, { text: '**Model A**\n\nSee [docs](https://example.org)', role: 'reply', side: 'a' }, { replyTo: parent });
    const message = slack.message(channel, ref)!;
    expect(message.threadTs).toBe(parent);
    expect(message.blocks![0]).toMatchObject({ type: 'rich_text' });
    expect(slack.visibleText(message)).toMatch(/^Model A\n/);
    expect(callsIn('chat.postMessage', channel).at(-1)!.params).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
  });

  it('never sends an update identical to what the message shows, and removes buttons when asked', async () => {
    const { channel, chat } = place();
    const ref = await port.send(chat, { text: 'v1', buttons: [[{ label: 'a', data: 'd:a' }]] });
    await port.edit(chat, ref, { text: 'v1', buttons: [[{ label: 'a', data: 'd:a' }]] });
    expect(callsIn('chat.update', channel)).toHaveLength(0);
    await port.edit(chat, ref, { text: 'v1' });
    expect(buttonRows(slack.message(channel, ref)!)).toEqual([]);
    await port.edit(chat, ref, { text: 'v1' });
    expect(callsIn('chat.update', channel)).toHaveLength(1);
  });

  it('waits out a 429 and, through the engine\'s pacer, lands the newest text last', async () => {
    const { channel, chat } = place();
    const presenter = createPresenter(port);
    const live = presenter.open(chat, { text: 'start' });
    await live.settled();
    const ref = live.refs[0]!;
    slack.rateLimit('chat.update', { retryAfter: 1, when: (p) => p.channel === channel.id });
    live.set({ text: 'partial' });
    await slack.waitFor(() => callsIn('chat.update', channel).length === 1, 5000, 'the 429');
    live.set({ text: 'more partial' });
    live.set({ text: 'final text' });
    await live.settled();
    const message = slack.message(channel, ref)!;
    expect(slack.visibleText(message)).toBe('final text');
    expect(message.history.map((v) => slack.visibleText({ ...message, ...v, blocks: v.blocks } as FakeMessage)).at(-1)).toBe('final text');
    const updates = callsIn('chat.update', channel);
    expect(updates.map((c) => c.httpStatus)).toEqual([429, 200, 200]);
    expect(updates[1]!.at - updates[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('sends the words without formatting when Slack refuses the blocks', async () => {
    const { channel, chat } = place();
    slack.fail('chat.postMessage', { error: 'invalid_blocks', when: (p) => p.channel === channel.id });
    const ref = await port.send(chat, { text: 'a **b** c' });
    expect(slack.message(channel, ref)!.blocks).toEqual([expect.objectContaining({ type: 'section', text: { type: 'plain_text', text: 'a **b** c', emoji: false } })]);
    expect(logs.some((l) => l.level === 40 && /blocks refused/.test(l.msg))).toBe(true);
  });

  it('uploads an image beside its text, into the thread, as a PNG', async () => {
    const { channel, chat } = place();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const thread = await port.send(chat, { text: 'thread' });
    const ref = await port.send({ ...chat, thread }, { text: '**Leaderboard**', role: 'board', image: { png, alt: 'Ratings chart' } });
    expect(slack.visibleText(slack.message(channel, ref)!)).toBe('Leaderboard');
    const upload = await slack.waitFor(() => slack.uploads.find((u) => u.channel === channel.id && u.completed), 5000, 'the upload');
    expect(upload).toMatchObject({ isPng: true, threadTs: thread, altText: 'Ratings chart' });
  });

  it('treats a message someone deleted as gone, for edits and deletes alike', async () => {
    const { channel, chat } = place();
    const ref = await port.send(chat, { text: 'soon gone' });
    await port.delete(chat, ref);
    expect(slack.message(channel, ref)!.deleted).toBe(true);
    await expect(port.delete(chat, ref)).resolves.toBeUndefined();
    await expect(port.edit(chat, ref, { text: 'too late' })).resolves.toBeUndefined();
  });

  it('reports a channel it is not in once, with the event the post answered, and stops calling it', async () => {
    const { channel, chat } = place({ botMember: false });
    const before = slack.calls.length;
    const gone = await port.send(chat, { text: 'The prompt', role: 'prompt' }, { answering: 'command:1.2.3' });
    expect(gone).toMatch(/^gone:/);
    await port.send({ ...chat, thread: gone }, { text: 'reply A' });
    await port.edit(chat, gone, { text: 'reply A, longer' });
    await port.delete(chat, gone);
    await expect(port.openThread!(chat, gone, 'x')).rejects.toThrow();
    expect(slack.calls.length - before).toBe(1);
    expect(unreachable).toContainEqual({ chat: channel.id, error: 'not_in_channel', answering: 'command:1.2.3' });
    expect(logs.filter((l) => /unreachable/.test(l.msg))).toHaveLength(1);
    expect(logs.filter((l) => l.level >= 40)).toEqual([]);
    // Invited back: posting works again at once.
    slack.invite(channel);
    port.reachable(channel.id);
    expect(await port.send(chat, { text: 'hello again' })).not.toMatch(/^gone:/);
  });

  it('paces per channel, threads included, and names commands as Slack users type them', () => {
    const { chat } = place();
    expect(port.pacingKey!({ ...chat, thread: '1.2' })).toBe(port.pacingKey!(chat));
    expect(port.commandHint!('arena')).toBe('/arena');
    expect(port.commandHint!('settings')).toBe('/arena-settings');
    expect(port.commandHint!('privacy')).toBe('/arena privacy');
  });
});

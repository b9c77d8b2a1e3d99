// The REAL Bolt 5 `App` against the fake Slack: what the Slack adapter will rely on, proven in HTTP mode (Bolt's
// default HTTPReceiver, signed requests) and in Socket Mode (the real SocketModeClient over `ws`). No Pnyx code here:
// the handlers are the smallest that exercise each path, so a failure points at the fake or at Bolt, not the adapter.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, type Logger } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, startFakeSlack, type FakeChannel, type FakeSlack, type FakeUser } from './slack';

/** Bolt's logs, kept for assertions and out of the test output. */
function captureLogger(): Logger & { lines: Array<{ level: string; msg: string }> } {
  const lines: Array<{ level: string; msg: string }> = [];
  const at = (level: string) => (...msg: unknown[]) => void lines.push({ level, msg: msg.map(String).join(' ') });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), setLevel: () => undefined, getLevel: () => LogLevel.INFO, setName: () => undefined };
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls for what the app's listeners recorded. Bolt acks an event before running its listeners, so a delivery can
 * resolve (the ack arrived) before the listener ran: never read `seen` right after a delivery without this.
 */
async function eventually<T>(probe: () => T | undefined | false | null, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

describe('Bolt in HTTP mode against the fake Slack', () => {
  let slack: FakeSlack;
  let app: App;
  let logger: ReturnType<typeof captureLogger>;
  let alice: FakeUser;
  let bob: FakeUser;
  let general: FakeChannel;
  let outside: FakeChannel;
  /** What reached the app's listeners, in order. */
  const seen: Array<{ kind: string; body: Record<string, unknown>; retryNum?: number; retryReason?: string }> = [];
  /** Errors the listeners caught from the WebClient, by test tag. */
  const errors = new Map<string, { code?: string; error?: string; errors?: string[] }>();

  beforeAll(async () => {
    // The fake first: `new App()` calls auth.test at once.
    slack = await startFakeSlack();
    alice = slack.addUser({ name: 'alice', isAdmin: true, locale: 'fr-FR' });
    bob = slack.addUser({ name: 'bob' });
    general = slack.addChannel({ name: 'general', members: [alice, bob], creator: alice });
    outside = slack.addChannel({ name: 'random', members: [alice, bob], botMember: false });
    logger = captureLogger();
    app = new App({ token: slack.id.botToken, signingSecret: slack.id.signingSecret, logger, clientOptions: { slackApiUrl: slack.apiUrl } });

    app.event('app_mention', async ({ event, context, client }) => {
      seen.push({ kind: 'app_mention', body: event as unknown as Record<string, unknown>, ...(context.retryNum !== undefined ? { retryNum: context.retryNum, retryReason: context.retryReason } : {}) });
      const text = String(event.text);
      if (text.includes('too long')) {
        try {
          await client.chat.postMessage({ channel: event.channel, text: 'long', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(LIMITS.sectionText + 1) } }] });
        } catch (e) {
          errors.set('too long', { code: (e as { code?: string }).code, ...(e as { data?: { error?: string; errors?: string[] } }).data });
        }
      } else if (text.includes('stream')) {
        const posted = await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: 'Model A ▍' });
        await client.chat.update({ channel: event.channel, ts: posted.ts!, text: 'Model A: first words ▍' });
        await client.chat.update({ channel: event.channel, ts: posted.ts!, text: 'Model A: the final answer' });
      } else if (text.includes('chart')) {
        await client.filesUploadV2({ channel_id: event.channel, thread_ts: event.ts, file: PNG, filename: 'leaderboard.png', initial_comment: 'Leaderboard' });
      } else if (text.includes('hello')) {
        await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: `Hi <@${event.user}>` });
      }
    });
    app.message(async ({ message }) => {
      seen.push({ kind: 'message', body: message as unknown as Record<string, unknown> });
    });
    app.command('/arena', async ({ command, ack, respond, client }) => {
      seen.push({ kind: 'command', body: command as unknown as Record<string, unknown> });
      if (command.text === 'slow') {
        await sleep(3300);
        await ack().catch(() => undefined);
        return;
      }
      if (command.text === 'settings') {
        await ack();
        await client.views.open({
          trigger_id: command.trigger_id,
          view: {
            type: 'modal',
            callback_id: 'settings',
            title: { type: 'plain_text', text: 'Arena settings' },
            submit: { type: 'plain_text', text: 'Save' },
            blocks: [{ type: 'input', block_id: 'votes', label: { type: 'plain_text', text: 'Votes to close' }, element: { type: 'plain_text_input', action_id: 'count' } }],
          },
        });
        return;
      }
      if (command.text === 'here') {
        await ack();
        try {
          await client.chat.postMessage({ channel: command.channel_id, text: command.text });
        } catch (e) {
          errors.set('not in channel', { code: (e as { code?: string }).code, ...(e as { data?: { error?: string } }).data });
          await respond({ response_type: 'ephemeral', text: 'Invite @pnyx to this channel' });
        }
        return;
      }
      await ack();
      await respond({ response_type: 'ephemeral', text: `Battle started: ${command.text}` });
    });
    app.action('vote_a', async ({ ack, body, client }) => {
      await ack();
      seen.push({ kind: 'action', body: body as unknown as Record<string, unknown> });
      const b = body as unknown as { user: { id: string }; channel: { id: string }; actions: Array<{ value: string }> };
      await client.chat.postEphemeral({ channel: b.channel.id, user: b.user.id, text: `You voted ${b.actions[0]!.value}` });
    });
    app.view('settings', async ({ ack, view, body }) => {
      seen.push({ kind: 'view', body: body as unknown as Record<string, unknown> });
      const count = view.state.values.votes?.count?.value;
      if (!/^\d+$/.test(count ?? '')) await ack({ response_action: 'errors', errors: { votes: 'A number, please' } });
      else await ack();
    });

    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    slack.requestUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.stop();
  });

  it('checks the token on auth.test at startup and answers a wrong one with invalid_auth', async () => {
    // The constructor does not wait for auth.test; the first event does.
    const check = await slack.waitFor(() => slack.callsOf('auth.test')[0], 5000, 'auth.test');
    expect(check).toMatchObject({ ok: true, token: 'bot', response: { user_id: slack.id.botUserId, bot_id: slack.id.botId } });
    const wrong = await fetch(`${slack.apiUrl}auth.test`, { method: 'POST', headers: { authorization: 'Bearer xoxb-nope' } });
    expect(await wrong.json()).toEqual({ ok: false, error: 'invalid_auth' });
    const unknown = await fetch(`${slack.apiUrl}chat.frobnicate`, { method: 'POST', headers: { authorization: `Bearer ${slack.id.botToken}` } });
    expect(await unknown.json()).toEqual({ ok: false, error: 'unknown_method' });
  });

  it('delivers a signed app_mention (and the message event Slack sends with it) to app.event within 3 s', async () => {
    const sent = await slack.mention(alice, general, 'hello there');
    expect(sent.deliveries.map((d) => d.type).sort()).toEqual(['app_mention', 'message']);
    for (const d of sent.deliveries) {
      expect(d.status).toBe(200);
      expect(d.ackDelayMs).toBeLessThan(3000);
      expect(d.late).toBe(false);
    }
    const reply = await slack.waitFor(() => slack.botMessages(general, { threadTs: sent.message.ts })[0], 5000, 'the reply');
    expect(reply.text).toBe(`Hi <@${alice.id}>`);
    expect(reply.mentions).toEqual([{ kind: 'user', id: alice.id, raw: `<@${alice.id}>`, where: 'text' }]);
    expect(slack.visibleText(reply)).toBe('Hi @alice');
    const mention = seen.find((s) => s.kind === 'app_mention' && s.body.ts === sent.message.ts)!;
    expect(mention.body).toMatchObject({ user: alice.id, channel: general.id, text: `<@${slack.id.botUserId}> hello there` });
    // The app's own reply came back as a message event with its bot_id, and Bolt's ignoreSelf dropped it.
    const echo = await slack.waitFor(
      () => slack.deliveries.find((d) => d.status !== undefined && (d.body.event as { bot_id?: string } | undefined)?.bot_id === slack.id.botId),
      5000,
      'the echo',
    );
    expect(echo.status).toBe(200);
    expect(seen.some((s) => s.kind === 'message' && s.body.bot_id)).toBe(false);
  });

  it('refuses unsigned, badly signed and 10-minute-old requests with 401 and runs no listener', async () => {
    const before = seen.length;
    const calls = slack.calls.length;
    const unsigned = await slack.mention(alice, general, 'hello unsigned', { forge: 'unsigned' });
    const badly = await slack.slashCommand(alice, general, '/arena', 'forged', { forge: 'bad-signature' });
    const stale = await slack.mention(bob, general, 'hello stale', { forge: 'stale' });
    for (const d of [...unsigned.deliveries, badly, ...stale.deliveries]) {
      expect(d.status).toBe(401);
      expect(d.failure).toBe('http_401');
    }
    await sleep(200);
    expect(seen.length).toBe(before);
    expect(logger.lines.filter((l) => /Failed to verify authenticity/.test(l.msg)).map((l) => l.msg.replace(/^.*authenticity: /, '').slice(0, 24))).toEqual([
      'header x-slack-signature',
      'header x-slack-signature',
      'signature mismatch',
      'x-slack-request-timestam',
      'x-slack-request-timestam',
    ]);
    expect(slack.calls.length).toBe(calls);
  });

  it('acks a slash command within 3 s and answers through respond() ephemerally', async () => {
    const d = await slack.slashCommand(bob, general, '/arena', 'Is a hot dog a sandwich?');
    expect(d).toMatchObject({ status: 200, late: false });
    expect(d.ackDelayMs).toBeLessThan(3000);
    const post = await slack.waitFor(() => slack.responsePosts.find((p) => p.body.text === 'Battle started: Is a hot dog a sandwich?'), 5000, 'respond()');
    expect(post).toMatchObject({ status: 200, effect: 'posted' });
    expect(slack.ephemeralsTo(bob, general).at(-1)).toMatchObject({ text: 'Battle started: Is a hot dog a sandwich?', via: 'response_url' });
    // A slash command leaves no message in the channel: nothing public was posted for it.
    expect(slack.botMessages(general).some((m) => m.text.includes('hot dog'))).toBe(false);
  });

  it('records an ack later than 3 s as a failure', async () => {
    const d = await slack.slashCommand(alice, general, '/arena', 'slow');
    // Bolt itself answers 404 once its 3 s wait for ack() has passed; Slack has given up by then.
    expect(d.late).toBe(true);
    expect(d.failure).toBeDefined();
    expect(slack.lateAcks()).toContain(d);
    expect(logger.lines.some((l) => l.level === 'error' && /not acknowledged within 3 seconds/.test(l.msg))).toBe(true);
  });

  it('answers a block_actions press with chat.postEphemeral; a press on an ephemeral message carries no message', async () => {
    const ballot = slack.postAsApp(general, 'Which is better?', [
      { type: 'actions', block_id: 'ballot', elements: [{ type: 'button', action_id: 'vote_a', value: 'battle-1:a', text: { type: 'plain_text', text: 'A is better' } }] },
    ]);
    const d = await slack.pressButton(bob, ballot, 'vote_a');
    expect(d).toMatchObject({ status: 200, late: false });
    const private_ = await slack.waitFor(() => slack.ephemeralsTo(bob, general).find((m) => m.text === 'You voted battle-1:a'), 5000, 'the ephemeral');
    expect(private_.via).toBe('api');
    const action = seen.filter((s) => s.kind === 'action').at(-1)!.body as { container: { message_ts: string }; message?: { ts: string }; response_url: string; trigger_id: string };
    expect(action.container.message_ts).toBe(ballot.ts);
    expect(action.message?.ts).toBe(ballot.ts);
    expect(action.response_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/response\//);

    const again = slack.postAsApp(general, 'Private ballot', ballot.blocks, { ephemeralTo: bob.id });
    await slack.pressButton(bob, again, 'vote_a', 'battle-1:forged');
    const pressed = (await eventually(() => seen.find((s) => s.kind === 'action' && (s.body.container as { is_ephemeral: boolean }).is_ephemeral), 'the second press')).body as {
      container: { is_ephemeral: boolean };
      message?: unknown;
      actions: Array<{ value: string }>;
    };
    expect(pressed.container.is_ephemeral).toBe(true);
    expect(pressed.message).toBeUndefined();
    expect(pressed.actions[0]!.value).toBe('battle-1:forged');
    await expect(slack.pressButton(alice, again, 'vote_a')).rejects.toThrow(/cannot see/);
  });

  it('opens a modal with the trigger_id once, and receives its view_submission with the values', async () => {
    await slack.slashCommand(alice, general, '/arena', 'settings');
    const view = await slack.waitFor(() => slack.views.find((v) => v.callbackId === 'settings' && v.open), 5000, 'the modal');
    const open = slack.callsOf('views.open').at(-1)!;
    expect(open.ok).toBe(true);
    // The trigger works once.
    const reuse = await fetch(`${slack.apiUrl}views.open`, {
      method: 'POST',
      headers: { authorization: `Bearer ${slack.id.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ trigger_id: open.params.trigger_id, view: JSON.stringify({ type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] }) }),
    });
    expect(await reuse.json()).toEqual({ ok: false, error: 'exchanged_trigger_id' });

    const wrong = await slack.submitView(alice, view, { votes: { count: 'many' } });
    expect(wrong.ackBody).toEqual({ response_action: 'errors', errors: { votes: 'A number, please' } });
    expect(slack.views.find((v) => v.id === view.id)).toMatchObject({ open: true, errors: { votes: 'A number, please' } });
    await slack.submitView(alice, view, { votes: { count: '3' } });
    const submitted = seen.filter((s) => s.kind === 'view').at(-1)!.body as { view: { state: { values: Record<string, Record<string, { value: string }>> } } };
    expect(submitted.view.state.values.votes!.count!.value).toBe('3');
    expect(slack.views.find((v) => v.id === view.id)!.open).toBe(false);
  });

  it('redelivers an event with the same event_id and the X-Slack-Retry headers', async () => {
    const first = (await slack.mention(bob, general, 'retried')).deliveries.find((d) => d.type === 'app_mention')!;
    const retry = await slack.redeliver(first, 'http_timeout');
    expect(retry.eventId).toBe(first.eventId);
    expect(retry.retryNum).toBe(1);
    const received = await eventually(() => {
      const both = seen.filter((s) => s.kind === 'app_mention' && s.body.text === `<@${slack.id.botUserId}> retried`);
      return both.length === 2 && both;
    }, 'both deliveries');
    expect(received[1]).toMatchObject({ retryNum: 1, retryReason: 'http_timeout' });
  });

  it('answers an injected ratelimited with 429 + Retry-After, and the real WebClient lands the update after it', async () => {
    slack.rateLimit('chat.update', { retryAfter: 1 });
    const sent = await slack.mention(alice, general, 'stream please');
    const reply = await slack.waitFor(() => {
      const m = slack.botMessages(general, { threadTs: sent.message.ts })[0];
      return m?.text === 'Model A: the final answer' ? m : undefined;
    }, 10_000, 'the final text');
    const updates = slack.callsOf('chat.update').filter((c) => c.params.ts === reply.ts);
    expect(updates.map((c) => c.httpStatus)).toEqual([429, 200, 200]);
    // The retry waited for Retry-After (1 s) before trying again.
    expect(updates[1]!.at - updates[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(logger.lines.some((l) => /rate limiting\. Will retry in 1 seconds/.test(l.msg))).toBe(true);
    expect(reply.history.map((v) => v.text)).toEqual(['Model A ▍', 'Model A: first words ▍', 'Model A: the final answer']);
    expect(slack.updateRate(reply).count).toBe(2);
    // The app's edits come back as message_changed events, and Bolt's ignoreSelf does NOT drop them (the event has no
    // top-level user): app.message() sees its own edits, which the adapter must ignore.
    await eventually(() => seen.find((x) => x.kind === 'message' && x.body.subtype === 'message_changed' && (x.body.message as { ts?: string }).ts === reply.ts), 'the edit echo');
  });

  it('surfaces invalid_blocks for a 3,001-character section as a WebClient error', async () => {
    await slack.mention(alice, general, 'too long');
    const e = await slack.waitFor(() => errors.get('too long'), 5000, 'the error');
    expect(e).toMatchObject({ code: 'slack_webapi_platform_error', error: 'invalid_blocks' });
    expect(e.errors?.[0]).toMatch(/must be less than 3001 characters \[json-pointer:\/blocks\/0\/text\/text\]/);
    expect(slack.botMessages(general).some((m) => m.text === 'long')).toBe(false);
  });

  it('answers not_in_channel when the app posts where it was not invited', async () => {
    const d = await slack.slashCommand(alice, outside, '/arena', 'here');
    expect(d.status).toBe(200);
    const e = await slack.waitFor(() => errors.get('not in channel'), 5000, 'the error');
    expect(e.error).toBe('not_in_channel');
    await slack.waitFor(() => slack.ephemeralsTo(alice, outside).find((m) => /Invite/.test(m.text)), 5000, 'the hint');
    // Events from a channel the app is not in never reach it.
    expect((await slack.mention(alice, outside, 'anyone?')).deliveries).toEqual([]);
  });

  it('records a files.uploadV2 of a PNG (three calls: URL, upload, complete)', async () => {
    const sent = await slack.mention(bob, general, 'chart');
    const upload = await slack.waitFor(() => slack.uploads.find((u) => u.completed), 10_000, 'the upload');
    expect(upload).toMatchObject({ filename: 'leaderboard.png', size: PNG.length, declaredLength: PNG.length, isPng: true, channel: general.id, threadTs: sent.message.ts, initialComment: 'Leaderboard' });
    expect(slack.calls.filter((c) => c.method.startsWith('files.')).map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    const shared = slack.message(general, upload.messageTs!)!;
    expect(shared.files?.[0]).toMatchObject({ name: 'leaderboard.png', mimetype: 'image/png' });
    expect(shared.threadTs).toBe(sent.message.ts);
  });

  it('delivers DMs, thread replies, edits and other bots\' messages as message events for the adapter to sort', async () => {
    const dm = await slack.directMessage(bob, 'a private question');
    // No app_mention in a DM: only the message.im event.
    expect(dm.deliveries.map((d) => d.type)).toEqual(['message']);
    const root = (await slack.mention(alice, general, 'hello thread')).message;
    const reply = await slack.threadReply(bob, general, root.ts, 'a follow-up');
    await slack.edit(reply.message, 'a follow-up, edited');
    const other = slack.addUser({ name: 'otherbot', isBot: true, botId: 'B0OTHER001' });
    await slack.botPosts(other, general, 'beep');
    const bodies = await eventually(() => {
      const all = seen.filter((x) => x.kind === 'message').map((x) => x.body);
      return all.some((b) => b.text === 'beep') && all;
    }, 'the last message event');
    expect(bodies.find((b) => b.text === 'a private question')).toMatchObject({ channel_type: 'im', user: bob.id, channel: slack.imWith(bob).id });
    expect(bodies.find((b) => b.text === 'a follow-up')).toMatchObject({ thread_ts: root.ts, parent_user_id: alice.id, channel_type: 'channel' });
    expect(bodies.find((b) => b.subtype === 'message_changed' && (b.message as { ts: string }).ts === reply.message.ts)).toMatchObject({
      hidden: true,
      message: { text: 'a follow-up, edited' },
      previous_message: { text: 'a follow-up' },
    });
    expect(bodies.find((b) => b.text === 'beep')).toMatchObject({ bot_id: 'B0OTHER001', subtype: 'bot_message' });
  });

  it('answers users.info and conversations.info as permission checks need them, and missing_scope without the scope', async () => {
    const info = await app.client.users.info({ user: alice.id, include_locale: true });
    expect(info.user).toMatchObject({ id: alice.id, is_admin: true, is_owner: false, locale: 'fr-FR' });
    expect((await app.client.users.info({ user: bob.id })).user?.locale).toBeUndefined();
    expect((await app.client.conversations.info({ channel: general.id })).channel).toMatchObject({ creator: alice.id, is_member: true, is_im: false, is_private: false });
    expect((await app.client.conversations.info({ channel: outside.id })).channel).toMatchObject({ is_member: false });
    expect((await app.client.conversations.info({ channel: slack.imWith(bob).id })).channel).toMatchObject({ is_im: true, user: bob.id });
    await expect(app.client.conversations.info({ channel: 'C0NOPE' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    slack.api.scopes.delete('users:read');
    try {
      await expect(app.client.users.info({ user: bob.id })).rejects.toMatchObject({ data: { error: 'missing_scope', needed: 'users:read' } });
    } finally {
      slack.api.scopes.add('users:read');
    }
  });

  it('records pings and stray angle brackets so tests can assert model output was neutralised', async () => {
    const loud = await app.client.chat.postMessage({ channel: general.id, text: `Hey <!channel> and <!here|here>, <@${bob.id}>: a < b` });
    const m = slack.message(general, loud.ts!)!;
    expect(m.mentions.map((x) => x.kind)).toEqual(['channel', 'here', 'user']);
    expect(m.formatProblems).toEqual(['unescaped <']);
    expect(slack.visibleText(m)).toBe('Hey @channel and @here, @bob: a < b');
    const quiet = await app.client.chat.postMessage({
      channel: general.id,
      text: 'Hey &lt;!channel&gt;: a &lt; b',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hey &lt;!channel&gt;: a &lt; b' } }],
    });
    const q = slack.message(general, quiet.ts!)!;
    expect(q.mentions).toEqual([]);
    expect(q.formatProblems).toEqual([]);
    expect(slack.visibleText(q)).toBe('Hey <!channel>: a < b');
    // With link_names, a plain @here pings too.
    const linked = await app.client.chat.postMessage({ channel: general.id, text: 'cc @here', link_names: true });
    expect(slack.message(general, linked.ts!)!.mentions).toEqual([{ kind: 'here', raw: '@here', where: 'text' }]);
  });

  it('refuses what Slack refuses: 51 blocks, too much text, unknown or foreign messages, unknown channels', async () => {
    const refused = (p: Promise<unknown>) => p.then(() => 'ok', (e: { data?: { error?: string } }) => e.data?.error);
    const divider = { type: 'divider' as const };
    expect(await refused(app.client.chat.postMessage({ channel: general.id, text: 'x', blocks: Array.from({ length: 51 }, () => divider) }))).toBe('invalid_blocks');
    expect(await refused(app.client.chat.postMessage({ channel: general.id, text: 'x', blocks: Array.from({ length: 50 }, () => divider) }))).toBe('ok');
    const full = { type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'y'.repeat(3000) } };
    expect(await refused(app.client.chat.postMessage({ channel: general.id, text: 'x', blocks: [full, full, full, full, full] }))).toBe('msg_blocks_too_long');
    expect(await refused(app.client.chat.postMessage({ channel: general.id, text: 'z'.repeat(40_001) }))).toBe('msg_too_long');
    expect(await refused(app.client.chat.postMessage({ channel: general.id, text: '' }))).toBe('no_text');
    expect(await refused(app.client.chat.postMessage({ channel: 'C0NOPE', text: 'x' }))).toBe('channel_not_found');
    expect(await refused(app.client.chat.update({ channel: general.id, ts: '1.000001', text: 'x' }))).toBe('message_not_found');
    const hers = (await slack.say(alice, general, 'my own words')).message;
    expect(await refused(app.client.chat.update({ channel: general.id, ts: hers.ts, text: 'x' }))).toBe('cant_update_message');
    const mine = await app.client.chat.postMessage({ channel: general.id, text: 'short-lived' });
    expect(await refused(app.client.chat.update({ channel: general.id, ts: mine.ts!, text: 'u'.repeat(4001) }))).toBe('msg_too_long');
    expect(await refused(app.client.chat.delete({ channel: general.id, ts: mine.ts! }))).toBe('ok');
    expect(await refused(app.client.chat.update({ channel: general.id, ts: mine.ts!, text: 'x' }))).toBe('message_not_found');
    expect(slack.message(general, mine.ts!)!.deleted).toBe(true);
  });

  it('serves response_urls as Slack does: in_channel, replace_original, delete_original, 5 uses, 30 minutes', async () => {
    const post = (url: string, body: Record<string, unknown>) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const ballot = slack.postAsApp(general, 'Ballot', [{ type: 'actions', elements: [{ type: 'button', action_id: 'vote_a', value: 'v', text: { type: 'plain_text', text: 'A' } }] }]);
    const press = await slack.pressButton(alice, ballot, 'vote_a');
    const url = String(press.body.response_url);
    expect(await post(url, { text: 'Everyone: A won', response_type: 'in_channel' })).toEqual({ status: 200, body: { ok: true } });
    expect(slack.botMessages(general).at(-1)).toMatchObject({ text: 'Everyone: A won', via: 'response_url' });
    const buttons = ballot.blocks;
    await post(url, { text: 'Voting closed', replace_original: true });
    expect(slack.message(general, ballot.ts)!.history.map((v) => v.text)).toEqual(['Ballot', 'Voting closed']);
    // Replacing with text alone removes the buttons, as in Slack.
    expect(slack.message(general, ballot.ts)!.blocks).toBeUndefined();
    await post(url, { text: 'only you' });
    expect(slack.ephemeralsTo(alice, general).at(-1)!.text).toBe('only you');
    await post(url, { delete_original: true });
    expect(slack.message(general, ballot.ts)!.deleted).toBe(true);
    expect((await post(url, { text: 'fifth' })).status).toBe(200);
    expect(await post(url, { text: 'sixth' })).toEqual({ status: 404, body: { ok: false, error: 'used_url' } });

    const fresh = slack.postAsApp(general, 'Ballot 2', buttons);
    const later = await slack.pressButton(bob, fresh, 'vote_a');
    slack.timeTravel(31 * 60_000);
    expect(await post(String(later.body.response_url), { text: 'too late' })).toEqual({ status: 404, body: { ok: false, error: 'expired_url' } });
    // Its trigger_id expired long ago too (3 s).
    const open = await app.client.views
      .open({ trigger_id: String(later.body.trigger_id), view: { type: 'modal', title: { type: 'plain_text', text: 'Late' }, blocks: [] } })
      .catch((e: { data: { error: string } }) => e.data.error);
    expect(open).toBe('expired_trigger_id');
  });

  it('retries an event Slack could not deliver, with X-Slack-Retry-Num and the reason', async () => {
    const url = slack.requestUrl;
    const dead = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    slack.retryEvents([200]);
    slack.requestUrl = `http://127.0.0.1:${dead}/slack/events`;
    try {
      const sent = await slack.mention(bob, general, 'anyone home?');
      expect(sent.deliveries.map((d) => d.failure)).toEqual(['connection_failed', 'connection_failed']);
      slack.requestUrl = url;
      const first = sent.deliveries.find((d) => d.type === 'app_mention')!;
      const retry = await slack.waitFor(() => slack.deliveries.find((d) => d.eventId === first.eventId && d.status === 200), 5000, 'the retry');
      expect(retry).toMatchObject({ retryNum: 1, retryReason: 'connection_failed' });
      expect(await eventually(() => seen.find((x) => x.kind === 'app_mention' && x.body.ts === sent.message.ts), 'the retried mention')).toMatchObject({
        retryNum: 1,
        retryReason: 'connection_failed',
      });
    } finally {
      slack.requestUrl = url;
      slack.retryEvents(false);
    }
  });

  it('can refuse chat.update past one per second per message (JSON bodies accepted too)', async () => {
    slack.limitUpdates({ perSecond: 1, burst: 1, retryAfter: 1 });
    try {
      const m = slack.postAsApp(general, 'streaming');
      const update = (text: string) =>
        fetch(`${slack.apiUrl}chat.update`, {
          method: 'POST',
          headers: { authorization: `Bearer ${slack.id.botToken}`, 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ channel: general.id, ts: m.ts, text }),
        });
      expect((await update('one')).status).toBe(200);
      const second = await update('two');
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('1');
      expect(await second.json()).toEqual({ ok: false, error: 'ratelimited' });
      expect(slack.message(general, m.ts)!.text).toBe('one');
    } finally {
      slack.limitUpdates(undefined);
    }
  });
});

describe('Bolt in Socket Mode against the fake Slack', () => {
  let slack: FakeSlack;
  let app: App;
  let alice: FakeUser;
  let general: FakeChannel;
  const seen: Array<{ kind: string; body: Record<string, unknown> }> = [];

  beforeAll(async () => {
    slack = await startFakeSlack();
    alice = slack.addUser({ name: 'alice' });
    general = slack.addChannel({ name: 'general', members: [alice] });
    // App passes clientOptions (slackApiUrl) on to its SocketModeClient, which calls apps.connections.open with them.
    app = new App({ token: slack.id.botToken, appToken: slack.id.appToken, socketMode: true, logger: captureLogger(), clientOptions: { slackApiUrl: slack.apiUrl } });
    app.event('app_mention', async ({ event, client }) => {
      seen.push({ kind: 'app_mention', body: event as unknown as Record<string, unknown> });
      await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: 'On it' });
    });
    app.command('/arena', async ({ command, ack }) => {
      seen.push({ kind: 'command', body: command as unknown as Record<string, unknown> });
      await ack({ response_type: 'ephemeral', text: `Queued: ${command.text}` });
    });
    app.action('vote_b', async ({ ack, body }) => {
      seen.push({ kind: 'action', body: body as unknown as Record<string, unknown> });
      await ack();
    });
    await app.start();
  });

  afterAll(async () => {
    await slack?.stop();
  });

  it('connects through apps.connections.open with the app-level token and gets hello', async () => {
    expect(slack.callsOf('apps.connections.open')[0]).toMatchObject({ ok: true, token: 'app' });
    expect(slack.deliverer.openSockets).toHaveLength(1);
    // The bot token cannot open a socket.
    const refused = await fetch(`${slack.apiUrl}apps.connections.open`, { method: 'POST', headers: { authorization: `Bearer ${slack.id.botToken}` } });
    expect(await refused.json()).toEqual({ ok: false, error: 'not_allowed_token_type' });
  });

  it('handles an events_api envelope and acks it by envelope_id', async () => {
    const sent = await slack.mention(alice, general, 'a socket question');
    const mention = sent.deliveries.find((d) => d.type === 'app_mention')!;
    expect(mention).toMatchObject({ transport: 'socket', late: false });
    expect(mention.envelopeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(mention.ackDelayMs).toBeLessThan(3000);
    await slack.waitFor(() => slack.botMessages(general, { threadTs: sent.message.ts })[0]?.text === 'On it', 5000, 'the reply');
    expect(seen.find((s) => s.kind === 'app_mention')!.body.ts).toBe(sent.message.ts);
  });

  it('acks a slash_commands envelope, and the response in the ack becomes an ephemeral message', async () => {
    const d = await slack.slashCommand(alice, general, '/arena', 'tabs or spaces?');
    expect(d).toMatchObject({ transport: 'socket', late: false, ackBody: { response_type: 'ephemeral', text: 'Queued: tabs or spaces?' } });
    expect(slack.ephemeralsTo(alice, general).at(-1)).toMatchObject({ text: 'Queued: tabs or spaces?', via: 'ack' });
  });

  it('delivers an interactive envelope for a button press', async () => {
    const ballot = slack.postAsApp(general, 'Ballot', [{ type: 'actions', elements: [{ type: 'button', action_id: 'vote_b', value: 'b', text: { type: 'plain_text', text: 'B is better' } }] }]);
    const d = await slack.pressButton(alice, ballot, 'vote_b');
    expect(d).toMatchObject({ transport: 'socket', late: false, type: 'block_actions' });
    expect((seen.at(-1)!.body as { actions: Array<{ value: string }> }).actions[0]!.value).toBe('b');
  });

  it('reconnects after a disconnect message, through a new apps.connections.open', async () => {
    const first = slack.deliverer.openSockets[0]!;
    slack.sendDisconnect('refresh_requested');
    await slack.waitFor(() => first.closedAt !== undefined, 5000, 'the old socket to close');
    // The SocketModeClient waits its clientPingTimeout (5 s) before reconnecting.
    await slack.waitFor(() => slack.deliverer.openSockets.length === 1 && slack.callsOf('apps.connections.open').filter((c) => c.ok).length === 2, 10_000, 'the reconnect');
    const d = (await slack.mention(alice, general, 'still there?')).deliveries.find((x) => x.type === 'app_mention')!;
    expect(d).toMatchObject({ transport: 'socket', late: false });
  }, 15_000);

  it('stops cleanly: app.stop() resolves first, then the socket closes with 1000', async () => {
    await app.stop();
    await slack.waitForSocketsClosed(5000);
    const last = slack.sockets.at(-1)!;
    expect(last).toMatchObject({ closeCode: 1000, closedBy: 'app' });
    expect(slack.lateAcks()).toEqual([]);
  });
});

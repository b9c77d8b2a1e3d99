// What each Slack payload means to the core, on payloads shaped as Slack (and the fake) sends them.
import { describe, expect, it } from 'vitest';
import { meaningOfAction, meaningOfCommand, meaningOfMention, meaningOfMessage, meaningOfSubmission, plainFromSlack, removedChat } from './events';
import { BlockActionsPayload, CommandPayload, MessageEnvelope, RemovalEnvelope, ViewSubmissionPayload } from './payloads';

const BOT = 'U0PNYXBOT1';
const envelope = (event: Record<string, unknown>) => MessageEnvelope.parse({ event_id: 'Ev0001', team_id: 'T1', event: { ts: '1700000000.000200', channel: 'C1', ...event } });

describe('messages', () => {
  it('a direct message is a prompt meant for the app', () => {
    const meaning = meaningOfMessage(envelope({ type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: 'What is 2 &lt; 3?' }), BOT);
    expect(meaning).toEqual({
      kind: 'prompt',
      text: 'What is 2 < 3?',
      addressed: true,
      origin: { delivery: 'event:Ev0001', chat: { platform: 'slack', id: 'D1', kind: 'private', space: 'T1' }, user: 'U1', messageRef: '1700000000.000200' },
    });
  });

  it('a reply in a channel thread goes on unaddressed, answering the thread, for the core to match with a battle', () => {
    const meaning = meaningOfMessage(envelope({ type: 'message', channel_type: 'channel', user: 'U1', text: 'and the sun?', thread_ts: '1700000000.000100' }), BOT);
    expect(meaning).toMatchObject({ kind: 'prompt', addressed: false, replyTo: '1700000000.000100', origin: { chat: { kind: 'group', thread: '1700000000.000100' } } });
  });

  it('leaves a channel message that mentions the app to its app_mention event', () => {
    expect(meaningOfMessage(envelope({ type: 'message', channel_type: 'channel', user: 'U1', text: `<@${BOT}> hi` }), BOT)).toMatchObject({ kind: 'ignore' });
    expect(meaningOfMention(envelope({ type: 'app_mention', user: 'U1', text: `<@${BOT}> hi <@U2|bob>` }), BOT)).toMatchObject({ kind: 'prompt', text: 'hi @bob', addressed: true });
  });

  it('ignores bots (itself included), edits, deletions and joins', () => {
    for (const event of [
      { type: 'message', channel_type: 'channel', user: 'U9', bot_id: 'B9', text: 'beep', subtype: 'bot_message' },
      { type: 'message', channel_type: 'channel', user: BOT, text: 'my own words' },
      { type: 'message', channel_type: 'channel', subtype: 'message_changed', hidden: true },
      { type: 'message', channel_type: 'channel', subtype: 'message_deleted', hidden: true },
      { type: 'message', channel_type: 'channel', subtype: 'channel_join', user: 'U1', text: 'joined' },
    ]) {
      expect(meaningOfMessage(envelope(event), BOT)).toMatchObject({ kind: 'ignore' });
    }
  });

  it('a mention with no question asks for one', () => {
    expect(meaningOfMention(envelope({ type: 'app_mention', user: 'U1', text: `<@${BOT}>  ` }), BOT)).toMatchObject({ kind: 'empty-mention' });
  });

  it('reads Slack text as a person wrote it', () => {
    expect(plainFromSlack(`<@${BOT}> see <https://a.example/x?y=1|the docs>, <#C1|general>, <!here> &amp; <mailto:a@b.c>`, BOT)).toBe('see the docs (https://a.example/x?y=1), #general, @here & mailto:a@b.c');
  });
});

describe('slash commands', () => {
  const payload = (text: string, command = '/arena') =>
    CommandPayload.parse({ command, text, channel_id: 'C1', channel_name: 'general', user_id: 'U1', team_id: 'T1', trigger_id: '123.456.abc', response_url: 'https://x' });

  it('`/arena question` is a command without a message: the core makes it a hidden prompt', () => {
    expect(meaningOfCommand(payload('Why is the sky blue?'), 'group', 'general')).toEqual({
      kind: 'command',
      name: 'arena',
      args: 'Why is the sky blue?',
      origin: { delivery: 'command:123.456.abc', chat: { platform: 'slack', id: 'C1', kind: 'group', title: 'general', space: 'T1' }, user: 'U1' },
    });
  });

  it('routes subcommands and the other slash commands, and refuses commands that are not Pnyx\'s', () => {
    expect(meaningOfCommand(payload('settings timezone Europe/Paris'), 'group')).toMatchObject({ name: 'settings', args: 'timezone Europe/Paris' });
    expect(meaningOfCommand(payload('Europe/Paris', '/arena-settings'), 'group')).toMatchObject({ name: 'settings', args: 'Europe/Paris' });
    expect(meaningOfCommand(payload('', '/leaderboard'), 'group')).toMatchObject({ name: 'leaderboard' });
    expect(meaningOfCommand(payload(''), 'group')).toMatchObject({ name: 'help' });
    expect(meaningOfCommand(payload('', '/weather'), 'group')).toEqual({ kind: 'unknown', command: '/weather' });
  });
});

describe('presses and forms', () => {
  const press = (extra: Record<string, unknown> = {}) =>
    BlockActionsPayload.parse({
      type: 'block_actions',
      trigger_id: '111.222.abc',
      user: { id: 'U2', team_id: 'T1' },
      team: { id: 'T1' },
      channel: { id: 'C1' },
      container: { type: 'message', message_ts: '1700000000.000300', channel_id: 'C1', is_ephemeral: false, thread_ts: '1700000000.000100' },
      message: { ts: '1700000000.000300', thread_ts: '1700000000.000100' },
      actions: [{ action_id: 'pnyx:v:Tok123abc:a', value: 'v:Tok123abc:a', action_ts: '1700000001.1' }],
      ...extra,
    });

  it('passes the button\'s value verbatim, from the pressed message in its thread', () => {
    expect(meaningOfAction(press())).toEqual({
      kind: 'action',
      data: 'v:Tok123abc:a',
      ephemeral: false,
      origin: { delivery: 'action:111.222.abc', chat: { platform: 'slack', id: 'C1', kind: 'group', thread: '1700000000.000100', space: 'T1' }, user: 'U2', messageRef: '1700000000.000300' },
    });
  });

  it('a press on an ephemeral message has no message and no ref', () => {
    const meaning = meaningOfAction(press({ message: undefined, container: { type: 'message', message_ts: '1700000000.000400', channel_id: 'C1', is_ephemeral: true } }));
    expect(meaning).toMatchObject({ kind: 'action', ephemeral: true });
    expect(meaning.kind === 'action' && meaning.origin.messageRef).toBeUndefined();
  });

  it('a submitted modal brings back its form data and where it was opened; foreign metadata is dropped', () => {
    const submission = (metadata: string) =>
      ViewSubmissionPayload.parse({
        type: 'view_submission',
        trigger_id: '333.444.abc',
        user: { id: 'U2' },
        team: { id: 'T1' },
        view: { id: 'V1', callback_id: 'pnyx-form', private_metadata: metadata, state: { values: { comment: { value: { type: 'plain_text_input', value: 'A was clearer' } } } } },
      });
    expect(meaningOfSubmission(submission(JSON.stringify({ d: 'f:y:Tok123abc', c: 'C1', t: '1700000000.000100', k: 'g' })))).toEqual({
      kind: 'submit',
      data: 'f:y:Tok123abc',
      values: { comment: 'A was clearer' },
      origin: { delivery: 'view:333.444.abc', chat: { platform: 'slack', id: 'C1', kind: 'group', thread: '1700000000.000100', space: 'T1' }, user: 'U2' },
    });
    expect(meaningOfSubmission(submission('not json'))).toMatchObject({ kind: 'ignore' });
    expect(meaningOfSubmission(submission(JSON.stringify({ d: 'x', c: 'C1', k: 'admin' })))).toMatchObject({ kind: 'ignore' });
  });
});

describe('membership', () => {
  const event = (type: string, extra: Record<string, unknown> = {}) => RemovalEnvelope.parse({ event_id: 'Ev9', event: { type, channel: 'C7', ...extra } });
  it('the app removed from a channel, or the channel gone, removes the chat; someone else leaving does not', () => {
    expect(removedChat(event('member_left_channel', { user: BOT }), BOT)).toMatchObject({ delivery: 'event:Ev9', chat: { id: 'C7' } });
    expect(removedChat(event('member_left_channel', { user: 'U1' }), BOT)).toBeUndefined();
    expect(removedChat(event('channel_archive'), BOT)).toMatchObject({ chat: { id: 'C7' } });
  });
});

// The translation table, on payloads as Discord sends them (checked by payloads.ts first).
import { PermissionFlagsBits as P } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { InteractionPayload, MessagePayload } from './payloads';
import { interactionEvent, messageEvent, parseRef, refOf } from './translate';

const BOT = '900000000000000001';
const GUILD = '800000000000000001';
const CHANNEL = '700000000000000001';
const THREAD = '700000000000000009';
const alice = { id: '600000000000000001', username: 'alice', global_name: 'Alice' };

const interaction = (extra: Record<string, unknown>) =>
  InteractionPayload.parse({
    id: '500000000000000001',
    application_id: BOT,
    token: 'tok',
    channel_id: CHANNEL,
    channel: { id: CHANNEL, type: 0, name: 'general' },
    guild_id: GUILD,
    guild_locale: 'en-US',
    locale: 'fr',
    app_permissions: String(P.SendMessages | P.ViewChannel),
    member: { user: alice, nick: 'Ali', permissions: String(P.SendMessages) },
    ...extra,
  });

const message = (extra: Record<string, unknown>) =>
  MessagePayload.parse({ id: '400000000000000001', channel_id: CHANNEL, guild_id: GUILD, author: alice, content: '', type: 0, mentions: [], attachments: [], ...extra });

describe('interactions', () => {
  it('turns /arena prompt:… into the arena command with its text (a hidden prompt: no message ref)', async () => {
    const meaning = interactionEvent(interaction({ type: 2, data: { name: 'arena', options: [{ name: 'prompt', type: 3, value: 'Why is the sky blue?' }] } }));
    expect(meaning.kind).toBe('event');
    if (meaning.kind !== 'event') return;
    expect(meaning.event).toMatchObject({
      type: 'command',
      name: 'arena',
      args: 'Why is the sky blue?',
      delivery: '500000000000000001',
      privateReply: true,
      chat: { platform: 'discord', id: CHANNEL, kind: 'group', space: GUILD, title: '#general', locale: 'en-US' },
      from: { platform: 'discord', id: alice.id, displayName: 'Ali', locale: 'fr' },
    });
    expect(meaning.event.messageRef).toBeUndefined();
    // Manage Server decides, from the member's permissions in the payload.
    expect(await meaning.event.isAdmin!()).toBe(false);
  });

  it('knows admins from member.permissions, without an API call', async () => {
    const meaning = interactionEvent(interaction({ type: 2, data: { name: 'settings' }, member: { user: alice, permissions: String(P.ManageGuild) } }));
    expect(meaning.kind === 'event' && (await meaning.event.isAdmin!())).toBe(true);
  });

  it('refers a command Pnyx no longer has back to the adapter', () => {
    expect(interactionEvent(interaction({ type: 2, data: { name: 'dance' } }))).toEqual({ kind: 'unknown-command', name: 'dance' });
  });

  it('passes a button\'s custom_id verbatim, with the pressed message as ref', () => {
    const meaning = interactionEvent(interaction({ type: 3, data: { custom_id: 'v:AbCdEf1234:a', component_type: 2 }, message: { id: '300000000000000001', channel_id: CHANNEL } }));
    expect(meaning.kind === 'event' && meaning.event).toMatchObject({ type: 'action', data: 'v:AbCdEf1234:a', messageRef: `${CHANNEL}:300000000000000001` });
  });

  it('reads a submitted modal\'s fields (labels and legacy action rows)', () => {
    const meaning = interactionEvent(
      interaction({
        type: 5,
        data: {
          custom_id: 'f:y:AbCdEf1234',
          components: [
            { type: 18, id: 1, component: { type: 4, id: 2, custom_id: 'comment', value: 'B was right' } },
            { type: 1, components: [{ type: 4, custom_id: 'extra', value: 'more' }] },
          ],
        },
      }),
    );
    expect(meaning.kind === 'event' && meaning.event).toMatchObject({ type: 'submit', data: 'f:y:AbCdEf1234', values: { comment: 'B was right', extra: 'more' } });
  });

  it('places an interaction in a thread on its channel, with the thread set', () => {
    const meaning = interactionEvent(interaction({ type: 2, data: { name: 'help' }, channel_id: THREAD, channel: { id: THREAD, type: 11, name: 'Battle', parent_id: CHANNEL, owner_id: BOT } }));
    expect(meaning.kind === 'event' && meaning.event.chat).toEqual({ platform: 'discord', id: CHANNEL, thread: THREAD, kind: 'group', space: GUILD, locale: 'en-US' });
  });

  it('a DM is a private chat and its person is the admin there', async () => {
    const meaning = interactionEvent(interaction({ type: 2, data: { name: 'settings' }, guild_id: undefined, member: undefined, user: alice, channel: { id: CHANNEL, type: 1 } }));
    expect(meaning.kind === 'event' && meaning.event.chat).toEqual({ platform: 'discord', id: CHANNEL, kind: 'private' });
    expect(meaning.kind === 'event' && (await meaning.event.isAdmin!())).toBe(true);
  });

  it('refuses payloads without what Pnyx needs (zod at the boundary)', () => {
    expect(InteractionPayload.safeParse({ id: '1', type: 3, token: 't', application_id: BOT, channel_id: CHANNEL, data: { custom_id: 'x'.repeat(101), component_type: 2 } }).success).toBe(false);
    expect(InteractionPayload.safeParse({ id: '1', type: 4, token: 't', application_id: BOT, channel_id: CHANNEL, data: {} }).success).toBe(false);
  });
});

describe('messages', () => {
  const context = { botId: BOT, channel: { isThread: false, name: 'general' } };

  it('a mention is an addressed prompt, without the mention', () => {
    const meaning = messageEvent(message({ content: `<@${BOT}> compare two haikus`, mentions: [{ id: BOT }] }), context);
    expect(meaning.kind === 'prompt' && meaning.event).toMatchObject({ type: 'prompt', text: 'compare two haikus', addressed: true, privateReply: false, messageRef: `${CHANNEL}:400000000000000001` });
  });

  it('a reply to the bot continues its battle (replyTo is the bot\'s message)', () => {
    const meaning = messageEvent(message({ content: 'and shorter?', type: 19, mentions: [{ id: BOT }], referenced_message: { id: '300000000000000002', channel_id: CHANNEL, author: { id: BOT } } }), context);
    expect(meaning.kind === 'prompt' && meaning.event).toMatchObject({ addressed: true, replyTo: `${CHANNEL}:300000000000000002`, text: 'and shorter?' });
  });

  it('a message in a battle\'s thread (a thread the bot opened) is addressed, and belongs to the channel\'s chat', () => {
    const meaning = messageEvent(message({ channel_id: THREAD, content: 'and in Rust?' }), { botId: BOT, channel: { isThread: true, parentId: CHANNEL, ownerId: BOT } });
    expect(meaning.kind === 'prompt' && meaning.event).toMatchObject({ addressed: true, chat: { id: CHANNEL, thread: THREAD } });
    const other = messageEvent(message({ channel_id: THREAD, content: 'chatting' }), { botId: BOT, channel: { isThread: true, parentId: CHANNEL, ownerId: alice.id } });
    expect(other.kind === 'prompt' && other.event.addressed).toBe(false);
  });

  it('every DM is addressed', () => {
    const meaning = messageEvent(message({ guild_id: undefined, content: 'a private battle please' }), { botId: BOT, channel: undefined });
    expect(meaning.kind === 'prompt' && meaning.event).toMatchObject({ addressed: true, chat: { kind: 'private', id: CHANNEL } });
  });

  it('ignores bots, system messages and text Discord withheld (no Message Content intent)', () => {
    expect(messageEvent(message({ content: 'x', author: { ...alice, bot: true } }), context).kind).toBe('ignore');
    expect(messageEvent(message({ content: 'x', type: 7 }), context).kind).toBe('ignore');
    expect(messageEvent(message({ content: '' }), context)).toEqual({ kind: 'ignore', reason: 'no text' });
  });

  it('a picture sent to the bot gets the text-only hint; an empty mention still reaches the core (it explains)', () => {
    expect(messageEvent(message({ guild_id: undefined, attachments: [{ id: '1' }] }), { botId: BOT, channel: undefined }).kind).toBe('text-only');
    const empty = messageEvent(message({ content: `<@${BOT}>`, mentions: [{ id: BOT }] }), context);
    expect(empty.kind === 'prompt' && empty.event.text).toBe('');
  });
});

describe('refs', () => {
  it('name the channel and the message, and refuse anything else', () => {
    expect(parseRef(refOf(CHANNEL, '1'))).toEqual({ channelId: CHANNEL, messageId: '1' });
    expect(parseRef('gone:1')).toBeUndefined();
    expect(parseRef('12')).toBeUndefined();
  });
});

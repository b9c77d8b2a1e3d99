// The translation table: what a Discord interaction or message means as a core event. Pure functions over checked
// payloads (payloads.ts) and what the adapter knows about channels; no decision about battles, votes or settings.
import { isCommandName } from '../../core/port/commands';
import type { ChatAddress, CommandEvent, Person, PnyxEvent, PromptEvent } from '../../core/port/types';
import { modalValues, type InteractionPayload, type MessagePayload, type UserPayload } from './payloads';
import { canManageGuild } from './permissions';

export const PLATFORM = 'discord';

/** Discord's thread channel types: announcement, public and private threads. */
export const THREAD_TYPES: readonly number[] = [10, 11, 12];

/** A message ref: the channel and the message, so edits and deletes need nothing else. */
export const refOf = (channelId: string, messageId: string): string => `${channelId}:${messageId}`;

export function parseRef(ref: string): { channelId: string; messageId: string } | undefined {
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(ref);
  return match ? { channelId: match[1]!, messageId: match[2]! } : undefined;
}

/** What the adapter knows about the channel a message was written in (from discord.js's cache). */
export interface ChannelFacts {
  isThread: boolean;
  /** A thread's channel. */
  parentId?: string;
  /** Who opened a thread: the bot's own threads are battles' threads. */
  ownerId?: string;
  name?: string;
  guildLocale?: string;
}

export function personOf(user: UserPayload, nick?: string | null, locale?: string): Person {
  return {
    platform: PLATFORM,
    id: user.id,
    displayName: nick || user.global_name || user.username,
    ...(locale ? { locale } : {}),
  };
}

/** The core's chat for a channel: a thread is the `thread` of its channel, so a battle's thread belongs to its chat. */
export function chatOf(channelId: string, guildId: string | undefined, facts: ChannelFacts | undefined): ChatAddress {
  if (!guildId) return { platform: PLATFORM, id: channelId, kind: 'private' };
  const inThread = Boolean(facts?.isThread && facts.parentId);
  return {
    platform: PLATFORM,
    id: inThread ? facts!.parentId! : channelId,
    kind: 'group',
    space: guildId,
    ...(inThread ? { thread: channelId } : {}),
    // A thread's name is not its channel's: leave the title alone rather than rename the chat.
    ...(!inThread && facts?.name ? { title: `#${facts.name}` } : {}),
    ...(facts?.guildLocale ? { locale: facts.guildLocale } : {}),
  };
}

export type InteractionMeaning =
  | { kind: 'event'; event: PnyxEvent; command?: string }
  /** A slash command Pnyx does not have (an old registration): the adapter answers it itself. */
  | { kind: 'unknown-command'; name: string };

export function channelFactsOf(payload: InteractionPayload): ChannelFacts {
  const channel = payload.channel;
  return {
    isThread: channel ? THREAD_TYPES.includes(channel.type) : false,
    ...(channel?.parent_id ? { parentId: channel.parent_id } : {}),
    ...(channel?.owner_id ? { ownerId: channel.owner_id } : {}),
    ...(channel?.name ? { name: channel.name } : {}),
    ...(payload.guild_locale ? { guildLocale: payload.guild_locale } : {}),
  };
}

/** An interaction as a core event: a slash command, a button press, a submitted modal. */
export function interactionEvent(payload: InteractionPayload): InteractionMeaning {
  const user = payload.member?.user ?? payload.user;
  const from = user ? personOf(user, payload.member?.nick, payload.locale) : { platform: PLATFORM, id: '0' };
  const chat = chatOf(payload.channel_id, payload.guild_id, channelFactsOf(payload));
  const memberBits = payload.member?.permissions;
  const base = {
    delivery: payload.id,
    chat,
    from,
    // Ephemeral answers exist for every interaction.
    privateReply: true,
    // Manage Server, as Discord computed it for this member in this channel: no API call.
    isAdmin: async () => chat.kind === 'private' || (memberBits !== undefined && canManageGuild(memberBits)),
  };
  switch (payload.type) {
    case 2: {
      const name = payload.data.name;
      if (!isCommandName(name)) return { kind: 'unknown-command', name };
      // Typed options arrive joined in `args` (the catalogue's options are text: the prompt, a time zone).
      const args = (payload.data.options ?? [])
        .map((o) => (o.value === undefined ? '' : String(o.value)))
        .filter(Boolean)
        .join(' ');
      const event: CommandEvent = { ...base, type: 'command', name, args };
      return { kind: 'event', event, command: name };
    }
    case 3:
      return {
        kind: 'event',
        event: { ...base, type: 'action', data: payload.data.custom_id, ...(payload.message ? { messageRef: refOf(payload.message.channel_id, payload.message.id) } : {}) },
      };
    case 5:
      return {
        kind: 'event',
        event: {
          ...base,
          type: 'submit',
          data: payload.data.custom_id,
          values: modalValues(payload.data),
          ...(payload.message ? { messageRef: refOf(payload.message.channel_id, payload.message.id) } : {}),
        },
      };
  }
}

export type MessageMeaning =
  | { kind: 'prompt'; event: PromptEvent }
  /** Meant for the bot but not text (a picture, a sticker): a hint, not a battle. */
  | { kind: 'text-only'; chat: ChatAddress; messageRef: string }
  | { kind: 'ignore'; reason: string };

/** Message types that carry a person's text: a default message, a reply. Everything else is a system message. */
const TEXT_MESSAGE_TYPES = [0, 19];

function stripMentionsOf(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A message as a prompt. Addressed: a DM, a mention of the bot, a reply to the bot, anything in a battle's thread (a
 * thread the bot opened). Without the privileged Message Content intent, Discord sends other messages' text empty:
 * those cannot be prompts and are ignored.
 */
export function messageEvent(
  payload: MessagePayload,
  context: { botId: string; channel: ChannelFacts | undefined; isAdmin?: () => Promise<boolean> },
): MessageMeaning {
  const { botId, channel } = context;
  if (payload.author.bot || payload.webhook_id) return { kind: 'ignore', reason: 'from a bot' };
  if (!TEXT_MESSAGE_TYPES.includes(payload.type)) return { kind: 'ignore', reason: 'system message' };
  const isPrivate = !payload.guild_id;
  const mentioned = payload.mentions.some((m) => m.id === botId) || new RegExp(`<@!?${botId}>`).test(payload.content);
  const repliedTo = payload.referenced_message;
  const replyToBot = repliedTo && repliedTo.author.id === botId ? repliedTo : undefined;
  const inBattleThread = Boolean(channel?.isThread && channel.ownerId === botId);
  const chat = chatOf(payload.channel_id, payload.guild_id, channel);
  const messageRef = refOf(payload.channel_id, payload.id);
  const text = mentioned ? stripMentionsOf(payload.content, botId) : payload.content.trim();
  const addressed = isPrivate || mentioned || replyToBot !== undefined || inBattleThread;
  if (!text) {
    const media = payload.attachments.length > 0 || (payload.sticker_items?.length ?? 0) > 0;
    if (media && (isPrivate || mentioned || replyToBot)) return { kind: 'text-only', chat, messageRef };
    // An empty mention is still a prompt (the core explains what to write); empty text otherwise is a message whose
    // content Discord withheld (no Message Content intent) or a picture: nothing to answer.
    if (!mentioned) return { kind: 'ignore', reason: 'no text' };
  }
  return {
    kind: 'prompt',
    event: {
      type: 'prompt',
      delivery: payload.id,
      chat,
      from: personOf(payload.author, payload.member?.nick),
      text,
      addressed,
      ...(replyToBot ? { replyTo: refOf(replyToBot.channel_id, replyToBot.id) } : {}),
      messageRef,
      // A message can only be answered in the channel, where everyone sees it.
      privateReply: false,
      ...(context.isAdmin ? { isAdmin: context.isAdmin } : {}),
    },
  };
}

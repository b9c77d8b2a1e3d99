// The Discord ChatPort: the core's messages as channel (or thread) messages, buttons as components, a battle's thread
// as a public thread under its prompt. A message that publicly answers an interaction becomes that interaction's own
// response (responder.ts). Nothing here decides what to say, only how Discord shows it.
import type { Logger } from 'pino';
import type { ChatAddress, ChatPort, PortLimits } from '../../core/port/types';
import { isGoneMessage, isUnreachable, CODES, discordCode, type DiscordCalls } from './calls';
import { NEEDED_FOR_THREADS, missingFrom, type PermissionName } from './permissions';
import { messageBody, type MessageJson } from './render';
import type { Responder } from './responder';
import { parseRef, PLATFORM, refOf } from './translate';
import { LruMap } from '../../core/lru-map';

export const DISCORD_LIMITS: PortLimits = {
  maxMessageChars: 2000,
  // Two replies stream in one channel (or thread): 500 ms between calls there is about one edit a second per reply,
  // within Discord's per-channel buckets (discord.js waits on the bucket headers should it come close).
  minEditIntervalMs: 500,
  // Ephemeral messages are ordinary messages: the full reveal fits.
  maxNoticeChars: 2000,
  privateButtons: true,
  threads: true,
  forms: true,
  maxButtonsPerRow: 5,
  maxButtonRows: 5,
  maxButtonDataBytes: 100,
  maxButtonLabelChars: 80,
};

/** Refs handed out for messages that could not be posted (channel gone, bot removed): edits to them do nothing. */
const GONE_PREFIX = 'gone:';
/** A channel that refused is left alone this long before Pnyx tries it again. */
const UNREACHABLE_RETRY_MS = 10 * 60_000;
/** Remembered message contents (to skip identical edits); older ones are forgotten, the edit then just goes through. */
const MAX_REMEMBERED = 20_000;

export interface DiscordPortHooks {
  /** The bot's permissions in a channel, from discord.js's cache; undefined when unknown (a DM, a cold cache). */
  permissionsIn(channelId: string): bigint | undefined;
  /**
   * A battle could not get its thread because the bot lacks permissions there: tell the person who asked (the
   * adapter knows who, from the anchor message). The battle goes on in the channel.
   */
  threadRefused(chat: ChatAddress, anchorRef: string, missing: PermissionName[]): void;
}

export interface DiscordPort extends ChatPort {
  /** Channels currently refusing (tests, diagnostics). */
  unreachable(): string[];
}

export function createDiscordPort(calls: DiscordCalls, responder: Responder, log: Logger, hooks: DiscordPortHooks, limits: PortLimits = DISCORD_LIMITS): DiscordPort {
  const shown = new LruMap<string, string>(MAX_REMEMBERED);
  const refused = new Map<string, number>();
  let gone = 0;

  /** On Discord a thread is a channel of its own: messages go to the thread when there is one. */
  const channelOf = (chat: ChatAddress) => chat.thread ?? chat.id;
  const isRefusing = (channelId: string) => (refused.get(channelId) ?? 0) > Date.now();

  /** A channel that cannot be written to: said once (info, not an error: a server removed the bot, a channel went). */
  const markUnreachable = (channelId: string, what: string, error: unknown) => {
    if (!isRefusing(channelId)) log.info({ channel: channelId, code: discordCode(error), what }, 'discord: channel unreachable; leaving it alone for a while');
    refused.set(channelId, Date.now() + UNREACHABLE_RETRY_MS);
  };

  const dropped = (chat: ChatAddress) => (d: { reason: string; label: string }) => log.error({ chat: chat.id, ...d }, 'discord: a button Discord would refuse was dropped');

  const signature = (body: Pick<MessageJson, 'content' | 'components'>) => JSON.stringify([body.content, body.components]);

  const send: ChatPort['send'] = async (chat, message, options) => {
    const channelId = channelOf(chat);
    if (isRefusing(channelId)) return `${GONE_PREFIX}${++gone}`;
    const body = messageBody(message, { onDrop: dropped(chat) });
    const image = message.image ? { png: message.image.png, alt: message.image.alt } : undefined;
    try {
      if (options?.answering) {
        const answered = await responder.answerPublicly(options.answering, channelId, body, image);
        if (answered) {
          const ref = refOf(answered.channel_id, answered.id);
          shown.set(ref, signature(body));
          return ref;
        }
      }
      const reply = options?.replyTo ? parseRef(options.replyTo) : undefined;
      // A reply can only quote a message of the same channel (a battle's thread answers its prompt without quoting).
      if (reply && reply.channelId === channelId) body.message_reference = { message_id: reply.messageId, fail_if_not_exists: false };
      let upload = image;
      const bits = hooks.permissionsIn(channelId);
      if (upload && bits !== undefined && missingFrom(bits, ['AttachFiles']).length) {
        // The table still says everything; the chart is a bonus this channel does not allow.
        log.info({ channel: channelId }, 'discord: no Attach Files permission; posting the leaderboard without its chart');
        upload = undefined;
      }
      const posted = await calls.post(channelId, body, upload);
      const ref = refOf(posted.channel_id, posted.id);
      shown.set(ref, signature(body));
      return ref;
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      markUnreachable(channelId, 'send', error);
      return `${GONE_PREFIX}${++gone}`;
    }
  };

  const edit: ChatPort['edit'] = async (chat, ref, message) => {
    const at = parseRef(ref);
    if (!at || isRefusing(at.channelId)) return;
    const { content, components, allowed_mentions } = messageBody(message, { onDrop: dropped(chat) });
    const next = signature({ content, components });
    if (shown.get(ref) === next) return;
    try {
      await calls.patch(at.channelId, at.messageId, { content, components, allowed_mentions });
    } catch (error) {
      if (isGoneMessage(error)) {
        // Someone deleted it: the battle goes on without it.
        log.info({ channel: at.channelId, message: at.messageId }, 'discord: message to edit is gone');
      } else if (isUnreachable(error)) {
        markUnreachable(at.channelId, 'edit', error);
        return;
      } else throw error;
    }
    shown.set(ref, next);
  };

  const remove: ChatPort['delete'] = async (_chat, ref) => {
    const at = parseRef(ref);
    if (!at || isRefusing(at.channelId)) return;
    try {
      await calls.remove(at.channelId, at.messageId);
    } catch (error) {
      if (isUnreachable(error)) markUnreachable(at.channelId, 'delete', error);
      else if (!isGoneMessage(error)) throw error;
    }
    shown.delete(ref);
  };

  const typing: NonNullable<ChatPort['typing']> = async (chat) => {
    const channelId = channelOf(chat);
    if (isRefusing(channelId)) return;
    // "Typing…" is decoration: never let it fail a battle.
    await calls.typing(channelId).catch((error: unknown) => log.debug({ err: error, channel: channelId }, 'discord: typing indicator failed'));
  };

  const openThread: NonNullable<ChatPort['openThread']> = async (chat, ref, name) => {
    const at = parseRef(ref);
    if (!at) return null;
    const bits = hooks.permissionsIn(at.channelId);
    const missing = bits === undefined ? [] : missingFrom(bits, NEEDED_FOR_THREADS);
    if (missing.length) {
      hooks.threadRefused(chat, ref, missing);
      return null;
    }
    try {
      return await calls.startThread(at.channelId, at.messageId, name.trim() || 'Pnyx');
    } catch (error) {
      // Discord gives a thread started from a message the message's id: one is there already, use it.
      if (discordCode(error) === CODES.threadExists) return at.messageId;
      if (discordCode(error) === CODES.missingPermissions) {
        hooks.threadRefused(chat, ref, [...NEEDED_FOR_THREADS]);
        return null;
      }
      throw error;
    }
  };

  return {
    platform: PLATFORM,
    limits,
    send,
    edit,
    delete: remove,
    typing,
    openThread,
    // Discord's buckets are per channel, and a thread is a channel of its own.
    pacingKey: channelOf,
    commandHint: (name) => `/${name}`,
    unreachable: () => [...refused.entries()].filter(([, until]) => until > Date.now()).map(([id]) => id),
  };
}


// Messages: a command, a prompt for a battle, or something the bot can only answer with a hint (media, an unknown
// command, an empty mention). Messages from other bots are ignored so two bots never talk in a loop.
import type { Context, Filter } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { isCommandName } from '../../core/port/commands';
import type { Translate } from '../../core/i18n';
import type { ChatAddress, Person } from '../../core/port/types';
import { adminCheck, address, GROUP_ANONYMOUS_BOT_ID, person } from './addresses';
import { delivery, handleEvent, replyNotice, say, translate, type AdapterState } from './adapter-state';
import { mentions, parseCommand, stripMentions } from './message-text';

type MessageContext = Filter<Context, 'message'>;

/** One message as every way of answering it needs it. */
interface Incoming {
  message: MessageContext['message'];
  me: UserFromGetMe;
  chat: ChatAddress;
  t: Translate;
  isPrivate: boolean;
  /** The bot's message this one replies to, if any. */
  replyToBot: MessageContext['message']['reply_to_message'];
  /** What the core's command and prompt events share. */
  base: {
    delivery: string;
    chat: ChatAddress;
    from: Person;
    messageRef: string;
    privateReply: false;
    isAdmin: () => Promise<boolean>;
  };
  /** Tells the person something went wrong (the core failed on their message). */
  fail: () => Promise<void>;
}

export async function onMessage(state: AdapterState, ctx: MessageContext): Promise<void> {
  const message = ctx.message;
  const from = message.from;
  if (!from || !message.chat) {
    state.log.warn({ update: ctx.update.update_id }, 'telegram: message without sender or chat dropped');
    return;
  }
  if (from.is_bot && from.id !== GROUP_ANONYMOUS_BOT_ID) return; // never talk to bots: no loops
  const me = ctx.me;
  const chat = address(message.chat, message);
  const t = translate(state, from);
  const incoming: Incoming = {
    message,
    me,
    chat,
    t,
    isPrivate: message.chat.type === 'private',
    replyToBot: message.reply_to_message?.from?.id === me.id ? message.reply_to_message : undefined,
    base: {
      delivery: delivery(ctx),
      chat,
      from: person(from),
      messageRef: String(message.message_id),
      privateReply: false,
      isAdmin: adminCheck(state.log, ctx, message.chat, from, message.sender_chat),
    },
    fail: () => say(state, chat, t('telegram-error'), message.message_id),
  };

  const text = message.text;
  if (typeof text !== 'string') {
    await onMedia(state, incoming);
    return;
  }
  const entities = Array.isArray(message.entities) ? message.entities : undefined;
  const command = parseCommand(text, entities);
  if (command) await onCommand(state, incoming, command);
  else await onPrompt(state, incoming, text);
}

/** Service messages (joins, pins, titles…) are not for us; other media get a hint when meant for the bot. */
async function onMedia(state: AdapterState, incoming: Incoming): Promise<void> {
  const { message, me } = incoming;
  const media = ['photo', 'sticker', 'document', 'voice', 'video', 'audio', 'animation', 'video_note', 'location', 'contact', 'poll'];
  const isMedia = media.some((k) => k in message);
  const captionEntities = Array.isArray(message.caption_entities) ? message.caption_entities : undefined;
  const mentioned = mentions(message.caption ?? '', captionEntities, me);
  if (isMedia && (incoming.isPrivate || incoming.replyToBot || mentioned)) await say(state, incoming.chat, incoming.t('telegram-hint-text-only'), message.message_id);
}

async function onCommand(state: AdapterState, incoming: Incoming, command: NonNullable<ReturnType<typeof parseCommand>>): Promise<void> {
  const { message, me, chat, t } = incoming;
  if (command.target && command.target.toLowerCase() !== me.username.toLowerCase()) return; // another bot's
  const name = command.name.toLowerCase();
  if (!isCommandName(name)) {
    // In groups, bare unknown commands are usually for other bots: only answer when clearly meant for us.
    if (incoming.isPrivate || command.target) {
      await say(state, chat, t('telegram-hint-unknown-command', { command: `/${command.name}` }), message.message_id);
    }
    return;
  }
  const ack = await handleEvent(state, { type: 'command', name, args: command.args.trim(), ...incoming.base }, incoming.fail);
  await replyNotice(state, chat, ack?.notice, message.message_id);
}

async function onPrompt(state: AdapterState, incoming: Incoming, text: string): Promise<void> {
  const { message, me, chat, t, replyToBot } = incoming;
  const entities = Array.isArray(message.entities) ? message.entities : undefined;
  const mentioned = mentions(text, entities, me);
  const addressed = incoming.isPrivate || mentioned || replyToBot !== undefined;
  const prompt = mentioned ? stripMentions(text, entities, me) : text.trim();
  if (addressed && !prompt) {
    await say(state, chat, t('telegram-hint-empty-mention', { example: `@${me.username} …` }), message.message_id);
    return;
  }
  const ack = await handleEvent(
    state,
    {
      type: 'prompt',
      text: prompt,
      addressed,
      ...(replyToBot ? { replyTo: state.port.refOf(message.chat.id, replyToBot.message_id) } : {}),
      ...incoming.base,
    },
    addressed ? incoming.fail : async () => undefined,
  );
  await replyNotice(state, chat, ack?.notice, message.message_id);
}

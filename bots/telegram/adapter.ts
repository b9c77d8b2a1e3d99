// The translation table between Telegram updates and the core's events. Decisions about battles, votes and
// settings belong to the core; this file only says what a Telegram update means and shows the core's answers.
import { Bot, GrammyError, type Context } from 'grammy';
import type { Chat, Message, MessageEntity, Update, User } from 'grammy/types';
import type { Logger } from 'pino';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Arena } from '../../core/engine/types';
import { createPendingWork } from '../../core/pending-work';
import type { I18n, Translate } from '../../core/i18n';
import { COMMAND_CATALOGUE, isCommandName } from '../../core/port/commands';
import type { Ack, ChatAddress, CommandName, Notice, Person, PnyxEvent, PortLimits } from '../../core/port/types';
import { ChatUnreachableError, createTelegramPort, TELEGRAM_LIMITS, type TelegramPort } from './port';
import { createOutageMonitor, retryTransformer, type OutageMonitor } from './retry';

/** Commands in Telegram's menus: the core's catalogue. */
export const COMMANDS: readonly CommandName[] = COMMAND_CATALOGUE.map((c) => c.name);

/** This adapter's own strings (hints about Telegram itself). */
export const TELEGRAM_LOCALES = fileURLToPath(new URL('./locales', import.meta.url));

/** What the adapter needs from the application (a subset of core/app.ts's PnyxApp). */
export interface TelegramAppParts {
  arena: Arena;
  i18n: I18n;
  log: Logger;
}

export interface CreateTelegramBotOptions {
  app: TelegramAppParts;
  token: string;
  /** Bot API base URL without trailing slash (self-hosted Bot API servers, tests). */
  apiRoot?: string;
  /** Longest wait for a 429's retry_after before an API call gives up (seconds). */
  maxRetryDelaySeconds?: number;
  /** The chat message budget, when not Telegram's own (a self-hosted Bot API with other limits, tests, benchmarks). */
  budget?: PortLimits['budget'];
  /** The spacing of calls in one chat, when not Telegram's own (benchmarks scale time with it and the budget). */
  minEditIntervalMs?: number;
}

export interface TelegramBot {
  bot: Bot;
  port: TelegramPort;
  /** Resolves when every update being handled is finished, with the work it started. */
  idle(): Promise<void>;
  /** Highest update_id handled (long polling confirms it on stop). */
  lastUpdateId(): number;
  /** Whether the last call to the Bot API got an answer from Telegram (false after a network error or a 5xx). */
  connected(): boolean;
  /** Says in the log when the Bot API stops answering and when it answers again. */
  monitor: OutageMonitor;
  /** Stores updates durably before they are confirmed to Telegram; the update ids that were new. */
  store(updates: readonly Update[]): Promise<Set<number>>;
  /** Handles one update (the middleware below, then the core); resolves once it is acknowledged. */
  handle(update: Update): Promise<void>;
}

// Telegram sends messages of anonymous group admins from this account, with the group as sender_chat.
const GROUP_ANONYMOUS_BOT_ID = 1087968824;
const MAX_POPUP_CHARS = 200;
const callbackData = z.string().min(1).max(64);

export function createTelegramBot(options: CreateTelegramBotOptions): TelegramBot {
  const { app } = options;
  const log = app.log.child({ platform: 'telegram' });
  app.i18n.extend(TELEGRAM_LOCALES);
  const bot = new Bot(options.token, { client: options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, '') } : {} });
  // 429 → wait retry_after and send again; 5xx and network errors → back off at most 30 s apart, and give up after two
  // minutes (retry.ts). getUpdates is retried by the poller's own loop. Pacing of edits is the core's
  // (limits.minEditIntervalMs), so no throttler transformer: it would delay votes behind streaming edits.
  const monitor = createOutageMonitor(log);
  bot.api.config.use(retryTransformer(monitor, { passThrough: ['getUpdates'], ...(options.maxRetryDelaySeconds !== undefined ? { maxRetryAfterMs: options.maxRetryDelaySeconds * 1000 } : {}) }));

  // A counter, not a Set of promises: see core/pending-work.ts.
  const inflight = createPendingWork();
  let lastUpdateId = 0;
  let botUser: Person = { platform: 'telegram', id: '0', displayName: 'Pnyx' };

  /** A chat event (new id, bot removed): the core moves or forgets the chat's state. */
  const chatChanged = (chat: ChatAddress, delivery: string, change: { kind: 'moved'; to: string } | { kind: 'removed' }) =>
    inflight.track(app.arena.handle({ type: 'chat', delivery, chat, from: botUser, change }).then(() => undefined));

  const port = createTelegramPort(bot.api, log, { ...TELEGRAM_LIMITS, ...(options.budget ? { budget: options.budget } : {}), ...(options.minEditIntervalMs ? { minEditIntervalMs: options.minEditIntervalMs } : {}) }, {
    chatMoved: (from, to) => chatChanged({ platform: 'telegram', id: from, kind: 'group' }, `migrate:${from}:${to}`, { kind: 'moved', to }),
  });
  // A stored update nobody finished (its process died) is handled again exactly as if it had just arrived.
  port.replay = async (payload) => {
    await bot.init();
    await bot.handleUpdate(JSON.parse(payload) as Update);
  };
  app.arena.attach(port);

  // === Translation helpers ==========================================================================

  const person = (user: User): Person => ({
    platform: 'telegram',
    id: String(user.id),
    displayName: [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username || String(user.id),
    ...(user.language_code ? { locale: user.language_code } : {}),
  });

  const address = (chat: Chat, message?: Pick<Message, 'is_topic_message' | 'message_thread_id'>): ChatAddress => ({
    platform: 'telegram',
    id: String(chat.id),
    kind: chat.type === 'private' ? 'private' : 'group',
    ...('title' in chat && chat.title ? { title: chat.title } : {}),
    ...(message?.is_topic_message && message.message_thread_id !== undefined ? { thread: String(message.message_thread_id) } : {}),
  });

  const adminCheck = (ctx: Context, chat: Chat, user: User, senderChat?: Chat) => async (): Promise<boolean> => {
    if (chat.type === 'private') return true;
    if (user.id === GROUP_ANONYMOUS_BOT_ID && senderChat?.id === chat.id) return true;
    try {
      const member = await ctx.api.getChatMember(chat.id, user.id);
      return member.status === 'creator' || member.status === 'administrator';
    } catch (error) {
      log.warn({ chat: chat.id, err: error }, 'telegram: getChatMember failed; treating the person as not an admin');
      return false;
    }
  };

  const translate = (user: User | undefined): Translate => app.i18n.t(user?.language_code);

  /** Shows a notice addressed to one person when there is no popup to carry it (messages, not button presses). */
  const replyNotice = async (chat: ChatAddress, notice: Notice | undefined, replyTo: number): Promise<void> => {
    if (!notice?.text) return;
    // A person's data file: the core sends one only where the chat is private (the person's own chat with the bot).
    if (notice.file) {
      await port.sendFile(chat, notice.file, notice.text, String(replyTo));
      return;
    }
    await port.send(chat, { text: notice.text, source: 'core', ...(notice.buttons ? { buttons: notice.buttons } : {}) }, { replyTo: String(replyTo) });
  };

  const say = async (chat: ChatAddress, text: string, replyTo: number): Promise<void> => {
    await port.send(chat, { text, source: 'core' }, { replyTo: String(replyTo) });
  };

  /** Runs an event through the core. A chat that cannot be reached ends quietly (the port logged it once). */
  const handle = async (event: PnyxEvent, onError: () => Promise<void>): Promise<Ack | undefined> => {
    try {
      const ack = await app.arena.handle(event);
      // The work the event started (streaming, closing) goes on; the update counts as in flight until it is done,
      // so that stop() can wait for it.
      if (ack.done) void inflight.track(ack.done);
      return ack;
    } catch (error) {
      if (error instanceof ChatUnreachableError) return undefined;
      log.error({ err: error, event: event.type, chat: event.chat.id }, 'telegram: the core failed to handle an event');
      await onError().catch(() => undefined);
      return undefined;
    }
  };

  // === Middleware =====================================================================================

  bot.use(async (ctx, next) => {
    lastUpdateId = Math.max(lastUpdateId, ctx.update.update_id);
    botUser = { platform: 'telegram', id: String(ctx.me.id), displayName: ctx.me.first_name };
    await inflight.track(next());
  });

  const delivery = (ctx: Context) => String(ctx.update.update_id);

  // A group upgraded to a supergroup gets a new id. Telegram says so in both (the old group's last message and the
  // supergroup's first); whichever comes first moves the chat's settings, battles and schedules, the other finds
  // nothing left to move.
  bot.on('message:migrate_to_chat_id', async (ctx) => {
    await chatChanged(address(ctx.message.chat), delivery(ctx), { kind: 'moved', to: String(ctx.message.migrate_to_chat_id) });
  });
  bot.on('message:migrate_from_chat_id', async (ctx) => {
    const from = String(ctx.message.migrate_from_chat_id);
    await chatChanged({ platform: 'telegram', id: from, kind: 'group' }, delivery(ctx), { kind: 'moved', to: String(ctx.message.chat.id) });
  });

  // Added to or removed from a chat, blocked or unblocked by a person.
  bot.on('my_chat_member', async (ctx) => {
    const { chat, new_chat_member: member, from } = ctx.myChatMember;
    log.info({ chat: chat.id, kind: chat.type, status: member.status, by: from.id }, 'telegram: membership changed');
    if (member.status === 'left' || member.status === 'kicked') await chatChanged(address(chat), delivery(ctx), { kind: 'removed' });
  });

  bot.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery;
    const t = translate(query.from);
    const message = query.message;
    const data = callbackData.safeParse(query.data);
    if (!message || !data.success) {
      log.warn({ update: ctx.update.update_id, hasMessage: Boolean(message) }, 'telegram: button press without usable data dropped');
      await ctx.answerCallbackQuery({ text: clip(t('telegram-button-stale'), MAX_POPUP_CHARS) }).catch(logAnswerError);
      return;
    }
    const chat = address(message.chat, 'is_topic_message' in message ? message : undefined);
    const ref = port.refOf(message.chat.id, message.message_id);
    const ack = await handle(
      {
        type: 'action',
        delivery: delivery(ctx),
        data: data.data,
        chat,
        from: person(query.from),
        messageRef: ref,
        privateReply: true,
        isAdmin: adminCheck(ctx, message.chat, query.from),
      },
      async () => undefined,
    );
    const notice = ack?.notice;
    // Being handled by another process (a redelivery, or two sweeps replaying one stored press) with no answer recorded
    // yet: that process answers. Answering here with nothing would be the one answer Telegram keeps — found by the
    // chaos test, a voter got an empty popup instead of "You voted".
    if (ack?.duplicate && !notice) return;
    await ctx
      .answerCallbackQuery({
        text: clip(notice?.text ?? (ack ? '' : t('telegram-error')), MAX_POPUP_CHARS),
        ...(notice?.alert ? { show_alert: true } : {}),
      })
      .catch(logAnswerError);
    if (ack?.replace) {
      // A settings menu page: the pressed message becomes it.
      await port.edit(chat, ref, ack.replace).catch((error: unknown) => {
        if (!(error instanceof ChatUnreachableError)) log.warn({ err: error, chat: chat.id }, 'telegram: menu update failed');
      });
    }
    if (notice?.buttons?.length) {
      // Telegram has no private buttons: the core offers per-person buttons only in private chats, as a small keyboard.
      const name = person(query.from).displayName ?? '';
      await port
        .send(chat, { text: t('telegram-reasons-prompt', { name }), buttons: notice.buttons, source: 'core' }, { replyTo: ref })
        .catch((error: unknown) => {
          if (!(error instanceof ChatUnreachableError)) log.error({ err: error, chat: chat.id }, 'telegram: reason keyboard failed');
        });
    }
  });

  bot.on('message', async (ctx) => {
    const message = ctx.message;
    const from = message.from;
    if (!from || !message.chat) {
      log.warn({ update: ctx.update.update_id }, 'telegram: message without sender or chat dropped');
      return;
    }
    if (from.is_bot && from.id !== GROUP_ANONYMOUS_BOT_ID) return; // never talk to bots: no loops
    const me = ctx.me;
    const chat = address(message.chat, message);
    const t = translate(from);
    const entities = Array.isArray(message.entities) ? message.entities : undefined;
    const base = {
      delivery: delivery(ctx),
      chat,
      from: person(from),
      messageRef: String(message.message_id),
      privateReply: false,
      isAdmin: adminCheck(ctx, message.chat, from, message.sender_chat),
    };
    const replyToBot = message.reply_to_message?.from?.id === me.id ? message.reply_to_message : undefined;
    const isPrivate = message.chat.type === 'private';
    const fail = () => say(chat, t('telegram-error'), message.message_id);

    const text = message.text;
    if (typeof text !== 'string') {
      // Service messages (joins, pins, titles…) are not for us; other media get a hint when meant for the bot.
      const media = ['photo', 'sticker', 'document', 'voice', 'video', 'audio', 'animation', 'video_note', 'location', 'contact', 'poll'];
      const isMedia = media.some((k) => k in message);
      const captionEntities = Array.isArray(message.caption_entities) ? message.caption_entities : undefined;
      const mentioned = mentions(message.caption ?? '', captionEntities, me);
      if (isMedia && (isPrivate || replyToBot || mentioned)) await say(chat, t('telegram-hint-text-only'), message.message_id);
      return;
    }

    const command = parseCommand(text, entities);
    if (command) {
      if (command.target && command.target.toLowerCase() !== me.username.toLowerCase()) return; // another bot's
      const name = command.name.toLowerCase();
      if (!isCommandName(name)) {
        // In groups, bare unknown commands are usually for other bots: only answer when clearly meant for us.
        if (isPrivate || command.target) {
          await say(chat, t('telegram-hint-unknown-command', { command: `/${command.name}` }), message.message_id);
        }
        return;
      }
      const ack = await handle({ type: 'command', name, args: command.args.trim(), ...base }, fail);
      await replyNotice(chat, ack?.notice, message.message_id);
      return;
    }

    const mentioned = mentions(text, entities, me);
    const addressed = isPrivate || mentioned || replyToBot !== undefined;
    const prompt = mentioned ? stripMentions(text, entities, me) : text.trim();
    if (addressed && !prompt) {
      await say(chat, t('telegram-hint-empty-mention', { example: `@${me.username} …` }), message.message_id);
      return;
    }
    const ack = await handle(
      {
        type: 'prompt',
        text: prompt,
        addressed,
        ...(replyToBot ? { replyTo: port.refOf(message.chat.id, replyToBot.message_id) } : {}),
        ...base,
      },
      addressed ? fail : async () => undefined,
    );
    await replyNotice(chat, ack?.notice, message.message_id);
  });

  bot.catch((error) => {
    const cause = error.error;
    if (cause instanceof ChatUnreachableError) return;
    log.error({ err: cause, update: error.ctx.update.update_id }, 'telegram: update handling failed');
  });

  function logAnswerError(error: unknown): void {
    // A query older than ~15 minutes cannot be answered any more; the vote itself was handled.
    const level = error instanceof GrammyError && error.error_code === 400 ? 'info' : 'warn';
    log[level]({ err: error }, 'telegram: answerCallbackQuery failed');
  }

  return {
    bot,
    port,
    lastUpdateId: () => lastUpdateId,
    idle: () => inflight.idle(),
    connected: () => monitor.reachable(),
    monitor,
    async store(updates) {
      const fresh = await app.arena.store(
        'telegram',
        updates.map((u) => ({ delivery: String(u.update_id), payload: JSON.stringify(u) })),
      );
      return new Set([...fresh].map(Number));
    },
    handle: (update) => bot.handleUpdate(update),
  };
}

// === Parsing ==============================================================================================

export function parseCommand(text: string, entities: MessageEntity[] | undefined): { name: string; target?: string; args: string } | undefined {
  const first = entities?.find((e) => e.offset === 0 && e.type === 'bot_command');
  if (!first) return undefined;
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?$/.exec(text.slice(0, first.length));
  if (!match) return undefined;
  return { name: match[1]!, ...(match[2] ? { target: match[2] } : {}), args: text.slice(first.length) };
}

function isMention(text: string, e: MessageEntity, me: User & { username: string }): boolean {
  if (e.type === 'text_mention') return e.user.id === me.id;
  return e.type === 'mention' && text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === me.username.toLowerCase();
}

function mentions(text: string, entities: MessageEntity[] | undefined, me: User & { username: string }): boolean {
  return (entities ?? []).some((e) => isMention(text, e, me));
}

/** The prompt without the bot's @name (from the end, so earlier offsets stay valid). */
function stripMentions(text: string, entities: MessageEntity[] | undefined, me: User & { username: string }): string {
  let out = text;
  for (const e of [...(entities ?? [])].filter((e) => isMention(text, e, me)).sort((a, b) => b.offset - a.offset)) {
    if (e.type === 'mention') out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
  }
  return out.replace(/^[\s,:]+/, '').replace(/[ \t]{2,}/g, ' ').trim();
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const code = cut.charCodeAt(cut.length - 1);
  return `${code >= 0xd800 && code <= 0xdbff ? cut.slice(0, -1) : cut}…`;
}

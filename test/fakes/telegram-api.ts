// A small fake of the Telegram Bot API on 127.0.0.1, so tests drive the real grammY `Bot` over real HTTP
// (see ../shared/notes/platform-fakes.md). It keeps a log of calls and the current state of every message
// (text, entities, keyboard, edit history), and plays the people's side: writing, replying, pressing buttons.
// Only what Pnyx's Telegram adapter calls is emulated; anything else answers 404 "method not found" like Telegram.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
}

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
}

export interface FakeEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  user?: FakeUser;
}

export interface FakeButton {
  text: string;
  callback_data?: string;
}

export interface FakeMessage {
  message_id: number;
  chat: FakeChat;
  from: FakeUser;
  date: number;
  text?: string;
  caption?: string;
  entities?: FakeEntity[];
  caption_entities?: FakeEntity[];
  photo?: Array<{ file_id: string; file_unique_id: string; width: number; height: number }>;
  /** A file sent with sendDocument; `content` is what was uploaded (the fake keeps it for tests to read). */
  document?: { file_id: string; file_name: string; mime_type?: string; content?: string };
  reply_markup?: { inline_keyboard: FakeButton[][] };
  reply_to_message?: FakeMessage;
  message_thread_id?: number;
  /** Every text the message had, oldest first (the send, then each edit that changed something). */
  history: string[];
}

export interface Call {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  status: number;
  result?: unknown;
  description?: string;
}

type Fault = { code: number; description: string; retryAfter?: number; times: number; when?: (p: Record<string, unknown>) => boolean };
type Role = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

export interface FakeTelegramOptions {
  token?: string;
  bot?: { id: number; username: string; first_name?: string };
}

export class FakeTelegram {
  readonly token: string;
  readonly botUser: FakeUser;
  readonly calls: Call[] = [];
  readonly messages = new Map<string, FakeMessage>();
  private server: Server;
  private port = 0;
  private nextUpdateId = 1;
  private readonly answered = new Set<string>();
  private nextMessageId = 1;
  private nextCallbackId = 1;
  private updates: Array<Record<string, unknown> & { update_id: number }> = [];
  private pollers = new Set<() => void>();
  private listeners = new Set<() => void>();
  private faults = new Map<string, Fault[]>();
  private roles = new Map<string, Role>();
  private blocked = new Set<number>();
  /** Groups upgraded to supergroups → the supergroup's id. */
  private migrated = new Map<number, number>();
  private nextSupergroupId = -1_001_000_000_001;
  webhook: { url: string; secret?: string } | undefined;

  constructor(options: FakeTelegramOptions = {}) {
    this.token = options.token ?? '123456:TEST-token';
    const bot = options.bot ?? { id: 999_000, username: 'pnyx_test_bot' };
    this.botUser = { id: bot.id, is_bot: true, first_name: bot.first_name ?? 'Pnyx', username: bot.username };
    this.server = createServer((req, res) => void this.route(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const wake of this.pollers) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Telegram unreachable (an outage): every connection is cut at once, held long polls included, until comeBack(). */
  goDown(): void {
    this.down = true;
    this.server.closeAllConnections();
  }

  comeBack(): void {
    this.down = false;
  }

  /** Base URL for grammY's `client.apiRoot` (no trailing slash). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  // === Test controls =================================================================================

  /** Make the next `times` calls of `method` (optionally only those matching `when`) fail like Telegram would. */
  fail(method: string, fault: { code: number; description?: string; retryAfter?: number; times?: number; when?: (p: Record<string, unknown>) => boolean }): void {
    const description =
      fault.description ?? (fault.code === 429 ? `Too Many Requests: retry after ${fault.retryAfter ?? 1}` : 'Bad Request');
    const list = this.faults.get(method) ?? [];
    list.push({ code: fault.code, description, retryAfter: fault.retryAfter, times: fault.times ?? 1, when: fault.when });
    this.faults.set(method, list);
  }

  /**
   * Telegram's flood control for groups: at most `perWindow` new messages (sendMessage, sendPhoto) to one group within
   * any `windowMs`; more get 429 with the seconds until one is allowed again, as Telegram answers ("no more than 20
   * messages per minute in the same group"). Edits are not counted. Off until called.
   */
  limitGroupSends(perWindow: number, windowMs: number): void {
    this.groupLimit = { perWindow, windowMs };
  }

  /** How many calls Telegram refused with 429 so far. */
  get tooManyRequests(): number {
    return this.calls.filter((c) => c.status === 429).length;
  }

  private groupLimit: { perWindow: number; windowMs: number } | undefined;
  private groupSends = new Map<number, number[]>();

  private floodWait(method: string, payload: Record<string, unknown>): number | undefined {
    if (!this.groupLimit || (method !== 'sendMessage' && method !== 'sendPhoto')) return undefined;
    const chatId = Number(payload.chat_id);
    if (!(chatId < 0)) return undefined;
    const now = Date.now();
    const sends = (this.groupSends.get(chatId) ?? []).filter((at) => at > now - this.groupLimit!.windowMs);
    this.groupSends.set(chatId, sends);
    if (sends.length < this.groupLimit.perWindow) {
      sends.push(now);
      return undefined;
    }
    return Math.max(1, Math.ceil((sends[0]! + this.groupLimit.windowMs - now) / 1000));
  }

  /** Role returned by getChatMember for this user in this chat (default: member; private chats: the user). */
  setRole(chatId: number, userId: number, role: Role): void {
    this.roles.set(`${chatId}:${userId}`, role);
  }

  /**
   * The group becomes a supergroup with a new id, as Telegram does when a group grows or an admin turns on some
   * features: calls to the old id answer 400 with `migrate_to_chat_id`, and unless `quietly`, the bot gets the two
   * service messages (the old group's `migrate_to_chat_id`, the supergroup's `migrate_from_chat_id`).
   */
  upgradeGroup(group: FakeChat, by: FakeUser, options: { quietly?: boolean } = {}): FakeChat {
    const supergroup: FakeChat = { id: this.nextSupergroupId--, type: 'supergroup', ...(group.title ? { title: group.title } : {}) };
    this.migrated.set(group.id, supergroup.id);
    if (!options.quietly) {
      const last = this.store({ message_id: this.nextMessageId++, chat: group, from: by, date: now(), history: [] });
      this.enqueue({ message: { ...strip(last), migrate_to_chat_id: supergroup.id } });
      const first = this.store({ message_id: this.nextMessageId++, chat: supergroup, from: by, date: now(), history: [] });
      this.enqueue({ message: { ...strip(first), migrate_from_chat_id: group.id } });
    }
    return supergroup;
  }

  /** The user blocked the bot / the bot was removed from the group: every send to the chat answers 403. */
  block(chatId: number): void {
    this.blocked.add(chatId);
  }

  /** Resolves when `predicate` holds, re-checked after every call and every queued update. */
  waitFor<T>(predicate: () => T | undefined | false | null, timeoutMs = 15_000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = predicate();
        if (value === undefined || value === false || value === null) return false;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`FakeTelegram.waitFor timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      if (!check()) this.listeners.add(check);
    });
  }

  /** Calls of one method, in order. */
  callsOf(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages the bot sent into a chat, in order. */
  botMessages(chatId: number): FakeMessage[] {
    return [...this.messages.values()]
      .filter((m) => m.chat.id === chatId && m.from.id === this.botUser.id)
      .sort((a, b) => a.message_id - b.message_id);
  }

  message(chatId: number, messageId: number): FakeMessage | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  // === The people's side ===============================================================================

  /** A person writes in a chat. Commands get a bot_command entity; `@botname` gets a mention entity. */
  userWrites(chat: FakeChat, user: FakeUser, text: string, options: { replyTo?: FakeMessage | number; topic?: number } = {}): FakeMessage {
    const entities: FakeEntity[] = [];
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
    for (const match of text.matchAll(/@[A-Za-z0-9_]{5,32}/g)) {
      if (command && match.index < command[0].length) continue;
      entities.push({ type: 'mention', offset: match.index, length: match[0].length });
    }
    const message = this.store({
      message_id: this.nextMessageId++,
      chat,
      from: user,
      date: now(),
      text,
      ...(entities.length ? { entities } : {}),
      ...(options.replyTo !== undefined ? { reply_to_message: this.resolve(chat, options.replyTo) } : {}),
      ...(options.topic !== undefined ? { message_thread_id: options.topic } : {}),
      history: [text],
    });
    // A message in a forum topic says so; the General topic's messages carry no thread.
    this.enqueue({ message: { ...strip(message), ...(options.topic !== undefined ? { is_topic_message: true } : {}) } });
    return message;
  }

  /** A person sends something that is not text (a sticker, here). */
  userSendsSticker(chat: FakeChat, user: FakeUser): FakeMessage {
    const message = this.store({ message_id: this.nextMessageId++, chat, from: user, date: now(), history: [] });
    this.enqueue({
      message: { ...strip(message), sticker: { file_id: 'sticker', file_unique_id: 's', width: 512, height: 512, is_animated: false, is_video: false, type: 'regular' } },
    });
    return message;
  }

  /** A person presses an inline button (by its callback data) on one of the bot's messages. Returns the query id. */
  userPresses(chat: FakeChat, user: FakeUser, message: FakeMessage | number, data: string): string {
    const id = String(this.nextCallbackId++);
    const target = this.resolve(chat, message);
    this.enqueue({ callback_query: { id, from: user, message: strip(target), chat_instance: `ci${chat.id}`, data } });
    return id;
  }

  /** The answer to a callback query, once the bot gave it. */
  answerTo(queryId: string): Call | undefined {
    return this.calls.find((c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === queryId);
  }

  /** Post an update to the registered webhook (or to `to`: another process behind the same bot), with its secret (or
   * `secret` to forge one). Resolves with the HTTP status once the bot answered. An update that already has an
   * `update_id` keeps it (a redelivery). */
  async postWebhook(update: Record<string, unknown>, secret?: string | null, to?: { url: string; secret?: string }): Promise<number> {
    const target = to ?? this.webhook;
    if (!target) throw new Error('no webhook registered');
    const body = JSON.stringify({ update_id: this.nextUpdateId++, ...update });
    const header = secret === undefined ? target.secret : secret;
    const url = new URL(target.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(header ? { 'x-telegram-bot-api-secret-token': header } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Build the update a button press would produce, without queueing it (for webhook tests). */
  pressUpdate(chat: FakeChat, user: FakeUser, message: FakeMessage | number, data: string): Record<string, unknown> {
    const id = String(this.nextCallbackId++);
    const target = this.resolve(chat, message);
    return { update_id: this.nextUpdateId++, callback_query: { id, from: user, message: strip(target), chat_instance: `ci${chat.id}`, data } };
  }

  /** Build the update a person writing would produce, without queueing it (for webhook tests). */
  textUpdate(chat: FakeChat, user: FakeUser, text: string): Record<string, unknown> {
    const message = this.store({ message_id: this.nextMessageId++, chat, from: user, date: now(), text, history: [text] });
    const command = /^\/[A-Za-z0-9_@]+/.exec(text);
    return { message: { ...strip(message), ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}) } };
  }

  // === HTTP ==========================================================================================

  private down = false;

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.down) {
      req.socket.destroy();
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const body = await readBody(req);
    if (!match || match[1] !== this.token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    let payload: Record<string, unknown>;
    try {
      payload = await parsePayload(req, body);
    } catch {
      return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: malformed body' });
    }
    // grammY sends chat ids as given (Pnyx passes strings); Telegram accepts both, tests compare numbers.
    if (typeof payload.chat_id === 'string' && /^-?\d+$/.test(payload.chat_id)) payload.chat_id = Number(payload.chat_id);
    const call: Call = { method, payload, at: Date.now(), status: 200 };

    const wait = this.floodWait(method, payload);
    const fault = wait !== undefined ? { code: 429, description: `Too Many Requests: retry after ${wait}`, retryAfter: wait } : this.takeFault(method, payload);
    if (fault) {
      call.status = fault.code;
      call.description = fault.description;
      this.record(call);
      return send(res, fault.code, {
        ok: false,
        error_code: fault.code,
        description: fault.description,
        ...(fault.retryAfter !== undefined ? { parameters: { retry_after: fault.retryAfter } } : {}),
      });
    }

    if (method === 'getUpdates') return this.getUpdates(payload, call, res);

    let outcome: { result: unknown } | { code: number; description: string; parameters?: Record<string, unknown> };
    try {
      outcome = this.handle(method, payload);
    } catch (error) {
      outcome = { code: 400, description: `Bad Request: ${(error as Error).message}` };
    }
    if ('result' in outcome) {
      call.result = outcome.result;
      this.record(call);
      return send(res, 200, { ok: true, result: outcome.result });
    }
    call.status = outcome.code;
    call.description = outcome.description;
    this.record(call);
    send(res, outcome.code, { ok: false, error_code: outcome.code, description: outcome.description, ...(outcome.parameters ? { parameters: outcome.parameters } : {}) });
  }

  private handle(method: string, p: Record<string, unknown>): { result: unknown } | { code: number; description: string; parameters?: Record<string, unknown> } {
    const chatId = p.chat_id === undefined ? undefined : Number(p.chat_id);
    const movedTo = chatId === undefined ? undefined : this.migrated.get(chatId);
    if (movedTo !== undefined && method !== 'getChatMember') {
      return { code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: movedTo } };
    }
    if (chatId !== undefined && this.blocked.has(chatId) && method !== 'getChatMember') {
      return { code: 403, description: chatId > 0 ? 'Forbidden: bot was blocked by the user' : 'Forbidden: bot was kicked from the group chat' };
    }
    switch (method) {
      case 'getMe':
        return { result: { ...this.botUser, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } };
      case 'deleteWebhook':
        this.webhook = undefined;
        return { result: true };
      case 'setWebhook':
        this.webhook = { url: String(p.url), ...(p.secret_token ? { secret: String(p.secret_token) } : {}) };
        return { result: true };
      case 'setMyCommands':
      case 'sendChatAction':
      case 'answerCallbackQuery':
        if (method === 'answerCallbackQuery' && String(p.text ?? '').length > 200) {
          return { code: 400, description: 'Bad Request: MESSAGE_TOO_LONG' };
        }
        // As Telegram: a query is answered once.
        if (method === 'answerCallbackQuery') {
          if (this.answered.has(String(p.callback_query_id))) {
            return { code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' };
          }
          this.answered.add(String(p.callback_query_id));
        }
        return { result: true };
      case 'getChatMember': {
        const userId = Number(p.user_id);
        const role = this.roles.get(`${chatId}:${userId}`) ?? (chatId === userId ? 'member' : 'member');
        return { result: { status: role, user: { id: userId, is_bot: false, first_name: 'User' } } };
      }
      case 'sendDocument': {
        const chat = this.chatFor(chatId!);
        // grammY sends the file as its own part and `document` as "attach://<part>" (or the part itself).
        const ref = typeof p.document === 'string' && p.document.startsWith('attach://') ? p[p.document.slice('attach://'.length)] : p.document;
        const upload = ref as { file?: string; content?: string } | undefined;
        const message = this.store({
          message_id: this.nextMessageId++,
          chat,
          from: this.botUser,
          date: now(),
          caption: String(p.caption ?? ''),
          document: { file_id: `doc${this.nextMessageId}`, file_name: upload?.file ?? 'file', mime_type: 'application/octet-stream', ...(upload?.content !== undefined ? { content: upload.content } : {}) },
          history: [String(p.caption ?? '')],
        });
        return { result: strip(message) };
      }
      case 'sendMessage':
      case 'sendPhoto': {
        const chat = this.chatFor(chatId!);
        const text = method === 'sendMessage' ? String(p.text ?? '') : undefined;
        if (method === 'sendMessage' && !text?.trim()) return { code: 400, description: 'Bad Request: message text is empty' };
        if (text !== undefined && text.length > 4096) return { code: 400, description: 'Bad Request: message is too long' };
        const entitiesError = checkEntities(text ?? String(p.caption ?? ''), (p.entities ?? p.caption_entities) as FakeEntity[] | undefined);
        if (entitiesError) return { code: 400, description: `Bad Request: can't parse entities: ${entitiesError}` };
        const replyId = (p.reply_parameters as { message_id?: number } | undefined)?.message_id;
        const message = this.store({
          message_id: this.nextMessageId++,
          chat,
          from: this.botUser,
          date: now(),
          ...(text !== undefined ? { text } : { caption: String(p.caption ?? ''), photo: [{ file_id: 'p', file_unique_id: 'p', width: 800, height: 600 }] }),
          ...(p.entities ? { entities: p.entities as FakeEntity[] } : {}),
          ...(p.caption_entities ? { caption_entities: p.caption_entities as FakeEntity[] } : {}),
          ...(p.reply_markup ? { reply_markup: p.reply_markup as FakeMessage['reply_markup'] } : {}),
          ...(replyId !== undefined && this.message(chat.id, replyId) ? { reply_to_message: strip(this.message(chat.id, replyId)!) as FakeMessage } : {}),
          ...(p.message_thread_id !== undefined ? { message_thread_id: Number(p.message_thread_id) } : {}),
          history: [text ?? String(p.caption ?? '')],
        });
        return { result: strip(message) };
      }
      case 'editMessageText':
      case 'editMessageCaption':
      case 'editMessageReplyMarkup': {
        const message = this.message(chatId!, Number(p.message_id));
        if (!message) return { code: 400, description: 'Bad Request: message to edit not found' };
        const textField = method === 'editMessageCaption' ? 'caption' : 'text';
        const entityField = method === 'editMessageCaption' ? 'caption_entities' : 'entities';
        const next = {
          text: method === 'editMessageReplyMarkup' ? (message.text ?? message.caption) : String(p[textField] ?? ''),
          entities: method === 'editMessageReplyMarkup' ? (message.entities ?? message.caption_entities) : (p[entityField] as FakeEntity[] | undefined),
          markup: p.reply_markup as FakeMessage['reply_markup'] | undefined,
        };
        if (method === 'editMessageText' && !next.text?.trim()) return { code: 400, description: 'Bad Request: message text is empty' };
        if ((next.text?.length ?? 0) > 4096) return { code: 400, description: 'Bad Request: MESSAGE_TOO_LONG' };
        const entitiesError = checkEntities(next.text ?? '', next.entities);
        if (entitiesError) return { code: 400, description: `Bad Request: can't parse entities: ${entitiesError}` };
        const current = {
          text: message.text ?? message.caption,
          entities: message.entities ?? message.caption_entities,
          markup: message.reply_markup,
        };
        if (same(current, next)) {
          return {
            code: 400,
            description:
              'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
          };
        }
        if (message.caption !== undefined) {
          message.caption = next.text;
          message.caption_entities = next.entities;
        } else {
          message.text = next.text;
          message.entities = next.entities;
        }
        if (next.markup && next.markup.inline_keyboard.length) message.reply_markup = next.markup;
        else delete message.reply_markup;
        if (next.text !== message.history.at(-1)) message.history.push(next.text ?? '');
        return { result: strip(message) };
      }
      case 'deleteMessage':
        // As Telegram: deleting a message that is not there (any more) is a 400.
        if (!this.messages.delete(`${chatId}:${Number(p.message_id)}`)) return { code: 400, description: 'Bad Request: message to delete not found' };
        return { result: true };
      default:
        return { code: 404, description: 'Not Found: method not found' };
    }
  }

  private getUpdates(p: Record<string, unknown>, call: Call, res: ServerResponse): void {
    const offset = Number(p.offset ?? 0);
    const limit = Math.max(1, Math.min(100, Number(p.limit ?? 100)));
    const timeoutMs = Math.max(0, Number(p.timeout ?? 0)) * 1000;
    this.updates = this.updates.filter((u) => u.update_id >= offset);
    let timer: NodeJS.Timeout | undefined;
    const cleanup = (): void => {
      clearTimeout(timer);
      this.pollers.delete(wake);
      res.off('close', onClose);
    };
    const answer = (): void => {
      cleanup();
      const result = this.updates.slice(0, limit);
      call.result = result;
      this.record(call);
      if (!res.writableEnded && !res.destroyed) send(res, 200, { ok: true, result });
    };
    const wake = (): void => answer();
    // On Node 20 `req` 'close' fires as soon as the body is read; the response's 'close' means the client left.
    const onClose = (): void => cleanup();
    if (this.updates.length || timeoutMs === 0) return answer();
    timer = setTimeout(answer, timeoutMs);
    this.pollers.add(wake);
    res.on('close', onClose);
  }

  // === State ==========================================================================================

  private enqueue(update: Record<string, unknown>): void {
    this.updates.push({ update_id: this.nextUpdateId++, ...update });
    const wake = [...this.pollers][0];
    wake?.();
    this.notify();
  }

  private record(call: Call): void {
    this.calls.push(call);
    this.notify();
  }

  private notify(): void {
    for (const check of [...this.listeners]) check();
  }

  private store(message: FakeMessage): FakeMessage {
    this.messages.set(`${message.chat.id}:${message.message_id}`, message);
    return message;
  }

  private resolve(chat: FakeChat, ref: FakeMessage | number): FakeMessage {
    const id = typeof ref === 'number' ? ref : ref.message_id;
    const message = this.message(chat.id, id);
    if (!message) throw new Error(`FakeTelegram: no message ${id} in chat ${chat.id}`);
    return message;
  }

  private chatFor(chatId: number): FakeChat {
    for (const m of this.messages.values()) if (m.chat.id === chatId) return m.chat;
    return { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' };
  }

  private takeFault(method: string, payload: Record<string, unknown>): Fault | undefined {
    const list = this.faults.get(method);
    const fault = list?.find((f) => f.times > 0 && (!f.when || f.when(payload)));
    if (!fault) return undefined;
    fault.times -= 1;
    return fault;
  }
}

export async function startFakeTelegram(options?: FakeTelegramOptions): Promise<FakeTelegram> {
  return new FakeTelegram(options).start();
}

// === Helpers ============================================================================================

function now(): number {
  return Math.floor(Date.now() / 1000);
}

/** The message as Telegram would serialise it (no test-only fields). */
function strip(message: FakeMessage): Omit<FakeMessage, 'history'> {
  const { history: _history, ...rest } = message;
  return rest;
}

function same(a: unknown, b: unknown): boolean {
  const norm = (v: { text?: string; entities?: FakeEntity[]; markup?: FakeMessage['reply_markup'] }) =>
    JSON.stringify([v.text ?? '', v.entities?.length ? v.entities : [], v.markup?.inline_keyboard.length ? v.markup : null]);
  return norm(a as never) === norm(b as never);
}

/** Telegram rejects entities that fall outside the text or links that are not URLs. */
function checkEntities(text: string, entities: FakeEntity[] | undefined): string | undefined {
  for (const e of entities ?? []) {
    if (!Number.isInteger(e.offset) || !Number.isInteger(e.length) || e.offset < 0 || e.length <= 0) return 'bad entity bounds';
    if (e.offset + e.length > text.length) return 'entity beyond the end of the text';
    if (e.type === 'text_link' && !/^(https?|tg):\/\//.test(e.url ?? '')) return 'wrong HTTP URL';
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const JSON_FIELDS = ['reply_markup', 'entities', 'caption_entities', 'reply_parameters', 'commands', 'scope', 'link_preview_options'];

async function parsePayload(req: IncomingMessage, body: Buffer): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!body.length) return {};
  if (type.startsWith('application/json')) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  if (type.startsWith('multipart/form-data')) {
    // grammY uploads files as multipart (terse headers undici's parser refuses); objects arrive as JSON strings.
    const boundary = /boundary=(.+)$/.exec(type)?.[1];
    if (!boundary) throw new Error('no boundary');
    const payload: Record<string, unknown> = {};
    for (const part of body.toString('latin1').split(`--${boundary}`).slice(1, -1)) {
      const split = part.indexOf('\r\n\r\n');
      const head = part.slice(0, split);
      const raw = part.slice(split + 4, -2);
      const name = /name="?([^";\r\n]+)"?/i.exec(head)?.[1];
      if (!name) continue;
      const filename = /filename="?([^";\r\n]+)"?/i.exec(head)?.[1];
      if (filename) {
        payload[name] = { file: filename, bytes: Buffer.from(raw, 'latin1').length, content: Buffer.from(raw, 'latin1').toString('utf8') };
        continue;
      }
      const value = Buffer.from(raw, 'latin1').toString('utf8');
      payload[name] = JSON_FIELDS.includes(name) ? JSON.parse(value) : value;
    }
    return payload;
  }
  return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
}

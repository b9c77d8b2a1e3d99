// Running the Telegram bot: durable long polling (polling.ts: stored before confirmed, handled concurrently), or a
// webhook on a node:http server that checks Telegram's secret header, caps bodies at 1 MB and stores each update before
// answering 200. Connecting never blocks the start: an unreachable Bot API is retried, and said so in the log.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GrammyError, type Bot } from 'grammy';
import type { BotCommand, BotCommandScope, LanguageCode, Update } from 'grammy/types';
import { SUPPORTED_LOCALES } from '../../core/i18n';
import { COMMAND_CATALOGUE, commandDescriptionId } from '../../core/port/commands';
import { createTelegramBot, type CreateTelegramBotOptions, type TelegramAppParts, type TelegramBot } from './adapter';
import { startPolling, type Poller } from './polling';
import { checkUpdate } from './updates';

/** Updates Pnyx reacts to (Telegram sends only these). */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface TelegramWebhookOptions {
  /** Public HTTPS URL Telegram posts to (its path is the one served). */
  url: string;
  /** Checked on every request (X-Telegram-Bot-Api-Secret-Token). Unset: a random one for this run. */
  secret?: string;
  port: number;
  host?: string;
}

export interface StartTelegramBotOptions {
  app: TelegramAppParts;
  token: string;
  apiRoot?: string;
  webhook?: TelegramWebhookOptions;
  /** Skip setMyCommands (nothing to register against, e.g. some tests). Default false. */
  skipCommands?: boolean;
  /** A chat message budget other than Telegram's own (see CreateTelegramBotOptions.budget). */
  budget?: CreateTelegramBotOptions['budget'];
  minEditIntervalMs?: CreateTelegramBotOptions['minEditIntervalMs'];
  /** Called when polling stopped for good (revoked token, another process polling): the caller should exit. */
  onFatal?: (error: unknown) => void;
}

export interface RunningTelegramBot {
  telegram: TelegramBot;
  /** Where the webhook server listens (webhook mode). */
  address?: AddressInfo;
  /** Taking updates: polling (or the webhook server listening) and Telegram answering. */
  ready(): boolean;
  stop(): Promise<void>;
}

/** What stop() may take in all (SIGTERM must end the process within 10 s, whatever the network does). */
const STOP_MS = 5_000;
/** Largest webhook body accepted (Telegram's updates are a few KB). */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Connects (getMe) and prepares (command menus; the webhook or none). A refused token throws at once, on the first
 * try: a setting to fix. Anything else (the Bot API unreachable) is retried, at most 30 s apart, with the outage in
 * the log, for as long as the process runs: `npm start` never hangs silently, and service begins when Telegram answers.
 */
async function connect(telegram: TelegramBot, options: StartTelegramBotOptions, stopped: () => boolean): Promise<boolean> {
  const { bot, monitor } = telegram;
  let backoff = 500;
  for (let first = true; !stopped(); first = false) {
    try {
      await bot.init();
      monitor.up();
      break;
    } catch (error) {
      // Telegram answers 401 to a revoked token and 404 to a malformed one: say which setting to fix.
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        const refused = new Error(`Telegram refused the bot token (${error.error_code} ${error.description}): check TELEGRAM_BOT_TOKEN against BotFather's /token`);
        if (first) throw refused;
        options.onFatal?.(refused);
        return false;
      }
      monitor.down(error);
      await sleep(backoff);
      backoff = Math.min(30_000, backoff * 2);
    }
  }
  if (stopped()) return false;
  const log = options.app.log.child({ platform: 'telegram' });
  log.info({ username: bot.botInfo.username, mode: options.webhook ? 'webhook' : 'polling' }, 'telegram: bot connected');
  if (!options.skipCommands) await registerCommands(bot, options.app).catch((error: unknown) => log.warn({ err: error }, 'telegram: command menus not registered'));
  return true;
}

export async function startTelegramBot(options: StartTelegramBotOptions): Promise<RunningTelegramBot> {
  const telegram = createTelegramBot({ app: options.app, token: options.token, apiRoot: options.apiRoot, ...(options.budget ? { budget: options.budget } : {}), ...(options.minEditIntervalMs ? { minEditIntervalMs: options.minEditIntervalMs } : {}) });
  const log = options.app.log.child({ platform: 'telegram' });
  let stopped = false;
  // A token Telegram refuses fails the start at once; an unreachable Telegram does not (connect keeps trying).
  const first = connect(telegram, options, () => stopped);
  const outcome = await Promise.race([first.then(() => 'connected' as const), sleep(2_000).then(() => 'waiting' as const)]);
  if (outcome === 'waiting') log.warn('telegram: not connected yet; Pnyx keeps trying and starts serving as soon as the Bot API answers');

  if (options.webhook) {
    let secret = options.webhook.secret;
    if (!secret) {
      // Never run a webhook anyone could post to: without a configured secret, use a fresh random one.
      secret = randomBytes(24).toString('base64url');
      log.warn('telegram: TELEGRAM_WEBHOOK_SECRET is not set; using a random secret for this run');
    }
    return startWebhook(telegram, { ...options.webhook, secret }, first, log, () => (stopped = true));
  }

  let poller: Poller | undefined;
  const polling = first.then(async (ok) => {
    if (!ok || stopped) return;
    // A webhook left over from an earlier deployment would make getUpdates fail with 409.
    await telegram.bot.api.deleteWebhook();
    if (stopped) return;
    poller = startPolling({
      api: telegram.bot.api,
      log,
      monitor: telegram.monitor,
      allowedUpdates: ALLOWED_UPDATES,
      store: (updates) => telegram.store(updates),
      handle: (update) => telegram.handle(update),
      onFatal: (error) => options.onFatal?.(error),
    });
  });
  polling.catch((error: unknown) => {
    log.fatal({ err: error }, 'telegram: could not start polling');
    options.onFatal?.(error);
  });
  return {
    telegram,
    ready: () => poller?.ready() ?? false,
    async stop() {
      if (stopped) return;
      stopped = true;
      const deadline = Date.now() + STOP_MS;
      await Promise.race([polling.catch(() => undefined), sleep(1_000)]);
      await poller?.stop(Math.max(500, deadline - Date.now()));
      await drain(telegram, log, deadline);
      log.info('telegram: stopped');
    },
  };
}

async function startWebhook(
  telegram: TelegramBot,
  webhook: TelegramWebhookOptions & { secret: string },
  connected: Promise<boolean>,
  log: TelegramAppParts['log'],
  markStopped: () => void,
): Promise<RunningTelegramBot> {
  const { bot } = telegram;
  const path = new URL(webhook.url).pathname || '/';
  const secret = Buffer.from(webhook.secret);
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    const given = Buffer.from(String(req.headers['x-telegram-bot-api-secret-token'] ?? ''));
    if (given.length !== secret.length || !timingSafeEqual(given, secret)) {
      log.warn({ from: req.socket.remoteAddress }, 'telegram: webhook request with a wrong secret refused');
      res.writeHead(401).end();
      return;
    }
    void receive(req, res);
  });

  /** Reads (at most 1 MB), checks, stores and handles one update; answers 200 once its acknowledgement is given. */
  const receive = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_WEBHOOK_BYTES) {
        log.warn({ bytes: declared }, 'telegram: webhook body over 1 MB refused');
        res.writeHead(413).end();
        req.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_WEBHOOK_BYTES) {
          log.warn({ bytes: size }, 'telegram: webhook body over 1 MB refused');
          res.writeHead(413).end();
          return;
        }
        chunks.push(chunk as Buffer);
      }
      let update: unknown;
      try {
        update = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        log.warn('telegram: webhook body is not JSON; dropped');
        res.writeHead(200).end();
        return;
      }
      const checked = checkUpdate(update);
      if (!checked.ok) {
        // Answered 200 all the same: Telegram would only send the same malformed update again.
        log.warn({ update: checked.updateId, problems: checked.problems }, 'telegram: malformed update dropped');
        res.writeHead(200).end();
        return;
      }
      if (!(await connected)) {
        res.writeHead(503).end();
        return;
      }
      // Stored before Telegram is told (the 200): a process dying now leaves it to another, not to nobody.
      const fresh = await telegram.store([update as Update]);
      if (fresh.has(checked.update.update_id)) await telegram.handle(update as Update);
      res.writeHead(200).end();
    } catch (error) {
      // Not answered 200: Telegram sends the update again (it is stored, and handled once).
      log.error({ err: error }, 'telegram: webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    }
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(webhook.port, webhook.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address() as AddressInfo;
  log.info({ port: address.port, path }, 'telegram: webhook listening');
  const registered = connected.then(async (ok) => {
    if (ok) await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
    return ok;
  });
  registered.catch((error: unknown) => log.error({ err: error }, 'telegram: the webhook could not be registered'));
  let stopped = false;
  let isRegistered = false;
  void registered.then((ok) => (isRegistered = ok)).catch(() => undefined);
  // Connected already (the usual start): the webhook is registered before the start is over.
  await Promise.race([registered.catch(() => undefined), sleep(2_000)]);
  return {
    telegram,
    address,
    ready: () => server.listening && isRegistered && telegram.connected(),
    async stop() {
      if (stopped) return;
      stopped = true;
      markStopped();
      const deadline = Date.now() + STOP_MS;
      // The webhook stays registered: Telegram keeps updates until the next start answers them.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, 1_000).unref();
      });
      await drain(telegram, log, deadline);
      log.info('telegram: stopped');
    },
  };
}

async function drain(telegram: TelegramBot, log: TelegramAppParts['log'], deadline: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
  });
  const outcome = await Promise.race([telegram.idle().then(() => 'idle' as const), timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') log.warn('telegram: stopped with updates still being handled (they are stored and handled again at the next start)');
}

/** The command menu from the core's catalogue, in each supported language; admin commands only in the admins' menu. */
export function commandMenus(app: Pick<TelegramAppParts, 'i18n'>): Array<{ language_code?: LanguageCode; admins: boolean; commands: BotCommand[] }> {
  const menus: Array<{ language_code?: LanguageCode; admins: boolean; commands: BotCommand[] }> = [];
  const listed = COMMAND_CATALOGUE.filter((c) => !c.hidden);
  for (const locale of SUPPORTED_LOCALES) {
    const t = app.i18n.t(locale);
    // Telegram caps descriptions at 256 characters.
    const describe = (c: (typeof listed)[number]) => ({ command: c.name, description: t(commandDescriptionId(c.name)).slice(0, 256) });
    const language = locale === 'en' ? {} : { language_code: locale as LanguageCode };
    menus.push({ ...language, admins: false, commands: listed.filter((c) => !c.admin).map(describe) });
    menus.push({ ...language, admins: true, commands: listed.map(describe) });
  }
  return menus;
}

async function registerCommands(bot: Bot, app: TelegramAppParts): Promise<void> {
  for (const menu of commandMenus(app)) {
    const scope: BotCommandScope = menu.admins ? { type: 'all_chat_administrators' } : { type: 'default' };
    await bot.api.setMyCommands(menu.commands, { ...(menu.language_code ? { language_code: menu.language_code } : {}), scope });
  }
}

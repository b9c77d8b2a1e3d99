// Running the Telegram bot: long polling through @grammyjs/runner (updates handled concurrently, so a vote is
// answered while replies still stream), or a webhook on a node:http server that checks Telegram's secret header.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { GrammyError, webhookCallback, type Bot } from 'grammy';
import type { BotCommand, BotCommandScope, LanguageCode } from 'grammy/types';
import { SUPPORTED_LOCALES } from '../../core/i18n';
import { COMMAND_CATALOGUE, commandDescriptionId } from '../../core/port/commands';
import { createTelegramBot, type TelegramAppParts, type TelegramBot } from './adapter';

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

/** How long stop() waits for battles in flight before giving up on them. */
const DRAIN_MS = 15_000;

export async function startTelegramBot(options: StartTelegramBotOptions): Promise<RunningTelegramBot> {
  const telegram = createTelegramBot({ app: options.app, token: options.token, apiRoot: options.apiRoot });
  const { bot } = telegram;
  const log = options.app.log.child({ platform: 'telegram' });
  try {
    await bot.init();
  } catch (error) {
    // Telegram answers 401 to a revoked token and 404 to a malformed one: say which setting to fix.
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      throw new Error(`Telegram refused the bot token (${error.error_code} ${error.description}): check TELEGRAM_BOT_TOKEN against BotFather's /token`);
    }
    throw error;
  }
  log.info({ username: bot.botInfo.username, mode: options.webhook ? 'webhook' : 'polling' }, 'telegram: bot connected');
  if (!options.skipCommands) await registerCommands(bot, options.app);

  if (options.webhook) {
    let secret = options.webhook.secret;
    if (!secret) {
      // Never run a webhook anyone could post to: without a configured secret, use a fresh random one.
      secret = randomBytes(24).toString('base64url');
      log.warn('telegram: TELEGRAM_WEBHOOK_SECRET is not set; using a random secret for this run');
    }
    return startWebhook(telegram, { ...options.webhook, secret }, log);
  }

  // A webhook left over from an earlier deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  // The runner retries failed polls by itself; say so in the structured log rather than on the console.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (error) {
      if (method === 'getUpdates' && !signal?.aborted) log.warn({ err: error }, 'telegram: polling for updates failed; retrying');
      throw error;
    }
  });
  const runner: RunnerHandle = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true },
  });
  // It gives up only on what retrying cannot fix: a revoked token (401) or another process polling (409).
  runner.task()?.catch((error: unknown) => {
    const conflict = error instanceof GrammyError && error.error_code === 409;
    log.fatal(
      { err: error },
      conflict
        ? 'telegram: another process is receiving updates for this bot token (409); stop it or use a different token'
        : 'telegram: polling stopped',
    );
    options.onFatal?.(error);
  });
  let stopped = false;
  return {
    telegram,
    ready: () => runner.isRunning() && telegram.connected(),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (runner.isRunning()) await runner.stop();
      await drain(telegram, log);
      // The runner does not confirm the last offset: do it, or the last updates come back after a restart.
      const last = telegram.lastUpdateId();
      if (last) await bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 }).catch(() => undefined);
      log.info('telegram: stopped');
    },
  };
}

async function startWebhook(telegram: TelegramBot, webhook: TelegramWebhookOptions & { secret: string }, log: TelegramAppParts['log']): Promise<RunningTelegramBot> {
  const { bot } = telegram;
  const path = new URL(webhook.url).pathname || '/';
  // Telegram waits for the answer, and a battle streams for longer than it will wait: after a few seconds answer
  // 200 and keep handling (with 'throw' Telegram would send the update again and the battle would run twice).
  const handle = webhookCallback(bot, 'http', { secretToken: webhook.secret, onTimeout: 'return', timeoutMilliseconds: 8_000 });
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'telegram: webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(webhook.port, webhook.host ?? '0.0.0.0', () => resolve());
  });
  await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  const address = server.address() as AddressInfo;
  log.info({ port: address.port, path }, 'telegram: webhook listening');
  let stopped = false;
  return {
    telegram,
    address,
    ready: () => server.listening && telegram.connected(),
    async stop() {
      if (stopped) return;
      stopped = true;
      // The webhook stays registered: Telegram keeps updates until the next start answers them.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await drain(telegram, log);
      log.info('telegram: stopped');
    },
  };
}

async function drain(telegram: TelegramBot, log: TelegramAppParts['log']): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DRAIN_MS);
  });
  const outcome = await Promise.race([telegram.idle().then(() => 'idle' as const), timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') log.warn('telegram: stopped with updates still being handled');
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

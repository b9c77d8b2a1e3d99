// The translation table between Telegram updates and the core's events. Decisions about battles, votes and
// settings belong to the core; this file only says what a Telegram update means and shows the core's answers.
// It wires the bot; the handlers are on-message.ts, on-callback-query.ts and on-chat-change.ts, sharing one
// AdapterState (adapter-state.ts).
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { fileURLToPath } from 'node:url';
import type { Arena } from '../../core/engine/types';
import { createPendingWork } from '../../core/pending-work';
import type { I18n } from '../../core/i18n';
import { COMMAND_CATALOGUE } from '../../core/port/commands';
import type { CommandName, PortLimits } from '../../core/port/types';
import { chatChanged, type AdapterState } from './adapter-state';
import { onCallbackQuery } from './on-callback-query';
import { onChatChanges } from './on-chat-change';
import { onMessage } from './on-message';
import { ChatUnreachableError, createTelegramPort, TELEGRAM_LIMITS, type TelegramPort } from './port';
import { createOutageMonitor, retryTransformer, type OutageMonitor } from './retry';

export { parseCommand } from './message-text';

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

  // The hook runs only once updates flow, after `state` below exists.
  const port = createTelegramPort(bot.api, log, { ...TELEGRAM_LIMITS, ...(options.budget ? { budget: options.budget } : {}), ...(options.minEditIntervalMs ? { minEditIntervalMs: options.minEditIntervalMs } : {}) }, {
    chatMoved: (from, to) => chatChanged(state, { platform: 'telegram', id: from, kind: 'group' }, `migrate:${from}:${to}`, { kind: 'moved', to }),
  });
  const state: AdapterState = {
    app,
    log,
    port,
    // A counter, not a Set of promises: see core/pending-work.ts.
    inflight: createPendingWork(),
    lastUpdateId: 0,
    botUser: { platform: 'telegram', id: '0', displayName: 'Pnyx' },
  };
  // A stored update nobody finished (its process died) is handled again exactly as if it had just arrived.
  port.replay = async (payload) => {
    await bot.init();
    await bot.handleUpdate(JSON.parse(payload) as Update);
  };
  app.arena.attach(port);

  // Every update: remember how far Telegram got and who the bot is, and count the update as in flight.
  bot.use(async (ctx, next) => {
    state.lastUpdateId = Math.max(state.lastUpdateId, ctx.update.update_id);
    state.botUser = { platform: 'telegram', id: String(ctx.me.id), displayName: ctx.me.first_name };
    await state.inflight.track(next());
  });
  onChatChanges(bot, state);
  bot.on('callback_query', (ctx) => onCallbackQuery(state, ctx));
  bot.on('message', (ctx) => onMessage(state, ctx));
  bot.catch((error) => {
    const cause = error.error;
    if (cause instanceof ChatUnreachableError) return;
    log.error({ err: cause, update: error.ctx.update.update_id }, 'telegram: update handling failed');
  });

  return {
    bot,
    port,
    lastUpdateId: () => state.lastUpdateId,
    idle: () => state.inflight.idle(),
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

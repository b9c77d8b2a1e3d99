// The Slack app: a Bolt App (HTTP receiver or Socket Mode) whose listeners are the translation table between Slack and
// the core (listeners/*). Each listener checks its payload (payloads.ts), says what it means (events.ts), hands the
// event to the core and shows the acknowledgement (answers.ts); what the core posts later goes through the port.
// Decisions about battles, votes and settings belong to the core.
import { App, LogLevel, webApi, type Logger as BoltLogger } from '@slack/bolt';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { createAnswers } from './answers';
import { createSlackContext, type BotIdentity, type SlackAppParts } from './context';
import { createDirectory } from './directory';
import { PLATFORM } from './events';
import { listenToCommands } from './listeners/commands';
import { listenToInteractions } from './listeners/interactions';
import { listenToMembership } from './listeners/membership';
import { listenToMessages } from './listeners/messages';
import { createSlackPort, type SlackPort } from './port';

export type { SlackAppParts } from './context';

/** This adapter's own strings (hints about Slack itself). */
export const SLACK_LOCALES = fileURLToPath(new URL('./locales', import.meta.url));

export interface CreateSlackAppOptions {
  app: SlackAppParts;
  botToken: string;
  /** HTTP mode: every request is verified with it (v0 signature of the timestamp and body, 5-minute window). */
  signingSecret?: string;
  /** Socket Mode (an `xapp-` app-level token): no public URL. */
  appToken?: string;
  /** Web API base URL, ending with `/` (tests, proxies). Default https://slack.com/api/. */
  apiUrl?: string;
}

export interface SlackApp {
  bolt: App;
  port: SlackPort;
  bot: BotIdentity;
  /** Resolves when every event being handled is finished, with the work it started. */
  idle(): Promise<void>;
}

/** Bolt's and the WebClient's log lines, in the app's structured log. */
export function boltLogger(log: Logger): BoltLogger {
  const line = (level: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => log[level](msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' '));
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error'), setLevel: () => undefined, getLevel: () => LogLevel.INFO, setName: () => undefined };
}

export async function createSlackApp(options: CreateSlackAppOptions): Promise<SlackApp> {
  const { app } = options;
  const log = app.log.child({ platform: PLATFORM });
  app.i18n.extend(SLACK_LOCALES);
  const logger = boltLogger(log.child({ module: 'bolt' }));
  const clientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    // 5xx and network errors get a few retries, not the WebClient's default half hour: the core's pacer waits behind
    // each call. 429s are waited out for as long as Slack's Retry-After says, then sent again.
    retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes,
    logger,
  };
  // Initialised explicitly (auth.test) so that a bad token is one clear error at start, not a crash later.
  const bolt = options.appToken
    ? new App({ token: options.botToken, appToken: options.appToken, socketMode: true, logger, clientOptions, deferInitialization: true })
    : new App({ token: options.botToken, signingSecret: options.signingSecret ?? '', logger, clientOptions, deferInitialization: true });
  try {
    await bolt.init();
  } catch (error) {
    throw new Error(`Slack refused the bot token (${error instanceof Error ? error.message : String(error)}): check SLACK_BOT_TOKEN (xoxb-…, OAuth & Permissions)`);
  }
  const auth = await bolt.client.auth.test();
  const bot: BotIdentity = { userId: String(auth.user_id ?? ''), name: String(auth.user ?? 'pnyx'), ...(auth.team_id ? { teamId: auth.team_id } : {}) };

  const directory = createDirectory(bolt.client, log);
  const port = createSlackPort(bolt.client, log, {
    hooks: {
      // A post the core made in answer to a slash command found the app out of the channel: tell that person why.
      unreachable(chat, error, answering) {
        directory.forget(chat.id);
        const waiting = answering ? ctx.responders.get(answering) : undefined;
        if (!waiting) return;
        void ctx.run('unreachable-hint', async () => {
          const t = await ctx.t(waiting.user);
          const text = t(error === 'not_in_channel' ? 'slack-invite' : 'slack-cannot-post', { bot: bot.name });
          await ctx.answers.notice({ channel: chat.id, user: waiting.user, kind: chat.kind, respond: waiting.respond }, { text });
        });
      },
    },
  });
  const ctx = createSlackContext({ app, log, bot, port, directory, answers: createAnswers(bolt.client, log) });
  app.arena.attach(port);

  listenToMessages(bolt, ctx);
  listenToCommands(bolt, ctx);
  listenToInteractions(bolt, ctx);
  listenToMembership(bolt, ctx);
  bolt.error(async (error) => {
    log.error({ err: error }, 'slack: Bolt reported an error');
  });

  return { bolt, port, bot, idle: () => ctx.inflight.idle() };
}

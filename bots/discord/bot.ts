// Running the Discord bot: the real discord.js Client over the gateway (with the fewest intents that work), slash
// commands registered at start, the invite URL printed while the bot is in no server, and a stop that drains.
import { Client, Events, GatewayIntentBits, Options, Partials, REST } from 'discord.js';
import { metrics } from '../../core/metrics';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAppParts } from './adapter';
import { createDiscordCalls, type DiscordCalls } from './calls';
import { registerCommands } from './commands';
import { inviteUrl } from './permissions';

export interface StartDiscordBotOptions {
  app: DiscordAppParts;
  token: string;
  /** REST base without the version (discord.js appends /v10); the gateway URL comes from GET /gateway/bot. */
  apiRoot?: string;
  /**
   * Ask for the privileged Message Content intent (it must be switched on in the Developer Portal too): then any
   * message in a battle's thread is a follow-up, and the chat's "every message" trigger works.
   */
  messageContent?: boolean;
  /** Skip the slash-command overwrite (tests that register their own). */
  skipCommands?: boolean;
  /** Where the invite URL is printed when the bot is in no server (default stdout). */
  print?: (line: string) => void;
  deferAfterMs?: number;
  /** The gateway stopped for good (a revoked token): the caller should exit. */
  onFatal?: (error: unknown) => void;
}

export interface RunningDiscordBot {
  client: Client;
  adapter: DiscordAdapter;
  calls: DiscordCalls;
  applicationId: string;
  /** Connected to the gateway and taking events (/readyz): false while discord.js reconnects or resumes. */
  ready(): boolean;
  stop(): Promise<void>;
}

/** The gateway intents: servers and their channels, server messages, DMs. Message Content only when asked for. */
export function intentsFor(messageContent: boolean): number {
  const base = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;
  return messageContent ? base | GatewayIntentBits.MessageContent : base;
}

/** How long stop() waits for battles in flight before leaving them to the arena's own stop. */
/** How long stop() waits for events in flight: well within the process's 10 s to stop (bots/main.ts). */
const DRAIN_MS = 5_000;

export async function startDiscordBot(options: StartDiscordBotOptions): Promise<RunningDiscordBot> {
  const log = options.app.log.child({ platform: 'discord' });
  const api = options.apiRoot?.replace(/\/+$/, '');
  // The adapter's own REST client: it must outlive the gateway's, so that battles finishing during shutdown can still
  // post (Client.destroy() drops its REST client's token). discord.js's queue handles 429s and retries 5xx.
  const rest = new REST({ ...(api ? { api } : {}) }).setToken(options.token);
  rest.on('rateLimited', (info) => log.info({ route: info.route, retryAfterMs: info.timeToReset, global: info.global }, 'discord: rate limited; waiting'));
  // 429s Discord actually answered (the queue also waits ahead of a bucket's end without one).
  rest.on('response', (_request, response) => {
    if (response.status === 429) metrics.platformRateLimited('discord');
  });
  const calls = createDiscordCalls(rest);
  const client = new Client({
    intents: intentsFor(options.messageContent ?? false),
    // DMs are never announced in GUILD_CREATE: without the partial channel, discord.js would not deliver them.
    partials: [Partials.Channel],
    rest: { ...(api ? { api } : {}) },
    allowedMentions: { parse: [] },
    // Pnyx reads messages from the gateway payloads and keeps its own refs: discord.js need not keep messages.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
  });
  const adapter = createDiscordAdapter({ app: options.app, client, calls, ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}) });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord: client error'));
  let stopped = false;
  client.on(Events.ShardDisconnect, (event) => {
    // Only unrecoverable closes reach here (discord.js resumes the others by itself).
    if (stopped) return;
    log.fatal({ code: event.code }, 'discord: the gateway closed for good');
    options.onFatal?.(new Error(`Discord gateway closed with code ${event.code}`));
  });
  // Whether events arrive now, for /readyz: a shard that lost its connection is reconnecting until it resumes.
  let connected = false;
  client.on(Events.ShardReady, () => (connected = true));
  client.on(Events.ShardReconnecting, () => {
    if (connected) log.warn('discord: gateway connection lost; reconnecting');
    connected = false;
  });
  client.on(Events.ShardResume, (_id, replayed) => {
    connected = true;
    log.info({ replayed }, 'discord: gateway resumed');
  });
  client.on(Events.GuildCreate, (guild) => log.info({ guild: guild.id, name: guild.name }, 'discord: in a server'));

  // The first prompt would load the language detector and the models' word lists while Discord's 3 s run, blocking
  // the event loop for a second or more on a busy machine: load them before taking any interaction.
  await options.app.arena.warmUp();
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(options.token);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw explainLogin(error);
  }
  await ready;
  const applicationId = client.application?.id ?? (await calls.application()).id;
  log.info({ user: client.user?.tag, application: applicationId, servers: client.guilds.cache.size }, 'discord: bot connected');
  if (!options.skipCommands) {
    const names = await registerCommands(calls, options.app.i18n, applicationId);
    log.info({ commands: names }, 'discord: slash commands registered');
  }
  if (client.guilds.cache.size === 0) {
    const url = inviteUrl(applicationId);
    (options.print ?? ((line) => process.stdout.write(`${line}\n`)))(`\n  Pnyx is in no Discord server yet. Invite it with:\n  ${url}\n`);
    log.info({ url }, 'discord: in no server; invite URL printed');
  }

  return {
    client,
    adapter,
    calls,
    applicationId,
    ready: () => connected && !stopped,
    async stop() {
      if (stopped) return;
      stopped = true;
      adapter.close();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), DRAIN_MS)));
      const outcome = await Promise.race([adapter.idle().then(() => 'idle' as const), timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') log.warn('discord: stopped with events still being handled');
      await client.destroy();
      log.info('discord: stopped');
    },
  };
}

/** A login failure as a sentence that says what to fix. */
function explainLogin(error: unknown): Error {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/TokenInvalid|4004|Authentication failed|401/i.test(text)) {
    return new Error('Discord refused the bot token: check DISCORD_BOT_TOKEN (Developer Portal → your application → Bot → Reset Token)');
  }
  if (/disallowed intents|4014/i.test(text)) {
    return new Error('Discord refused the Message Content intent: switch it on in the Developer Portal (Bot → Privileged Gateway Intents) or unset DISCORD_MESSAGE_CONTENT');
  }
  return error instanceof Error ? error : new Error(text);
}

// Running the Discord bot: the real discord.js Client over the gateway (with the fewest intents that work) on this
// process's shards, slash commands registered at start, the invite URL printed while the bot is in no server, and a
// stop that drains.
import { Client, Events, GatewayIntentBits, Options, Partials, REST } from 'discord.js';
import type { Logger } from 'pino';
import { metrics } from '../../core/metrics';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAppParts } from './adapter';
import { createDiscordCalls, type DiscordCalls } from './calls';
import { registerCommands } from './commands';
import { inviteUrl } from './permissions';
import { clientShardOptions, formatShardIds, type ShardPlan } from './shards';

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
  /** The gateway shards this process runs (default: all of Discord's recommended count). */
  shards?: ShardPlan;
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
  /** Every shard of this process connected and taking events (/readyz): false while one reconnects or resumes. */
  ready(): boolean;
  /** The shards this process runs, and how many the bot has. */
  shards: { ids: readonly number[]; count: number };
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
  const plan = options.shards ?? { count: 'auto' };
  const client = new Client({
    ...clientShardOptions(plan),
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
  // Whether events arrive now, for /readyz, shard by shard: one that lost its connection is reconnecting until it
  // resumes, and the servers it carries hear nothing meanwhile.
  const connected = new Set<number>();
  client.on(Events.ShardDisconnect, (event, shard) => {
    connected.delete(shard);
    // Only unrecoverable closes reach here (discord.js resumes the others by itself).
    if (stopped) return;
    log.fatal({ code: event.code, shard }, 'discord: the gateway closed for good');
    options.onFatal?.(explainClose(event.code, plan) ?? new Error(`Discord gateway closed with code ${event.code}`));
  });
  client.on(Events.ShardReady, (shard) => connected.add(shard));
  client.on(Events.ShardReconnecting, (shard) => {
    if (connected.delete(shard)) log.warn({ shard }, 'discord: gateway connection lost; reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) => {
    connected.add(shard);
    log.info({ shard, replayed }, 'discord: gateway resumed');
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
    throw explainLogin(error, plan);
  }
  await ready;
  // Resolved by discord.js at login (from Discord's recommendation when the count is auto).
  const shards = { ids: Array.isArray(client.options.shards) ? [...client.options.shards] : [], count: client.options.shardCount ?? 0 };
  log.info({ shards: shards.ids, shardCount: shards.count }, `discord: running shards ${formatShardIds(shards.ids)} of ${shards.count}`);
  if (plan.count !== 'auto') void warnIfFewerThanRecommended(calls, plan.count, log);
  const applicationId = client.application?.id ?? (await calls.application()).id;
  log.info({ user: client.user?.tag, application: applicationId, servers: client.guilds.cache.size }, 'discord: bot connected');
  if (!options.skipCommands) {
    const names = await registerCommands(calls, options.app.i18n, applicationId);
    log.info({ commands: names }, 'discord: slash commands registered');
  }
  // With some shards only, the bot's servers may all be on the others: ask Discord before saying it is in none.
  if (client.guilds.cache.size === 0 && (shards.ids.length === shards.count || !(await calls.inAnyServer()))) {
    const url = inviteUrl(applicationId);
    (options.print ?? ((line) => process.stdout.write(`${line}\n`)))(`\n  Pnyx is in no Discord server yet. Invite it with:\n  ${url}\n`);
    log.info({ url }, 'discord: in no server; invite URL printed');
  }

  return {
    client,
    adapter,
    calls,
    applicationId,
    ready: () => !stopped && shards.ids.length > 0 && shards.ids.every((id) => connected.has(id)),
    shards,
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

/** Below Discord's recommendation a fixed count still works, until a shard passes 2,500 servers and is refused. */
async function warnIfFewerThanRecommended(calls: DiscordCalls, count: number, log: Logger): Promise<void> {
  try {
    const shards = await calls.recommendedShards();
    if (shards > count) {
      log.warn({ shardCount: count, recommended: shards }, `discord: Discord recommends ${shards} shards for this bot; raise DISCORD_SHARD_COUNT (now ${count}) on every process before Discord requires it`);
    }
  } catch (error) {
    log.debug({ err: error }, 'discord: could not read the recommended shard count');
  }
}

/** A close code the operator must act on, as a sentence that says what to change. */
function explainClose(code: number, plan: ShardPlan): Error | undefined {
  if (code === 4011) {
    return new Error(
      plan.count === 'auto'
        ? "Discord requires more shards: its recommendation leaves a shard with more than 2,500 servers. Set DISCORD_SHARD_COUNT above it, the same on every process"
        : `Discord requires more shards: DISCORD_SHARD_COUNT=${plan.count} leaves a shard with more than 2,500 servers. Raise DISCORD_SHARD_COUNT on every process (or set it to auto where one process runs all shards)`,
    );
  }
  if (code === 4010) return new Error('Discord refused a shard id: DISCORD_SHARD_IDS must all be below DISCORD_SHARD_COUNT, the same count on every process');
  return undefined;
}

/** A login failure as a sentence that says what to fix. */
function explainLogin(error: unknown, plan: ShardPlan): Error {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/4011|Sharding is required/i.test(text)) return explainClose(4011, plan)!;
  if (/4010|Invalid shard/i.test(text)) return explainClose(4010, plan)!;
  if (/TokenInvalid|4004|Authentication failed|401/i.test(text)) {
    return new Error('Discord refused the bot token: check DISCORD_BOT_TOKEN (Developer Portal → your application → Bot → Reset Token)');
  }
  if (/disallowed intents|4014/i.test(text)) {
    return new Error('Discord refused the Message Content intent: switch it on in the Developer Portal (Bot → Privileged Gateway Intents) or unset DISCORD_MESSAGE_CONTENT');
  }
  return error instanceof Error ? error : new Error(text);
}

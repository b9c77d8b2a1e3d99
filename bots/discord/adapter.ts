// The Discord adapter, wired: gateway events (read raw from discord.js's WebSocket manager, checked with zod) go to
// the translation handlers, the core answers through the port and the responder. The battle logic is the core's.
import { GatewayDispatchEvents, type Client } from 'discord.js';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Arena } from '../../core/engine/types';
import type { I18n } from '../../core/i18n';
import { createPendingWork } from '../../core/pending-work';
import type { Person } from '../../core/port/types';
import type { DiscordCalls } from './calls';
import { recentKeys, throttle, type AdapterContext, type DiscordCache } from './context';
import { createInteractionHandler } from './interactions';
import { createMessageHandler } from './messages';
import type { PermissionName } from './permissions';
import { createDiscordPort, type DiscordPort } from './port';
import { createRemovalHandlers } from './removals';
import { createResponder, type Responder } from './responder';
import { createThreadRefusals } from './thread-refusals';
import { PLATFORM, THREAD_TYPES } from './translate';

/** This adapter's own strings (about Discord itself). */
export const DISCORD_LOCALES = fileURLToPath(new URL('./locales', import.meta.url));

/** What the adapter needs from the application (a subset of core/app.ts's PnyxApp). */
export interface DiscordAppParts {
  arena: Arena;
  i18n: I18n;
  log: Logger;
}

export interface DiscordAdapter {
  port: DiscordPort;
  responder: Responder;
  /** Resolves when every event being handled is finished, with the work it started. */
  idle(): Promise<void>;
  /** Stop taking events (stop() of the bot drains afterwards). */
  close(): void;
}

export interface CreateDiscordAdapterOptions {
  app: DiscordAppParts;
  client: Client;
  calls: DiscordCalls;
  /** Safety defer of interactions when the core is slow (tests shorten it). */
  deferAfterMs?: number;
}

/** Remembered event ids: gateway replays come within minutes, far fewer than this many events apart. */
const REMEMBERED_EVENTS = 20_000;

export function createDiscordAdapter(options: CreateDiscordAdapterOptions): DiscordAdapter {
  const { app, client, calls } = options;
  const log = app.log.child({ platform: PLATFORM });
  app.i18n.extend(DISCORD_LOCALES);
  const cache = discordCache(client);
  const responder = createResponder(calls, log, { deferAfterMs: options.deferAfterMs });
  const seen = recentKeys(REMEMBERED_EVENTS);
  const onceEvery = throttle();
  const inflight = createPendingWork();

  /** "**Send Messages**, **Read Message History**", in the person's language, for a permission message. */
  const permissionNames = (t: (id: string) => string, missing: readonly PermissionName[]) => missing.map((name) => `**${t(`discord-permission-${name}`)}**`).join(', ');

  const threadRefused = createThreadRefusals({ i18n: app.i18n, log, calls, responder, cache, inflight, onceEvery, permissionNames });

  const port = createDiscordPort(calls, responder, log, { permissionsIn: (id) => cache.botPermissionsIn(id), threadRefused });
  app.arena.attach(port);

  const ctx: AdapterContext = {
    arena: app.arena,
    i18n: app.i18n,
    log,
    calls,
    responder,
    port,
    cache,
    inflight,
    firstTime: (id) => seen.add(id),
    onceEvery,
    permissionNames,
    stopping: false,
    async handle(event, t) {
      try {
        return await app.arena.handle(event);
      } catch (error) {
        log.error({ err: error, type: event.type, chat: event.chat.id, delivery: event.delivery }, 'discord: the core failed to handle an event');
        return { notice: { text: t('discord-error') } };
      }
    },
  };

  const onInteraction = createInteractionHandler(ctx);
  const onMessage = createMessageHandler(ctx);
  const removals = createRemovalHandlers(ctx);
  const listen = (event: GatewayDispatchEvents, handler: (raw: unknown) => Promise<void>) => {
    client.ws.on(event, (raw: unknown) => {
      void ctx.inflight.track(
        handler(raw).catch((error: unknown) => log.error({ err: error, event }, 'discord: event handling failed')),
      );
    });
  };
  listen(GatewayDispatchEvents.InteractionCreate, onInteraction);
  listen(GatewayDispatchEvents.MessageCreate, onMessage);
  listen(GatewayDispatchEvents.GuildDelete, removals.guildDelete);
  listen(GatewayDispatchEvents.ChannelDelete, removals.channelDelete);
  listen(GatewayDispatchEvents.ThreadDelete, removals.threadDelete);

  return {
    port,
    responder,
    idle: () => ctx.inflight.idle(),
    close() {
      ctx.stopping = true;
      responder.stop();
    },
  };
}

/** What discord.js's cache knows, read the way the handlers need it. */
function discordCache(client: Client): DiscordCache {
  const guildChannel = (id: string) => {
    const channel = client.channels.cache.get(id);
    return channel && !channel.isDMBased() ? channel : undefined;
  };
  return {
    botId: () => client.user?.id,
    botPerson: (): Person => ({ platform: PLATFORM, id: client.user?.id ?? '0', displayName: client.user?.displayName ?? client.user?.username ?? 'Pnyx' }),
    channel(id) {
      const channel = guildChannel(id);
      if (!channel) return undefined;
      const thread = channel.isThread() ? channel : undefined;
      return {
        isThread: Boolean(thread),
        ...(thread?.parentId ? { parentId: thread.parentId } : {}),
        ...(thread?.ownerId ? { ownerId: thread.ownerId } : {}),
        name: channel.name,
        guildLocale: channel.guild.preferredLocale,
      };
    },
    botPermissionsIn(id) {
      const channel = guildChannel(id);
      const me = channel?.guild.members.me;
      return channel && me ? channel.permissionsFor(me).bitfield : undefined;
    },
    memberPermissionsIn(id, userId) {
      const channel = guildChannel(id);
      const member = channel?.guild.members.cache.get(userId);
      return channel && member ? channel.permissionsFor(member).bitfield : undefined;
    },
    guildChannels(guildId) {
      const guild = client.guilds.cache.get(guildId);
      if (!guild) return [];
      return [...guild.channels.cache.values()].filter((c) => !THREAD_TYPES.includes(c.type) && c.isTextBased()).map((c) => c.id);
    },
  };
}

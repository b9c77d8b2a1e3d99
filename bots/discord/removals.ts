// A server that removed the bot, a deleted channel, a deleted thread: the core forgets what it was showing there
// (chat `removed` events), quietly. A server that is only unavailable (a Discord outage) is not a removal.
import type { ChatAddress } from '../../core/port/types';
import type { AdapterContext } from './context';
import { ChannelDeletePayload, GuildDeletePayload } from './payloads';
import { PLATFORM, THREAD_TYPES } from './translate';

export interface RemovalHandlers {
  guildDelete(raw: unknown): Promise<void>;
  channelDelete(raw: unknown): Promise<void>;
  threadDelete(raw: unknown): Promise<void>;
}

export function createRemovalHandlers(ctx: AdapterContext): RemovalHandlers {
  const { log, cache } = ctx;

  const removed = (chat: ChatAddress, delivery: string) =>
    ctx.inflight.track(
      ctx.arena
        .handle({ type: 'chat', delivery, chat, from: cache.botPerson(), change: { kind: 'removed' } })
        .then(() => undefined)
        .catch((error: unknown) => log.warn({ err: error, chat: chat.id }, 'discord: a removal could not be handled')),
    );

  return {
    async guildDelete(raw) {
      const parsed = GuildDeletePayload.safeParse(raw);
      if (!parsed.success) return void log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'discord: malformed GUILD_DELETE dropped');
      const { id, unavailable } = parsed.data;
      if (unavailable) {
        log.info({ guild: id }, 'discord: server unavailable (outage); keeping its battles');
        return;
      }
      // The cache still holds the server's channels: this runs before discord.js forgets them.
      const channels = cache.guildChannels(id);
      log.info({ guild: id, channels: channels.length }, 'discord: removed from a server');
      await Promise.all(channels.map((channel) => removed({ platform: PLATFORM, id: channel, kind: 'group', space: id }, `guild-delete:${id}:${channel}`)));
    },

    async channelDelete(raw) {
      const parsed = ChannelDeletePayload.safeParse(raw);
      if (!parsed.success || !parsed.data.guild_id) return;
      const { id, guild_id: guild } = parsed.data;
      await removed({ platform: PLATFORM, id, kind: 'group', space: guild }, `channel-delete:${id}`);
    },

    async threadDelete(raw) {
      const parsed = ChannelDeletePayload.safeParse(raw);
      if (!parsed.success || !parsed.data.guild_id || !parsed.data.parent_id || !THREAD_TYPES.includes(parsed.data.type)) return;
      const { id, guild_id: guild, parent_id: parent } = parsed.data;
      await removed({ platform: PLATFORM, id: parent, kind: 'group', space: guild, thread: id }, `thread-delete:${id}`);
    },
  };
}

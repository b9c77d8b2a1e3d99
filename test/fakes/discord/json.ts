// Discord's JSON for the fake's records: users, roles, members, channels, messages (as REST returns them and as the
// gateway sends them, with Message Content masking), guilds for GUILD_CREATE, READY.
import { ChannelType, GatewayIntentBits } from 'discord.js';
import type { FakeDiscord } from './fake';
import type { Shard } from './gateway';
import { THREAD_TYPES, type FakeAttachment, type FakeChannel, type FakeGuild, type FakeMember, type FakeMessage, type FakeRole, type FakeUser } from './model';


export class DiscordJson {
  constructor(private readonly fake: FakeDiscord) {}

  user(user: FakeUser): Record<string, unknown> {
    return {
      id: user.id,
      username: user.username,
      global_name: user.globalName,
      discriminator: '0',
      avatar: null,
      public_flags: 0,
      ...(user.bot ? { bot: true } : {}),
    };
  }

  role(role: FakeRole): Record<string, unknown> {
    return {
      id: role.id,
      name: role.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: role.position,
      permissions: role.permissions.toString(),
      managed: role.managed,
      mentionable: false,
      flags: 0,
      ...(role.managed ? { tags: { bot_id: this.fake.botUser.id } } : {}),
    };
  }

  member(member: FakeMember, options: { user?: boolean } = {}): Record<string, unknown> {
    return {
      ...(options.user === false ? {} : { user: this.user(member.user) }),
      nick: member.nick,
      avatar: null,
      banner: null,
      roles: member.roleIds,
      joined_at: new Date(member.joinedAt).toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
  }

  channel(channel: FakeChannel): Record<string, unknown> {
    const last = this.fake.messagesIn(channel, { ephemeral: false }).at(-1)?.id ?? null;
    if (channel.type === ChannelType.DM) {
      return { id: channel.id, type: channel.type, last_message_id: last, flags: 0, recipients: [this.user(channel.recipient!)] };
    }
    if (THREAD_TYPES.includes(channel.type)) {
      return {
        id: channel.id,
        type: channel.type,
        guild_id: channel.guildId,
        parent_id: channel.parentId,
        owner_id: channel.ownerId,
        name: channel.name,
        last_message_id: last,
        message_count: channel.messageCount,
        member_count: 1,
        rate_limit_per_user: 0,
        flags: 0,
        total_message_sent: channel.messageCount,
        thread_metadata: {
          archived: channel.archived,
          auto_archive_duration: channel.autoArchiveDuration,
          archive_timestamp: new Date(channel.createdAt).toISOString(),
          locked: channel.locked,
          create_timestamp: new Date(channel.createdAt).toISOString(),
        },
      };
    }
    return {
      id: channel.id,
      type: channel.type,
      guild_id: channel.guildId,
      name: channel.name,
      position: 0,
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: last,
      rate_limit_per_user: 0,
      flags: 0,
      permission_overwrites: channel.overwrites.map((o) => ({ id: o.id, type: o.type === 'role' ? 0 : 1, allow: o.allow.toString(), deny: o.deny.toString() })),
    };
  }

  /** The message as REST returns it (full content: Message Content applies to others' messages only). */
  message(message: FakeMessage, options: { hideContent?: boolean; depth?: number } = {}): Record<string, unknown> {
    const hide = options.hideContent === true;
    const reference = message.referenceId ? this.fake.messages.get(message.referenceId) : undefined;
    const thread = message.threadId ? this.fake.channels.get(message.threadId) : undefined;
    return {
      id: message.id,
      channel_id: message.channelId,
      author: this.user(message.author),
      content: hide ? '' : message.content,
      timestamp: new Date(message.createdAt).toISOString(),
      edited_timestamp: message.editedAt ? new Date(message.editedAt).toISOString() : null,
      tts: false,
      mention_everyone: false,
      mentions: message.mentions.map((u) => this.user(u)),
      mention_roles: message.mentionRoles,
      attachments: hide ? [] : message.attachments.map((a) => this.attachment(message, a)),
      embeds: hide ? [] : message.embeds,
      components: hide ? [] : message.components,
      pinned: false,
      type: message.type,
      flags: message.flags,
      ...(message.webhookId ? { webhook_id: message.webhookId, application_id: this.fake.applicationId } : {}),
      ...(message.nonce !== undefined ? { nonce: message.nonce } : {}),
      ...(message.referenceId
        ? {
            message_reference: { type: 0, message_id: message.referenceId, channel_id: message.channelId, ...(message.guildId ? { guild_id: message.guildId } : {}) },
            referenced_message: reference && !reference.deleted && (options.depth ?? 0) < 1 ? this.message(reference, { hideContent: hide && reference.author.id !== this.fake.botUser.id, depth: 1 }) : null,
          }
        : {}),
      ...(thread && !thread.deleted ? { thread: this.channel(thread) } : {}),
      ...(message.interaction
        ? {
            interaction_metadata: {
              id: message.interaction.id,
              type: message.interaction.type,
              user: this.user(message.interaction.user),
              authorizing_integration_owners: {},
              ...(message.interaction.name ? { name: message.interaction.name } : {}),
            },
            interaction: { id: message.interaction.id, type: message.interaction.type, name: message.interaction.name ?? '', user: this.user(message.interaction.user) },
          }
        : {}),
    };
  }

  /**
   * @internal The message as the gateway sends it to the bot: with `guild_id`, the author's `member` and `channel_type`,
   * and, without the Message Content intent, others' text, embeds, attachments and components emptied unless the
   * message is a DM or mentions the bot.
   */
  gatewayMessage(message: FakeMessage, channel: FakeChannel, intents: number): Record<string, unknown> {
    const visible =
      (intents & GatewayIntentBits.MessageContent) !== 0 ||
      channel.type === ChannelType.DM ||
      message.author.id === this.fake.botUser.id ||
      message.mentions.some((u) => u.id === this.fake.botUser.id);
    const json = this.message(message, { hideContent: !visible });
    if (channel.guildId) {
      const member = this.fake.guildOf(channel.guildId).members.get(message.author.id);
      return { ...json, guild_id: channel.guildId, channel_type: channel.type, ...(member && !message.webhookId ? { member: this.member(member, { user: false }) } : {}) };
    }
    return { ...json, channel_type: channel.type };
  }

  attachment(message: FakeMessage, a: FakeAttachment): Record<string, unknown> {
    const url = `${this.fake.httpBase}/attachments/${message.channelId}/${a.id}/${encodeURIComponent(a.filename)}`;
    return {
      id: a.id,
      filename: a.filename,
      size: a.size,
      url,
      proxy_url: url,
      ...(a.contentType ? { content_type: a.contentType } : {}),
      ...(a.description ? { description: a.description } : {}),
      ...(a.width !== undefined ? { width: a.width, height: a.height } : {}),
    };
  }

  /** GUILD_CREATE's `d`: roles, channels, threads, members, as discord.js caches them. */
  guildCreate(guild: FakeGuild): Record<string, unknown> {
    const channels = [...this.fake.channels.values()].filter((c) => c.guildId === guild.id && !c.deleted);
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      application_id: null,
      preferred_locale: guild.locale,
      features: [],
      emojis: [],
      stickers: [],
      roles: [...guild.roles.values()].map((r) => this.role(r)),
      joined_at: new Date(guild.joinedAt).toISOString(),
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      max_members: 500_000,
      members: [...guild.members.values()].map((m) => this.member(m)),
      channels: channels.filter((c) => !THREAD_TYPES.includes(c.type)).map((c) => this.channel(c)),
      threads: channels.filter((c) => THREAD_TYPES.includes(c.type) && !c.archived).map((c) => this.channel(c)),
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      incidents_data: null,
    };
  }

  /** READY's `d` (session fields are the gateway's) and the GUILD_CREATE per server that follows it. */
  ready(intents: number, shard: Shard): { ready: Record<string, unknown>; then: Array<{ t: string; d: unknown }> } {
    const guilds = this.fake.guildsOn(shard);
    return {
      ready: {
        v: 10,
        user: { ...this.user(this.fake.botUser), verified: true, mfa_enabled: false, flags: 0 },
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        shard,
        application: { id: this.fake.applicationId, flags: 0 },
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        user_settings: {},
        geo_ordered_rtc_regions: [],
      },
      then: intents & GatewayIntentBits.Guilds ? guilds.map((g) => ({ t: 'GUILD_CREATE', d: this.guildCreate(g) })) : [],
    };
  }
}

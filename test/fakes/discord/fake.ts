// A fake Discord on 127.0.0.1 for the REAL discord.js `Client`: REST under /api/v10 and the gateway over `ws` on one
// port (see ../../../../shared/notes/platform-fakes.md for what was proven first). It keeps every message with its
// edit history, every REST call, every interaction with its callbacks, and plays the people's side: slash commands,
// button presses, modal submissions, messages, DMs. It refuses what Discord refuses where bots trip (see rest.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelType, GatewayIntentBits, MessageFlags, PermissionFlagsBits as P } from 'discord.js';
import { FakeGateway, PRIVILEGED_INTENTS, type Shard } from './gateway';
import {
  bySnowflake,
  numberComponents,
  shardOf,
  snowflake,
  snowflakeOnShard,
  THREAD_TYPES,
  type Call,
  type Failure,
  type FakeAttachment,
  type FakeChannel,
  type FakeGuild,
  type FakeInteraction,
  type FakeMember,
  type FakeMessage,
  type FakeOverwrite,
  type FakeRole,
  type FakeUser,
} from './model';
import { channelPermissions, DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, DM_APP_PERMISSIONS } from './permissions';
import { DiscordJson } from './json';
import { People, type CommandOptionValue } from './people';
import type { RouteMatch } from './faults';
import { RestApi } from './rest';
import type { CommandBody } from './validation';

export interface FakeDiscordOptions {
  token?: string;
  botName?: string;
  /** Privileged intents switched on in the Developer Portal. Asking for one that is off closes the gateway with 4014. */
  privilegedIntents?: { messageContent?: boolean; guildMembers?: boolean; presences?: boolean };
  /** Time a bot has to acknowledge an interaction (Discord: 3 s). */
  interactionDeadlineMs?: number;
  /** Life of an interaction token for follow-ups and edits (Discord: 15 minutes). */
  interactionTokenLifetimeMs?: number;
  heartbeatIntervalMs?: number;
  /** Largest upload per file (Discord's default for bots: 10 MiB). */
  uploadLimitBytes?: number;
  /** GET /gateway/bot's `shards`, Discord's recommendation (1). Tests may change `fake.recommendedShards` later. */
  recommendedShards?: number;
  /** GET /gateway/bot's `session_start_limit.max_concurrency` (1: discord.js identifies one shard per 5 s). */
  maxConcurrency?: number;
  /** Guilds one shard may hold before IDENTIFY is closed with 4011 Sharding required (Discord: 2,500). */
  maxGuildsPerShard?: number;
}

export interface RegisteredCommand extends CommandBody {
  id: string;
  application_id: string;
  version: string;
  guild_id?: string;
}

export interface CommandOverwrite {
  at: number;
  /** `global`, or the guild id. */
  scope: string;
  names: string[];
  commands: RegisteredCommand[];
}

type MessageRef = FakeMessage | string;
type ChannelRef = FakeChannel | string;

export class FakeDiscord {
  readonly token: string;
  readonly botUser: FakeUser;
  readonly applicationId: string;
  readonly options: Required<Omit<FakeDiscordOptions, 'privilegedIntents' | 'token' | 'botName' | 'recommendedShards'>> & { privilegedIntents: number };
  /** What GET /gateway/bot recommends as `shards`. */
  recommendedShards: number;

  // --- State a test asserts on ---------------------------------------------------------------------------------
  readonly users = new Map<string, FakeUser>();
  readonly guilds = new Map<string, FakeGuild>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, FakeMessage>();
  readonly interactions = new Map<string, FakeInteraction>();
  /** Every REST request, in arrival order, with its final status. */
  readonly calls: Call[] = [];
  /** What people would see as broken: interactions left unanswered past the deadline, routes the fake does not know. */
  readonly failures: Failure[] = [];
  /** Registered commands: `global`, or by guild id. */
  readonly commands = new Map<string, RegisteredCommand[]>();
  /** Every bulk overwrite (PUT) of a command list. */
  readonly commandOverwrites: CommandOverwrite[] = [];
  readonly gateway: FakeGateway;
  /** Discord's JSON for the records above (what REST returns and the gateway sends). */
  readonly json: DiscordJson;

  /** @internal */ readonly blockedDms = new Set<string>();
  /** @internal */ readonly dmByUser = new Map<string, string>();
  /** @internal */ readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server;
  private readonly rest: RestApi;
  /** @internal */ readonly people: People;
  private readonly listeners = new Set<() => boolean>();
  private port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.token = options.token ?? 'fake.bot-token.for-tests';
    const id = snowflake();
    this.botUser = { id, username: options.botName ?? 'Pnyx', globalName: null, bot: true, locale: 'en-US' };
    this.users.set(id, this.botUser);
    // Newer applications share their id with their bot user.
    this.applicationId = id;
    const privileged = options.privilegedIntents ?? {};
    this.options = {
      interactionDeadlineMs: options.interactionDeadlineMs ?? 3_000,
      interactionTokenLifetimeMs: options.interactionTokenLifetimeMs ?? 15 * 60_000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      uploadLimitBytes: options.uploadLimitBytes ?? 10 * 1024 * 1024,
      maxConcurrency: options.maxConcurrency ?? 1,
      maxGuildsPerShard: options.maxGuildsPerShard ?? 2_500,
      privilegedIntents:
        (privileged.messageContent ? GatewayIntentBits.MessageContent : 0) |
        (privileged.guildMembers ? GatewayIntentBits.GuildMembers : 0) |
        (privileged.presences ? GatewayIntentBits.GuildPresences : 0),
    };
    this.recommendedShards = options.recommendedShards ?? 1;
    this.json = new DiscordJson(this);
    this.people = new People(this);
    this.rest = new RestApi(this);
    this.server = createServer((req, res) => void this.rest.handle(req, res));
    const fake = this;
    this.gateway = new FakeGateway(this.server, {
      token: this.token,
      heartbeatIntervalMs: this.options.heartbeatIntervalMs,
      privilegedIntents: this.options.privilegedIntents & PRIVILEGED_INTENTS,
      get wsBase() {
        return `ws://127.0.0.1:${fake.port}`;
      },
      onIdentify: (intents, shard) => this.json.ready(intents, shard),
      tooManyGuilds: (shard) => this.guildsOn(shard).length > this.options.maxGuildsPerShard,
      notify: () => this.notify(),
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** For `new Client({ rest: { api } })`; discord.js appends `/v10`. */
  get restApi(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get httpBase(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  // === Test controls ==============================================================================================

  /**
   * Answer the next `times` matching requests with 429, as Discord does: body `{message, retry_after, global}`,
   * `Retry-After` in whole seconds (rounded up), `X-RateLimit-Scope`, bucket headers (or `X-RateLimit-Global`).
   */
  rateLimit(match: RouteMatch, options: { retryAfter?: number; times?: number; global?: boolean; scope?: 'user' | 'shared' | 'global' } = {}): void {
    this.rest.faults.rateLimit(match, options);
  }

  /**
   * Answer the next `times` matching requests with an error of your choice (5xx, 4xx with a JSON code) — instead of
   * doing them, or with `after: true` after doing them (the message exists, the bot only saw an error).
   */
  fail(match: RouteMatch, fault: { status: number; code?: number; message?: string; times?: number; after?: boolean }): void {
    this.rest.faults.fail(match, fault);
  }

  /**
   * Enforce a real bucket on matching routes (per channel / webhook / guild): `limit` requests per `windowSeconds`,
   * announced in X-RateLimit-* headers on every answer, 429 beyond. discord.js's queue should then never see a 429.
   */
  limit(match: RouteMatch, bucket: { limit: number; windowSeconds: number }): void {
    this.rest.faults.limit(match, bucket);
  }

  /** Forget injected faults, 429s and buckets not yet used up. */
  clearFaults(): void {
    this.rest.faults.clear();
  }

  // === Setup: people, servers, channels, roles ====================================================================

  createUser(options: { username: string; globalName?: string; locale?: string; bot?: boolean }): FakeUser {
    const user: FakeUser = {
      id: snowflake(),
      username: options.username,
      globalName: options.globalName ?? null,
      bot: options.bot ?? false,
      locale: options.locale ?? 'en-US',
    };
    this.users.set(user.id, user);
    return user;
  }

  /**
   * A server with @everyone (`everyone` permissions) and the bot already in it with its managed role holding
   * `botPermissions` (what the invite URL asked for). Created after login, the bot gets GUILD_CREATE as when invited.
   * `shard: [id, count]` picks an id whose events go to that shard when the bot runs `count` shards.
   */
  createGuild(options: { name?: string; owner?: FakeUser; everyone?: bigint; botPermissions?: bigint; locale?: string; shard?: Shard } = {}): FakeGuild {
    const id = options.shard ? snowflakeOnShard(...options.shard) : snowflake();
    const owner = options.owner ?? this.createUser({ username: 'owner' });
    const botRoleId = snowflake();
    const guild: FakeGuild = {
      id,
      name: options.name ?? 'Test server',
      ownerId: owner.id,
      locale: options.locale ?? 'en-US',
      roles: new Map(),
      members: new Map(),
      botRoleId,
      botPresent: true,
      joinedAt: Date.now(),
    };
    guild.roles.set(id, { id, guildId: id, name: '@everyone', permissions: options.everyone ?? DEFAULT_EVERYONE_PERMISSIONS, position: 0, managed: false });
    guild.roles.set(botRoleId, { id: botRoleId, guildId: id, name: this.botUser.username, permissions: options.botPermissions ?? DEFAULT_BOT_PERMISSIONS, position: 1, managed: true });
    guild.members.set(owner.id, { user: owner, roleIds: [], joinedAt: Date.now(), nick: null });
    guild.members.set(this.botUser.id, { user: this.botUser, roleIds: [botRoleId], joinedAt: Date.now(), nick: null });
    this.guilds.set(id, guild);
    this.gateway.dispatch('GUILD_CREATE', (intents) => (intents & GatewayIntentBits.Guilds ? this.json.guildCreate(guild) : null), id);
    return guild;
  }

  createChannel(guild: FakeGuild, options: { name?: string; type?: number; overwrites?: FakeOverwrite[] } = {}): FakeChannel {
    const channel: FakeChannel = {
      id: snowflake(),
      type: options.type ?? ChannelType.GuildText,
      name: options.name ?? 'general',
      guildId: guild.id,
      overwrites: options.overwrites ?? [],
      archived: false,
      locked: false,
      autoArchiveDuration: 1440,
      createdAt: Date.now(),
      messageCount: 0,
      deleted: false,
    };
    this.channels.set(channel.id, channel);
    this.dispatchGuildEvent(guild, 'CHANNEL_CREATE', () => this.json.channel(channel));
    return channel;
  }

  createRole(guild: FakeGuild, options: { name: string; permissions?: bigint }): FakeRole {
    const role: FakeRole = { id: snowflake(), guildId: guild.id, name: options.name, permissions: options.permissions ?? 0n, position: guild.roles.size, managed: false };
    guild.roles.set(role.id, role);
    this.dispatchGuildEvent(guild, 'GUILD_ROLE_CREATE', () => ({ guild_id: guild.id, role: this.json.role(role) }));
    return role;
  }

  /** A person joins the server (GUILD_MEMBER_ADD reaches the bot only with the privileged Guild Members intent). */
  addMember(guild: FakeGuild, user: FakeUser, options: { roles?: FakeRole[]; nick?: string } = {}): FakeMember {
    const member: FakeMember = { user, roleIds: (options.roles ?? []).map((r) => r.id), joinedAt: Date.now(), nick: options.nick ?? null };
    guild.members.set(user.id, member);
    this.gateway.dispatch('GUILD_MEMBER_ADD', (intents) =>
      intents & GatewayIntentBits.GuildMembers && guild.botPresent ? { guild_id: guild.id, ...this.json.member(member) } : null,
      guild.id,
    );
    return member;
  }

  setRolePermissions(role: FakeRole, permissions: bigint): void {
    role.permissions = permissions;
    const guild = this.guildOf(role.guildId);
    this.dispatchGuildEvent(guild, 'GUILD_ROLE_UPDATE', () => ({ guild_id: guild.id, role: this.json.role(role) }));
  }

  /** Change what the bot's own role may do server-wide. */
  setBotPermissions(guild: FakeGuild, permissions: bigint): void {
    this.setRolePermissions(guild.roles.get(guild.botRoleId)!, permissions);
  }

  /**
   * Set (replace) a channel overwrite for a role, a person, `everyone` or the `bot`; CHANNEL_UPDATE tells discord.js.
   * E.g. `overwrite(channel, 'bot', { deny: PermissionFlagsBits.SendMessages })`.
   */
  overwrite(channel: FakeChannel, target: FakeRole | FakeUser | 'everyone' | 'bot', change: { allow?: bigint; deny?: bigint }): void {
    const guild = this.guildOf(channel.guildId);
    const id = target === 'everyone' ? guild.id : target === 'bot' ? this.botUser.id : target.id;
    const type: 'role' | 'member' = target === 'everyone' || (typeof target === 'object' && 'permissions' in target) ? 'role' : 'member';
    channel.overwrites = channel.overwrites.filter((o) => o.id !== id);
    channel.overwrites.push({ id, type, allow: change.allow ?? 0n, deny: change.deny ?? 0n });
    this.dispatchGuildEvent(guild, 'CHANNEL_UPDATE', () => this.json.channel(channel));
  }

  /** The channel is deleted: CHANNEL_DELETE (THREAD_DELETE for threads); later calls to it get 10003 Unknown Channel. */
  deleteChannel(channel: FakeChannel): void {
    channel.deleted = true;
    const guild = this.guildOf(channel.guildId);
    if (THREAD_TYPES.includes(channel.type)) {
      this.dispatchGuildEvent(guild, 'THREAD_DELETE', () => ({ id: channel.id, guild_id: guild.id, parent_id: channel.parentId, type: channel.type }));
    } else {
      this.dispatchGuildEvent(guild, 'CHANNEL_DELETE', () => this.json.channel(channel));
    }
  }

  /** A thread goes quiet (auto-archive) or a moderator archives it; `locked` keeps it closed to all but Manage Threads. */
  archiveThread(thread: FakeChannel, options: { locked?: boolean } = {}): void {
    thread.archived = true;
    thread.locked = options.locked ?? false;
    this.dispatchGuildEvent(this.guildOf(thread.guildId), 'THREAD_UPDATE', () => this.json.channel(thread));
  }

  /** @internal Someone wrote in an archived, unlocked thread: it is active again. */
  unarchive(thread: FakeChannel): void {
    thread.archived = false;
    this.dispatchGuildEvent(this.guildOf(thread.guildId), 'THREAD_UPDATE', () => this.json.channel(thread));
  }

  /** The bot is kicked: GUILD_DELETE without `unavailable`; later calls into the server get 50001 Missing Access. */
  removeBot(guild: FakeGuild): void {
    guild.botPresent = false;
    this.gateway.dispatch('GUILD_DELETE', (intents) => (intents & GatewayIntentBits.Guilds ? { id: guild.id } : null), guild.id);
  }

  /** The DM channel between a person and the bot (no event: Discord never announces DM channels). */
  createDm(user: FakeUser): FakeChannel {
    const existing = this.dmByUser.get(user.id);
    if (existing) return this.channels.get(existing)!;
    const channel: FakeChannel = {
      id: snowflake(),
      type: ChannelType.DM,
      name: '',
      recipient: user,
      overwrites: [],
      archived: false,
      locked: false,
      autoArchiveDuration: 0,
      createdAt: Date.now(),
      messageCount: 0,
      deleted: false,
    };
    this.channels.set(channel.id, channel);
    this.dmByUser.set(user.id, channel.id);
    return channel;
  }

  /** The person does not accept DMs from the bot: sends to their DM answer 403 50007. */
  blockDms(user: FakeUser): void {
    this.blockedDms.add(user.id);
  }

  /** `<@id>`, what Discord puts in a message's text when someone mentions a user. */
  mention(user: FakeUser): string {
    return `<@${user.id}>`;
  }

  // === The people's side ==========================================================================================

  /**
   * A person writes in a channel, thread or DM. Mentions come from `<@id>` in the text and `mentions`; replying
   * (`replyTo`) to someone pings them unless `pingReply: false` — a ping to the bot counts as mentioning it, which is
   * what makes the text visible to a bot without the Message Content intent.
   */
  sendMessage(user: FakeUser, channel: ChannelRef, content: string, options: { mentions?: FakeUser[]; replyTo?: MessageRef; pingReply?: boolean } = {}): FakeMessage {
    const target = this.channelOf(channel);
    this.people.assertCan(user, target, THREAD_TYPES.includes(target.type) ? P.SendMessagesInThreads : P.SendMessages);
    if (target.archived) {
      if (target.locked && !(this.permissionsIn(target, user.id) & P.ManageThreads)) throw new Error(`FakeDiscord: thread ${target.name} is locked`);
      this.unarchive(target);
    }
    const mentions = new Map<string, FakeUser>();
    for (const match of content.matchAll(/<@!?(\d+)>/g)) {
      const mentioned = this.users.get(match[1]!);
      if (mentioned) mentions.set(mentioned.id, mentioned);
    }
    for (const u of options.mentions ?? []) mentions.set(u.id, u);
    const reply = options.replyTo === undefined ? undefined : this.messageOf(options.replyTo);
    if (reply && reply.channelId !== target.id) throw new Error('FakeDiscord: a reply must be in the same channel as the message it answers');
    if (reply && options.pingReply !== false && reply.author.id !== user.id) mentions.set(reply.author.id, reply.author);
    const message = this.storeMessage({
      channel: target,
      author: user,
      content,
      type: reply ? 19 : 0,
      mentions: [...mentions.values()],
      via: 'person',
      ...(reply ? { referenceId: reply.id } : {}),
    });
    this.dispatchMessage('MESSAGE_CREATE', message);
    return message;
  }

  /** A person starts a thread (from a message, or on its own); THREAD_CREATE reaches the bot. */
  createThread(user: FakeUser, channel: FakeChannel, name: string, options: { from?: MessageRef; private?: boolean } = {}): FakeChannel {
    this.people.assertCan(user, channel, options.private ? P.CreatePrivateThreads : P.CreatePublicThreads);
    const from = options.from === undefined ? undefined : this.messageOf(options.from);
    return this.startThread(channel, name, user, from, options.private ? ChannelType.PrivateThread : ChannelType.PublicThread);
  }

  /**
   * A person runs a slash command the bot registered (guild commands first, then global). Like Discord, this refuses
   * commands that do not exist, are hidden from this person (`default_member_permissions`, `contexts`), or miss a
   * required option. Option values are typed from the registered definition.
   */
  slashCommand(user: FakeUser, channel: ChannelRef, name: string, options: Record<string, CommandOptionValue> = {}): FakeInteraction {
    return this.people.slashCommand(user, channel, name, options);
  }

  /** A person presses a button on a message they can see. */
  pressButton(user: FakeUser, message: MessageRef, customId: string): FakeInteraction {
    return this.people.pressButton(user, message, customId);
  }

  /** A person picks options in a string select menu. */
  selectMenu(user: FakeUser, message: MessageRef, customId: string, values: string[]): FakeInteraction {
    return this.people.selectMenu(user, message, customId, values);
  }

  /**
   * A person fills in and submits the modal the bot last showed them with this custom_id. `fields` maps each input's
   * custom_id to its text (or, for selects, the chosen values); required inputs and length bounds are enforced.
   */
  submitModal(user: FakeUser, customId: string, fields: Record<string, string | string[]>): FakeInteraction {
    return this.people.submitModal(user, customId, fields);
  }

  // === Waiting and reading ========================================================================================

  /** Resolves when `predicate` returns a value, re-checked after every call, dispatch and gateway event. */
  waitFor<T>(predicate: () => T | undefined | false | null, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        let value: T | undefined | false | null;
        try {
          value = predicate();
        } catch (error) {
          done();
          reject(error as Error);
          return true;
        }
        if (value === undefined || value === false || value === null) return false;
        done();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`FakeDiscord.waitFor timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      if (!check()) this.listeners.add(check);
    });
  }

  /** Resolves once the bot acknowledged the interaction; rejects when it expired unanswered. */
  acknowledged(interaction: FakeInteraction, timeoutMs = 10_000): Promise<FakeInteraction> {
    return this.waitFor(
      () => {
        if (interaction.expired && !interaction.acknowledged) throw new Error(`FakeDiscord: interaction ${interaction.name} expired unanswered`);
        return interaction.acknowledged ? interaction : undefined;
      },
      timeoutMs,
      `the bot to acknowledge ${interaction.kind} ${interaction.name}`,
    );
  }

  /**
   * The first answer a person sees: the response message once it is no longer "thinking…" (after a defer and an
   * edit), a follow-up, or the component's message after an update (type 7, or 6 then an edit).
   */
  replyTo(interaction: FakeInteraction, timeoutMs = 10_000): Promise<FakeMessage> {
    return this.waitFor(
      () => {
        if (interaction.expired && !interaction.acknowledged) throw new Error(`FakeDiscord: interaction ${interaction.name} expired unanswered`);
        const original = interaction.originalMessageId ? this.messages.get(interaction.originalMessageId) : undefined;
        if (original && original.id !== interaction.sourceMessageId && !(original.flags & MessageFlags.Loading)) return original;
        if (original && original.id === interaction.sourceMessageId && original.history.slice(1).some((r) => r.at >= interaction.createdAt)) return original;
        const followup = interaction.followupIds[0];
        return followup ? this.messages.get(followup) : undefined;
      },
      timeoutMs,
      `an answer to ${interaction.kind} ${interaction.name}`,
    );
  }

  message(id: string): FakeMessage | undefined {
    return this.messages.get(id);
  }

  /** Messages in a channel (ephemeral ones included unless `ephemeral: false`), oldest first. */
  messagesIn(channel: ChannelRef, options: { ephemeral?: boolean } = {}): FakeMessage[] {
    const id = typeof channel === 'string' ? channel : channel.id;
    return [...this.messages.values()]
      .filter((m) => m.channelId === id && !m.deleted && (options.ephemeral !== false || !(m.flags & MessageFlags.Ephemeral)))
      .sort(bySnowflake);
  }

  botMessages(channel: ChannelRef): FakeMessage[] {
    return this.messagesIn(channel).filter((m) => m.author.id === this.botUser.id);
  }

  /** The response, follow-ups and callbacks of one interaction. */
  responsesTo(interaction: FakeInteraction): { callbacks: FakeInteraction['callbacks']; original?: FakeMessage; followups: FakeMessage[] } {
    const original = interaction.originalMessageId ? this.messages.get(interaction.originalMessageId) : undefined;
    return {
      callbacks: interaction.callbacks,
      ...(original ? { original } : {}),
      followups: interaction.followupIds.map((id) => this.messages.get(id)!).filter(Boolean),
    };
  }

  /** Calls to one route template (`PATCH /channels/:channel/messages/:message`) or matching a RegExp on `METHOD path`. */
  callsTo(route: string | RegExp): Call[] {
    return this.calls.filter((c) => (typeof route === 'string' ? c.route === route : route.test(`${c.method} ${c.path}`)));
  }

  /**
   * How fast a message was edited: count, average and peak edits per second (the most edits inside any 1 s window),
   * and the shortest gap between two edits.
   */
  editStats(message: MessageRef): { edits: number; spanMs: number; perSecond: number; peakPerSecond: number; minGapMs: number } {
    const times = this.messageOf(message).history.slice(1).map((r) => r.at);
    const spanMs = times.length > 1 ? times.at(-1)! - times[0]! : 0;
    let peak = times.length ? 1 : 0;
    let minGapMs = Infinity;
    for (let i = 0; i < times.length; i += 1) {
      let j = i;
      while (j + 1 < times.length && times[j + 1]! - times[i]! < 1000) j += 1;
      peak = Math.max(peak, j - i + 1);
      if (i > 0) minGapMs = Math.min(minGapMs, times[i]! - times[i - 1]!);
    }
    return { edits: times.length, spanMs, perSecond: spanMs > 0 ? (times.length - 1) / (spanMs / 1000) : times.length, peakPerSecond: peak, minGapMs };
  }

  /** Whether the bot may do `permission` in a channel, by Discord's arithmetic. */
  botCan(channel: ChannelRef, permission: bigint): boolean {
    const target = this.channelOf(channel);
    if (!target.guildId) return (DM_APP_PERMISSIONS & permission) === permission;
    return (this.permissionsIn(target, this.botUser.id) & permission) === permission;
  }

  // === Internals shared with rest.ts ==============================================================================

  /** @internal */
  notify(): void {
    for (const check of [...this.listeners]) check();
  }

  /** @internal */
  recordFailure(failure: Omit<Failure, 'at'>): void {
    this.failures.push({ at: Date.now(), ...failure });
    this.notify();
  }

  /** @internal Permissions of a user in a channel (threads use their parent's overwrites). */
  permissionsIn(channel: FakeChannel, userId: string): bigint {
    const guild = this.guildOf(channel.guildId);
    const parent = channel.parentId ? this.channels.get(channel.parentId) : undefined;
    return channelPermissions(guild, channel, userId, parent);
  }

  /** @internal The guilds the bot is in whose events go to `shard`. */
  guildsOn([id, count]: Shard): FakeGuild[] {
    return [...this.guilds.values()].filter((g) => g.botPresent && shardOf(g.id, count) === id);
  }

  /** @internal */
  guildOf(id: string | undefined): FakeGuild {
    const guild = id ? this.guilds.get(id) : undefined;
    if (!guild) throw new Error(`FakeDiscord: no guild ${id}`);
    return guild;
  }

  /** @internal */
  channelOf(ref: ChannelRef): FakeChannel {
    const channel = typeof ref === 'string' ? this.channels.get(ref) : ref;
    if (!channel) throw new Error(`FakeDiscord: no channel ${String(ref)}`);
    return channel;
  }

  /** @internal */
  messageOf(ref: MessageRef): FakeMessage {
    const message = typeof ref === 'string' ? this.messages.get(ref) : this.messages.get(ref.id);
    if (!message || message.deleted) throw new Error(`FakeDiscord: no message ${typeof ref === 'string' ? ref : ref.id}`);
    return message;
  }

  /** @internal Store a new message and its first revision. */
  storeMessage(input: {
    channel: FakeChannel;
    author: FakeUser;
    content?: string;
    embeds?: unknown[];
    components?: unknown[];
    attachments?: FakeAttachment[];
    flags?: number;
    type?: number;
    mentions?: FakeUser[];
    referenceId?: string;
    interaction?: FakeMessage['interaction'];
    webhookId?: string;
    nonce?: string | number;
    visibleTo?: string;
    droppedEmbeds?: number;
    via: string;
    at?: number;
  }): FakeMessage {
    const at = input.at ?? Date.now();
    const message: FakeMessage = {
      id: snowflake(),
      channelId: input.channel.id,
      ...(input.channel.guildId ? { guildId: input.channel.guildId } : {}),
      author: input.author,
      content: input.content ?? '',
      embeds: input.embeds ?? [],
      components: numberComponents(input.components ?? []),
      attachments: input.attachments ?? [],
      flags: input.flags ?? 0,
      type: input.type ?? 0,
      mentions: input.mentions ?? [],
      mentionRoles: [],
      ...(input.referenceId ? { referenceId: input.referenceId } : {}),
      ...(input.interaction ? { interaction: input.interaction } : {}),
      ...(input.webhookId ? { webhookId: input.webhookId } : {}),
      ...(input.nonce !== undefined ? { nonce: input.nonce } : {}),
      ...(input.visibleTo ? { visibleTo: input.visibleTo } : {}),
      createdAt: at,
      deleted: false,
      droppedEmbeds: input.droppedEmbeds ?? 0,
      history: [],
    };
    message.history.push({ at, content: message.content, embeds: message.embeds, components: message.components, flags: message.flags, via: input.via });
    this.messages.set(message.id, message);
    if (!(message.flags & MessageFlags.Ephemeral)) input.channel.messageCount += 1;
    this.notify();
    return message;
  }

  /** @internal Apply an edit and record the revision. */
  editMessage(message: FakeMessage, change: { content?: string; embeds?: unknown[]; components?: unknown[]; attachments?: FakeAttachment[]; flags?: number }, via: string, at = Date.now()): void {
    if (change.content !== undefined) message.content = change.content;
    if (change.embeds !== undefined) message.embeds = change.embeds;
    if (change.components !== undefined) message.components = numberComponents(change.components);
    if (change.attachments !== undefined) message.attachments = change.attachments;
    if (change.flags !== undefined) message.flags = change.flags;
    message.editedAt = at;
    message.history.push({ at, content: message.content, embeds: message.embeds, components: message.components, flags: message.flags, via });
    this.notify();
  }

  /** @internal MESSAGE_CREATE/UPDATE to the bot, if its intents cover the channel; ephemeral messages are never sent. */
  dispatchMessage(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: FakeMessage): void {
    if (message.flags & MessageFlags.Ephemeral) return;
    const channel = this.channels.get(message.channelId)!;
    if (channel.guildId && !this.guildOf(channel.guildId).botPresent) return;
    this.gateway.dispatch(t, (intents) => {
      const needed = channel.type === ChannelType.DM ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages;
      if (!(intents & needed)) return null;
      return this.json.gatewayMessage(message, channel, intents);
    }, channel.guildId);
  }

  /** @internal */
  dispatchGuildEvent(guild: FakeGuild, t: string, build: () => unknown): void {
    if (!guild.botPresent) return;
    this.gateway.dispatch(t, (intents) => (intents & GatewayIntentBits.Guilds ? build() : null), guild.id);
  }

  /** @internal Start a thread (by the bot through REST, or by a person); its id is the source message's. */
  startThread(parent: FakeChannel, name: string, owner: FakeUser, from: FakeMessage | undefined, type: number, autoArchiveDuration = 1440): FakeChannel {
    const thread: FakeChannel = {
      id: from ? from.id : snowflake(),
      type,
      name,
      guildId: parent.guildId!,
      parentId: parent.id,
      ownerId: owner.id,
      overwrites: [],
      archived: false,
      locked: false,
      autoArchiveDuration,
      createdAt: Date.now(),
      messageCount: 0,
      deleted: false,
    };
    this.channels.set(thread.id, thread);
    const guild = this.guildOf(parent.guildId);
    this.dispatchGuildEvent(guild, 'THREAD_CREATE', () => ({ ...this.json.channel(thread), newly_created: true }));
    if (from) {
      from.threadId = thread.id;
      from.flags |= MessageFlags.HasThread;
      this.dispatchMessage('MESSAGE_UPDATE', from);
    }
    this.notify();
    return thread;
  }
}

export async function startFakeDiscord(options?: FakeDiscordOptions): Promise<FakeDiscord> {
  return new FakeDiscord(options).start();
}

// A fake Discord on 127.0.0.1 for the REAL discord.js `Client`: REST under /api/v10 and the gateway over `ws` on one
// port (see ../../../../shared/notes/platform-fakes.md for what was proven first). It keeps every message with its
// edit history, every REST call, every interaction with its callbacks, and plays the people's side: slash commands,
// button presses, modal submissions, messages, DMs. It refuses what Discord refuses where bots trip (see rest.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelType, GatewayIntentBits, InteractionType, MessageFlags, PermissionFlagsBits as P } from 'discord.js';
import { FakeGateway, PRIVILEGED_INTENTS } from './gateway';
import {
  bySnowflake,
  numberComponents,
  snowflake,
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
  type InteractionKind,
} from './model';
import { basePermissions, channelPermissions, DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, permissionName } from './permissions';
import { RestApi, type RouteMatch } from './rest';
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
type CommandOptionValue = string | number | boolean | FakeUser | FakeChannel | FakeRole;

export const DM_APP_PERMISSIONS = P.ViewChannel | P.SendMessages | P.EmbedLinks | P.AttachFiles | P.ReadMessageHistory | P.AddReactions | P.UseExternalEmojis;
const THREAD_TYPES: number[] = [ChannelType.AnnouncementThread, ChannelType.PublicThread, ChannelType.PrivateThread];

export class FakeDiscord {
  readonly token: string;
  readonly botUser: FakeUser;
  readonly applicationId: string;
  readonly options: Required<Omit<FakeDiscordOptions, 'privilegedIntents' | 'token' | 'botName'>> & { privilegedIntents: number };

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

  /** @internal */ readonly blockedDms = new Set<string>();
  /** @internal */ readonly dmByUser = new Map<string, string>();
  /** @internal */ readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server;
  private readonly rest: RestApi;
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
      privilegedIntents:
        (privileged.messageContent ? GatewayIntentBits.MessageContent : 0) |
        (privileged.guildMembers ? GatewayIntentBits.GuildMembers : 0) |
        (privileged.presences ? GatewayIntentBits.GuildPresences : 0),
    };
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
      onIdentify: (intents) => this.readyPayload(intents),
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
    this.rest.addRateLimit(match, options);
  }

  /**
   * Answer the next `times` matching requests with an error of your choice (5xx, 4xx with a JSON code) — instead of
   * doing them, or with `after: true` after doing them (the message exists, the bot only saw an error).
   */
  fail(match: RouteMatch, fault: { status: number; code?: number; message?: string; times?: number; after?: boolean }): void {
    this.rest.addFault(match, fault);
  }

  /**
   * Enforce a real bucket on matching routes (per channel / webhook / guild): `limit` requests per `windowSeconds`,
   * announced in X-RateLimit-* headers on every answer, 429 beyond. discord.js's queue should then never see a 429.
   */
  limit(match: RouteMatch, bucket: { limit: number; windowSeconds: number }): void {
    this.rest.addBucket(match, bucket);
  }

  /** Forget injected faults, 429s and buckets not yet used up. */
  clearFaults(): void {
    this.rest.clear();
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
   */
  createGuild(options: { name?: string; owner?: FakeUser; everyone?: bigint; botPermissions?: bigint; locale?: string } = {}): FakeGuild {
    const id = snowflake();
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
    this.gateway.dispatch('GUILD_CREATE', (intents) => (intents & GatewayIntentBits.Guilds ? this.guildCreatePayload(guild) : null));
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
    this.dispatchGuildEvent(guild, 'CHANNEL_CREATE', () => this.channelJson(channel));
    return channel;
  }

  createRole(guild: FakeGuild, options: { name: string; permissions?: bigint }): FakeRole {
    const role: FakeRole = { id: snowflake(), guildId: guild.id, name: options.name, permissions: options.permissions ?? 0n, position: guild.roles.size, managed: false };
    guild.roles.set(role.id, role);
    this.dispatchGuildEvent(guild, 'GUILD_ROLE_CREATE', () => ({ guild_id: guild.id, role: this.roleJson(role) }));
    return role;
  }

  /** A person joins the server (GUILD_MEMBER_ADD reaches the bot only with the privileged Guild Members intent). */
  addMember(guild: FakeGuild, user: FakeUser, options: { roles?: FakeRole[]; nick?: string } = {}): FakeMember {
    const member: FakeMember = { user, roleIds: (options.roles ?? []).map((r) => r.id), joinedAt: Date.now(), nick: options.nick ?? null };
    guild.members.set(user.id, member);
    this.gateway.dispatch('GUILD_MEMBER_ADD', (intents) =>
      intents & GatewayIntentBits.GuildMembers && guild.botPresent ? { guild_id: guild.id, ...this.memberJson(member) } : null,
    );
    return member;
  }

  setRolePermissions(role: FakeRole, permissions: bigint): void {
    role.permissions = permissions;
    const guild = this.guildOf(role.guildId);
    this.dispatchGuildEvent(guild, 'GUILD_ROLE_UPDATE', () => ({ guild_id: guild.id, role: this.roleJson(role) }));
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
    this.dispatchGuildEvent(guild, 'CHANNEL_UPDATE', () => this.channelJson(channel));
  }

  /** The channel is deleted: CHANNEL_DELETE (THREAD_DELETE for threads); later calls to it get 10003 Unknown Channel. */
  deleteChannel(channel: FakeChannel): void {
    channel.deleted = true;
    const guild = this.guildOf(channel.guildId);
    if (THREAD_TYPES.includes(channel.type)) {
      this.dispatchGuildEvent(guild, 'THREAD_DELETE', () => ({ id: channel.id, guild_id: guild.id, parent_id: channel.parentId, type: channel.type }));
    } else {
      this.dispatchGuildEvent(guild, 'CHANNEL_DELETE', () => this.channelJson(channel));
    }
  }

  /** A thread goes quiet (auto-archive) or a moderator archives it; `locked` keeps it closed to all but Manage Threads. */
  archiveThread(thread: FakeChannel, options: { locked?: boolean } = {}): void {
    thread.archived = true;
    thread.locked = options.locked ?? false;
    this.dispatchGuildEvent(this.guildOf(thread.guildId), 'THREAD_UPDATE', () => this.channelJson(thread));
  }

  /** @internal Someone wrote in an archived, unlocked thread: it is active again. */
  unarchive(thread: FakeChannel): void {
    thread.archived = false;
    this.dispatchGuildEvent(this.guildOf(thread.guildId), 'THREAD_UPDATE', () => this.channelJson(thread));
  }

  /** The bot is kicked: GUILD_DELETE without `unavailable`; later calls into the server get 50001 Missing Access. */
  removeBot(guild: FakeGuild): void {
    guild.botPresent = false;
    this.gateway.dispatch('GUILD_DELETE', (intents) => (intents & GatewayIntentBits.Guilds ? { id: guild.id } : null));
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
    this.assertPersonCan(user, target, THREAD_TYPES.includes(target.type) ? P.SendMessagesInThreads : P.SendMessages);
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
    this.assertPersonCan(user, channel, options.private ? P.CreatePrivateThreads : P.CreatePublicThreads);
    const from = options.from === undefined ? undefined : this.messageOf(options.from);
    return this.startThread(channel, name, user, from, options.private ? ChannelType.PrivateThread : ChannelType.PublicThread);
  }

  /**
   * A person runs a slash command the bot registered (guild commands first, then global). Like Discord, this refuses
   * commands that do not exist, are hidden from this person (`default_member_permissions`, `contexts`), or miss a
   * required option. Option values are typed from the registered definition.
   */
  slashCommand(user: FakeUser, channel: ChannelRef, name: string, options: Record<string, CommandOptionValue> = {}): FakeInteraction {
    const target = this.channelOf(channel);
    const guild = target.guildId ? this.guildOf(target.guildId) : undefined;
    const command =
      (guild ? this.commands.get(guild.id)?.find((c) => c.name === name && (c.type ?? 1) === 1) : undefined) ??
      this.commands.get('global')?.find((c) => c.name === name && (c.type ?? 1) === 1);
    if (!command) throw new Error(`FakeDiscord: /${name} is not registered (${[...this.commands.values()].flat().map((c) => c.name).join(', ') || 'no commands'})`);
    const context = guild ? 0 : 1;
    if (command.contexts && !command.contexts.includes(context)) throw new Error(`FakeDiscord: /${name} is not available in ${guild ? 'servers' : 'DMs'}`);
    if (!guild && command.dm_permission === false) throw new Error(`FakeDiscord: /${name} is not available in DMs`);
    if (guild) {
      this.assertPersonCan(user, target, P.UseApplicationCommands);
      const required = command.default_member_permissions == null ? undefined : BigInt(command.default_member_permissions);
      if (required !== undefined) {
        const has = basePermissions(guild, user.id);
        if ((has & P.Administrator) === 0n && (has & required) !== required) {
          throw new Error(`FakeDiscord: ${user.username} cannot see /${name} (needs permissions ${required})`);
        }
      }
    }
    const { list, resolved } = this.commandOptions(command, options, guild);
    const data: Record<string, unknown> = { id: command.id, name, type: 1, ...(list.length ? { options: list } : {}), ...(resolved ? { resolved } : {}) };
    if (command.guild_id) data.guild_id = command.guild_id;
    return this.createInteraction({ type: InteractionType.ApplicationCommand, kind: 'command', name, user, channel: target, data });
  }

  /** A person presses a button on a message they can see. */
  pressButton(user: FakeUser, message: MessageRef, customId: string): FakeInteraction {
    const source = this.messageOf(message);
    const component = this.componentOn(source, customId, user);
    if (component.type !== 2) throw new Error(`FakeDiscord: ${customId} is not a button`);
    const data = { custom_id: customId, component_type: 2, ...(typeof component.id === 'number' ? { id: component.id } : {}) };
    return this.createInteraction({ type: InteractionType.MessageComponent, kind: 'button', name: customId, user, channel: this.channelOf(source.channelId), data, source });
  }

  /** A person picks options in a string select menu. */
  selectMenu(user: FakeUser, message: MessageRef, customId: string, values: string[]): FakeInteraction {
    const source = this.messageOf(message);
    const component = this.componentOn(source, customId, user);
    if (component.type !== 3) throw new Error(`FakeDiscord: ${customId} is not a string select`);
    const allowed = new Set(((component.options as Array<{ value: string }> | undefined) ?? []).map((o) => o.value));
    const min = (component.min_values as number | undefined) ?? 1;
    const max = (component.max_values as number | undefined) ?? 1;
    if (values.some((v) => !allowed.has(v))) throw new Error(`FakeDiscord: ${customId} has no option ${values.find((v) => !allowed.has(v))}`);
    if (values.length < min || values.length > max) throw new Error(`FakeDiscord: ${customId} takes ${min}–${max} values`);
    const data = { custom_id: customId, component_type: 3, values, ...(typeof component.id === 'number' ? { id: component.id } : {}) };
    return this.createInteraction({ type: InteractionType.MessageComponent, kind: 'select', name: customId, user, channel: this.channelOf(source.channelId), data, source });
  }

  /**
   * A person fills in and submits the modal the bot last showed them with this custom_id. `fields` maps each input's
   * custom_id to its text (or, for selects, the chosen values); required inputs and length bounds are enforced.
   */
  submitModal(user: FakeUser, customId: string, fields: Record<string, string | string[]>): FakeInteraction {
    const opener = [...this.interactions.values()]
      .filter((i) => i.user.id === user.id && i.modal?.custom_id === customId && !i.modal.submitted)
      .sort(bySnowflake)
      .at(-1);
    if (!opener?.modal) throw new Error(`FakeDiscord: no open modal ${customId} for ${user.username}`);
    const used = new Set<string>();
    const answer = (c: Record<string, unknown>): Record<string, unknown> => {
      const id = String(c.custom_id);
      const given = fields[id];
      used.add(id);
      const base = { type: c.type, custom_id: id, ...(typeof c.id === 'number' ? { id: c.id } : {}) };
      if (c.type === 4) {
        const value = Array.isArray(given) ? given.join(' ') : (given ?? '');
        if (c.required !== false && value === '') throw new Error(`FakeDiscord: modal field ${id} is required`);
        const min = (c.min_length as number | undefined) ?? 0;
        const max = (c.max_length as number | undefined) ?? 4000;
        if (value !== '' && (value.length < min || value.length > max)) throw new Error(`FakeDiscord: modal field ${id} takes ${min}–${max} characters`);
        return { ...base, value };
      }
      const values = given === undefined ? [] : Array.isArray(given) ? given : [given];
      if (c.required !== false && values.length === 0) throw new Error(`FakeDiscord: modal field ${id} is required`);
      return { ...base, values };
    };
    const components = (opener.modal.components as Array<Record<string, unknown>>).map((top) => {
      const id = typeof top.id === 'number' ? { id: top.id } : {};
      if (top.type === 1) return { type: 1, ...id, components: (top.components as Array<Record<string, unknown>>).map(answer) };
      if (top.type === 18) return { type: 18, ...id, component: answer(top.component as Record<string, unknown>) };
      return { type: top.type, ...id };
    });
    const unknown = Object.keys(fields).filter((k) => !used.has(k));
    if (unknown.length) throw new Error(`FakeDiscord: modal ${customId} has no field ${unknown.join(', ')}`);
    opener.modal.submitted = true;
    const source = opener.sourceMessageId ? this.messages.get(opener.sourceMessageId) : undefined;
    return this.createInteraction({
      type: InteractionType.ModalSubmit,
      kind: 'modal',
      name: customId,
      user,
      channel: this.channelOf(opener.channelId),
      data: { custom_id: customId, components },
      ...(source ? { source } : {}),
    });
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
      return this.gatewayMessageJson(message, channel, intents);
    });
  }

  /** @internal */
  dispatchGuildEvent(guild: FakeGuild, t: string, build: () => unknown): void {
    if (!guild.botPresent) return;
    this.gateway.dispatch(t, (intents) => (intents & GatewayIntentBits.Guilds ? build() : null));
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
    this.dispatchGuildEvent(guild, 'THREAD_CREATE', () => ({ ...this.channelJson(thread), newly_created: true }));
    if (from) {
      from.threadId = thread.id;
      from.flags |= MessageFlags.HasThread;
      this.dispatchMessage('MESSAGE_UPDATE', from);
    }
    this.notify();
    return thread;
  }

  // === JSON as Discord sends it ===================================================================================

  /** @internal */
  userJson(user: FakeUser): Record<string, unknown> {
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

  /** @internal */
  roleJson(role: FakeRole): Record<string, unknown> {
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
      ...(role.managed ? { tags: { bot_id: this.botUser.id } } : {}),
    };
  }

  /** @internal */
  memberJson(member: FakeMember, options: { user?: boolean } = {}): Record<string, unknown> {
    return {
      ...(options.user === false ? {} : { user: this.userJson(member.user) }),
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

  /** @internal */
  channelJson(channel: FakeChannel): Record<string, unknown> {
    const last = this.messagesIn(channel, { ephemeral: false }).at(-1)?.id ?? null;
    if (channel.type === ChannelType.DM) {
      return { id: channel.id, type: channel.type, last_message_id: last, flags: 0, recipients: [this.userJson(channel.recipient!)] };
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

  /** @internal The message as REST returns it (full content: Message Content applies to others' messages only). */
  messageJson(message: FakeMessage, options: { hideContent?: boolean; depth?: number } = {}): Record<string, unknown> {
    const hide = options.hideContent === true;
    const reference = message.referenceId ? this.messages.get(message.referenceId) : undefined;
    const thread = message.threadId ? this.channels.get(message.threadId) : undefined;
    return {
      id: message.id,
      channel_id: message.channelId,
      author: this.userJson(message.author),
      content: hide ? '' : message.content,
      timestamp: new Date(message.createdAt).toISOString(),
      edited_timestamp: message.editedAt ? new Date(message.editedAt).toISOString() : null,
      tts: false,
      mention_everyone: false,
      mentions: message.mentions.map((u) => this.userJson(u)),
      mention_roles: message.mentionRoles,
      attachments: hide ? [] : message.attachments.map((a) => this.attachmentJson(message, a)),
      embeds: hide ? [] : message.embeds,
      components: hide ? [] : message.components,
      pinned: false,
      type: message.type,
      flags: message.flags,
      ...(message.webhookId ? { webhook_id: message.webhookId, application_id: this.applicationId } : {}),
      ...(message.nonce !== undefined ? { nonce: message.nonce } : {}),
      ...(message.referenceId
        ? {
            message_reference: { type: 0, message_id: message.referenceId, channel_id: message.channelId, ...(message.guildId ? { guild_id: message.guildId } : {}) },
            referenced_message: reference && !reference.deleted && (options.depth ?? 0) < 1 ? this.messageJson(reference, { hideContent: hide && reference.author.id !== this.botUser.id, depth: 1 }) : null,
          }
        : {}),
      ...(thread && !thread.deleted ? { thread: this.channelJson(thread) } : {}),
      ...(message.interaction
        ? {
            interaction_metadata: {
              id: message.interaction.id,
              type: message.interaction.type,
              user: this.userJson(message.interaction.user),
              authorizing_integration_owners: {},
              ...(message.interaction.name ? { name: message.interaction.name } : {}),
            },
            interaction: { id: message.interaction.id, type: message.interaction.type, name: message.interaction.name ?? '', user: this.userJson(message.interaction.user) },
          }
        : {}),
    };
  }

  /**
   * @internal The message as the gateway sends it to the bot: with `guild_id`, the author's `member` and `channel_type`,
   * and, without the Message Content intent, others' text, embeds, attachments and components emptied unless the
   * message is a DM or mentions the bot.
   */
  gatewayMessageJson(message: FakeMessage, channel: FakeChannel, intents: number): Record<string, unknown> {
    const visible =
      (intents & GatewayIntentBits.MessageContent) !== 0 ||
      channel.type === ChannelType.DM ||
      message.author.id === this.botUser.id ||
      message.mentions.some((u) => u.id === this.botUser.id);
    const json = this.messageJson(message, { hideContent: !visible });
    if (channel.guildId) {
      const member = this.guildOf(channel.guildId).members.get(message.author.id);
      return { ...json, guild_id: channel.guildId, channel_type: channel.type, ...(member && !message.webhookId ? { member: this.memberJson(member, { user: false }) } : {}) };
    }
    return { ...json, channel_type: channel.type };
  }

  /** @internal */
  attachmentJson(message: FakeMessage, a: FakeAttachment): Record<string, unknown> {
    const url = `${this.httpBase}/attachments/${message.channelId}/${a.id}/${encodeURIComponent(a.filename)}`;
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

  /** @internal GUILD_CREATE's `d`: roles, channels, threads, members, as discord.js caches them. */
  guildCreatePayload(guild: FakeGuild): Record<string, unknown> {
    const channels = [...this.channels.values()].filter((c) => c.guildId === guild.id && !c.deleted);
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
      roles: [...guild.roles.values()].map((r) => this.roleJson(r)),
      joined_at: new Date(guild.joinedAt).toISOString(),
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      max_members: 500_000,
      members: [...guild.members.values()].map((m) => this.memberJson(m)),
      channels: channels.filter((c) => !THREAD_TYPES.includes(c.type)).map((c) => this.channelJson(c)),
      threads: channels.filter((c) => THREAD_TYPES.includes(c.type) && !c.archived).map((c) => this.channelJson(c)),
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      incidents_data: null,
    };
  }

  // === Private helpers ============================================================================================

  private readyPayload(intents: number): { ready: Record<string, unknown>; then: Array<{ t: string; d: unknown }> } {
    const guilds = [...this.guilds.values()].filter((g) => g.botPresent);
    return {
      ready: {
        v: 10,
        user: { ...this.userJson(this.botUser), verified: true, mfa_enabled: false, flags: 0 },
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        user_settings: {},
        geo_ordered_rtc_regions: [],
      },
      then: intents & GatewayIntentBits.Guilds ? guilds.map((g) => ({ t: 'GUILD_CREATE', d: this.guildCreatePayload(g) })) : [],
    };
  }

  /** Throw if a real person could not do this in the channel (the test asked for something impossible). */
  private assertPersonCan(user: FakeUser, channel: FakeChannel, permission: bigint): void {
    if (channel.deleted) throw new Error(`FakeDiscord: channel ${channel.name} was deleted`);
    if (channel.type === ChannelType.DM) {
      if (channel.recipient?.id !== user.id) throw new Error(`FakeDiscord: ${user.username} is not in this DM`);
      return;
    }
    const guild = this.guildOf(channel.guildId);
    if (!guild.members.has(user.id)) throw new Error(`FakeDiscord: ${user.username} is not a member of ${guild.name}`);
    if ((this.permissionsIn(channel, user.id) & permission) !== permission) {
      throw new Error(`FakeDiscord: ${user.username} lacks ${permissionName(permission)} in #${channel.name}`);
    }
  }

  private componentOn(message: FakeMessage, customId: string, user: FakeUser): Record<string, unknown> {
    if (message.visibleTo && message.visibleTo !== user.id) throw new Error(`FakeDiscord: ${user.username} cannot see that ephemeral message`);
    const channel = this.channelOf(message.channelId);
    if (channel.deleted) throw new Error('FakeDiscord: the channel was deleted');
    if (channel.guildId) this.assertPersonCan(user, channel, P.ViewChannel);
    const found = findComponent(message.components, customId);
    if (!found) throw new Error(`FakeDiscord: no component ${customId} on message ${message.id} (${collectIds(message.components).join(', ') || 'none'})`);
    if (found.disabled === true) throw new Error(`FakeDiscord: ${customId} is disabled`);
    return found;
  }

  private commandOptions(
    command: RegisteredCommand,
    given: Record<string, CommandOptionValue>,
    guild: FakeGuild | undefined,
  ): { list: Array<Record<string, unknown>>; resolved?: Record<string, Record<string, unknown>> } {
    const defs = (command.options ?? []) as Array<{ name: string; type: number; required?: boolean; choices?: Array<{ value: unknown }>; min_length?: number; max_length?: number }>;
    if (defs.some((d) => d.type === 1 || d.type === 2)) throw new Error('FakeDiscord: subcommands are not emulated');
    for (const key of Object.keys(given)) if (!defs.some((d) => d.name === key)) throw new Error(`FakeDiscord: /${command.name} has no option ${key}`);
    const list: Array<Record<string, unknown>> = [];
    const resolved: Record<string, Record<string, unknown>> = {};
    const add = (kind: string, id: string, json: unknown): void => {
      (resolved[kind] ??= {})[id] = json;
    };
    for (const def of defs) {
      const value = given[def.name];
      if (value === undefined) {
        if (def.required) throw new Error(`FakeDiscord: /${command.name} needs option ${def.name}`);
        continue;
      }
      let raw: unknown = value;
      if (def.type === 3) {
        if (typeof value !== 'string') throw new Error(`FakeDiscord: option ${def.name} is a string`);
        if (value.length < (def.min_length ?? 0) || value.length > (def.max_length ?? 6000)) throw new Error(`FakeDiscord: option ${def.name} has a bad length`);
      } else if (def.type === 4 || def.type === 10) {
        if (typeof value !== 'number' || (def.type === 4 && !Number.isInteger(value))) throw new Error(`FakeDiscord: option ${def.name} is a number`);
      } else if (def.type === 5) {
        if (typeof value !== 'boolean') throw new Error(`FakeDiscord: option ${def.name} is a boolean`);
      } else if (typeof value === 'object') {
        raw = value.id;
        if ('username' in value) {
          add('users', value.id, this.userJson(value));
          const member = guild?.members.get(value.id);
          if (member) add('members', value.id, { ...this.memberJson(member, { user: false }), permissions: '0' });
        } else if ('permissions' in value) add('roles', value.id, this.roleJson(value));
        else add('channels', value.id, { ...this.channelJson(value), permissions: '0' });
      }
      if (def.choices && !def.choices.some((c) => c.value === raw)) throw new Error(`FakeDiscord: option ${def.name} must be one of its choices`);
      list.push({ name: def.name, type: def.type, value: raw });
    }
    return { list, ...(Object.keys(resolved).length ? { resolved } : {}) };
  }

  private createInteraction(input: {
    type: number;
    kind: InteractionKind;
    name: string;
    user: FakeUser;
    channel: FakeChannel;
    data: Record<string, unknown>;
    source?: FakeMessage;
  }): FakeInteraction {
    const { channel, user } = input;
    if (channel.deleted) throw new Error('FakeDiscord: the channel was deleted');
    const guild = channel.guildId ? this.guildOf(channel.guildId) : undefined;
    if (guild && !guild.botPresent) throw new Error('FakeDiscord: the bot is no longer in this server');
    const now = Date.now();
    const id = snowflake(now);
    // Interaction tokens are long opaque strings; this one says which interaction it belongs to, for readable logs.
    const token = `aW50ZXJhY3Rpb246${id}:${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    const payload: Record<string, unknown> = {
      id,
      application_id: this.applicationId,
      type: input.type,
      data: input.data,
      token,
      version: 1,
      channel_id: channel.id,
      channel: { ...this.channelJson(channel), ...(guild ? { permissions: this.permissionsIn(channel, user.id).toString() } : {}) },
      locale: user.locale,
      entitlements: [],
      attachment_size_limit: this.options.uploadLimitBytes,
      app_permissions: (guild ? this.permissionsIn(channel, this.botUser.id) : DM_APP_PERMISSIONS).toString(),
      ...(guild
        ? {
            guild_id: guild.id,
            guild: { id: guild.id, locale: guild.locale, features: [] },
            guild_locale: guild.locale,
            member: { ...this.memberJson(guild.members.get(user.id)!), permissions: this.permissionsIn(channel, user.id).toString() },
            authorizing_integration_owners: { '0': guild.id },
            context: 0,
          }
        : { user: this.userJson(user), authorizing_integration_owners: { '0': '0' }, context: 1 }),
      ...(input.source ? { message: this.messageJson(input.source) } : {}),
    };
    const interaction: FakeInteraction = {
      id,
      token,
      type: input.type,
      kind: input.kind,
      name: input.name,
      user,
      channelId: channel.id,
      ...(guild ? { guildId: guild.id } : {}),
      ...(input.source ? { sourceMessageId: input.source.id } : {}),
      createdAt: now,
      deadlineAt: now + this.options.interactionDeadlineMs,
      tokenExpiresAt: now + this.options.interactionTokenLifetimeMs,
      callbacks: [],
      expired: false,
      followupIds: [],
      payload,
    };
    this.interactions.set(id, interaction);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (interaction.acknowledged) return;
      // The person sees "This interaction failed"; the token is dead (callbacks 10062, webhooks 10015).
      interaction.expired = true;
      this.recordFailure({
        kind: 'interaction-not-acknowledged',
        interactionId: id,
        detail: `${input.kind} ${input.name} by ${user.username} not acknowledged within ${this.options.interactionDeadlineMs} ms`,
      });
    }, this.options.interactionDeadlineMs);
    timer.unref();
    this.timers.add(timer);
    this.gateway.dispatch('INTERACTION_CREATE', () => payload);
    this.notify();
    return interaction;
  }
}

export async function startFakeDiscord(options?: FakeDiscordOptions): Promise<FakeDiscord> {
  return new FakeDiscord(options).start();
}

function findComponent(list: unknown, customId: string): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const c of list) {
    if (!c || typeof c !== 'object') continue;
    const o = c as Record<string, unknown>;
    if (o.custom_id === customId) return o;
    const inner = findComponent(o.components, customId) ?? findComponent(o.accessory ? [o.accessory] : [], customId);
    if (inner) return inner;
  }
  return undefined;
}

function collectIds(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((c) => {
    const o = (c ?? {}) as Record<string, unknown>;
    return [...(typeof o.custom_id === 'string' ? [o.custom_id] : []), ...collectIds(o.components), ...collectIds(o.accessory ? [o.accessory] : [])];
  });
}

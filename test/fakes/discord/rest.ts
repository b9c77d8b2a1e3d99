// The REST half of the fake (under /api/v10, as discord.js calls it): routes a Pnyx bot uses, each answering like
// Discord, including the refusals bots trip on — 2,000-character content, component limits, a second callback to one
// interaction (40060), callbacks after the 3-second deadline (10062), expired interaction tokens (50027), missing
// channel permissions (50013 / 50001), deleted channels (10003) — plus injected 429s and optional real buckets.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ChannelType, GatewayIntentBits, InteractionResponseType, InteractionType, MessageFlags, PermissionFlagsBits as P } from 'discord.js';
import type { z } from 'zod';
import { DiscordError, emptyMessage, err, missingAccess, missingPermissions, unknownChannel, unknownInteraction, unknownMessage, unknownWebhook } from './errors';
import type { FakeDiscord, RegisteredCommand } from './fake';
import { Faults, InjectedError, RateLimited } from './faults';
import { bySnowflake, numberComponents, snowflake, THREAD_TYPES, type Call, type FakeAttachment, type FakeChannel, type FakeInteraction, type FakeMessage, type UploadedFile } from './model';
import { parseMultipart, pngSize } from './multipart';
import {
  callbackBody,
  commandBody,
  commandList,
  dmBody,
  formBodyError,
  messageBody,
  modalData,
  threadBody,
  type MessageBody,
} from './validation';



/** Flags a bot may set on a channel message; interaction responses may also be ephemeral. */
const CHANNEL_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2 | MessageFlags.IsVoiceMessage;
const RESPONSE_FLAGS = CHANNEL_FLAGS | MessageFlags.Ephemeral;
const TEXT_TYPES: number[] = [ChannelType.GuildText, ChannelType.DM, ChannelType.GuildAnnouncement, ChannelType.AnnouncementThread, ChannelType.PublicThread, ChannelType.PrivateThread];

interface Ctx {
  call: Call;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}
interface Reply {
  status: number;
  body?: unknown;
}
interface Route {
  method: string;
  template: string;
  regex: RegExp;
  keys: string[];
  /** Interaction callbacks and interaction webhooks are authorised by their token, not the bot token. */
  auth: boolean;
  handler: (ctx: Ctx) => Reply | Promise<Reply>;
}

export class RestApi {
  private readonly routes: Route[] = [];
  readonly faults = new Faults();

  constructor(private readonly fake: FakeDiscord) {
    const r = (method: string, template: string, handler: Route['handler'], auth = true): void => {
      const keys: string[] = [];
      const regex = new RegExp(
        `^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-z]+)/g, (_, key: string) => {
          keys.push(key);
          return '([^/]+)';
        })}$`,
      );
      this.routes.push({ method, template, regex, keys, auth, handler });
    };
    r('GET', '/gateway/bot', () => this.gatewayBot());
    r('GET', '/gateway', () => ({ status: 200, body: { url: `${this.wsBase()}/gateway` } }), false);
    r('GET', '/users/@me', () => ({ status: 200, body: { ...this.fake.json.user(this.fake.botUser), verified: true, mfa_enabled: false, flags: 0 } }));
    r('GET', '/users/@me/guilds', (c) => this.myGuilds(c));
    r('GET', '/users/:user', (c) => this.getUser(c));
    r('POST', '/users/@me/channels', (c) => this.createDm(c));
    r('GET', '/applications/@me', () => this.application());
    r('GET', '/oauth2/applications/@me', () => this.application());
    r('PUT', '/applications/:app/commands', (c) => this.overwriteCommands(c, 'global'));
    r('GET', '/applications/:app/commands', (c) => this.listCommands(c, 'global'));
    r('POST', '/applications/:app/commands', (c) => this.upsertCommand(c, 'global'));
    r('DELETE', '/applications/:app/commands/:command', (c) => this.deleteCommand(c, 'global'));
    r('PUT', '/applications/:app/guilds/:guild/commands', (c) => this.overwriteCommands(c, c.params.guild!));
    r('GET', '/applications/:app/guilds/:guild/commands', (c) => this.listCommands(c, c.params.guild!));
    r('POST', '/applications/:app/guilds/:guild/commands', (c) => this.upsertCommand(c, c.params.guild!));
    r('DELETE', '/applications/:app/guilds/:guild/commands/:command', (c) => this.deleteCommand(c, c.params.guild!));
    r('POST', '/interactions/:interaction/:token/callback', (c) => this.callback(c), false);
    r('GET', '/webhooks/:app/:token', (c) => this.getWebhook(c), false);
    r('POST', '/webhooks/:app/:token', (c) => this.followup(c), false);
    r('GET', '/webhooks/:app/:token/messages/:message', (c) => this.webhookMessage(c, 'get'), false);
    r('PATCH', '/webhooks/:app/:token/messages/:message', (c) => this.webhookMessage(c, 'edit'), false);
    r('DELETE', '/webhooks/:app/:token/messages/:message', (c) => this.webhookMessage(c, 'delete'), false);
    r('GET', '/channels/:channel', (c) => this.getChannel(c));
    r('GET', '/channels/:channel/messages/:message', (c) => this.getMessage(c));
    r('POST', '/channels/:channel/messages', (c) => this.postMessage(c));
    r('PATCH', '/channels/:channel/messages/:message', (c) => this.patchMessage(c));
    r('DELETE', '/channels/:channel/messages/:message', (c) => this.deleteMessage(c));
    r('POST', '/channels/:channel/typing', (c) => this.typing(c));
    r('POST', '/channels/:channel/messages/:message/threads', (c) => this.threadFromMessage(c));
    r('POST', '/channels/:channel/threads', (c) => this.threadWithoutMessage(c));
    r('GET', '/guilds/:guild', (c) => this.getGuild(c));
    r('GET', '/guilds/:guild/channels', (c) => ({ status: 200, body: this.guildChannels(this.guildFor(c)) }));
    r('GET', '/guilds/:guild/roles', (c) => ({ status: 200, body: [...this.guildFor(c).roles.values()].map((x) => this.fake.json.role(x)) }));
    r('GET', '/guilds/:guild/members/:user', (c) => this.getMember(c));
  }

  // === Plumbing ===================================================================================================

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname.startsWith('/attachments/')) return this.serveAttachment(url.pathname, res);

    const prefix = '/api/v10';
    const path = url.pathname.startsWith(`${prefix}/`)
      ? url.pathname
          .slice(prefix.length)
          .split('/')
          .map((s) => safeDecode(s))
          .join('/')
      : url.pathname;
    const route = url.pathname.startsWith(`${prefix}/`) ? this.routes.find((r) => r.method === method && r.regex.test(path)) : undefined;
    const params: Record<string, string> = {};
    if (route) route.regex.exec(path)!.slice(1).forEach((v, i) => (params[route.keys[i]!] = v));
    const call: Call = {
      method,
      path,
      route: route ? `${method} ${route.template}` : `${method} ${path}`,
      params,
      query: Object.fromEntries(url.searchParams),
      files: [],
      at,
      status: 0,
    };
    this.fake.calls.push(call);

    let status = 500;
    let body: unknown;
    const headers: Record<string, string> = {};
    try {
      if (!route) {
        this.fake.recordFailure({ kind: 'unknown-route', detail: `${method} ${url.pathname} is not emulated` });
        throw err(404, 0, '404: Not Found');
      }
      const parsed = parseBody(req.headers['content-type'] ?? '', raw);
      call.body = parsed.body;
      call.files = parsed.files;
      const late = this.faults.before(call, headers);
      this.faults.bucket(call, headers);
      if (route.auth && req.headers.authorization !== `Bot ${this.fake.token}`) throw err(401, 0, '401: Unauthorized');
      const reply = await route.handler({ call, params, query: url.searchParams, body: parsed.body, files: parsed.files });
      // A fault after the effect: Discord did the work but the answer was lost (a 502 from its edge, say).
      if (late) throw new InjectedError(late.status, { message: late.message, code: late.code }, 'after');
      status = reply.status;
      body = reply.body;
    } catch (error) {
      if (error instanceof RateLimited) {
        status = 429;
        body = error.body;
        Object.assign(headers, error.headers);
        if (error.injected) call.injected = error.injected;
      } else if (error instanceof DiscordError) {
        status = error.status;
        body = error.body;
        call.code = error.body.code;
        if (error.missing) call.missing = error.missing;
        if (error instanceof InjectedError) call.injected = error.when;
      } else {
        status = 500;
        body = { message: '500: Internal Server Error', code: 0 };
        this.fake.recordFailure({ kind: 'fake-error', detail: `${method} ${path}: ${(error as Error).stack ?? String(error)}` });
      }
      call.error = body;
    }
    call.status = status;
    if (status === 204 || body === undefined) res.writeHead(status, headers).end();
    else res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    this.fake.notify();
  }

  private serveAttachment(pathname: string, res: ServerResponse): void {
    const [, , channelId, id] = pathname.split('/');
    const found = [...this.fake.messages.values()].filter((m) => m.channelId === channelId).flatMap((m) => m.attachments).find((a) => a.id === id);
    if (!found) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': found.contentType ?? 'application/octet-stream', 'content-length': found.size }).end(found.bytes);
  }

  private wsBase(): string {
    return this.fake.httpBase.replace(/^http/, 'ws');
  }

  // === Gateway, users, application ================================================================================

  private gatewayBot(): Reply {
    return {
      status: 200,
      body: {
        url: `${this.wsBase()}/gateway`,
        shards: this.fake.recommendedShards,
        session_start_limit: { total: 1000, remaining: 1000 - this.fake.gateway.identifies.length, reset_after: 86_400_000, max_concurrency: this.fake.options.maxConcurrency },
      },
    };
  }

  /** The servers the bot is in, oldest first, as partial guilds (`limit` 1-200, default 200; `after` an id). */
  private myGuilds(c: Ctx): Reply {
    const limit = Math.min(200, Math.max(1, Number(c.query.get('limit') ?? 200) || 200));
    const after = BigInt(c.query.get('after') ?? 0);
    const guilds = [...this.fake.guilds.values()].filter((g) => g.botPresent && BigInt(g.id) > after).sort(bySnowflake).slice(0, limit);
    return { status: 200, body: guilds.map((g) => ({ id: g.id, name: g.name, icon: null, owner: false, permissions: String(g.roles.get(g.id)!.permissions | g.roles.get(g.botRoleId)!.permissions), features: [] })) };
  }

  private getUser(c: Ctx): Reply {
    const user = this.fake.users.get(c.params.user!);
    if (!user) throw err(404, 10013, 'Unknown User');
    return { status: 200, body: this.fake.json.user(user) };
  }

  private application(): Reply {
    return {
      status: 200,
      body: {
        id: this.fake.applicationId,
        name: this.fake.botUser.username,
        icon: null,
        description: '',
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        team: null,
        bot: this.fake.json.user(this.fake.botUser),
        install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
      },
    };
  }

  private createDm(c: Ctx): Reply {
    const body = this.validate(dmBody, c.body);
    const user = this.fake.users.get(body.recipient_id);
    if (!user || user.bot) throw err(400, 50033, 'Invalid Recipient(s)');
    return { status: 200, body: this.fake.json.channel(this.fake.createDm(user)) };
  }

  // === Commands ===================================================================================================

  private checkApp(c: Ctx, scope: string): void {
    if (c.params.app !== this.fake.applicationId) throw err(404, 10002, 'Unknown Application');
    if (scope !== 'global') {
      const guild = this.fake.guilds.get(scope);
      if (!guild) throw err(404, 10004, 'Unknown Guild');
      if (!guild.botPresent) throw missingAccess();
    }
  }

  private commandJson(body: z.infer<typeof commandBody>, scope: string, previous?: RegisteredCommand): RegisteredCommand {
    const command: RegisteredCommand = {
      ...body,
      id: previous?.id ?? snowflake(),
      application_id: this.fake.applicationId,
      version: previous?.version ?? snowflake(),
      type: body.type ?? 1,
      description: body.description ?? '',
      default_member_permissions: body.default_member_permissions ?? null,
      contexts: body.contexts ?? null,
      integration_types: body.integration_types ?? [0],
      nsfw: body.nsfw ?? false,
      ...(scope !== 'global' ? { guild_id: scope } : {}),
    };
    // A new version whenever the definition changed, as Discord does.
    if (previous && JSON.stringify({ ...previous, version: '' }) !== JSON.stringify({ ...command, version: '' })) command.version = snowflake();
    return command;
  }

  private overwriteCommands(c: Ctx, scope: string): Reply {
    this.checkApp(c, scope);
    const list = this.validate(commandList, c.body);
    const previous = this.fake.commands.get(scope) ?? [];
    const next = list.map((body) => this.commandJson(body, scope, previous.find((p) => p.name === body.name && p.type === (body.type ?? 1))));
    this.fake.commands.set(scope, next);
    this.fake.commandOverwrites.push({ at: c.call.at, scope, names: next.map((x) => x.name), commands: next });
    return { status: 200, body: next };
  }

  private listCommands(c: Ctx, scope: string): Reply {
    this.checkApp(c, scope);
    return { status: 200, body: this.fake.commands.get(scope) ?? [] };
  }

  private upsertCommand(c: Ctx, scope: string): Reply {
    this.checkApp(c, scope);
    const body = this.validate(commandBody, c.body);
    const list = this.fake.commands.get(scope) ?? [];
    const previous = list.find((p) => p.name === body.name && p.type === (body.type ?? 1));
    const command = this.commandJson(body, scope, previous);
    this.fake.commands.set(scope, [...list.filter((p) => p !== previous), command]);
    return { status: previous ? 200 : 201, body: command };
  }

  private deleteCommand(c: Ctx, scope: string): Reply {
    this.checkApp(c, scope);
    const list = this.fake.commands.get(scope) ?? [];
    if (!list.some((x) => x.id === c.params.command)) throw err(404, 10063, 'Unknown application command');
    this.fake.commands.set(scope, list.filter((x) => x.id !== c.params.command));
    return { status: 204 };
  }

  // === Interactions ===============================================================================================

  private callback(c: Ctx): Reply {
    const interaction = this.fake.interactions.get(c.params.interaction!);
    const record = (status: number, code?: number): void => {
      interaction?.callbacks.push({ type: Number((c.body as { type?: unknown })?.type), at: c.call.at, status, ...(code ? { code } : {}) });
    };
    try {
      if (!interaction || interaction.token !== c.params.token) throw unknownInteraction();
      // Past the deadline Discord has already told the person "This interaction failed" and forgotten the token.
      if (interaction.expired || (!interaction.acknowledged && c.call.at > interaction.deadlineAt)) throw unknownInteraction();
      if (interaction.acknowledged) throw err(400, 40060, 'Interaction has already been acknowledged.');
      const body = this.validate(callbackBody, c.body);
      const reply = this.applyCallback(interaction, body.type, body.data ?? {}, c);
      record(reply.status);
      return reply;
    } catch (error) {
      if (error instanceof DiscordError) record(error.status, error.body.code);
      throw error;
    }
  }

  private applyCallback(interaction: FakeInteraction, type: number, data: Record<string, unknown>, c: Ctx): Reply {
    const component = interaction.type === InteractionType.MessageComponent || (interaction.type === InteractionType.ModalSubmit && !!interaction.sourceMessageId);
    const invalid = (): DiscordError =>
      new DiscordError(400, {
        message: 'Invalid Form Body',
        code: 50035,
        errors: { type: { _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Interaction response type ${type} is not valid for this interaction.` }] } },
      });
    const channel = this.fake.channelOf(interaction.channelId);
    const at = c.call.at;
    let message: FakeMessage | undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const deferred = type === InteractionResponseType.DeferredChannelMessageWithSource;
        const body = deferred ? { flags: typeof data.flags === 'number' ? data.flags : 0 } : this.messageFromBody(data, c.files, ['data']);
        const flags = (Number(body.flags ?? 0) & RESPONSE_FLAGS) | (deferred ? MessageFlags.Loading : 0);
        message = this.fake.storeMessage({
          channel,
          author: this.fake.botUser,
          ...(deferred ? {} : this.messageInput(body as MessageBody, c.files)),
          flags,
          type: interaction.type === InteractionType.ApplicationCommand ? 20 : 0,
          interaction: { id: interaction.id, type: interaction.type, name: interaction.name, user: interaction.user },
          webhookId: this.fake.applicationId,
          ...(flags & MessageFlags.Ephemeral ? { visibleTo: interaction.user.id } : {}),
          via: `callback ${type}`,
          at,
        });
        interaction.originalMessageId = message.id;
        this.fake.dispatchMessage('MESSAGE_CREATE', message);
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
        if (!component) throw invalid();
        interaction.originalMessageId = interaction.sourceMessageId;
        break;
      case InteractionResponseType.UpdateMessage: {
        if (!component) throw invalid();
        message = this.fake.messages.get(interaction.sourceMessageId!);
        if (!message || message.deleted) throw unknownMessage();
        const body = this.validate(messageBody, data, ['data']);
        const change = this.editInput(message, body, c.files);
        if (wouldBeEmpty(message, change)) throw emptyMessage();
        this.fake.editMessage(message, change, 'callback 7', at);
        interaction.originalMessageId = message.id;
        this.fake.dispatchMessage('MESSAGE_UPDATE', message);
        break;
      }
      case InteractionResponseType.Modal: {
        if (interaction.type === InteractionType.ModalSubmit) throw invalid();
        const modal = this.validate(modalData, data, ['data']);
        interaction.modal = { ...modal, components: numberComponents(modal.components) as typeof modal.components, submitted: false };
        break;
      }
      default:
        throw invalid();
    }
    interaction.acknowledged = { type, at };
    this.fake.notify();
    if (c.query.get('with_response') !== 'true') return { status: 204 };
    const ephemeral = message ? (message.flags & MessageFlags.Ephemeral) !== 0 : undefined;
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.type,
          ...(message ? { response_message_id: message.id, response_message_loading: (message.flags & MessageFlags.Loading) !== 0, response_message_ephemeral: ephemeral } : {}),
        },
        resource: {
          type,
          ...(message && (type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage) ? { message: this.fake.json.message(message) } : {}),
        },
      },
    };
  }

  /** The interaction a webhook token belongs to, if the token may still be used. */
  private interactionFor(c: Ctx): FakeInteraction {
    if (c.params.app !== this.fake.applicationId) throw unknownWebhook();
    const interaction = [...this.fake.interactions.values()].find((i) => i.token === c.params.token);
    if (!interaction) throw unknownWebhook();
    if (c.call.at > interaction.tokenExpiresAt) throw err(401, 50027, 'Invalid Webhook Token');
    // Never acknowledged (yet, or ever): there is no webhook behind the token.
    if (!interaction.acknowledged) throw unknownWebhook();
    if (this.fake.channelOf(interaction.channelId).deleted) throw unknownChannel();
    return interaction;
  }

  private getWebhook(c: Ctx): Reply {
    const interaction = this.interactionFor(c);
    return { status: 200, body: { id: this.fake.applicationId, type: 3, application_id: this.fake.applicationId, name: this.fake.botUser.username, avatar: null, channel_id: interaction.channelId, token: interaction.token } };
  }

  private followup(c: Ctx): Reply {
    const interaction = this.interactionFor(c);
    const body = this.messageFromBody(c.body, c.files);
    const original = interaction.originalMessageId ? this.fake.messages.get(interaction.originalMessageId) : undefined;
    // Discord (deprecated but live): the first follow-up after a deferred reply edits the "thinking…" message, keeping
    // the ephemeral choice made when deferring.
    if (original && original.flags & MessageFlags.Loading && original.id !== interaction.sourceMessageId) {
      const flags = (original.flags & ~MessageFlags.Loading) | (Number(body.flags ?? 0) & CHANNEL_FLAGS);
      this.fake.editMessage(original, { ...this.editInput(original, body, c.files), flags }, c.call.route, c.call.at);
      this.fake.dispatchMessage('MESSAGE_UPDATE', original);
      return { status: 200, body: this.fake.json.message(original) };
    }
    const flags = Number(body.flags ?? 0) & RESPONSE_FLAGS;
    const message = this.fake.storeMessage({
      channel: this.fake.channelOf(interaction.channelId),
      author: this.fake.botUser,
      ...this.messageInput(body, c.files),
      flags,
      type: interaction.type === InteractionType.ApplicationCommand ? 20 : 0,
      interaction: { id: interaction.id, type: interaction.type, name: interaction.name, user: interaction.user },
      webhookId: this.fake.applicationId,
      ...(flags & MessageFlags.Ephemeral ? { visibleTo: interaction.user.id } : {}),
      via: c.call.route,
      at: c.call.at,
    });
    interaction.followupIds.push(message.id);
    this.fake.dispatchMessage('MESSAGE_CREATE', message);
    return { status: 200, body: this.fake.json.message(message) };
  }

  private webhookMessage(c: Ctx, action: 'get' | 'edit' | 'delete'): Reply {
    const interaction = this.interactionFor(c);
    const id = c.params.message === '@original' ? interaction.originalMessageId : c.params.message;
    const own = id !== undefined && (id === interaction.originalMessageId || interaction.followupIds.includes(id));
    const message = own ? this.fake.messages.get(id) : undefined;
    if (!message || message.deleted) throw unknownMessage();
    if (action === 'get') return { status: 200, body: this.fake.json.message(message) };
    if (action === 'delete') {
      message.deleted = true;
      this.deleted(message);
      return { status: 204 };
    }
    const body = this.validate(messageBody, c.body);
    const change = { ...this.editInput(message, body, c.files), flags: message.flags & ~MessageFlags.Loading };
    if (wouldBeEmpty(message, change)) throw emptyMessage();
    this.fake.editMessage(message, change, c.call.route, c.call.at);
    this.fake.dispatchMessage('MESSAGE_UPDATE', message);
    return { status: 200, body: this.fake.json.message(message) };
  }

  // === Channels and messages ======================================================================================

  /** The channel, if it exists and the bot can see it. */
  private channelFor(c: Ctx): FakeChannel {
    const channel = this.fake.channels.get(c.params.channel!);
    if (!channel || channel.deleted) throw unknownChannel();
    if (channel.guildId) {
      const guild = this.fake.guildOf(channel.guildId);
      if (!guild.botPresent) throw missingAccess();
      if (!(this.fake.permissionsIn(channel, this.fake.botUser.id) & P.ViewChannel)) throw missingAccess();
    }
    return channel;
  }

  private requireBot(channel: FakeChannel, bit: bigint): void {
    if (!channel.guildId) return;
    if ((this.fake.permissionsIn(channel, this.fake.botUser.id) & bit) !== bit) throw missingPermissions(bit);
  }

  private getChannel(c: Ctx): Reply {
    return { status: 200, body: this.fake.json.channel(this.channelFor(c)) };
  }

  private getMessage(c: Ctx): Reply {
    const channel = this.channelFor(c);
    this.requireBot(channel, P.ReadMessageHistory);
    const message = this.fake.messages.get(c.params.message!);
    if (!message || message.deleted || message.channelId !== channel.id || message.flags & MessageFlags.Ephemeral) throw unknownMessage();
    // Message Content over REST depends on the Developer Portal switch, not on the gateway intents.
    const visible =
      (this.fake.options.privilegedIntents & GatewayIntentBits.MessageContent) !== 0 ||
      !channel.guildId ||
      message.author.id === this.fake.botUser.id ||
      message.mentions.some((u) => u.id === this.fake.botUser.id);
    return { status: 200, body: this.fake.json.message(message, { hideContent: !visible }) };
  }

  private postMessage(c: Ctx): Reply {
    const channel = this.channelFor(c);
    if (!TEXT_TYPES.includes(channel.type)) throw err(400, 50008, 'Cannot send messages in a non-text channel');
    const body = this.messageFromBody(c.body, c.files);
    const thread = THREAD_TYPES.includes(channel.type);
    this.requireBot(channel, thread ? P.SendMessagesInThreads : P.SendMessages);
    if (channel.type === ChannelType.DM && this.fake.blockedDms.has(channel.recipient!.id)) throw err(403, 50007, 'Cannot send messages to this user');
    if (thread && channel.archived) {
      // An archived thread reopens when someone writes in it, unless it is also locked (then only Manage Threads may).
      if (channel.locked && !this.fake.botCan(channel, P.ManageThreads)) throw err(400, 50083, 'Operation cannot be performed on an archived thread.');
      this.fake.unarchive(channel);
    }
    if (c.files.length) this.requireBot(channel, P.AttachFiles);
    let droppedEmbeds = 0;
    if (body.embeds?.length && channel.guildId && !this.fake.botCan(channel, P.EmbedLinks)) {
      // Discord sends the text and drops the embeds; a message that would be only embeds is refused.
      if (!body.content && !body.components?.length && !c.files.length) throw missingPermissions(P.EmbedLinks);
      droppedEmbeds = body.embeds.length;
    }
    let referenceId: string | undefined;
    const ref = body.message_reference;
    if (ref?.message_id) {
      this.requireBot(channel, P.ReadMessageHistory);
      const target = this.fake.messages.get(ref.message_id);
      if (target && !target.deleted && target.channelId === channel.id) referenceId = target.id;
      else if (ref.fail_if_not_exists !== false) {
        throw new DiscordError(400, {
          message: 'Invalid Form Body',
          code: 50035,
          errors: { message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] } },
        });
      }
    }
    // enforce_nonce: a retried send with the same nonce returns the first message instead of a duplicate.
    if (body.enforce_nonce && body.nonce !== undefined && body.nonce !== null) {
      const same = [...this.fake.messages.values()].find(
        (m) => m.channelId === channel.id && m.author.id === this.fake.botUser.id && m.nonce === body.nonce && c.call.at - m.createdAt < 5 * 60_000,
      );
      if (same) return { status: 200, body: this.fake.json.message(same) };
    }
    const input = this.messageInput(body, c.files);
    const message = this.fake.storeMessage({
      channel,
      author: this.fake.botUser,
      ...input,
      embeds: droppedEmbeds ? [] : input.embeds,
      droppedEmbeds,
      flags: Number(body.flags ?? 0) & CHANNEL_FLAGS,
      type: referenceId ? 19 : 0,
      ...(referenceId ? { referenceId } : {}),
      ...(body.nonce !== undefined && body.nonce !== null ? { nonce: body.nonce } : {}),
      via: c.call.route,
      at: c.call.at,
    });
    this.fake.dispatchMessage('MESSAGE_CREATE', message);
    return { status: 200, body: this.fake.json.message(message) };
  }

  private patchMessage(c: Ctx): Reply {
    const channel = this.channelFor(c);
    const message = this.fake.messages.get(c.params.message!);
    if (!message || message.deleted || message.channelId !== channel.id || message.flags & MessageFlags.Ephemeral) throw unknownMessage();
    if (message.author.id !== this.fake.botUser.id) throw err(403, 50005, 'Cannot edit a message authored by another user');
    const body = this.validate(messageBody, c.body);
    if (c.files.length) this.requireBot(channel, P.AttachFiles);
    const change = this.editInput(message, body, c.files);
    if (change.embeds?.length && channel.guildId && !this.fake.botCan(channel, P.EmbedLinks)) change.embeds = [];
    const edit = { ...change, ...(body.flags != null ? { flags: (message.flags & ~CHANNEL_FLAGS) | (body.flags & CHANNEL_FLAGS) } : {}) };
    if (wouldBeEmpty(message, edit)) throw emptyMessage();
    this.fake.editMessage(message, edit, c.call.route, c.call.at);
    this.fake.dispatchMessage('MESSAGE_UPDATE', message);
    return { status: 200, body: this.fake.json.message(message) };
  }

  private deleteMessage(c: Ctx): Reply {
    const channel = this.channelFor(c);
    const message = this.fake.messages.get(c.params.message!);
    if (!message || message.deleted || message.channelId !== channel.id || message.flags & MessageFlags.Ephemeral) throw unknownMessage();
    if (message.author.id !== this.fake.botUser.id) this.requireBot(channel, P.ManageMessages);
    message.deleted = true;
    this.deleted(message);
    return { status: 204 };
  }

  private deleted(message: FakeMessage): void {
    if (message.flags & MessageFlags.Ephemeral) return;
    const channel = this.fake.channelOf(message.channelId);
    this.fake.gateway.dispatch('MESSAGE_DELETE', (intents) => {
      const needed = channel.type === ChannelType.DM ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages;
      return intents & needed ? { id: message.id, channel_id: channel.id, ...(channel.guildId ? { guild_id: channel.guildId } : {}) } : null;
    }, channel.guildId);
    this.fake.notify();
  }

  private typing(c: Ctx): Reply {
    const channel = this.channelFor(c);
    this.requireBot(channel, THREAD_TYPES.includes(channel.type) ? P.SendMessagesInThreads : P.SendMessages);
    return { status: 204 };
  }

  private threadFromMessage(c: Ctx): Reply {
    const channel = this.channelFor(c);
    if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) throw err(400, 50024, 'Cannot execute action on this channel type');
    const message = this.fake.messages.get(c.params.message!);
    if (!message || message.deleted || message.channelId !== channel.id || message.flags & MessageFlags.Ephemeral) throw unknownMessage();
    this.requireBot(channel, P.CreatePublicThreads);
    if (message.threadId) throw err(400, 160004, 'A thread has already been created for this message');
    const body = this.validate(threadBody, c.body);
    const type = channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread;
    const thread = this.fake.startThread(channel, body.name, this.fake.botUser, message, type, body.auto_archive_duration ?? 1440);
    return { status: 201, body: this.fake.json.channel(thread) };
  }

  private threadWithoutMessage(c: Ctx): Reply {
    const channel = this.channelFor(c);
    if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) throw err(400, 50024, 'Cannot execute action on this channel type');
    const body = this.validate(threadBody, c.body);
    // Without `type` Discord still creates a PRIVATE thread (the documented default); discord.js always sends one.
    const type = body.type ?? ChannelType.PrivateThread;
    this.requireBot(channel, type === ChannelType.PrivateThread ? P.CreatePrivateThreads : P.CreatePublicThreads);
    const thread = this.fake.startThread(channel, body.name, this.fake.botUser, undefined, type, body.auto_archive_duration ?? 1440);
    return { status: 201, body: this.fake.json.channel(thread) };
  }

  // === Guilds =====================================================================================================

  private guildFor(c: Ctx) {
    const guild = this.fake.guilds.get(c.params.guild!);
    if (!guild) throw err(404, 10004, 'Unknown Guild');
    if (!guild.botPresent) throw missingAccess();
    return guild;
  }

  private guildChannels(guild: ReturnType<RestApi['guildFor']>): unknown[] {
    return [...this.fake.channels.values()].filter((ch) => ch.guildId === guild.id && !ch.deleted && !THREAD_TYPES.includes(ch.type)).map((ch) => this.fake.json.channel(ch));
  }

  private getGuild(c: Ctx): Reply {
    const guild = this.guildFor(c);
    const { members: _m, channels: _c, threads: _t, presences: _p, voice_states: _v, ...rest } = this.fake.json.guildCreate(guild);
    return { status: 200, body: rest };
  }

  private getMember(c: Ctx): Reply {
    const member = this.guildFor(c).members.get(c.params.user!);
    if (!member) throw err(404, 10007, 'Unknown Member');
    return { status: 200, body: this.fake.json.member(member) };
  }

  // === Bodies =====================================================================================================

  private validate<T extends z.ZodType>(schema: T, value: unknown, prefix: Array<string | number> = []): z.infer<T> {
    const result = schema.safeParse(value ?? {});
    if (!result.success) throw new DiscordError(400, formBodyError(result.error, prefix));
    return result.data;
  }

  /** A message body to create: valid, not empty, files within the upload limit. */
  private messageFromBody(value: unknown, files: UploadedFile[], prefix: Array<string | number> = []): MessageBody {
    const body = this.validate(messageBody, value, prefix);
    if (!body.content && !body.embeds?.length && !body.components?.length && !files.length && !body.sticker_ids?.length && !(body as { poll?: unknown }).poll) {
      throw emptyMessage();
    }
    return body;
  }

  private attachments(files: UploadedFile[], meta: MessageBody['attachments']): FakeAttachment[] {
    if (files.length > 10) throw new DiscordError(400, { message: 'Invalid Form Body', code: 50035, errors: { files: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' }] } } });
    return files.map((f, i) => {
      if (f.size > this.fake.options.uploadLimitBytes) throw err(413, 40005, 'Request entity too large');
      const n = /^files\[(\d+)\]$/.exec(f.field)?.[1] ?? String(i);
      const described = meta?.find((a) => String(a.id) === n);
      const size = pngSize(f.bytes);
      return {
        id: snowflake(),
        filename: described?.filename ?? f.filename,
        size: f.size,
        contentType: f.contentType,
        ...(described?.description ? { description: described.description } : {}),
        ...(size ?? {}),
        bytes: f.bytes,
      };
    });
  }

  private messageInput(body: MessageBody, files: UploadedFile[]): { content: string; embeds: unknown[]; components: unknown[]; attachments: FakeAttachment[] } {
    return {
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments: this.attachments(files, body.attachments),
    };
  }

  /** Fields present in an edit replace the message's; absent ones stay. `attachments` lists those to keep. */
  private editInput(message: FakeMessage, body: MessageBody, files: UploadedFile[]): { content?: string; embeds?: unknown[]; components?: unknown[]; attachments?: FakeAttachment[] } {
    const change: { content?: string; embeds?: unknown[]; components?: unknown[]; attachments?: FakeAttachment[] } = {};
    if (body.content !== undefined) change.content = body.content ?? '';
    if (body.embeds !== undefined) change.embeds = body.embeds ?? [];
    if (body.components !== undefined) change.components = body.components ?? [];
    if (body.attachments !== undefined || files.length) {
      const keep = body.attachments === undefined ? message.attachments : message.attachments.filter((a) => (body.attachments ?? []).some((x) => String(x.id) === a.id));
      change.attachments = [...keep, ...this.attachments(files, body.attachments)];
    }
    return change;
  }
}

/** Discord refuses an edit that would leave a message with nothing in it. */
function wouldBeEmpty(m: FakeMessage, change: { content?: string; embeds?: unknown[]; components?: unknown[]; attachments?: FakeAttachment[] }): boolean {
  return !(change.content ?? m.content) && !(change.embeds ?? m.embeds).length && !(change.components ?? m.components).length && !(change.attachments ?? m.attachments).length;
}

function parseBody(contentType: string, raw: Buffer): { body: unknown; files: UploadedFile[] } {
  if (!raw.length) return { body: undefined, files: [] };
  try {
    if (contentType.startsWith('multipart/form-data')) {
      const { fields, files } = parseMultipart(raw, contentType);
      return { body: fields.payload_json === undefined ? {} : JSON.parse(fields.payload_json), files };
    }
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw err(400, 50109, 'The request body contains invalid JSON.');
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

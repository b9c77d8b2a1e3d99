// A fake Slack on 127.0.0.1 for driving the REAL Bolt `App` (see /work/shared/notes/platform-fakes.md): the Web API
// at /api/<method>, response_url endpoints, file upload URLs, signed HTTP deliveries to the app's Request URL, and
// Socket Mode over `ws`. It keeps the workspace (people with admin/owner flags and locales, channels with members),
// every message with its versions, and logs of calls, deliveries and acks, and it plays the people's side: mentioning
// the app, writing in threads and DMs, slash commands, button presses, modal submissions.
//
// Faithful where apps trip: tokens and scopes, `not_in_channel`, Block Kit limits (`invalid_blocks` past 3,000
// characters in a section or 50 blocks), `msg_too_long`, `ratelimited` with Retry-After, trigger ids that expire
// after 3 s and work once, response_urls that expire after 30 min or 5 uses, acks later than 3 s, the app's own
// messages and edits coming back as events, ephemeral messages' button presses carrying no `message`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blocksText, buttonsIn, checkBlocks, renderMrkdwn } from './blocks';
import { ACK_DEADLINE_MS, Deliverer, type DeliverOptions, type SocketRecord } from './deliver';
import { parseMultipart, parseParams, readBody, sendJson, slackId, triggerId } from './http';
import { blockActions, botEvent, changeEvent, eventCallback, personEvent, slashCommand, viewSubmission } from './payloads';
import { idOf, SlackState, type Identity, type ResponseUrl } from './state';
import type { Call, Delivery, FakeChannel, FakeMessage, FakeUser, FakeView, Forgery, ResponsePost } from './types';
import { WebApi, type Fault } from './web-api';

export type { Call, Delivery, FakeChannel, FakeMessage, FakeUser, FakeView, Forgery, ResponsePost, SocketRecord };
export { ACK_DEADLINE_MS, blocksText, buttonsIn, checkBlocks, renderMrkdwn };
export { LIMITS } from './blocks';
export { TEXT_LIMITS, TRIGGER_TTL_MS } from './web-api';

/** The bot scopes Pnyx's manifest asks for (issue 12), plus the read scopes its permission checks need. */
export const DEFAULT_SCOPES = [
  'app_mentions:read', 'channels:history', 'channels:read', 'chat:write', 'commands', 'files:write', 'groups:history',
  'groups:read', 'im:history', 'im:read', 'im:write', 'users:read',
];
/** Bot event subscriptions: the app hears mentions, and every message in channels it is in and in its DMs. */
export const DEFAULT_EVENTS = ['app_mention', 'message.channels', 'message.groups', 'message.im'];

export const RESPONSE_URL_TTL_MS = 30 * 60_000;
export const RESPONSE_URL_USES = 5;

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  signingSecret?: string;
  team?: { id: string; domain: string; name: string };
  appId?: string;
  bot?: { userId: string; botId: string; name: string };
  scopes?: string[];
  events?: string[];
  /** Send the app's own messages, edits and deletions back to it as events, as Slack does (default true). */
  echoOwnMessages?: boolean;
  /** Redeliver failed events after these delays (Slack: at once, 1 min, 5 min); off by default. */
  eventRetryDelaysMs?: number[] | false;
  /** How long to wait for the app's HTTP answer before calling a delivery lost. */
  httpWaitMs?: number;
}

export interface Sent {
  message: FakeMessage;
  /** The events Slack sent for it (an app_mention and a message event for a mention in a channel the app reads). */
  deliveries: Delivery[];
}

export class FakeSlack {
  readonly state: SlackState;
  readonly api: WebApi;
  readonly deliverer: Deliverer;
  private readonly events: Set<string>;
  private readonly echoOwn: boolean;
  private server: Server;
  private port = 0;
  private inflight = new Set<Promise<unknown>>();

  constructor(options: FakeSlackOptions = {}) {
    const team = options.team ?? { id: 'T0PNYX0001', domain: 'pnyx-test', name: 'Pnyx Test' };
    const bot = options.bot ?? { userId: 'U0PNYXBOT1', botId: 'B0PNYXBOT1', name: 'pnyx' };
    const appId = options.appId ?? 'A0PNYX0001';
    const identity: Identity = {
      teamId: team.id,
      teamDomain: team.domain,
      teamName: team.name,
      appId,
      botUserId: bot.userId,
      botId: bot.botId,
      botName: bot.name,
      // Assembled at run time so that no committed line looks like a real Slack token to a secret scanner.
      botToken: options.botToken ?? ['xoxb', 'fake', 'pnyx', 'bot'].join('-'),
      appToken: options.appToken ?? `xapp-1-${appId}-1-fake-app-token`,
      signingSecret: options.signingSecret ?? 'fake-signing-secret-0123456789',
      verificationToken: 'fake-verification-token',
    };
    this.state = new SlackState(identity);
    this.events = new Set(options.events ?? DEFAULT_EVENTS);
    this.echoOwn = options.echoOwnMessages ?? true;
    this.deliverer = new Deliverer(this.state, {
      onAck: (d) => this.applyAck(d),
      eventRetryDelaysMs: options.eventRetryDelaysMs ?? false,
      httpWaitMs: options.httpWaitMs ?? 10_000,
    });
    this.api = new WebApi(
      this.state,
      { baseUrl: () => this.baseUrl, echo: (m, change, previous) => this.echo(m, change, previous), ticket: () => this.deliverer.ticket() },
      options.scopes ?? DEFAULT_SCOPES,
    );
    this.server = createServer((req, res) => void this.route(req, res));
    this.deliverer.attach(this.server);
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.deliverer.close();
    await Promise.allSettled([...this.inflight]);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get id(): Identity {
    return this.state.id;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** For `new App({ clientOptions: { slackApiUrl } })` (ends with `/`, as the WebClient expects). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** The app's Request URL for HTTP mode (e.g. `http://127.0.0.1:PORT/slack/events`). */
  set requestUrl(url: string | undefined) {
    this.deliverer.requestUrl = url;
  }

  get requestUrl(): string | undefined {
    return this.deliverer.requestUrl;
  }

  // === State for assertions ============================================================================

  get calls(): Call[] {
    return this.state.calls;
  }
  get deliveries(): Delivery[] {
    return this.state.deliveries;
  }
  get uploads() {
    return this.state.uploads;
  }
  get responsePosts(): ResponsePost[] {
    return this.state.responsePosts;
  }
  get views(): FakeView[] {
    return [...this.state.views.values()];
  }
  get sockets(): SocketRecord[] {
    return this.deliverer.sockets;
  }
  get messages(): FakeMessage[] {
    return [...this.state.messages.values()];
  }

  callsOf(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  message(channel: FakeChannel | string, ts: string): FakeMessage | undefined {
    return this.state.message(channel, ts);
  }

  /** The app's messages in a channel (not deleted; ephemeral ones only with `ephemeral: true`), oldest first. */
  botMessages(channel: FakeChannel | string, options: { threadTs?: string; ephemeral?: boolean } = {}): FakeMessage[] {
    const id = idOf(channel);
    return this.messages
      .filter((m) => m.channel === id && m.user === this.id.botUserId && !m.deleted && (options.ephemeral ? true : !m.ephemeralTo))
      .filter((m) => options.threadTs === undefined || m.threadTs === options.threadTs)
      .sort((a, b) => a.ts.localeCompare(b.ts));
  }

  /** What one person saw privately (chat.postEphemeral, ephemeral responses), oldest first. */
  ephemeralsTo(user: FakeUser | string, channel?: FakeChannel | string): FakeMessage[] {
    return this.messages
      .filter((m) => m.ephemeralTo === idOf(user) && (channel === undefined || m.channel === idOf(channel)))
      .sort((a, b) => a.ts.localeCompare(b.ts));
  }

  /** A thread's replies (not its root), oldest first. */
  thread(channel: FakeChannel | string, threadTs: string): FakeMessage[] {
    return this.messages
      .filter((m) => m.channel === idOf(channel) && m.threadTs === threadTs && m.ts !== threadTs && !m.deleted)
      .sort((a, b) => a.ts.localeCompare(b.ts));
  }

  /** What a person reads: the text (or the blocks' text when there is none) with control sequences rendered. */
  visibleText(message: FakeMessage): string {
    const text = message.blocks?.length ? blocksText(message.blocks) : message.text;
    return renderMrkdwn(text, (id) => this.state.users.get(id)?.name ?? id);
  }

  /** Pacing of one message's updates: how many, the gaps, and the most in any 1-second window. */
  updateRate(message: FakeMessage): { count: number; gapsMs: number[]; minGapMs: number; maxPerSecond: number } {
    const times = message.updates;
    const gapsMs = times.slice(1).map((t, i) => t - times[i]!);
    let maxPerSecond = 0;
    for (let i = 0; i < times.length; i++) {
      let j = i;
      while (j < times.length && times[j]! - times[i]! < 1000) j++;
      maxPerSecond = Math.max(maxPerSecond, j - i);
    }
    return { count: times.length, gapsMs, minGapMs: gapsMs.length ? Math.min(...gapsMs) : Infinity, maxPerSecond };
  }

  /** Deliveries Slack would count as failed: acked after 3 s, not acked, refused or unreachable. */
  failedDeliveries(): Delivery[] {
    return this.deliveries.filter((d) => d.failure !== undefined);
  }

  /** Deliveries acked later than Slack's 3-second deadline (or never). */
  lateAcks(): Delivery[] {
    return this.deliveries.filter((d) => d.late);
  }

  waitFor<T>(predicate: () => T | undefined | false | null, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    return this.state.waitFor(predicate, timeoutMs, what);
  }

  /** Bolt 5's `app.stop()` resolves before its socket closes: wait for that before ending a test. */
  waitForSocketsClosed(timeoutMs = 10_000): Promise<true> {
    return this.waitFor(() => this.sockets.length > 0 && this.deliverer.openSockets.length === 0, timeoutMs, 'every Socket Mode connection to close');
  }

  // === Test controls ==================================================================================

  addUser(user: Partial<FakeUser> & { name: string }): FakeUser {
    return this.state.addUser(user);
  }
  addChannel(options: Parameters<SlackState['addChannel']>[0]): FakeChannel {
    return this.state.addChannel(options);
  }
  imWith(user: FakeUser | string): FakeChannel {
    return this.state.imWith(user);
  }
  invite(channel: FakeChannel | string, user?: FakeUser | string): void {
    this.state.invite(channel, user);
  }
  kick(channel: FakeChannel | string, user?: FakeUser | string): void {
    this.state.kick(channel, user);
  }

  /** The next `times` calls of `method` ('*' for any) answer HTTP 429 `ratelimited` with `Retry-After: retryAfter`. */
  rateLimit(method: string, options: { times?: number; retryAfter?: number; when?: Fault['when'] } = {}): void {
    this.api.fail(method, { status: 429, retryAfter: options.retryAfter ?? 1, times: options.times ?? 1, ...(options.when ? { when: options.when } : {}) });
  }

  /** The next `times` calls of `method` ('*' for any) fail with `{ok:false,error}` (or an HTTP status). */
  fail(method: string, fault: string | (Omit<Fault, 'times'> & { times?: number })): void {
    this.api.fail(method, typeof fault === 'string' ? { error: fault } : fault);
  }

  /** Refuse chat.update past `perSecond` per message (token bucket of `burst`), as 429 with Retry-After. */
  limitUpdates(limit: { perSecond: number; burst?: number; retryAfter?: number } | undefined): void {
    this.api.limitUpdates(limit ? { perSecond: limit.perSecond, burst: limit.burst ?? 1, retryAfter: limit.retryAfter ?? 1 } : undefined);
  }

  /** Redeliver failed events after these delays (Slack: at once, after 1 min, after 5 min), or stop retrying. */
  retryEvents(delaysMs: number[] | false): void {
    this.deliverer.options.eventRetryDelaysMs = delaysMs;
  }

  /** Age every trigger_id and response_url by `ms`, to reach their 3 s / 30 min expiry without waiting. */
  timeTravel(ms: number): void {
    for (const t of this.state.triggers.values()) t.issuedAt -= ms;
    for (const r of this.state.responseUrls.values()) r.issuedAt -= ms;
  }

  // === The people's side ==============================================================================

  /** A person writes `@app text` in a channel (or a thread). `<@BOT>` is prepended unless the text mentions the app. */
  mention(user: FakeUser, channel: FakeChannel, text: string, options: { threadTs?: string } & DeliverOptions = {}): Promise<Sent> {
    const tag = `<@${this.id.botUserId}>`;
    return this.personPosts(user, channel, text.includes(tag) ? text : `${tag} ${text}`, options);
  }

  /** A person writes in a channel without mentioning the app. */
  say(user: FakeUser, channel: FakeChannel, text: string, options: { threadTs?: string } & DeliverOptions = {}): Promise<Sent> {
    return this.personPosts(user, channel, text, options);
  }

  threadReply(user: FakeUser, channel: FakeChannel, threadTs: string, text: string, options: DeliverOptions = {}): Promise<Sent> {
    return this.personPosts(user, channel, text, { ...options, threadTs });
  }

  /** A person writes to the app in its Messages tab. */
  directMessage(user: FakeUser, text: string, options: DeliverOptions = {}): Promise<Sent> {
    return this.personPosts(user, this.imWith(user), text, options);
  }

  /** A person edits their message: Slack sends `message` with `subtype: message_changed`. */
  async edit(message: FakeMessage, text: string, options: DeliverOptions = {}): Promise<Delivery[]> {
    const channel = this.state.channelOf(message.channel);
    const previous = personEvent(this.id, 'message', message, channel);
    this.state.replace(message, text, undefined);
    const current = { ...personEvent(this.id, 'message', message, channel), edited: { user: message.user, ts: this.state.nextTs() } };
    if (!this.hears(channel)) return [];
    return [await this.deliverer.deliver('event', 'message', eventCallback(this.id, changeEvent(channel, 'message_changed', current, previous, message.ts)), options)];
  }

  /** Another app's bot posts in a channel: a `message` event with its `bot_id` (the app must not answer bots). */
  async botPosts(bot: FakeUser, channel: FakeChannel, text: string, options: DeliverOptions = {}): Promise<Sent> {
    const message = this.state.store({ channel: channel.id, user: bot.id, ...(bot.botId ? { botId: bot.botId } : {}), text, via: 'person' });
    const json = { type: 'message', subtype: 'bot_message', bot_id: bot.botId, user: bot.id, text, ts: message.ts, team: this.id.teamId };
    const deliveries = this.hears(channel) ? [await this.deliverer.deliver('event', 'message', eventCallback(this.id, botEvent(this.id, message, channel, json)), options)] : [];
    return { message, deliveries };
  }

  /** A person runs a slash command. Slash commands reach the app in any channel, whether or not it is a member. */
  async slashCommand(user: FakeUser, channel: FakeChannel, command: string, text = '', options: DeliverOptions = {}): Promise<Delivery> {
    const url = this.issueResponseUrl({ user: user.id, channel: channel.id, kind: 'command' });
    const body = slashCommand(this.id, user, channel, command, text, url, this.issueTrigger(user.id));
    return this.deliverer.deliver('command', command, body, options);
  }

  /**
   * A person presses a button (found by `actionId`) on a message they can see. `value` overrides the button's own
   * value, to play a stale or forged press; without the button on the message this throws, as no one could press it.
   */
  async pressButton(user: FakeUser, message: FakeMessage, actionId: string, value?: string, options: DeliverOptions = {}): Promise<Delivery> {
    if (message.deleted) throw new Error('FakeSlack: the message was deleted');
    if (message.ephemeralTo && message.ephemeralTo !== user.id) throw new Error(`FakeSlack: ${user.name} cannot see an ephemeral message for ${message.ephemeralTo}`);
    const button = buttonsIn(message.blocks).find((b) => b.actionId === actionId);
    if (!button) throw new Error(`FakeSlack: no button ${actionId} on message ${message.ts}`);
    const channel = this.state.channelOf(message.channel);
    const url = this.issueResponseUrl({ user: user.id, channel: channel.id, kind: 'interaction', sourceTs: message.ts, ...(message.threadTs ? { threadTs: message.threadTs } : {}) });
    const value_ = value ?? button.value;
    const body = blockActions(
      this.id,
      user,
      channel,
      message,
      this.api.messageJson(message),
      { actionId, blockId: button.blockId ?? '', text: button.text, ...(value_ !== undefined ? { value: value_ } : {}), ...(button.style ? { style: button.style } : {}) },
      url,
      this.issueTrigger(user.id),
    );
    return this.deliverer.deliver('interaction', 'block_actions', body, options);
  }

  /** A person submits an open modal with `values` by block id, then action id (see payloads.stateValues). */
  async submitView(user: FakeUser, view: FakeView, values: Record<string, Record<string, unknown>> = {}, options: DeliverOptions = {}): Promise<Delivery> {
    const current = this.state.views.get(view.id);
    if (!current?.open) throw new Error(`FakeSlack: view ${view.id} is not open`);
    if (current.user !== user.id) throw new Error(`FakeSlack: view ${view.id} is open for ${current.user}, not ${user.id}`);
    const body = viewSubmission(this.id, user, current, this.api.viewJson(current), values, this.issueTrigger(user.id));
    return this.deliverer.deliver('interaction', 'view_submission', body, options);
  }

  /** A message as if the app had posted it (no call, no echo): to test presses without the app's posting code. */
  postAsApp(channel: FakeChannel, text: string, blocks?: unknown[], options: { ephemeralTo?: string; threadTs?: string } = {}): FakeMessage {
    const verdict = checkBlocks(blocks);
    if (!verdict.ok) throw new Error(`FakeSlack: ${verdict.error}: ${verdict.errors.join('; ')}`);
    return this.state.store({ channel: channel.id, user: this.id.botUserId, botId: this.id.botId, text, blocks: verdict.blocks, ...options, via: 'api' });
  }

  /** Deliver an arbitrary event to the app (wrapped in `event_callback`). */
  sendEvent(event: Record<string, unknown>, options: DeliverOptions = {}): Promise<Delivery> {
    return this.deliverer.deliver('event', String(event.type), eventCallback(this.id, event), options);
  }

  /** Slack's redelivery of the same payload (same `event_id`) with `X-Slack-Retry-Num` + 1. */
  redeliver(delivery: Delivery, reason = 'http_timeout'): Promise<Delivery> {
    return this.deliverer.redeliver(delivery, reason);
  }

  /** Send a Socket Mode `disconnect` (the client reconnects through apps.connections.open). */
  sendDisconnect(reason?: 'refresh_requested' | 'warning' | 'link_disabled'): void {
    this.deliverer.sendDisconnect(reason);
  }

  /** Cut the Socket Mode connections without a close handshake. */
  dropSockets(): void {
    this.deliverer.dropSockets();
  }

  // === Internals =====================================================================================

  private async personPosts(user: FakeUser, channel: FakeChannel, text: string, options: { threadTs?: string } & DeliverOptions): Promise<Sent> {
    const { threadTs, ...deliverOptions } = options;
    if (!channel.members.has(user.id) && channel.kind !== 'public') throw new Error(`FakeSlack: ${user.name} is not in ${channel.name}`);
    channel.members.add(user.id);
    const message = this.state.store({ channel: channel.id, user: user.id, text, ...(threadTs ? { threadTs } : {}), via: 'person' });
    const parentUser = message.threadTs ? this.state.message(channel.id, message.threadTs)?.user : undefined;
    const sends: Array<Promise<Delivery>> = [];
    // An app hears nothing from a channel it is not in; in channels, a mention is both an app_mention and a message.
    if (channel.members.has(this.id.botUserId)) {
      if (channel.kind !== 'im' && text.includes(`<@${this.id.botUserId}>`) && this.events.has('app_mention')) {
        sends.push(this.deliverer.deliver('event', 'app_mention', eventCallback(this.id, personEvent(this.id, 'app_mention', message, channel, parentUser)), deliverOptions));
      }
      if (this.hears(channel)) {
        sends.push(this.deliverer.deliver('event', 'message', eventCallback(this.id, personEvent(this.id, 'message', message, channel, parentUser)), deliverOptions));
      }
    }
    return { message, deliveries: await Promise.all(sends) };
  }

  /** Whether the app's subscriptions include messages of this channel's kind (and it is in the channel). */
  private hears(channel: FakeChannel): boolean {
    const event = { public: 'message.channels', private: 'message.groups', im: 'message.im', mpim: 'message.mpim' }[channel.kind];
    return this.events.has(event) && channel.members.has(this.id.botUserId);
  }

  /** The app's own messages come back to it as events, like any other message in a channel it reads. */
  private echo(message: FakeMessage, change: 'new' | 'changed' | 'deleted', previous?: { text: string; blocks?: unknown[] }): void {
    const channel = this.state.channels.get(message.channel);
    if (!this.echoOwn || !channel || !this.hears(channel)) return;
    if (!this.requestUrl && this.deliverer.openSockets.length === 0) return;
    const json = this.api.messageJson(message);
    const event =
      change === 'new'
        ? botEvent(this.id, message, channel, json)
        : changeEvent(channel, change === 'changed' ? 'message_changed' : 'message_deleted', json, { ...json, text: previous?.text ?? message.text, ...(previous?.blocks ? { blocks: previous.blocks } : {}) }, message.ts);
    const sent = this.deliverer.deliver('event', 'message', eventCallback(this.id, event)).catch(() => undefined);
    this.inflight.add(sent);
    void sent.finally(() => this.inflight.delete(sent));
  }

  private issueTrigger(user: string): string {
    const id = triggerId();
    this.state.triggers.set(id, { id, user, issuedAt: Date.now(), used: false });
    return id;
  }

  private issueResponseUrl(entry: Omit<ResponseUrl, 'id' | 'issuedAt' | 'uses'>): string {
    const id = slackId('R', 12);
    this.state.responseUrls.set(id, { ...entry, id, issuedAt: Date.now(), uses: 0 });
    return `${this.baseUrl}/response/${id}`;
  }

  /** What an in-time ack says: a command's reply (ephemeral unless `in_channel`), a modal's response_action. */
  private applyAck(delivery: Delivery): void {
    const body = delivery.ackBody;
    if (delivery.kind === 'command' && body !== undefined && body !== '') {
      const reply = typeof body === 'string' ? { text: body } : (body as Record<string, unknown>);
      const verdict = checkBlocks(reply.blocks);
      if (!verdict.ok || (!reply.text && !verdict.blocks)) return;
      const channel = String(delivery.body.channel_id);
      const user = String(delivery.body.user_id);
      this.state.store({
        channel,
        user: this.id.botUserId,
        botId: this.id.botId,
        text: String(reply.text ?? ''),
        blocks: verdict.blocks,
        ...(reply.response_type === 'in_channel' ? {} : { ephemeralTo: user }),
        via: 'ack',
      });
    }
    if (delivery.type === 'view_submission') {
      const view = this.state.views.get(String((delivery.body.view as { id: string }).id));
      if (!view) return;
      const answer = (typeof body === 'object' && body ? body : {}) as { response_action?: string; errors?: Record<string, string>; view?: Record<string, unknown> };
      const stack = [...this.state.views.values()].filter((v) => v.rootViewId === view.rootViewId && v.open);
      if (answer.response_action === 'errors') view.errors = answer.errors ?? {};
      else if (answer.response_action === 'update' && answer.view) {
        Object.assign(view, { raw: answer.view, blocks: (answer.view.blocks as unknown[]) ?? [], title: answer.view.title });
        view.history.push(answer.view);
        delete view.errors;
      } else if (answer.response_action === 'clear') for (const v of stack) v.open = false;
      else if (answer.response_action !== 'push') view.open = false;
      this.state.notify();
    }
  }

  // === HTTP ===========================================================================================

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = await readBody(req);
    const api = /^\/api\/([A-Za-z.]+)$/.exec(path);
    if (api) return this.webApi(api[1]!, req, body, res);
    const response = /^\/response\/([A-Z0-9]+)$/.exec(path);
    if (response && req.method === 'POST') return this.responseUrl(response[1]!, req, body, res);
    const upload = /^\/upload\/v1\/([A-Z0-9]+)$/.exec(path);
    if (upload && req.method === 'POST') return this.upload(upload[1]!, req, body, res);
    res.writeHead(404).end();
  }

  private async webApi(method: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    let parsed: Awaited<ReturnType<typeof parseParams>>;
    try {
      parsed = await parseParams(req, raw);
    } catch {
      return sendJson(res, 200, { ok: false, error: 'invalid_form_data' });
    }
    const answer = this.api.handle(method, parsed.params, parsed.token);
    const error = typeof answer.body.error === 'string' ? answer.body.error : undefined;
    const tokenKind = parsed.token === this.id.botToken ? 'bot' : parsed.token === this.id.appToken ? 'app' : parsed.token ? 'other' : undefined;
    this.state.record(this.state.calls, {
      method,
      params: parsed.params,
      ...(tokenKind ? { token: tokenKind } : {}),
      at: Date.now(),
      httpStatus: answer.status,
      ok: answer.body.ok === true,
      ...(error ? { error } : {}),
      response: answer.body,
    });
    sendJson(res, answer.status, answer.body, { 'x-oauth-scopes': [...this.api.scopes].join(','), ...answer.headers });
  }

  /** response_url: JSON (what Bolt's `respond()` sends) or a form with `payload`. Valid 30 minutes, 5 times. */
  private responseUrl(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const entry = this.state.responseUrls.get(id);
    let body: Record<string, unknown> = {};
    try {
      const text = raw.toString('utf8');
      body = String(req.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : JSON.parse(new URLSearchParams(text).get('payload') ?? '{}');
    } catch {
      return this.answerResponse(res, { urlId: id, at: Date.now(), body: {}, status: 400, error: 'invalid_payload' });
    }
    const post: ResponsePost = { urlId: id, at: Date.now(), body, status: 200 };
    if (!entry) return this.answerResponse(res, { ...post, status: 404, error: 'invalid_url' });
    if (Date.now() - entry.issuedAt > RESPONSE_URL_TTL_MS) return this.answerResponse(res, { ...post, status: 404, error: 'expired_url' });
    if (entry.uses >= RESPONSE_URL_USES) return this.answerResponse(res, { ...post, status: 404, error: 'used_url' });
    const source = entry.sourceTs ? this.state.message(entry.channel, entry.sourceTs) : undefined;
    if (body.delete_original === true || body.delete_original === 'true') {
      if (!source || source.deleted) return this.answerResponse(res, { ...post, status: 404, error: 'message_not_found' });
      entry.uses += 1;
      source.deleted = true;
      this.state.notify();
      return this.answerResponse(res, { ...post, effect: 'deleted', messageTs: source.ts });
    }
    const verdict = checkBlocks(body.blocks);
    if (!verdict.ok) return this.answerResponse(res, { ...post, status: 400, error: verdict.error });
    const text = typeof body.text === 'string' ? body.text : '';
    if (!text.trim() && !verdict.blocks?.length) return this.answerResponse(res, { ...post, status: 400, error: 'no_text' });
    entry.uses += 1;
    if ((body.replace_original === true || body.replace_original === 'true') && source && !source.deleted) {
      this.state.replace(source, text, verdict.blocks);
      return this.answerResponse(res, { ...post, effect: 'replaced', messageTs: source.ts });
    }
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : entry.kind === 'interaction' ? entry.threadTs : undefined;
    const message = this.state.store({
      channel: entry.channel,
      user: this.id.botUserId,
      botId: this.id.botId,
      text,
      blocks: verdict.blocks,
      ...(threadTs ? { threadTs } : {}),
      // Ephemeral unless the app asks for in_channel.
      ...(body.response_type === 'in_channel' ? {} : { ephemeralTo: entry.user }),
      via: 'response_url',
    });
    return this.answerResponse(res, { ...post, effect: 'posted', messageTs: message.ts });
  }

  private answerResponse(res: ServerResponse, post: ResponsePost): void {
    this.state.record(this.state.responsePosts, post);
    sendJson(res, post.status, post.error ? { ok: false, error: post.error } : { ok: true });
  }

  /** The upload URL from files.getUploadURLExternal: raw bytes or multipart (what the WebClient sends). */
  private async upload(fileId: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const upload = this.state.uploads.find((u) => u.fileId === fileId);
    if (!upload || upload.completed) {
      res.writeHead(404).end('file_not_found');
      return;
    }
    let bytes = raw;
    const type = String(req.headers['content-type'] ?? '');
    if (type.startsWith('multipart/form-data')) {
      const parts = Object.values(await parseMultipart(type, raw));
      bytes = (parts.find((p) => Buffer.isBuffer(p)) as Buffer | undefined) ?? Buffer.alloc(0);
    }
    upload.bytes = bytes;
    upload.size = bytes.length;
    upload.isPng = bytes.subarray(0, 8).equals(PNG_MAGIC);
    this.state.notify();
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function startFakeSlack(options?: FakeSlackOptions): Promise<FakeSlack> {
  return new FakeSlack(options).start();
}


// The Web API methods Pnyx's Slack app calls, answering as Slack does: `{ok:true,…}` or `{ok:false,error}` with HTTP
// 200, and HTTP 429 + `Retry-After` when rate limited (the WebClient waits that long, then retries). Checks come in
// Slack's order where it matters to an app: token, then scopes, then the channel, then the content.
import { z } from 'zod';
import { checkBlocks, LIMITS, type BlocksVerdict } from './blocks';
import { slackId } from './http';
import { now, type SlackState } from './state';
import type { FakeChannel, FakeMessage, FakeUser, FakeView } from './types';

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface Fault {
  /** `{ok:false,error}` with HTTP 200 (default `ratelimited` with 429 when `status` is 429). */
  error?: string;
  /** HTTP status: 429 (rate limited, with Retry-After) or 5xx (the WebClient retries those too). */
  status?: number;
  /** Seconds, sent as `Retry-After` with 429s. */
  retryAfter?: number;
  times: number;
  when?: (params: Record<string, unknown>) => boolean;
}

export interface WebApiHooks {
  /** Base URL of the fake, for upload URLs and the Socket Mode URL. */
  baseUrl(): string;
  /** The app's own message appeared, changed or went: Slack sends it back to the app as a `message` event. */
  echo(message: FakeMessage, change: 'new' | 'changed' | 'deleted', previous?: { text: string; blocks?: unknown[] }): void;
  /** Issue a one-time Socket Mode ticket. */
  ticket(): string;
}

/** Methods that need a scope, and which (bot token). conversations.info depends on the channel's kind. */
const SCOPE_OF: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.delete': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'conversations.join': 'channels:join',
  'users.info': 'users:read',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  'reactions.add': 'reactions:write',
};
const READ_SCOPE: Record<FakeChannel['kind'], string> = { public: 'channels:read', private: 'groups:read', im: 'im:read', mpim: 'mpim:read' };

/**
 * The limits behind `msg_too_long`. chat.update documents "The text field cannot exceed 4,000 characters"; for posts,
 * Slack documents truncation past 40,000. Both are enforced as refusals: stricter than Slack at worst, so an adapter
 * that passes here never loses the end of a reply silently (with blocks, `text` is only the notification fallback).
 */
export const TEXT_LIMITS = { post: 40_000, update: 4_000, ephemeral: 40_000 };

const bool = (v: unknown): boolean | undefined => (v === undefined ? undefined : v === true || v === 'true' || v === '1' || v === 1);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

export class WebApi {
  readonly faults = new Map<string, Fault[]>();
  readonly scopes: Set<string>;
  /** Per-message token buckets for chat.update when `limitUpdates` is on. */
  private updateLimit: { perSecond: number; burst: number; retryAfter: number } | undefined;
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly state: SlackState,
    private readonly hooks: WebApiHooks,
    scopes: string[],
  ) {
    this.scopes = new Set(scopes);
  }

  fail(method: string, fault: Omit<Fault, 'times'> & { times?: number }): void {
    const list = this.faults.get(method) ?? [];
    list.push({ ...fault, times: fault.times ?? 1 });
    this.faults.set(method, list);
  }

  limitUpdates(limit: { perSecond: number; burst: number; retryAfter: number } | undefined): void {
    this.updateLimit = limit;
    this.buckets.clear();
  }

  handle(method: string, params: Record<string, unknown>, token: string | undefined): ApiAnswer {
    const fault = this.takeFault(method, params) ?? this.takeFault('*', params);
    if (fault) {
      const status = fault.status ?? 200;
      if (status === 429) {
        return { status, body: { ok: false, error: fault.error ?? 'ratelimited' }, headers: { 'retry-after': String(fault.retryAfter ?? 1) } };
      }
      return { status, body: { ok: false, error: fault.error ?? (status === 200 ? 'fatal_error' : 'service_unavailable') } };
    }
    if (!token) return err('not_authed');
    const isApp = token === this.state.id.appToken;
    if (!isApp && token !== this.state.id.botToken) return err('invalid_auth');
    if (method === 'apps.connections.open') {
      if (!isApp) return err('not_allowed_token_type');
      return ok({ url: `${this.hooks.baseUrl().replace(/^http/, 'ws')}/link/?ticket=${this.hooks.ticket()}&app_id=${this.state.id.appId}` });
    }
    if (isApp && method !== 'auth.test') return err('not_allowed_token_type');
    const scope = SCOPE_OF[method];
    if (scope && !this.scopes.has(scope)) return missingScope(scope, this.scopes);
    switch (method) {
      case 'auth.test':
        return ok({
          url: `https://${this.state.id.teamDomain}.slack.com/`,
          team: this.state.id.teamName,
          user: this.state.id.botName,
          team_id: this.state.id.teamId,
          user_id: this.state.id.botUserId,
          ...(isApp ? {} : { bot_id: this.state.id.botId }),
          is_enterprise_install: false,
        });
      case 'chat.postMessage':
        return this.postMessage(params);
      case 'chat.update':
        return this.update(params);
      case 'chat.delete':
        return this.delete(params);
      case 'chat.postEphemeral':
        return this.postEphemeral(params);
      case 'conversations.info': {
        const channel = this.state.channels.get(String(params.channel ?? ''));
        if (!channel) return err('channel_not_found');
        if (!this.scopes.has(READ_SCOPE[channel.kind])) return missingScope(READ_SCOPE[channel.kind], this.scopes);
        return ok({ channel: this.channelJson(channel, bool(params.include_num_members) ?? false) });
      }
      case 'conversations.join': {
        const channel = this.state.channels.get(String(params.channel ?? ''));
        if (!channel) return err('channel_not_found');
        if (channel.kind !== 'public') return err('method_not_supported_for_channel_type');
        if (channel.archived) return err('is_archived');
        const already = channel.members.has(this.state.id.botUserId);
        this.state.invite(channel);
        return ok({ channel: this.channelJson(channel, false), ...(already ? { warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } } : {}) });
      }
      case 'users.info': {
        const user = this.state.users.get(String(params.user ?? ''));
        if (!user) return err('user_not_found');
        return ok({ user: this.userJson(user, bool(params.include_locale) ?? false) });
      }
      case 'views.open':
      case 'views.push':
        return this.openView(method, params);
      case 'views.update':
        return this.updateView(params);
      case 'files.getUploadURLExternal':
        return this.uploadUrl(params);
      case 'files.completeUploadExternal':
        return this.completeUpload(params);
      case 'reactions.add': {
        const message = this.state.message(String(params.channel ?? ''), String(params.timestamp ?? ''));
        if (!this.state.channels.has(String(params.channel ?? ''))) return err('channel_not_found');
        if (!message || message.deleted || message.ephemeralTo) return err('message_not_found');
        const name = String(params.name ?? '').replace(/:/g, '');
        if (!/^[a-z0-9_+'-]+$/.test(name)) return err('invalid_name');
        const users = (message.reactions[name] ??= []);
        if (users.includes(this.state.id.botUserId)) return err('already_reacted');
        users.push(this.state.id.botUserId);
        this.state.notify();
        return ok({});
      }
      default:
        return err('unknown_method');
    }
  }

  // === chat.* =========================================================================================

  /** Where a post goes: a channel id, or a user id (the app's DM with that person), with the membership check. */
  private target(channelParam: unknown): { channel: FakeChannel } | ApiAnswer {
    const id = String(channelParam ?? '');
    if (/^[UW]/.test(id) && this.state.users.has(id)) return { channel: this.state.imWith(id) };
    const channel = this.state.channels.get(id);
    if (!channel) return err('channel_not_found');
    if (channel.archived) return err('is_archived');
    // Public channels accept posts from non-members only with `chat:write.public`.
    const member = channel.members.has(this.state.id.botUserId) || (channel.kind === 'public' && this.scopes.has('chat:write.public'));
    if (!member) return err('not_in_channel');
    return { channel };
  }

  private content(params: Record<string, unknown>, textLimit: number, requireSomething = true): { text: string; blocks: unknown[] | undefined; blocksGiven: boolean } | ApiAnswer {
    const markdownText = str(params.markdown_text);
    if (markdownText !== undefined && (params.text !== undefined || params.blocks !== undefined)) return err('markdown_text_conflict');
    const verdict: BlocksVerdict = checkBlocks(params.blocks, 'message');
    if (!verdict.ok) return blocksError(verdict);
    const text = markdownText ?? (typeof params.text === 'string' ? params.text : '');
    const hasAttachments = typeof params.attachments === 'string' ? params.attachments !== '[]' : Array.isArray(params.attachments) && params.attachments.length > 0;
    if (requireSomething && !text.trim() && !verdict.blocks?.length && !hasAttachments) return err('no_text');
    if (text.length > textLimit) return err('msg_too_long');
    return { text, blocks: verdict.blocks, blocksGiven: params.blocks !== undefined };
  }

  private postMessage(params: Record<string, unknown>): ApiAnswer {
    const target = this.target(params.channel);
    if ('status' in target) return target;
    const content = this.content(params, TEXT_LIMITS.post);
    if ('status' in content) return content;
    const threadTs = str(params.thread_ts);
    const message = this.state.store({
      channel: target.channel.id,
      user: this.state.id.botUserId,
      botId: this.state.id.botId,
      text: content.text,
      blocks: content.blocks,
      ...(threadTs ? { threadTs } : {}),
      via: 'api',
      ...(bool(params.mrkdwn) !== undefined ? { mrkdwn: bool(params.mrkdwn)! } : {}),
      linkNames: bool(params.link_names) ?? false,
      replyBroadcast: bool(params.reply_broadcast) ?? false,
    });
    this.hooks.echo(message, 'new');
    return ok({ channel: message.channel, ts: message.ts, message: this.messageJson(message) });
  }

  private update(params: Record<string, unknown>): ApiAnswer {
    const channel = this.state.channels.get(String(params.channel ?? ''));
    if (!channel) return err('channel_not_found');
    const message = this.state.message(channel.id, String(params.ts ?? ''));
    if (!message || message.deleted || message.ephemeralTo) return err('message_not_found');
    if (message.user !== this.state.id.botUserId) return err('cant_update_message');
    const content = this.content(params, TEXT_LIMITS.update);
    if ('status' in content) return content;
    if (this.updateLimit && !this.takeToken(`${channel.id}:${message.ts}`)) {
      return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(this.updateLimit.retryAfter) } };
    }
    const previous = { text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) };
    // Leaving `blocks` out keeps the old ones (an empty array removes them), as chat.update documents.
    const blocks = content.blocksGiven ? content.blocks : message.blocks;
    this.state.replace(message, content.text, blocks?.length ? blocks : undefined, bool(params.link_names) ?? false);
    this.hooks.echo(message, 'changed', previous);
    return ok({ channel: channel.id, ts: message.ts, text: message.text, message: this.messageJson(message) });
  }

  private delete(params: Record<string, unknown>): ApiAnswer {
    const channel = this.state.channels.get(String(params.channel ?? ''));
    if (!channel) return err('channel_not_found');
    const message = this.state.message(channel.id, String(params.ts ?? ''));
    if (!message || message.deleted || message.ephemeralTo) return err('message_not_found');
    if (message.user !== this.state.id.botUserId) return err('cant_delete_message');
    message.deleted = true;
    this.state.notify();
    this.hooks.echo(message, 'deleted');
    return ok({ channel: channel.id, ts: message.ts });
  }

  private postEphemeral(params: Record<string, unknown>): ApiAnswer {
    const target = this.target(params.channel);
    if ('status' in target) return target;
    const user = String(params.user ?? '');
    if (!this.state.users.has(user)) return err('user_not_found');
    if (!target.channel.members.has(user)) return err('user_not_in_channel');
    const content = this.content(params, TEXT_LIMITS.ephemeral);
    if ('status' in content) return content;
    const threadTs = str(params.thread_ts);
    const message = this.state.store({
      channel: target.channel.id,
      user: this.state.id.botUserId,
      botId: this.state.id.botId,
      text: content.text,
      blocks: content.blocks,
      ...(threadTs ? { threadTs } : {}),
      ephemeralTo: user,
      via: 'api',
    });
    return ok({ message_ts: message.ts });
  }

  // === views.* ========================================================================================

  private openView(method: 'views.open' | 'views.push', params: Record<string, unknown>): ApiAnswer {
    const id = String(params.trigger_id ?? params.interactivity_pointer ?? '');
    const trigger = this.state.triggers.get(id);
    if (!/^\d+\.\d+\.[0-9a-f]+$/.test(id) || !trigger) return err('invalid_trigger_id');
    if (trigger.used) return err('exchanged_trigger_id');
    if (Date.now() - trigger.issuedAt > TRIGGER_TTL_MS) return err('expired_trigger_id');
    const parsed = parseView(params.view);
    if ('status' in parsed) return parsed;
    trigger.used = true;
    const stack = [...this.state.views.values()].filter((v) => v.user === trigger.user && v.open);
    if (method === 'views.push' && stack.length === 0) return err('invalid_trigger_id');
    if (method === 'views.push' && stack.length >= 3) return err('push_limit_reached');
    if (method === 'views.open') for (const v of stack) v.open = false;
    const viewId = slackId('V');
    const root = method === 'views.push' ? stack[0]!.rootViewId : viewId;
    const view: FakeView = {
      id: viewId,
      user: trigger.user,
      type: String(parsed.view.type),
      ...viewFields(parsed.view),
      hash: `${Date.now()}.${slackId('', 8)}`,
      open: true,
      raw: parsed.view,
      history: [parsed.view],
      openedAt: Date.now(),
      rootViewId: root,
      previousViewId: method === 'views.push' ? stack.at(-1)!.id : null,
    };
    this.state.views.set(view.id, view);
    this.state.notify();
    return ok({ view: this.viewJson(view) });
  }

  private updateView(params: Record<string, unknown>): ApiAnswer {
    const view = params.view_id
      ? this.state.views.get(String(params.view_id))
      : [...this.state.views.values()].find((v) => v.externalId !== undefined && v.externalId === params.external_id);
    if (!view || !view.open) return err('not_found');
    if (params.hash !== undefined && params.hash !== view.hash) return err('hash_conflict');
    const parsed = parseView(params.view);
    if ('status' in parsed) return parsed;
    Object.assign(view, viewFields(parsed.view), { raw: parsed.view, hash: `${Date.now()}.${slackId('', 8)}` });
    view.history.push(parsed.view);
    delete view.errors;
    this.state.notify();
    return ok({ view: this.viewJson(view) });
  }

  // === files.* ========================================================================================

  private uploadUrl(params: Record<string, unknown>): ApiAnswer {
    const filename = str(params.filename);
    const length = Number(params.length ?? 0);
    if (!filename) return err('invalid_arguments');
    if (!Number.isInteger(length) || length <= 0) return err('missing_argument');
    const fileId = slackId('F');
    this.state.uploads.push({ fileId, filename, declaredLength: length, ...(str(params.alt_text) ? { altText: str(params.alt_text)! } : {}), completed: false });
    this.state.notify();
    return ok({ upload_url: `${this.hooks.baseUrl()}/upload/v1/${fileId}`, file_id: fileId });
  }

  private completeUpload(params: Record<string, unknown>): ApiAnswer {
    let files: Array<{ id: string; title?: string }>;
    try {
      files = z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1).parse(typeof params.files === 'string' ? JSON.parse(params.files) : params.files);
    } catch {
      return err('invalid_arguments');
    }
    const uploads = files.map((f) => ({ f, upload: this.state.uploads.find((u) => u.fileId === f.id && u.bytes && !u.completed) }));
    if (uploads.some((u) => !u.upload)) return err('file_not_found');
    const channelId = str(params.channel_id) ?? str(params.channels);
    let channel: FakeChannel | undefined;
    if (channelId) {
      const target = this.target(channelId);
      if ('status' in target) return target;
      channel = target.channel;
    }
    const threadTs = str(params.thread_ts);
    const initialComment = str(params.initial_comment);
    const refs = uploads.map(({ f, upload }) => ({ id: upload!.fileId, name: upload!.filename, title: f.title ?? upload!.filename, size: upload!.size ?? 0, mimetype: mimeOf(upload!.filename) }));
    let message: FakeMessage | undefined;
    if (channel) {
      message = this.state.store({ channel: channel.id, user: this.state.id.botUserId, botId: this.state.id.botId, text: initialComment ?? '', ...(threadTs ? { threadTs } : {}), files: refs, via: 'api' });
      this.hooks.echo(message, 'new');
    }
    for (const { f, upload } of uploads) {
      Object.assign(upload!, {
        completed: true,
        title: f.title ?? upload!.filename,
        ...(channel ? { channel: channel.id } : {}),
        ...(threadTs ? { threadTs } : {}),
        ...(initialComment ? { initialComment } : {}),
        ...(message ? { messageTs: message.ts } : {}),
      });
    }
    this.state.notify();
    return ok({
      files: refs.map((r) => ({
        id: r.id,
        created: now(),
        timestamp: now(),
        name: r.name,
        title: r.title,
        mimetype: r.mimetype,
        filetype: r.name.split('.').pop() ?? '',
        user: this.state.id.botUserId,
        size: r.size,
        is_public: channel?.kind === 'public',
        url_private: `${this.hooks.baseUrl()}/files/${r.id}/${encodeURIComponent(r.name)}`,
        permalink: `https://${this.state.id.teamDomain}.slack.com/files/${this.state.id.botUserId}/${r.id}/${encodeURIComponent(r.name)}`,
        channels: channel && channel.kind === 'public' ? [channel.id] : [],
        groups: channel && channel.kind === 'private' ? [channel.id] : [],
        ims: channel && channel.kind === 'im' ? [channel.id] : [],
        // Slack fills `shares` asynchronously; it is often still empty in this response.
        shares: {},
      })),
    });
  }

  // === JSON shapes ====================================================================================

  messageJson(m: FakeMessage): Record<string, unknown> {
    return {
      type: 'message',
      ...(m.botId ? { bot_id: m.botId, app_id: this.state.id.appId, bot_profile: { id: m.botId, app_id: this.state.id.appId, name: this.state.id.botName, team_id: this.state.id.teamId, deleted: false } } : {}),
      user: m.user,
      text: m.text,
      ...(m.blocks ? { blocks: m.blocks } : {}),
      ...(m.files ? { files: m.files.map((f) => ({ id: f.id, name: f.name, title: f.title, mimetype: f.mimetype, size: f.size })), upload: true } : {}),
      ts: m.ts,
      team: this.state.id.teamId,
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
      ...(m.threadTs && m.threadTs !== m.ts ? { parent_user_id: this.state.message(m.channel, m.threadTs)?.user } : {}),
      ...(m.threadTs === m.ts ? { reply_count: m.replyCount } : {}),
      ...(m.history.length > 1 ? { edited: { user: m.user, ts: `${Math.floor(m.updates.at(-1)! / 1000)}.000000` } } : {}),
    };
  }

  channelJson(c: FakeChannel, numMembers: boolean): Record<string, unknown> {
    if (c.kind === 'im') return { id: c.id, created: c.created, is_im: true, is_org_shared: false, user: c.user, is_user_deleted: false, priority: 0 };
    return {
      id: c.id,
      name: c.name,
      is_channel: c.kind === 'public',
      is_group: c.kind === 'private',
      is_im: false,
      is_mpim: c.kind === 'mpim',
      is_private: c.kind !== 'public',
      created: c.created,
      is_archived: c.archived,
      is_general: false,
      name_normalized: c.name,
      is_shared: false,
      is_org_shared: false,
      is_member: c.members.has(this.state.id.botUserId),
      creator: c.creator,
      topic: { value: '', creator: '', last_set: 0 },
      purpose: { value: '', creator: '', last_set: 0 },
      ...(numMembers ? { num_members: c.members.size } : {}),
    };
  }

  userJson(u: FakeUser, includeLocale: boolean): Record<string, unknown> {
    return {
      id: u.id,
      team_id: this.state.id.teamId,
      name: u.name,
      deleted: u.deleted ?? false,
      real_name: u.realName ?? u.name,
      tz: u.tz ?? 'Europe/Paris',
      tz_offset: 3600,
      is_admin: u.isAdmin ?? false,
      is_owner: u.isOwner ?? false,
      is_primary_owner: u.isPrimaryOwner ?? false,
      is_restricted: u.isRestricted ?? false,
      is_ultra_restricted: false,
      is_bot: u.isBot ?? false,
      is_app_user: false,
      updated: now(),
      profile: { real_name: u.realName ?? u.name, display_name: u.name, team: this.state.id.teamId, ...(u.botId ? { bot_id: u.botId } : {}) },
      ...(includeLocale ? { locale: u.locale ?? 'en-US' } : {}),
    };
  }

  viewJson(v: FakeView): Record<string, unknown> {
    return {
      ...v.raw,
      id: v.id,
      team_id: this.state.id.teamId,
      type: v.type,
      blocks: v.blocks,
      private_metadata: v.privateMetadata ?? '',
      callback_id: v.callbackId ?? '',
      external_id: v.externalId ?? '',
      state: { values: {} },
      hash: v.hash,
      clear_on_close: false,
      notify_on_close: false,
      root_view_id: v.rootViewId,
      previous_view_id: v.previousViewId ?? null,
      app_id: this.state.id.appId,
      app_installed_team_id: this.state.id.teamId,
      bot_id: this.state.id.botId,
    };
  }

  // === Internals =====================================================================================

  private takeFault(method: string, params: Record<string, unknown>): Fault | undefined {
    const fault = this.faults.get(method)?.find((f) => f.times > 0 && (!f.when || f.when(params)));
    if (fault) fault.times -= 1;
    return fault;
  }

  private takeToken(key: string): boolean {
    const limit = this.updateLimit!;
    const t = Date.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: t };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond);
    bucket.at = t;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/** A trigger_id can open one modal, within 3 seconds of the interaction. */
export const TRIGGER_TTL_MS = 3000;

const viewSchema = z.looseObject({
  type: z.enum(['modal', 'home']),
  title: z.looseObject({ type: z.literal('plain_text'), text: z.string().min(1).max(LIMITS.modalTitle, `must be less than ${LIMITS.modalTitle + 1} characters`) }).optional(),
  submit: z.looseObject({ type: z.literal('plain_text'), text: z.string().min(1).max(24, 'must be less than 25 characters') }).optional(),
  close: z.looseObject({ type: z.literal('plain_text'), text: z.string().min(1).max(24, 'must be less than 25 characters') }).optional(),
  blocks: z.array(z.unknown()),
  callback_id: z.string().max(255).optional(),
  private_metadata: z.string().max(LIMITS.privateMetadata, `must be less than ${LIMITS.privateMetadata + 1} characters`).optional(),
  external_id: z.string().max(255).optional(),
});

function parseView(raw: unknown): { view: Record<string, unknown> } | ApiAnswer {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.length > 250_000) return err('view_too_large');
    try {
      value = JSON.parse(raw);
    } catch {
      return err('invalid_arguments');
    }
  }
  const parsed = viewSchema.safeParse(value);
  const messages = parsed.success ? [] : parsed.error.issues.map((i) => `[ERROR] ${i.message} [json-pointer:/view/${i.path.join('/')}]`);
  if (parsed.success) {
    if (parsed.data.type === 'modal' && !parsed.data.title) messages.push('[ERROR] missing required field: title [json-pointer:/view/title]');
    const verdict = checkBlocks(parsed.data.blocks, 'modal');
    if (!verdict.ok) messages.push(...verdict.errors.map((e) => `[ERROR] ${e.replace('[json-pointer:/blocks', '[json-pointer:/view/blocks')}`));
    const hasInput = parsed.data.blocks.some((b) => (b as { type?: string }).type === 'input');
    if (parsed.data.type === 'modal' && hasInput && !parsed.data.submit) messages.push('[ERROR] submit is required when an input block is present [json-pointer:/view/submit]');
  }
  if (messages.length) return { status: 200, body: { ok: false, error: 'invalid_arguments', response_metadata: { messages } } };
  return { view: parsed.data as Record<string, unknown> };
}

function viewFields(view: Record<string, unknown>): Pick<FakeView, 'callbackId' | 'externalId' | 'privateMetadata' | 'title' | 'blocks'> {
  return {
    ...(typeof view.callback_id === 'string' ? { callbackId: view.callback_id } : {}),
    ...(typeof view.external_id === 'string' ? { externalId: view.external_id } : {}),
    ...(typeof view.private_metadata === 'string' ? { privateMetadata: view.private_metadata } : {}),
    title: view.title,
    blocks: (view.blocks as Array<Record<string, unknown>>).map((b) => ({ ...b, block_id: b.block_id ?? slackId('', 5) })),
  };
}

export function ok(body: Record<string, unknown>): ApiAnswer {
  return { status: 200, body: { ok: true, ...body } };
}

export function err(error: string, extra: Record<string, unknown> = {}): ApiAnswer {
  return { status: 200, body: { ok: false, error, ...extra } };
}

function missingScope(needed: string, scopes: Set<string>): ApiAnswer {
  return err('missing_scope', { needed, provided: [...scopes].join(',') });
}

function blocksError(verdict: Extract<BlocksVerdict, { ok: false }>): ApiAnswer {
  return err(verdict.error, { errors: verdict.errors, response_metadata: { messages: verdict.errors.map((e) => `[ERROR] ${e}`) } });
}

function mimeOf(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase();
  return ext === 'png' ? 'image/png' : ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : ext === 'txt' ? 'text/plain' : 'application/octet-stream';
}


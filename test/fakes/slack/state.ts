// What the fake Slack knows: the workspace (people, channels), every message with its versions, and the logs tests
// assert on (Web API calls, deliveries to the app with their acks, uploads, response_url posts, views).
import { scanBlocks, scanMrkdwn } from './blocks';
import { slackId } from './http';
import type { Call, ChannelKind, Delivery, FakeChannel, FakeMessage, FakeUser, FakeView, Mention, ResponsePost, Upload } from './types';

export interface Identity {
  teamId: string;
  teamDomain: string;
  teamName: string;
  appId: string;
  botUserId: string;
  botId: string;
  botName: string;
  botToken: string;
  appToken: string;
  signingSecret: string;
  /** The deprecated verification token still sent in payloads. */
  verificationToken: string;
}

export interface Trigger {
  id: string;
  user: string;
  issuedAt: number;
  used: boolean;
}

export interface ResponseUrl {
  id: string;
  user: string;
  channel: string;
  kind: 'command' | 'interaction';
  /** For interactions: the message the button was on (what replace_original/delete_original act on). */
  sourceTs?: string;
  threadTs?: string;
  issuedAt: number;
  uses: number;
}

export class SlackState {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  /** Every message by `channel:ts`, deleted ones kept with `deleted: true`. */
  readonly messages = new Map<string, FakeMessage>();
  readonly calls: Call[] = [];
  readonly deliveries: Delivery[] = [];
  readonly uploads: Upload[] = [];
  readonly responsePosts: ResponsePost[] = [];
  readonly views = new Map<string, FakeView>();
  readonly triggers = new Map<string, Trigger>();
  readonly responseUrls = new Map<string, ResponseUrl>();
  private listeners = new Set<() => boolean>();
  private lastMicros = 0;

  constructor(readonly id: Identity) {
    this.users.set(id.botUserId, { id: id.botUserId, name: id.botName, isBot: true, botId: id.botId });
  }

  // === Workspace ======================================================================================

  addUser(user: Partial<FakeUser> & { name: string }): FakeUser {
    const full: FakeUser = { id: user.id ?? slackId('U'), ...user };
    this.users.set(full.id, full);
    this.notify();
    return full;
  }

  /** A channel; the bot is a member unless `botMember: false` (then posting answers `not_in_channel`). */
  addChannel(options: { name: string; id?: string; private?: boolean; members?: Array<FakeUser | string>; creator?: FakeUser | string; botMember?: boolean; archived?: boolean }): FakeChannel {
    const members = new Set((options.members ?? []).map(idOf));
    if (options.botMember !== false) members.add(this.id.botUserId);
    const creator = options.creator ? idOf(options.creator) : [...members].find((m) => m !== this.id.botUserId) ?? this.id.botUserId;
    members.add(creator);
    const kind: ChannelKind = options.private ? 'private' : 'public';
    const channel: FakeChannel = { id: options.id ?? slackId('C'), name: options.name, kind, members, creator, created: now(), archived: options.archived ?? false };
    this.channels.set(channel.id, channel);
    this.notify();
    return channel;
  }

  /** The direct-message conversation between a person and the bot (the App Home's Messages tab). */
  imWith(user: FakeUser | string): FakeChannel {
    const userId = idOf(user);
    for (const c of this.channels.values()) if (c.kind === 'im' && c.user === userId) return c;
    const channel: FakeChannel = { id: slackId('D'), name: userId, kind: 'im', members: new Set([userId, this.id.botUserId]), creator: userId, created: now(), archived: false, user: userId };
    this.channels.set(channel.id, channel);
    return channel;
  }

  invite(channel: FakeChannel | string, user: FakeUser | string = this.id.botUserId): void {
    this.channelOf(channel).members.add(idOf(user));
    this.notify();
  }

  kick(channel: FakeChannel | string, user: FakeUser | string = this.id.botUserId): void {
    this.channelOf(channel).members.delete(idOf(user));
    this.notify();
  }

  channelOf(channel: FakeChannel | string): FakeChannel {
    const found = this.channels.get(typeof channel === 'string' ? channel : channel.id);
    if (!found) throw new Error(`FakeSlack: no channel ${typeof channel === 'string' ? channel : channel.id}`);
    return found;
  }

  userOf(user: FakeUser | string): FakeUser {
    const found = this.users.get(idOf(user));
    if (!found) throw new Error(`FakeSlack: no user ${idOf(user)}`);
    return found;
  }

  // === Messages =======================================================================================

  /** A new message ts: seconds.microseconds, strictly increasing like Slack's. */
  nextTs(): string {
    this.lastMicros = Math.max(this.lastMicros + 1, Date.now() * 1000);
    return `${Math.floor(this.lastMicros / 1e6)}.${String(this.lastMicros % 1e6).padStart(6, '0')}`;
  }

  message(channel: FakeChannel | string, ts: string): FakeMessage | undefined {
    return this.messages.get(`${typeof channel === 'string' ? channel : channel.id}:${ts}`);
  }

  /** Store a message the way Slack would: block and action ids filled in, replies attached to the thread's root. */
  store(input: {
    channel: string;
    user: string;
    text: string;
    blocks?: unknown[];
    threadTs?: string;
    botId?: string;
    ephemeralTo?: string;
    via: FakeMessage['via'];
    mrkdwn?: boolean;
    linkNames?: boolean;
    files?: FakeMessage['files'];
    replyBroadcast?: boolean;
  }): FakeMessage {
    const blocks = input.blocks ? fillIds(input.blocks) : undefined;
    let threadTs = input.threadTs;
    if (threadTs) {
      // A reply to a reply lands in the root's thread.
      const parent = this.message(input.channel, threadTs);
      if (parent?.threadTs && parent.threadTs !== parent.ts) threadTs = parent.threadTs;
      const root = this.message(input.channel, threadTs);
      if (root && !input.ephemeralTo) {
        root.threadTs = root.ts;
        root.replyCount += 1;
      }
    }
    const ts = this.nextTs();
    const message: FakeMessage = {
      channel: input.channel,
      ts,
      ...(threadTs ? { threadTs } : {}),
      text: input.text,
      ...(blocks ? { blocks } : {}),
      user: input.user,
      ...(input.botId ? { botId: input.botId } : {}),
      ...(input.ephemeralTo ? { ephemeralTo: input.ephemeralTo } : {}),
      via: input.via,
      ...(input.mrkdwn !== undefined ? { mrkdwn: input.mrkdwn } : {}),
      ...(input.files ? { files: input.files } : {}),
      ...(input.replyBroadcast ? { replyBroadcast: true } : {}),
      mentions: [],
      formatProblems: [],
      history: [{ at: Date.now(), text: input.text, ...(blocks ? { blocks } : {}) }],
      updates: [],
      replyCount: 0,
      reactions: {},
    };
    this.rescan(message, input.linkNames);
    this.messages.set(`${message.channel}:${ts}`, message);
    this.notify();
    return message;
  }

  /** Replace a message's content (chat.update, replace_original), keeping the version history. */
  replace(message: FakeMessage, text: string, blocks: unknown[] | undefined, linkNames = false): void {
    message.text = text;
    if (blocks) message.blocks = fillIds(blocks);
    else delete message.blocks;
    message.history.push({ at: Date.now(), text, ...(message.blocks ? { blocks: message.blocks } : {}) });
    message.updates.push(Date.now());
    this.rescan(message, linkNames);
    this.notify();
  }

  private rescan(message: FakeMessage, linkNames = false): void {
    const fromText = scanMrkdwn(message.text, 'text', linkNames);
    const fromBlocks = scanBlocks(message.blocks);
    message.mentions = [...fromText.mentions, ...fromBlocks.mentions] as Mention[];
    // Top-level text is only parsed as mrkdwn when `mrkdwn` is not false; blocks always are.
    message.formatProblems = [...(message.mrkdwn === false ? [] : fromText.problems), ...fromBlocks.problems];
  }

  // === Logs ===========================================================================================

  record<T extends Call | Delivery | Upload | ResponsePost>(list: T[], entry: T): T {
    list.push(entry);
    this.notify();
    return entry;
  }

  /** Resolves when `predicate` returns something truthy, re-checked after every change the fake sees. */
  waitFor<T>(predicate: () => T | undefined | false | null, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        let value: T | undefined | false | null;
        try {
          value = predicate();
        } catch (error) {
          this.listeners.delete(check);
          clearTimeout(timer);
          reject(error as Error);
          return true;
        }
        if (value === undefined || value === false || value === null) return false;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`FakeSlack.waitFor timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      if (!check()) this.listeners.add(check);
    });
  }

  notify(): void {
    for (const check of [...this.listeners]) check();
  }
}

export function idOf(x: { id: string } | string): string {
  return typeof x === 'string' ? x : x.id;
}

export function now(): number {
  return Math.floor(Date.now() / 1000);
}

/** Slack gives every block a `block_id` and every interactive element an `action_id` when the app left them out. */
function fillIds(blocks: unknown[]): unknown[] {
  return (blocks as Array<Record<string, unknown>>).map((b) => {
    const copy: Record<string, unknown> = { ...b, block_id: b.block_id ?? slackId('', 5) };
    if (Array.isArray(b.elements) && b.type === 'actions') {
      copy.elements = (b.elements as Array<Record<string, unknown>>).map((e) => ({ ...e, action_id: e.action_id ?? slackId('', 5) }));
    }
    if (b.accessory && typeof b.accessory === 'object') {
      const a = b.accessory as Record<string, unknown>;
      copy.accessory = { ...a, action_id: a.action_id ?? slackId('', 5) };
    }
    return copy;
  });
}

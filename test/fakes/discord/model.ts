// The records the fake keeps (users, guilds, channels, messages, interactions, calls) in the shape tests assert on.
// Their JSON forms, as Discord sends them, are built in fake.ts.
import type { ModalData } from './validation';

const DISCORD_EPOCH = 1_420_070_400_000n;
let last = 0n;

/**
 * A real snowflake: discord.js reads creation times from ids, and ids sort by time like Discord's. Never the same id
 * twice, even for a time already used (a guild placed on a shard takes a stamp a few milliseconds ahead).
 */
export function snowflake(at = Date.now()): string {
  const candidate = ((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n);
  last = candidate > last ? candidate : last + 1n;
  return last.toString();
}

/** The shard that receives a guild's events, by Discord's rule: (guild_id >> 22) % num_shards. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** A snowflake for a guild that lands on `shard` of `count` (its stamp moved up to count - 1 ms ahead). */
export function snowflakeOnShard(shard: number, count: number): string {
  let stamp = BigInt(Date.now()) - DISCORD_EPOCH;
  if (last >> 22n >= stamp) stamp = (last >> 22n) + 1n;
  while (stamp % BigInt(count) !== BigInt(shard)) stamp += 1n;
  return snowflake(Number(stamp + DISCORD_EPOCH));
}

/**
 * Discord numbers every component (`id`, depth first) when the sender leaves it out; interactions and modal
 * submissions echo those numbers.
 */
export function numberComponents(list: unknown[]): unknown[] {
  const used = new Set<number>();
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(collect);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.id === 'number') used.add(o.id);
    for (const key of CHILDREN) collect(o[key]);
  };
  collect(list);
  let next = 1;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const o = { ...(v as Record<string, unknown>) };
    if (typeof o.type === 'number' && typeof o.id !== 'number') {
      while (used.has(next)) next += 1;
      o.id = next;
      used.add(next);
    }
    for (const key of CHILDREN) if (o[key] !== undefined) o[key] = walk(o[key]);
    return o;
  };
  return list.map(walk);
}
const CHILDREN = ['components', 'accessory', 'component'];

/** Channel types that are threads (announcement, public, private): they take their parent's permissions. */
export const THREAD_TYPES: readonly number[] = [10, 11, 12];

export function bySnowflake(a: { id: string }, b: { id: string }): number {
  const x = BigInt(a.id);
  const y = BigInt(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
  /** The Discord client's language, sent as the interaction's `locale` (a Discord locale such as `en-US`, `fr`). */
  locale: string;
}

export interface FakeRole {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  /** The bot's own role, created when it joins with the invite's permissions. */
  managed: boolean;
}

export interface FakeOverwrite {
  /** A role id (the guild id for @everyone) or a user id. */
  id: string;
  type: 'role' | 'member';
  allow: bigint;
  deny: bigint;
}

export interface FakeMember {
  user: FakeUser;
  roleIds: string[];
  joinedAt: number;
  nick: string | null;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  /** The server's preferred locale (interactions' `guild_locale`). */
  locale: string;
  /** Includes @everyone, whose id is the guild's. */
  roles: Map<string, FakeRole>;
  members: Map<string, FakeMember>;
  botRoleId: string;
  /** False once the bot was removed (kicked) from the guild. */
  botPresent: boolean;
  joinedAt: number;
}

export interface FakeChannel {
  id: string;
  /** discord.js `ChannelType`: 0 text, 1 DM, 5 announcement, 11 public thread, 12 private thread. */
  type: number;
  name: string;
  guildId?: string;
  /** Threads: the channel they live in. */
  parentId?: string;
  overwrites: FakeOverwrite[];
  /** DMs: the person on the other side. */
  recipient?: FakeUser;
  ownerId?: string;
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: number;
  createdAt: number;
  messageCount: number;
  deleted: boolean;
}

export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  contentType: string | null;
  description?: string;
  /** Images: read from the file itself (PNG header), so a test knows a real picture arrived. */
  width?: number;
  height?: number;
  bytes: Buffer;
}

export interface FakeRevision {
  at: number;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  /** The route that produced it, e.g. `PATCH /webhooks/:app/:token/messages/:message`, or `person`. */
  via: string;
}

export interface FakeMessage {
  id: string;
  channelId: string;
  guildId?: string;
  author: FakeUser;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: FakeAttachment[];
  /** Message flags: 64 ephemeral, 128 loading (a deferred reply not yet edited), 32768 components V2. */
  flags: number;
  /** Message type: 0 default, 19 reply, 20 slash-command response. */
  type: number;
  mentions: FakeUser[];
  mentionRoles: string[];
  /** The message this one replies to. */
  referenceId?: string;
  /** A thread started from this message (its id equals this message's id, as on Discord). */
  threadId?: string;
  /** The interaction this message answers. */
  interaction?: { id: string; type: number; name?: string; user: FakeUser };
  webhookId?: string;
  nonce?: string | number;
  /** Ephemeral messages: the only person who sees them. */
  visibleTo?: string;
  createdAt: number;
  editedAt?: number;
  deleted: boolean;
  /** Embeds Discord dropped because the bot lacked Embed Links (the rest of the message was sent). */
  droppedEmbeds: number;
  /** The message as first sent, then after every edit (an edit with identical content still counts). */
  history: FakeRevision[];
}

export type InteractionKind = 'command' | 'button' | 'select' | 'modal';

export interface FakeCallback {
  type: number;
  at: number;
  status: number;
  /** Discord's JSON error code when refused (40060 already acknowledged, 10062 unknown interaction, …). */
  code?: number;
}

export interface FakeInteraction {
  id: string;
  token: string;
  /** 2 application command, 3 message component, 5 modal submit. */
  type: number;
  kind: InteractionKind;
  /** Slash command name, or the component's / modal's custom_id. */
  name: string;
  user: FakeUser;
  channelId: string;
  guildId?: string;
  /** Components (and modals opened from them): the message the component sits on. */
  sourceMessageId?: string;
  createdAt: number;
  /** After this, an unanswered interaction fails ("This interaction failed") and its callbacks get 10062. */
  deadlineAt: number;
  /** After this, follow-ups and edits through the interaction webhook get 401 50027. */
  tokenExpiresAt: number;
  acknowledged?: { type: number; at: number };
  callbacks: FakeCallback[];
  expired: boolean;
  /** The response message (types 4/5), or the component's message after types 6/7. */
  originalMessageId?: string;
  followupIds: string[];
  /** A modal the bot showed in answer (type 9), and whether the person submitted it. */
  modal?: ModalData & { submitted: boolean };
  /** INTERACTION_CREATE's `d` as dispatched. */
  payload: Record<string, unknown>;
}

export interface UploadedFile {
  /** The multipart field, `files[n]`. */
  field: string;
  filename: string;
  contentType: string | null;
  size: number;
  bytes: Buffer;
}

export interface Call {
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** The route template, e.g. `PATCH /channels/:channel/messages/:message`. */
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
  files: UploadedFile[];
  /** When the request arrived (ms). */
  at: number;
  status: number;
  /** Discord's JSON error code on errors. */
  code?: number;
  error?: unknown;
  /** For 50013: the permission the bot lacked (Discord does not say; the fake does, for readable tests). */
  missing?: string;
  /**
   * Set when a test injected the answer: `instead` of doing the request (a 429, a 5xx), or `after` doing it (the
   * effect happened, the answer was an error — as when Discord's edge times out).
   */
  injected?: 'instead' | 'after';
}

export type FailureKind = 'interaction-not-acknowledged' | 'unknown-route' | 'fake-error';

export interface Failure {
  kind: FailureKind;
  at: number;
  detail: string;
  interactionId?: string;
}

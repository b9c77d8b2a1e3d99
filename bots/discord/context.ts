// What the adapter's handlers share: the core, the REST calls, the port and the interaction responder, and what
// discord.js's cache knows about channels and permissions. Plus two small memories: events already handled (a
// redelivered gateway event is dropped here, before it can answer anything twice) and log lines already written
// (a channel that refuses is said once, not at every message).
import type { Logger } from 'pino';
import type { Arena } from '../../core/engine/types';
import type { I18n, Translate } from '../../core/i18n';
import type { PendingWork } from '../../core/pending-work';
import type { Ack, Person, PnyxEvent } from '../../core/port/types';
import type { DiscordCalls } from './calls';
import type { PermissionName } from './permissions';
import type { DiscordPort } from './port';
import type { Responder } from './responder';
import type { ChannelFacts } from './translate';

/** What the adapter reads from discord.js's cache (filled by the gateway: servers, channels, threads, roles). */
export interface DiscordCache {
  botId(): string | undefined;
  botPerson(): Person;
  channel(channelId: string): ChannelFacts | undefined;
  /** The bot's permissions in a channel; undefined when unknown (a DM, a channel not cached). */
  botPermissionsIn(channelId: string): bigint | undefined;
  /** A member's permissions in a channel, when the member is cached. */
  memberPermissionsIn(channelId: string, userId: string): bigint | undefined;
  /** The ids of a server's text channels (for a server that removed the bot). */
  guildChannels(guildId: string): string[];
}

export interface AdapterContext {
  arena: Arena;
  i18n: I18n;
  log: Logger;
  calls: DiscordCalls;
  responder: Responder;
  port: DiscordPort;
  cache: DiscordCache;
  /** Events being handled and the work they started (stop() waits for them). */
  inflight: PendingWork;
  /** True once: the first time an event id is seen (gateway redeliveries, replays). */
  firstTime(id: string): boolean;
  /** True once per key and period: for log lines and messages that must not pile up. */
  onceEvery(key: string, ms: number): boolean;
  /** Runs an event through the core; a failure becomes a notice (the person always hears something). */
  handle(event: PnyxEvent, t: Translate): Promise<Ack>;
  /** "Send Messages, Read Message History", in the person's language, for a permission message. */
  permissionNames(t: Translate, missing: readonly PermissionName[]): string;
  stopping: boolean;
}

/** Remembers the last `max` keys (insertion order is age order). */
export function recentKeys(max: number): { add(key: string): boolean } {
  const keys = new Set<string>();
  return {
    add(key) {
      if (keys.has(key)) return false;
      keys.add(key);
      if (keys.size > max) keys.delete(keys.values().next().value as string);
      return true;
    },
  };
}

/** True at most once per key per period (bounded: old keys are forgotten). */
export function throttle(max = 10_000): (key: string, ms: number) => boolean {
  const until = new Map<string, number>();
  return (key, ms) => {
    const now = Date.now();
    if ((until.get(key) ?? 0) > now) return false;
    until.delete(key);
    until.set(key, now + ms);
    if (until.size > max) until.delete(until.keys().next().value as string);
    return true;
  };
}

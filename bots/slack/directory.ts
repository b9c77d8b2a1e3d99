// What the adapter asks Slack about people and conversations: a person's name and locale (users.info), whether they
// administer the workspace, who created a channel and whether the app is in it (conversations.info). Names and
// membership are cached for a while (they rarely change and events do not carry them); the admin check used for
// settings always asks again.
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import { slackError } from './errors';

type WebClient = webApi.WebClient;

const UserInfo = z.object({
  user: z.object({
    id: z.string(),
    name: z.string().optional(),
    real_name: z.string().optional(),
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    is_primary_owner: z.boolean().optional(),
    is_bot: z.boolean().optional(),
    locale: z.string().optional(),
    profile: z.object({ display_name: z.string().optional(), real_name: z.string().optional() }).optional(),
  }),
});

const ConversationInfo = z.object({
  channel: z.object({
    id: z.string(),
    name: z.string().optional(),
    is_im: z.boolean().optional(),
    is_mpim: z.boolean().optional(),
    is_private: z.boolean().optional(),
    is_member: z.boolean().optional(),
    is_archived: z.boolean().optional(),
    creator: z.string().optional(),
    user: z.string().optional(),
  }),
});

export interface PersonInfo {
  displayName?: string;
  locale?: string;
  admin: boolean;
}

export interface ConversationFacts {
  /** The app can post there (a channel it is in, or its own DM with the person). */
  reachable: boolean;
  kind: 'private' | 'group';
  title?: string;
  creator?: string;
}

const PERSON_TTL_MS = 10 * 60_000;
const CHANNEL_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

class TtlCache<V> {
  private readonly map = new Map<string, { value: V; until: number }>();
  constructor(private readonly ttlMs: number) {}
  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    this.map.delete(key);
    return undefined;
  }
  set(key: string, value: V): void {
    if (this.map.size >= MAX_ENTRIES) this.map.clear();
    this.map.set(key, { value, until: Date.now() + this.ttlMs });
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

export interface Directory {
  person(userId: string): Promise<PersonInfo>;
  conversation(channelId: string, userId: string): Promise<ConversationFacts>;
  /** Workspace admins and owners, and the channel's creator, may change its settings. Never throws. */
  isAdmin(userId: string, channelId: string): Promise<boolean>;
  /** Forget what is known of a conversation (the app was removed from it or invited back). */
  forget(channelId: string): void;
}

export function createDirectory(client: WebClient, log: Logger): Directory {
  const people = new TtlCache<PersonInfo>(PERSON_TTL_MS);
  const conversations = new TtlCache<ConversationFacts>(CHANNEL_TTL_MS);

  const fetchPerson = async (userId: string): Promise<PersonInfo> => {
    const { user } = UserInfo.parse(await client.users.info({ user: userId, include_locale: true }));
    const info: PersonInfo = {
      displayName: user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || userId,
      ...(user.locale ? { locale: user.locale } : {}),
      admin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
    };
    people.set(userId, info);
    return info;
  };

  const fetchConversation = async (channelId: string): Promise<z.infer<typeof ConversationInfo>['channel']> =>
    ConversationInfo.parse(await client.conversations.info({ channel: channelId })).channel;

  return {
    async person(userId) {
      const cached = people.get(userId);
      if (cached) return cached;
      try {
        return await fetchPerson(userId);
      } catch (error) {
        // A name and a locale are niceties: the event is handled without them.
        log.warn({ user: userId, error: slackError(error), err: error }, 'slack: users.info failed');
        return { admin: false };
      }
    },

    async conversation(channelId, userId) {
      const cached = conversations.get(channelId);
      if (cached) return cached;
      try {
        const channel = await fetchConversation(channelId);
        const facts: ConversationFacts = channel.is_im
          ? { reachable: channel.user === userId, kind: 'private' }
          : {
              reachable: Boolean(channel.is_member) && !channel.is_archived,
              kind: 'group',
              ...(channel.name ? { title: channel.name } : {}),
              ...(channel.creator ? { creator: channel.creator } : {}),
            };
        // Only a conversation the app can use is cached: an invitation takes effect at once.
        if (facts.reachable) conversations.set(channelId, facts);
        return facts;
      } catch (error) {
        // Not found: a DM between two other people, or a conversation the app cannot see.
        const code = slackError(error);
        if (code !== 'channel_not_found') log.warn({ channel: channelId, error: code, err: error }, 'slack: conversations.info failed');
        return { reachable: false, kind: channelId.startsWith('D') ? 'private' : 'group' };
      }
    },

    async isAdmin(userId, channelId) {
      try {
        if ((await fetchPerson(userId)).admin) return true;
        const channel = await fetchConversation(channelId);
        return channel.creator === userId;
      } catch (error) {
        log.warn({ user: userId, channel: channelId, error: slackError(error), err: error }, 'slack: admin check failed; treating the person as not an admin');
        return false;
      }
    },

    forget: (channelId) => conversations.delete(channelId),
  };
}

// Who and where a Telegram update is from, in the core's terms: people, chat addresses, and whether the sender
// may change the chat's settings.
import type { Context } from 'grammy';
import type { Chat, Message, User } from 'grammy/types';
import type { Logger } from 'pino';
import type { ChatAddress, Person } from '../../core/port/types';

// Telegram sends messages of anonymous group admins from this account, with the group as sender_chat.
export const GROUP_ANONYMOUS_BOT_ID = 1087968824;

export function person(user: User): Person {
  return {
    platform: 'telegram',
    id: String(user.id),
    displayName: [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username || String(user.id),
    ...(user.language_code ? { locale: user.language_code } : {}),
  };
}

export function address(chat: Chat, message?: Pick<Message, 'is_topic_message' | 'message_thread_id'>): ChatAddress {
  return {
    platform: 'telegram',
    id: String(chat.id),
    kind: chat.type === 'private' ? 'private' : 'group',
    ...('title' in chat && chat.title ? { title: chat.title } : {}),
    ...(message?.is_topic_message && message.message_thread_id !== undefined ? { thread: String(message.message_thread_id) } : {}),
  };
}

/** The core asks only when it needs to know (settings, admin commands): one getChatMember call then. */
export function adminCheck(log: Logger, ctx: Context, chat: Chat, user: User, senderChat?: Chat) {
  return async (): Promise<boolean> => {
    if (chat.type === 'private') return true;
    if (user.id === GROUP_ANONYMOUS_BOT_ID && senderChat?.id === chat.id) return true;
    try {
      const member = await ctx.api.getChatMember(chat.id, user.id);
      return member.status === 'creator' || member.status === 'administrator';
    } catch (error) {
      log.warn({ chat: chat.id, err: error }, 'telegram: getChatMember failed; treating the person as not an admin');
      return false;
    }
  };
}

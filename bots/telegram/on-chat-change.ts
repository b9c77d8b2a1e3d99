// Updates that change a chat itself rather than talk in it: a group's new id, the bot added, removed or blocked.
import type { Bot } from 'grammy';
import { address } from './addresses';
import { chatChanged, delivery, type AdapterState } from './adapter-state';

export function onChatChanges(bot: Bot, state: AdapterState): void {
  // A group upgraded to a supergroup gets a new id. Telegram says so in both (the old group's last message and the
  // supergroup's first); whichever comes first moves the chat's settings, battles and schedules, the other finds
  // nothing left to move.
  bot.on('message:migrate_to_chat_id', async (ctx) => {
    await chatChanged(state, address(ctx.message.chat), delivery(ctx), { kind: 'moved', to: String(ctx.message.migrate_to_chat_id) });
  });
  bot.on('message:migrate_from_chat_id', async (ctx) => {
    const from = String(ctx.message.migrate_from_chat_id);
    await chatChanged(state, { platform: 'telegram', id: from, kind: 'group' }, delivery(ctx), { kind: 'moved', to: String(ctx.message.chat.id) });
  });

  // Added to or removed from a chat, blocked or unblocked by a person.
  bot.on('my_chat_member', async (ctx) => {
    const { chat, new_chat_member: member, from } = ctx.myChatMember;
    state.log.info({ chat: chat.id, kind: chat.type, status: member.status, by: from.id }, 'telegram: membership changed');
    if (member.status === 'left' || member.status === 'kicked') await chatChanged(state, address(chat), delivery(ctx), { kind: 'removed' });
  });
}

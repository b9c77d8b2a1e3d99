// A chat event: the chat got a new platform id (its battles follow it), or the bot was removed from it (or a battle's
// thread was deleted), so nothing more is posted there.
import type { ChatEvent } from '../port/types';
import type { ArenaContext } from './context';
import type { EventContext } from './event-context';

export async function onChatChange(ctx: ArenaContext, ec: EventContext): Promise<void> {
  const { store, log } = ctx;
  const event = ec.event as ChatEvent;
  const { platform, id } = event.chat;
  if (event.change.kind === 'removed') {
    // Nothing can be posted there any more: stop updating its battles' messages; votes already cast stay counted.
    // A removed thread (a deleted battle thread) concerns only the battles posting in it.
    const { thread } = event.chat;
    for (const [token, state] of ctx.live) {
      if (state.chatRow.platform === platform && state.chatRow.externalId === id && (!thread || state.chat.thread === thread)) ctx.live.delete(token);
    }
    log.info({ platform, chat: id, ...(thread ? { thread } : {}) }, thread ? 'a thread of a chat was removed' : 'the bot was removed from a chat');
    return;
  }
  const row = await store.moveChat(platform, id, event.change.to);
  if (!row) return;
  ctx.forgetChat(platform, id);
  ctx.rememberChat(row);
  // Battles open there stay votable (the row is the same); what they post from now on goes to the new id.
  for (const state of ctx.live.values()) {
    if (state.chatRow.id !== row.id) continue;
    state.chatRow = row;
    state.chat = { ...state.chat, id: event.change.to };
  }
  log.info({ chat: row.id, platform, from: id, to: event.change.to }, 'chat moved to a new platform id');
}

// Which chat an event is in, and whether it is for the bot: the `chat` middleware (the chat's row and settings, chat
// events), `trigger` (group messages not meant for the bot) and `enabled` (a paused chat refuses new battles).
import { parseChatSettings } from '../../config/chat-settings';
import type { PnyxEvent, PromptEvent } from '../../port/types';
import type { ChatRow } from '../../store/types';
import type { Middleware } from '../composer';
import type { ArenaContext } from '../context';
import type { EventContext } from '../event-context';
import type { MessageRefs } from '../message-refs';
import type { PipelineParts } from '../pipeline';
import { isPrompt, type Ctx } from './event';

/**
 * A private chat is its person: what the bot posts there (replies, ballots, reveals, even those sent later by a
 * timer) follows the language the platform reports for the person, unless the chat's own setting says otherwise.
 * Stored as the chat's platform language, and updated (one write) when the person's changes.
 */
async function privateChatLanguage(arena: ArenaContext, event: PnyxEvent, row: ChatRow): Promise<ChatRow> {
  const wanted = event.chat.locale ?? event.from.locale;
  if (event.chat.kind !== 'private' || !wanted || row.locale === wanted) return row;
  const updated = await arena.store.updateChat(row.id, { locale: wanted });
  arena.rememberChat(updated);
  return updated;
}

export const chatMiddleware =
  (arena: ArenaContext, onChatChange: PipelineParts['onChatChange']): Middleware<Ctx> =>
  async (ec, next) => {
    if (ec.event.type === 'chat') return onChatChange(ec);
    const { chat, from } = ec.event;
    // A new private chat is stored with its person's language at once (no second write on the acknowledged path).
    const address = chat.kind === 'private' && !chat.locale && from.locale ? { ...chat, locale: from.locale } : chat;
    ec.chatRow = await privateChatLanguage(arena, ec.event, await arena.chatOf(address));
    ec.settings = parseChatSettings(ec.chatRow.settings);
    await next();
  };

/** The battle a prompt continues: the one whose message it replies to, or (where battles open threads) whose thread it is in. */
export async function battleOf(arena: ArenaContext, refs: MessageRefs, ec: EventContext<PromptEvent>) {
  const { event } = ec;
  const replied = event.replyTo ? await refs.battleOfMessage(ec.chatRow.id, event.replyTo) : null;
  if (replied || !event.chat.thread || !arena.ports.get(event.chat.platform)?.port.limits.threads) return replied;
  return arena.store.getBattleByThread(ec.chatRow.id, event.chat.thread);
}

export const triggerMiddleware =
  (arena: ArenaContext, refs: MessageRefs): Middleware<Ctx> =>
  async (ec, next) => {
    if (isPrompt(ec) && !ec.event.addressed && ec.settings.trigger !== 'all') {
      // A message in an open battle's thread names no one, yet it is meant for the battle: the platform cannot tell
      // which threads are battles', the database can. Anything else (other threads, finished battles) stays quiet.
      const battle = ec.event.replyTo || ec.event.chat.thread ? await battleOf(arena, refs, ec) : null;
      if (battle?.status !== 'open') return;
      ec.battle = battle;
    }
    await next();
  };

/** "The arena is paused", naming the platform's settings command. */
export const pausedNotice = (arena: ArenaContext, ec: Ctx) => ec.notice(ec.pt('arena-paused', { command: arena.ports.get(ec.event.chat.platform)?.port.commandHint?.('settings') ?? '/settings' }));

export const enabledMiddleware =
  (arena: ArenaContext): Middleware<Ctx> =>
  async (ec, next) => {
    if (isPrompt(ec) && !ec.settings.enabled) {
      if (ec.event.addressed) pausedNotice(arena, ec);
      return;
    }
    await next();
  };

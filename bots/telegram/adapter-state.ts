// What every Telegram update handler shares: the application, the port, the work in flight and what the adapter has
// learned from updates so far. One object per bot, passed to the handlers instead of a closure over all of it.
import type { Context } from 'grammy';
import type { User } from 'grammy/types';
import type { Logger } from 'pino';
import type { PendingWork } from '../../core/pending-work';
import type { Translate } from '../../core/i18n';
import type { Ack, ChatAddress, Notice, Person, PnyxEvent } from '../../core/port/types';
import type { TelegramAppParts } from './adapter';
import { ChatUnreachableError, type TelegramPort } from './port';

export interface AdapterState {
  app: TelegramAppParts;
  log: Logger;
  port: TelegramPort;
  /** Updates being handled and the work they started; stop() waits for them. */
  inflight: PendingWork;
  /** Highest update_id handled (long polling confirms it on stop). */
  lastUpdateId: number;
  /** The bot's own account as the sender of chat events; known once the first update arrived. */
  botUser: Person;
}

export type ChatChange = { kind: 'moved'; to: string } | { kind: 'removed' };

/** A chat event (new id, bot removed): the core moves or forgets the chat's state. */
export function chatChanged(state: AdapterState, chat: ChatAddress, delivery: string, change: ChatChange): Promise<undefined> {
  return state.inflight.track(state.app.arena.handle({ type: 'chat', delivery, chat, from: state.botUser, change }).then(() => undefined));
}

/** The core's delivery id of an update: its update_id. */
export function delivery(ctx: Context): string {
  return String(ctx.update.update_id);
}

export function translate(state: AdapterState, user: User | undefined): Translate {
  return state.app.i18n.t(user?.language_code);
}

/** Runs an event through the core. A chat that cannot be reached ends quietly (the port logged it once). */
export async function handleEvent(state: AdapterState, event: PnyxEvent, onError: () => Promise<void>): Promise<Ack | undefined> {
  try {
    const ack = await state.app.arena.handle(event);
    // The work the event started (streaming, closing) goes on; the update counts as in flight until it is done,
    // so that stop() can wait for it.
    if (ack.done) void state.inflight.track(ack.done);
    return ack;
  } catch (error) {
    if (error instanceof ChatUnreachableError) return undefined;
    state.log.error({ err: error, event: event.type, chat: event.chat.id }, 'telegram: the core failed to handle an event');
    await onError().catch(() => undefined);
    return undefined;
  }
}

/** Shows a notice addressed to one person when there is no popup to carry it (messages, not button presses). */
export async function replyNotice(state: AdapterState, chat: ChatAddress, notice: Notice | undefined, replyTo: number): Promise<void> {
  if (!notice?.text) return;
  // A person's data file: the core sends one only where the chat is private (the person's own chat with the bot).
  if (notice.file) {
    await state.port.sendFile(chat, notice.file, notice.text, String(replyTo));
    return;
  }
  await state.port.send(chat, { text: notice.text, source: 'core', ...(notice.buttons ? { buttons: notice.buttons } : {}) }, { replyTo: String(replyTo) });
}

export async function say(state: AdapterState, chat: ChatAddress, text: string, replyTo: number): Promise<void> {
  await state.port.send(chat, { text, source: 'core' }, { replyTo: String(replyTo) });
}

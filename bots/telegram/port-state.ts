// What the Telegram port remembers between calls: what each message shows, which messages make up a long reply,
// and which chats cannot be reached for now. One object per port, passed to the send/edit/delete functions.
import type { Api } from 'grammy';
import type { Logger } from 'pino';
import type { ChatAddress, PortLimits } from '../../core/port/types';
import type { TelegramPortHooks } from './port';
import { LruMap } from '../../core/lru-map';

/** Photo captions are shorter than messages. */
export const MAX_CAPTION_CHARS = 1024;
/** Remembered message states and multi-part refs; older ones are forgotten (an edit then just goes through). */
const MAX_REMEMBERED = 20_000;
/** Refs handed out for messages that could not be delivered to an unreachable chat. */
export const GONE_PREFIX = 'gone:';

/** The Telegram messages a logical message is made of. */
export interface MessageParts {
  ids: number[];
  /** A photo with a caption: edits then change the caption. */
  photo: boolean;
}

export interface PortState {
  api: Api;
  log: Logger;
  limits: PortLimits;
  hooks: TelegramPortHooks;
  /** `${chat}:${messageId}` → signature of what the message shows now. */
  shown: LruMap<string, string>;
  /** `${chat}:${ref}` → message ids of every part, and whether it is a photo (edits then change the caption). */
  parts: LruMap<string, MessageParts>;
  /** `${chat}:${messageId}` of a later part → ref of its first part. */
  alias: LruMap<string, string>;
  /** Chats that answered 403 → when to try them again. Cleared by the next successful call. */
  unreachable: Map<string, number>;
  /** Placeholder refs handed out so far (they only need to be distinct). */
  goneCount: number;
}

export function createPortState(api: Api, log: Logger, limits: PortLimits, hooks: TelegramPortHooks): PortState {
  return {
    api,
    log,
    limits,
    hooks,
    shown: new LruMap(MAX_REMEMBERED),
    parts: new LruMap(MAX_REMEMBERED),
    alias: new LruMap(MAX_REMEMBERED),
    unreachable: new Map(),
    goneCount: 0,
  };
}

export function isUnreachable(state: PortState, chat: ChatAddress): boolean {
  return (state.unreachable.get(chat.id) ?? 0) > Date.now();
}

export function firstId(ref: string): number {
  const id = Number.parseInt(ref, 10);
  if (!Number.isSafeInteger(id)) throw new Error(`telegram: not a message ref: ${ref}`);
  return id;
}


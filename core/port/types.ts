// The port between the platform-neutral core and each platform adapter (Telegram, Discord, Slack, web).
// Data flows one way: platform event → adapter → `arena.handle(event)` → store → core → `ChatPort` → platform.
// The core decides WHAT to say (already localised, Markdown-lite text and buttons); adapters decide HOW to show it
// (entities/blocks/HTML, splitting, popups vs ephemeral messages).

/** What the core needs to know about a platform to shape its output. Nothing here names a platform. */
export interface PortLimits {
  /** Longest text one message can carry (Telegram 4096, Discord 2000, Slack 3000 per section block). */
  maxMessageChars: number;
  /** Minimum time between two edits of messages in one chat (Telegram ~1000 ms; Discord 1000 ms; Slack ~1200 ms). */
  minEditIntervalMs: number;
  /** Private notices can be shown to one person only: ephemeral messages (Discord, Slack) or popups (Telegram). */
  privateNotice: 'ephemeral' | 'popup' | 'inline';
  /** Longest text of a private notice (Telegram popups: 200 chars; ephemeral messages: the message limit). */
  maxNoticeChars: number;
  /** Buttons can be shown to one person only (ephemeral messages: Discord, Slack, the web room). Where they cannot
   * (Telegram), optional per-person buttons are offered only in private chats, so groups are not flooded. */
  privateButtons?: boolean;
  /** The platform can open a thread under a message (Discord, Slack). */
  threads: boolean;
  /** Buttons per row and the longest button payload (Telegram callback_data: 64 bytes; Discord custom_id: 100). */
  maxButtonsPerRow: number;
  maxButtonDataBytes: number;
}

export type Platform = string; // 'telegram' | 'discord' | 'slack' | 'web' | ... — the core never branches on it

/** A place the engine can talk into. `id` is the platform's own id for the chat (as a string). */
export interface ChatAddress {
  platform: Platform;
  id: string;
  kind: 'private' | 'group';
  title?: string;
  /** Thread/topic inside the chat, when the platform has them. */
  thread?: string;
  /** The server/workspace the chat belongs to, when the platform has them (a Discord guild, a Slack team). */
  space?: string;
  locale?: string;
}

export interface Person {
  platform: Platform;
  id: string;
  displayName?: string;
  /** BCP-47 locale reported by the platform, if any. */
  locale?: string;
}

export type VoteChoice = 'a' | 'b' | 'tie' | 'both_bad';
export type Side = 'a' | 'b';
export type ReactionKind = 'like' | 'dislike';
export const POSITIVE_REASONS = ['useful', 'complete', 'creative', 'clear_formatting'] as const;
export const NEGATIVE_REASONS = ['incorrect', 'superficial', 'instructions_not_followed'] as const;
export type ReactionReason = (typeof POSITIVE_REASONS)[number] | (typeof NEGATIVE_REASONS)[number];

/** One button. `data` is an opaque action string produced by the core (see core/engine/actions.ts) and fits
 * `maxButtonDataBytes`; adapters pass it back verbatim in an `action` event. */
export interface Button {
  label: string;
  data: string;
  style?: 'primary' | 'secondary' | 'danger' | 'success';
}

/** A message as the core wants it shown. `text` is Markdown-lite (CommonMark subset models produce). */
export interface OutMessage {
  text: string;
  buttons?: Button[][];
  /** Text that is already final Markdown from a model (render safely) vs. core-authored text. */
  source?: 'model' | 'core';
  /** Optional attached image (leaderboard chart), PNG bytes. */
  image?: { png: Uint8Array; alt: string };
}

/** A logical message the core keeps updating (a streaming reply, a ballot). The adapter maps it to one or more
 * platform messages; `ref` values are the adapter's own opaque ids. */
export interface Posted {
  refs: string[];
}

export interface ChatPort {
  readonly platform: Platform;
  readonly limits: PortLimits;
  /** Post a message; returns the platform reference of the message created. */
  send(chat: ChatAddress, message: OutMessage, options?: { replyTo?: string }): Promise<string>;
  /** Replace a message's text and buttons. Must be a no-op (not an error) when nothing changed. */
  edit(chat: ChatAddress, ref: string, message: OutMessage): Promise<void>;
  /** Show that the bot is working ("typing…"). Optional: platforms without it ignore the call. */
  typing?(chat: ChatAddress): Promise<void>;
}

// === Events: what adapters hand to the core ==========================================================

interface EventBase {
  chat: ChatAddress;
  from: Person;
  /** Platform reference of the message the event came from, when there is one. */
  messageRef?: string;
  /** Asks the platform whether `from` administers this chat (called only for settings; may cost an API call). */
  isAdmin?: () => Promise<boolean>;
}

/** A prompt: a new battle, or a follow-up when `replyTo` points at one of a battle's messages. */
export interface PromptEvent extends EventBase {
  type: 'prompt';
  text: string;
  replyTo?: string;
  /** True when the message was clearly meant for the bot: a private chat, a command, a mention, a reply to the
   * bot. Group messages that are not addressed are passed too; the core acts on them only when the chat's trigger
   * setting says so. */
  addressed: boolean;
}

/** A button press; `data` is the opaque string from a core `Button`. */
export interface ActionEvent extends EventBase {
  type: 'action';
  data: string;
}

export type CommandName = 'start' | 'help' | 'privacy' | 'leaderboard' | 'settings' | 'arena';

export interface CommandEvent extends EventBase {
  type: 'command';
  name: CommandName;
  args: string;
}

export type PnyxEvent = PromptEvent | ActionEvent | CommandEvent;

/** What the core says back to the one person who caused an event (a vote confirmation, a refusal, a reveal).
 * Adapters show it as a popup (Telegram), an ephemeral message (Discord, Slack) or a toast (web). */
export interface Notice {
  text: string;
  /** `alert` asks for a modal popup where the platform has one (used for reveals that must be read). */
  alert?: boolean;
  /** Extra buttons for the person only (e.g. reaction reason tags); adapters without private buttons may
   * post them publicly or drop them. */
  buttons?: Button[][];
}

export interface HandleResult {
  notice?: Notice;
}

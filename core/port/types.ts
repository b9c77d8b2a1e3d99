// The port between the platform-neutral core and each platform adapter (bots/*: chat platforms, the web, a terminal).
// Data flows one way: platform event → adapter → `arena.handle(event)` → store → core → `ChatPort` → platform.
// The core decides WHAT to say (already localised Markdown-lite text, buttons, forms, each message's role); adapters
// decide HOW to show it (entities/blocks/HTML, popups vs ephemeral messages, threads). core/port/README.md is the
// written contract: every verb and event, who calls it, and what an adapter guarantees.

/** What the core needs to know about a platform to shape its output. Every field is read by the core. */
export interface PortLimits {
  /** Longest text one platform message carries; the core splits longer text into parts of at most this many. */
  maxMessageChars: number;
  /** Least time between two sends/edits that share a pacing key (ChatPort.pacingKey); the core's pacer spaces them. */
  minEditIntervalMs: number;
  /** Longest private notice; the core sends a shorter variant (e.g. the one-line reveal) when the full one is longer. */
  maxNoticeChars: number;
  /**
   * Buttons can be shown to one person only (ephemeral messages, the web room's own panel). Where they cannot,
   * per-person buttons (reason tags, a settings menu) are offered only in private chats, so groups are not flooded.
   */
  privateButtons: boolean;
  /** The platform can open a thread under a message (ChatPort.openThread); battles may then live in their own thread. */
  threads: boolean;
  /** A form (a few text fields, e.g. a modal) can be opened in answer to a button press (Ack.form). */
  forms: boolean;
  /** Buttons one row shows; the core lays its rows out within it. */
  maxButtonsPerRow: number;
  /** Rows of buttons one message shows; longer menus are paginated by the core. */
  maxButtonRows: number;
  /** Longest button payload (bytes); attach() refuses a port whose limit is below the core's longest action. */
  maxButtonDataBytes: number;
  /** Longest button label (characters); longer labels are shortened by the core with an ellipsis. */
  maxButtonLabelChars: number;
  /**
   * New messages one pacing key may receive per window, by kind of chat (a platform that allows a group about 20
   * messages a minute). The core plans within it: battles in a chat queue for their turn, a ballot goes before the
   * replies' streaming edits, and the platform never has to refuse a message. None: no budget beyond the edit interval.
   */
  budget?: { windowMs: number; group: number; private: number };
}

/** An adapter's name ('web', 'terminal', a chat platform's); the core never branches on it. */
export type Platform = string;

/** A place the engine can talk into. `id` is the platform's own id for the chat (as a string). */
export interface ChatAddress {
  platform: Platform;
  id: string;
  kind: 'private' | 'group';
  title?: string;
  /** Thread/topic inside the chat, when the platform has them (a battle's own thread, a forum topic). */
  thread?: string;
  /** The server or workspace the chat belongs to, when the platform has them. */
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

/** One button. `data` is an opaque action string produced by the core; adapters pass it back verbatim. */
export interface Button {
  label: string;
  data: string;
  style?: 'primary' | 'secondary' | 'danger' | 'success';
}

/**
 * What a message is for, so adapters lay messages out without guessing: the prompt echoed when the platform does not
 * show it (a slash command), the two replies, the ballot (which becomes the result when voting closes), a leaderboard,
 * a settings menu, or any other information.
 */
export type MessageRole = 'prompt' | 'reply' | 'ballot' | 'board' | 'menu' | 'info';

/** A message as the core wants it shown. `text` is Markdown-lite (the CommonMark subset models produce). */
export interface OutMessage {
  text: string;
  buttons?: Button[][];
  /** Text that came from a model (render safely: it may contain anything) vs. core-authored text. */
  source?: 'model' | 'core';
  /** Optional attached image (leaderboard chart), PNG bytes. */
  image?: { png: Uint8Array; alt: string };
  role?: MessageRole;
  /** For replies: which side. */
  side?: Side;
  /** The text is still growing (a reply being streamed); a later update replaces it. Adapters may ignore it. */
  partial?: boolean;
  /** A ballot that closes at a time: when (adapters that can may show a live countdown beside the text). */
  closesAt?: Date;
}

export interface SendOptions {
  /** Ref of the message this one answers (a reply/quote where the platform has them). */
  replyTo?: string;
  /**
   * The delivery id of the event this message is the public answer to. Platforms that tie an answer to the event
   * (an interaction's deferred reply) use the event's own answer for it; the others post it as usual.
   */
  answering?: string;
}

export interface ChatPort {
  readonly platform: Platform;
  readonly limits: PortLimits;
  /** Post a message; returns the platform reference of the message created. */
  send(chat: ChatAddress, message: OutMessage, options?: SendOptions): Promise<string>;
  /** Replace a message's text and buttons. Must be a no-op (not an error) when nothing changed. */
  edit(chat: ChatAddress, ref: string, message: OutMessage): Promise<void>;
  /** Remove a message (parts of a reply that shrank). A message that is already gone is not an error. */
  delete(chat: ChatAddress, ref: string): Promise<void>;
  /** Show that the bot is working ("typing…"). Optional: platforms without it omit it. */
  typing?(chat: ChatAddress): Promise<void>;
  /**
   * Open a thread under the message `ref` (required when `limits.threads`); returns the thread id, which the core puts
   * on ChatAddress.thread for everything the battle posts afterwards, and stores with the battle. Returns null when no
   * thread can be opened there for a reason the adapter has already dealt with (the bot lacks a permission and the
   * person was told): the battle then stays in the chat, without a warning in the log.
   */
  openThread?(chat: ChatAddress, ref: string, name: string): Promise<string | null>;
  /**
   * Which messages share one pacing queue (limits.minEditIntervalMs apart). Default: the chat and its thread. A platform
   * whose limits are per chat (threads included) returns the chat id alone.
   */
  pacingKey?(chat: ChatAddress): string;
  /** How a person invokes a command of the catalogue here (core/port/commands.ts), for help texts. Default `/name`. */
  commandHint?(name: string): string;
  /**
   * Whether votes cast here feed the shared rankings (default true). An adapter whose people are not accountable
   * accounts (anonymous browsers) says false unless its operator opted in; its chats' own boards still count them.
   */
  readonly countsInRankings?: boolean;
  /**
   * Handles again a delivery the adapter stored (`arena.store`) that nobody finished: its process died before, or it
   * was never taken. The adapter treats `payload` (what it stored) exactly as if it had just arrived.
   */
  replay?(payload: string): Promise<void>;
  /**
   * Optional: a message (and a file) to one person outside the chat, where only they see it (a direct message). The
   * core uses it for what must stay private when the event could only be answered in public (a plain group message)
   * or the private answer is too short (a popup): the consent notice, a person's data. Resolves false when the
   * platform cannot reach the person there (they never opened a private chat with the bot); never throws for that.
   */
  sendDirect?(to: Person, message: { text: string; file?: PersonalFile }): Promise<boolean>;
}

// === Events: what adapters hand to the core ==========================================================

interface EventBase {
  /**
   * The platform's id of this delivery (an update, an interaction, an event id), prefixed as the adapter likes but the
   * same every time the platform delivers this event again. The core claims it in the database and handles it once.
   */
  delivery: string;
  chat: ChatAddress;
  from: Person;
  /** Platform reference of the message the event came from (the prompt, the pressed message), when there is one. */
  messageRef?: string;
  /** The person can be answered privately (popup, ephemeral message, their own page); otherwise notices are public. */
  privateReply?: boolean;
  /** Asks the platform whether `from` administers this chat (called only for settings; may cost an API call). */
  isAdmin?: () => Promise<boolean>;
}

/** A prompt: a new battle, or a follow-up when `replyTo` points at a battle's message or the thread is a battle's. */
export interface PromptEvent extends EventBase {
  type: 'prompt';
  text: string;
  replyTo?: string;
  /**
   * True when the message was clearly meant for the bot: a private chat, a command, a mention, a reply to the bot.
   * Group messages that are not addressed are passed too; the core acts on them when they continue an open battle (in
   * its thread, or replying to one of its messages) or when the chat's trigger setting says so.
   */
  addressed: boolean;
  /** The prompt is not visible in the chat (a slash command's text): the core posts it before the replies. */
  hidden?: boolean;
}

/** A button press; `data` is the opaque string from a core `Button`. */
export interface ActionEvent extends EventBase {
  type: 'action';
  data: string;
}

export type CommandName = 'start' | 'help' | 'privacy' | 'leaderboard' | 'settings' | 'arena' | 'campaign' | 'mydata' | 'forget';

export interface CommandEvent extends EventBase {
  type: 'command';
  name: CommandName;
  /** The command's text after its name; typed options (core/port/commands.ts) arrive joined here too. */
  args: string;
}

/** A form (Ack.form) sent back; `data` is the form's opaque string, `values` its fields by id. */
export interface SubmitEvent extends EventBase {
  type: 'submit';
  data: string;
  values: Record<string, string>;
}

/**
 * Something happened to the chat itself: it got a new id (a group upgraded), or the bot was removed from it. A removal
 * whose `chat.thread` is set concerns that thread only (it was deleted): the chat's other battles go on.
 */
export interface ChatEvent extends EventBase {
  type: 'chat';
  change: { kind: 'moved'; to: string } | { kind: 'removed' };
}

export type PnyxEvent = PromptEvent | ActionEvent | CommandEvent | SubmitEvent | ChatEvent;

/** What the core says back to the one person who caused an event (a vote confirmation, a refusal, a reveal).
 * Adapters show it as a popup, an ephemeral message or a panel on the person's page. */
export interface Notice {
  text: string;
  /** `alert` asks for a modal popup where the platform has one (used for reveals that must be read). */
  alert?: boolean;
  /** Buttons for the person only (reason tags, a settings menu); sent only where limits.privateButtons or the chat is private. */
  buttons?: Button[][];
  /**
   * A file for the person only (their data, from /mydata), shown with the notice: an ephemeral message's attachment, a
   * document in the private chat, a download link on their page. The core sets it only where the event allows a private
   * answer (`privateReply`) or the chat is private; it is never stored with the acknowledgement.
   */
  file?: PersonalFile;
}

/** A file for one person. */
export interface PersonalFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** A form for one person: a few text fields, sent back as a `submit` event. */
export interface Form {
  /** Opaque data handed back in SubmitEvent.data. */
  data: string;
  title: string;
  fields: FormField[];
  submitLabel: string;
}

export interface FormField {
  id: string;
  label: string;
  style: 'short' | 'paragraph';
  required: boolean;
  maxLength: number;
  placeholder?: string;
  value?: string;
}

/**
 * The acknowledgement of an event: what the person sees first, decided before any slow work (generation, streaming,
 * closing), which continues on its own. The adapter answers the platform with it at once.
 */
export interface Ack {
  /** A private answer to the person. */
  notice?: Notice;
  /** A new content for the message whose button was pressed (a settings menu page); action events only. */
  replace?: OutMessage;
  /** A form to open for the person (action events, where limits.forms). */
  form?: Form;
  /**
   * The data of the button that now shows the person's own choice (their vote, after a vote or a change of mind), so
   * an adapter that can mark a button for one person shows it selected. Others may ignore it.
   */
  selected?: string;
  /** Resolves when the work the event started is finished (replies streamed, ballot shown, reveal posted). Never rejects. */
  done?: Promise<void>;
  /**
   * The event had been handled already: a redelivery, or one event delivered to several processes at once (as a chat
   * gateway does to every connection of a bot). `notice` and `replace` repeat the first answer when it was recorded.
   * An adapter whose platform takes one answer per event, and whose events can reach several processes, leaves the
   * answer to the process that handled the event.
   */
  duplicate?: boolean;
}

/** The older name of Ack. */
export type HandleResult = Ack;

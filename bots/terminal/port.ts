// The terminal's ChatPort: one private chat with one person at a keyboard. Messages the core sends in reply to the
// person's prompt are the two streaming replies (shown together by the screen); every other message (the ballot,
// a failure, the reveal) is printed as a block when it is sent and again whenever its text changes.
import { decodeAction } from '../../core/engine/actions';
import type { Button, ChatPort, OutMessage, PortLimits, VoteChoice } from '../../core/port/types';
import type { Screen } from './screen';

export const TERMINAL_LIMITS: PortLimits = {
  // A terminal has no message limit; keeping each reply in one message lets the screen pair them in columns.
  maxMessageChars: 1_000_000,
  // Streaming stays smooth at ~20 updates a second; the screen coalesces redraws anyway.
  minEditIntervalMs: 50,
  // The person's own answers (vote confirmation, reveal) are printed in the transcript.
  maxNoticeChars: 100_000,
  // Only the vote is asked for at the keyboard: no reason tags, no forms, no menus.
  privateButtons: false,
  threads: false,
  forms: false,
  maxButtonsPerRow: 4,
  maxButtonRows: 10,
  maxButtonDataBytes: 256,
  maxButtonLabelChars: 80,
};

export interface TerminalMessage {
  ref: string;
  replyTo?: string;
  /** 'reply': a model's answer to the person's prompt; 'post': anything else the core says. */
  role: 'reply' | 'post';
  text: string;
  buttons?: Button[][];
}

export interface VoteOption {
  /** What the person types. */
  key: 'a' | 'b' | 't' | 'x';
  choice: VoteChoice;
  label: string;
  /** The core's opaque button data, handed back verbatim. */
  data: string;
}

export interface TerminalPort extends ChatPort {
  readonly messages: readonly TerminalMessage[];
  /** Resolves with the first post: the ballot when both replies finished, or the failure notice. */
  firstPost(): Promise<TerminalMessage>;
  /** Prints the replies as they stand if they are not printed yet (interrupts). */
  finishReplies(): void;
}

const KEYS: Record<VoteChoice, VoteOption['key']> = { a: 'a', b: 'b', tie: 't', both_bad: 'x' };

/** The vote buttons of a message, with the key that picks each; empty once the ballot has closed. */
export function voteOptions(message: Pick<TerminalMessage, 'buttons'> | undefined): VoteOption[] {
  const options: VoteOption[] = [];
  for (const button of (message?.buttons ?? []).flat()) {
    const action = decodeAction(button.data);
    if (action?.kind === 'vote') options.push({ key: KEYS[action.choice], choice: action.choice, label: button.label, data: button.data });
  }
  return options;
}

export function createTerminalPort(screen: Screen, options: { idPrefix: string }): TerminalPort {
  const messages: TerminalMessage[] = [];
  const byRef = new Map<string, TerminalMessage>();
  let next = 1;
  let repliesFinal = false;
  let resolveFirstPost: ((m: TerminalMessage) => void) | undefined;
  const firstPost = new Promise<TerminalMessage>((resolve) => (resolveFirstPost = resolve));

  const replies = () => messages.filter((m) => m.role === 'reply');
  const showReplies = (final: boolean) => {
    if (repliesFinal) return;
    if (final) repliesFinal = true;
    const list = replies();
    if (list.length) screen.replies(list.map((m) => m.text), final);
  };

  return {
    platform: 'terminal',
    limits: TERMINAL_LIMITS,
    messages,

    async send(_chat, message: OutMessage, sendOptions) {
      // Refs are unique across runs: the store maps them to battles in the one terminal chat.
      const ref = `${options.idPrefix}-${next++}`;
      const replyTo = sendOptions?.replyTo;
      const role = message.role === 'reply' ? 'reply' : 'post';
      const entry: TerminalMessage = { ref, role, text: message.text, ...(replyTo ? { replyTo } : {}), ...(message.buttons ? { buttons: message.buttons } : {}) };
      messages.push(entry);
      byRef.set(ref, entry);
      if (role === 'reply') {
        showReplies(false);
      } else {
        // The core posts the ballot (or the failure) only after both replies reached their final text, and one
        // chat's deliveries are in order: the replies are complete now.
        showReplies(true);
        screen.block(message.text);
        resolveFirstPost?.(entry);
        resolveFirstPost = undefined;
      }
      return ref;
    },

    async edit(_chat, ref, message) {
      const entry = byRef.get(ref);
      if (!entry) return;
      const changed = entry.text !== message.text;
      entry.text = message.text;
      if (message.buttons) entry.buttons = message.buttons;
      else delete entry.buttons;
      if (entry.role === 'reply') showReplies(false);
      else if (changed) screen.block(message.text);
    },

    async delete(_chat, ref) {
      const entry = byRef.get(ref);
      if (!entry) return;
      byRef.delete(ref);
      messages.splice(messages.indexOf(entry), 1);
      if (entry.role === 'reply') showReplies(false);
    },

    finishReplies() {
      showReplies(true);
    },

    firstPost: () => firstPost,
  };
}

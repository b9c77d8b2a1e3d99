// An in-memory chat platform for engine tests: it keeps every message's current state and history, like the fake
// platform servers do for the real adapters.
import type { ChatAddress, ChatPort, OutMessage, PortLimits, SendOptions } from '../../core/port/types';

export interface RecordedMessage {
  ref: string;
  chat: string;
  /** The thread it was posted in, if any. */
  thread?: string;
  replyTo?: string;
  /** The event it publicly answered (SendOptions.answering). */
  answering?: string;
  current: OutMessage;
  history: OutMessage[];
  /** Removed by the core (the port's delete verb). */
  deleted?: boolean;
}

export interface RecordingPort extends ChatPort {
  messages: RecordedMessage[];
  calls: Array<{ op: 'send' | 'edit' | 'delete' | 'typing' | 'thread'; chat: string; ref?: string; at: number }>;
  /** Resolves when `predicate` holds (checked after every call), or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  find(pattern: RegExp): RecordedMessage | undefined;
}

/** A platform with the tightest sizes Pnyx meets (4,096-character messages, 200-character popups, 64-byte buttons)
 * and no edit pacing: every update is delivered at once. */
export const UNPACED_LIMITS: PortLimits = {
  maxMessageChars: 4096,
  minEditIntervalMs: 0,
  maxNoticeChars: 200,
  privateButtons: false,
  threads: false,
  forms: false,
  maxButtonsPerRow: 4,
  maxButtonRows: 25,
  maxButtonDataBytes: 64,
  maxButtonLabelChars: 64,
};



export function createRecordingPort(platform = 'test', limits: Partial<PortLimits> = {}): RecordingPort {
  let threads = 0;
  const messages: RecordedMessage[] = [];
  const calls: RecordingPort['calls'] = [];
  const waiters = new Set<() => void>();
  let next = 1;
  const changed = () => {
    for (const w of [...waiters]) w();
  };
  return {
    platform,
    limits: { ...UNPACED_LIMITS, ...limits },
    messages,
    calls,
    async send(chat: ChatAddress, message: OutMessage, options?: SendOptions) {
      const ref = String(next++);
      messages.push({
        ref,
        chat: chat.id,
        ...(chat.thread ? { thread: chat.thread } : {}),
        replyTo: options?.replyTo,
        ...(options?.answering ? { answering: options.answering } : {}),
        current: message,
        history: [message],
      });
      calls.push({ op: 'send', chat: chat.id, ref, at: Date.now() });
      changed();
      return ref;
    },
    async edit(chat: ChatAddress, ref: string, message: OutMessage) {
      const m = messages.find((x) => x.ref === ref && x.chat === chat.id);
      if (!m || m.deleted) throw new Error(`edit of unknown message ${ref}`);
      m.current = message;
      m.history.push(message);
      calls.push({ op: 'edit', chat: chat.id, ref, at: Date.now() });
      changed();
    },
    async delete(chat: ChatAddress, ref: string) {
      const m = messages.find((x) => x.ref === ref && x.chat === chat.id);
      if (m) m.deleted = true;
      calls.push({ op: 'delete', chat: chat.id, ref, at: Date.now() });
      changed();
    },
    ...(limits.threads
      ? {
          async openThread(chat: ChatAddress, ref: string) {
            calls.push({ op: 'thread', chat: chat.id, ref, at: Date.now() });
            return `thread-${++threads}`;
          },
        }
      : {}),
    async typing(chat: ChatAddress) {
      calls.push({ op: 'typing', chat: chat.id, at: Date.now() });
    },
    waitFor(predicate, timeoutMs = 10_000) {
      if (predicate()) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (predicate()) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`waitFor timed out; messages:\n${messages.map((m) => `#${m.ref}: ${m.current.text.slice(0, 120)}`).join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    find(pattern) {
      return [...messages].reverse().find((m) => !m.deleted && pattern.test(m.current.text));
    },
  };
}

// An in-memory chat platform for engine tests: it keeps every message's current state and history, like the fake
// platform servers do for the real adapters.
import type { ChatAddress, ChatPort, OutMessage, PortLimits } from '../../core/port/types';

export interface RecordedMessage {
  ref: string;
  chat: string;
  replyTo?: string;
  current: OutMessage;
  history: OutMessage[];
}

export interface RecordingPort extends ChatPort {
  messages: RecordedMessage[];
  calls: Array<{ op: 'send' | 'edit' | 'typing'; chat: string; ref?: string; at: number }>;
  /** Resolves when `predicate` holds (checked after every call), or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  find(pattern: RegExp): RecordedMessage | undefined;
}

/** A platform with Telegram's sizes and no edit pacing: every update is delivered at once. */
export const UNPACED_LIMITS: PortLimits = {
  maxMessageChars: 4096,
  minEditIntervalMs: 0,
  privateNotice: 'popup',
  maxNoticeChars: 200,
  threads: false,
  maxButtonsPerRow: 4,
  maxButtonDataBytes: 64,
};

export function createRecordingPort(platform = 'test', limits: Partial<PortLimits> = {}): RecordingPort {
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
    async send(chat: ChatAddress, message: OutMessage, options?: { replyTo?: string }) {
      const ref = String(next++);
      messages.push({ ref, chat: chat.id, replyTo: options?.replyTo, current: message, history: [message] });
      calls.push({ op: 'send', chat: chat.id, ref, at: Date.now() });
      changed();
      return ref;
    },
    async edit(chat: ChatAddress, ref: string, message: OutMessage) {
      const m = messages.find((x) => x.ref === ref && x.chat === chat.id);
      if (!m) throw new Error(`edit of unknown message ${ref}`);
      m.current = message;
      m.history.push(message);
      calls.push({ op: 'edit', chat: chat.id, ref, at: Date.now() });
      changed();
    },
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
      return [...messages].reverse().find((m) => pattern.test(m.current.text));
    },
  };
}

// The pacer: messages the core keeps updating (streaming replies, ballots). Each logical message may span several
// platform messages (split at the platform's limit). All sends and edits that share a pacing key (ChatPort.pacingKey:
// a chat, or a chat's thread) go through one queue, spaced by the platform's minimum interval, so two replies streaming
// at once stay within the platform's rate limit; an update that arrives while one is queued simply replaces it (only
// the latest text is ever sent). This is the only edit coalescer: adapters send what they are given.
import type { Logger } from 'pino';
import { createPendingWork } from '../pending-work';
import type { ChatAddress, ChatPort, OutMessage } from '../port/types';
import { run } from './pace-delivery';
import { queueOf, type Entry, type Handle, type Pacer } from './pace-queues';

export interface LiveMessage {
  /** Platform refs of the parts sent so far, in order. */
  readonly refs: string[];
  /** Desired content; delivered as soon as the pace allows. */
  set(message: OutMessage): void;
  /** Resolves when the latest content has been delivered (or delivery failed: see `error`). */
  settled(): Promise<void>;
  /** The last delivery failure, if any. */
  readonly error: unknown;
  /**
   * Another process may have edited the message since this one did: the next `set` edits it even when its content is
   * what this process delivered last.
   */
  forget?(): void;
}

export interface OpenOptions {
  replyTo?: string;
  /** The delivery id of the event this message publicly answers (SendOptions.answering); first part only. */
  answering?: string;
  /** Sees every new part's ref and its index. */
  onRef?: (ref: string, part: number) => void;
}

export interface Presenter {
  /** Starts a live message; the first part is sent right away (subject to pacing). */
  open(chat: ChatAddress, message: OutMessage, options?: OpenOptions): LiveMessage;
  /**
   * A live message over parts already on the platform (found again in the database after a restart, or posted by
   * another process): nothing is sent until `set`, and then only edits (and new parts if the text grew).
   */
  adopt(chat: ChatAddress, refs: readonly string[], options?: Pick<OpenOptions, 'onRef'>): LiveMessage;
  /** Wait for every queued delivery. */
  drain(): Promise<void>;
}

export function defaultPacingKey(chat: ChatAddress): string {
  return `${chat.id}\u0000${chat.thread ?? ''}`;
}

export function createPresenter(port: ChatPort, log?: Logger, shared?: Pacer['shared']): Presenter {
  const limits = port.limits;
  const pacer: Pacer = {
    port,
    ...(log ? { log } : {}),
    ...(shared ? { shared } : {}),
    limits,
    budget: limits.budget,
    // Leave room for the adapter's own decoration (entity conversion never grows text, but headers might).
    maxChars: Math.max(40, limits.maxMessageChars - 16),
    keyOf: port.pacingKey ? (chat: ChatAddress) => port.pacingKey!(chat) : defaultPacingKey,
    queues: new Map(),
    runs: createPendingWork(),
  };
  const { runs } = pacer;

  const create = (chat: ChatAddress, message: OutMessage, refs: string[], options: OpenOptions, sendNow: boolean): LiveMessage => {
    const q = queueOf(pacer, chat);
    const handle: Handle = {
      refs,
      error: undefined,
      set(next) {
        entry.desired = next;
        schedule();
      },
      forget() {
        entry.delivered = entry.refs.map(() => null);
      },
      settled() {
        if (!entry.dirty && !entry.busy) return Promise.resolve();
        return new Promise<void>((resolve) => entry.waiters.push(resolve));
      },
    };
    const entry: Entry = {
      chat,
      order: q.arrivals++,
      replyTo: options.replyTo,
      answering: options.answering,
      desired: message,
      delivered: refs.map(() => null),
      refs,
      dirty: false,
      busy: false,
      handle,
      waiters: [],
      onRef: options.onRef,
    };
    const schedule = () => {
      if (!entry.dirty) {
        entry.dirty = true;
        // Behind whatever is already waiting at its priority: messages updated often take turns.
        entry.order = q.arrivals++;
        q.pending.push(entry);
      }
      if (!q.running) void runs.track(run(pacer, q));
    };
    if (sendNow) schedule();
    return handle;
  };

  return {
    open: (chat, message, options = {}) => create(chat, message, [], options, true),
    adopt: (chat, refs, options = {}) => create(chat, { text: '' }, [...refs], options, false),
    drain: () => runs.idle(),
  };
}

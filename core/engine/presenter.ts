// The pacer: messages the core keeps updating (streaming replies, ballots). Each logical message may span several
// platform messages (split at the platform's limit). All sends and edits that share a pacing key (ChatPort.pacingKey:
// a chat, or a chat's thread) go through one queue, spaced by the platform's minimum interval, so two replies streaming
// at once stay within the platform's rate limit; an update that arrives while one is queued simply replaces it (only
// the latest text is ever sent). This is the only edit coalescer: adapters send what they are given.
import type { Logger } from 'pino';
import { createPendingWork } from '../pending-work';
import type { Button, ChatAddress, ChatPort, OutMessage } from '../port/types';
import { splitMarkdown } from './split';

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

interface Delivered {
  text: string;
  buttons?: Button[][];
}

/**
 * What open() hands out. `error` is a data property the queue writes, not a getter: an object literal with a getter
 * that closes over per-message state gets a hidden class of its own, which V8 keeps in old space with a pointer back
 * to the closure, so every young-generation GC kept the whole battle alive and copied it (bench/engine.ts).
 */
interface Handle extends LiveMessage {
  error: unknown;
}

interface Entry {
  chat: ChatAddress;
  /** Order of arrival in its queue, for ties between equal priorities. */
  order: number;
  /** The desired text's parts, split once per desired content. */
  parts?: { of: OutMessage; list: string[] };
  replyTo?: string;
  answering?: string;
  desired: OutMessage;
  /** What each part shows; `null` for an adopted part whose content is unknown (the next set always edits it). */
  delivered: Array<Delivered | null>;
  refs: string[];
  dirty: boolean;
  busy: boolean;
  handle: Handle;
  waiters: Array<() => void>;
  onRef?: (ref: string, part: number) => void;
}

interface PaceQueue {
  pending: Entry[];
  running: boolean;
  lastOpAt: number;
  /** New messages this queue may post per budget window (the platform's limit for this kind of chat). */
  budget: number;
  /** When its recent new messages were posted (within the budget window), oldest first. */
  sends: number[];
  arrivals: number;
}

/**
 * Which message goes first when a chat is busy. What people act on (a ballot, a notice, a menu, a board, the prompt)
 * before the replies' first messages and finished texts, and those before streaming edits: under a platform's message
 * budget the edits of replies thin out (only the latest text is ever sent), never the ballot. A battle's own ballot
 * still follows its replies' final text: the engine waits for them to settle before opening it.
 */
function priorityOf(entry: Entry, needsSend: boolean): number {
  const role = entry.desired.role;
  if (role && role !== 'reply') return 0;
  // A finished reply's last edit is what people read before they vote: it goes with the first posts, not the streams.
  return needsSend || !entry.desired.partial ? 1 : 2;
}

/** Shown in a surplus part the platform refused to delete. */
const SURPLUS = '…';
/** Idle queues are forgotten once there are this many (their pacing state is then older than any interval). */
const MAX_IDLE_QUEUES = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Compared on every delivery step, so without building strings. */
function sameButtons(a: Button[][] = [], b: Button[][] = []): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r]!;
    const y = b[r]!;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      if (x[i]!.label !== y[i]!.label || x[i]!.data !== y[i]!.data || x[i]!.style !== y[i]!.style) return false;
    }
  }
  return true;
}

export function defaultPacingKey(chat: ChatAddress): string {
  return `${chat.id}\u0000${chat.thread ?? ''}`;
}

export function createPresenter(port: ChatPort, log?: Logger): Presenter {
  const queues = new Map<string, PaceQueue>();
  const limits = port.limits;
  // Leave room for the adapter's own decoration (entity conversion never grows text, but headers might).
  const maxChars = Math.max(40, limits.maxMessageChars - 16);
  const keyOf = port.pacingKey ? (chat: ChatAddress) => port.pacingKey!(chat) : defaultPacingKey;

  const budget = limits.budget;
  const queueOf = (chat: ChatAddress): PaceQueue => {
    const key = keyOf(chat);
    let q = queues.get(key);
    if (!q) {
      if (queues.size >= MAX_IDLE_QUEUES) forgetIdleQueues();
      q = { pending: [], running: false, lastOpAt: 0, budget: budget ? budget[chat.kind] : Infinity, sends: [], arrivals: 0 };
      queues.set(key, q);
    }
    return q;
  };

  const partsOf = (entry: Entry): string[] => {
    if (entry.parts?.of !== entry.desired) entry.parts = { of: entry.desired, list: splitMarkdown(entry.desired.text, maxChars) };
    return entry.parts.list;
  };

  /** The entry's next platform call is a new message (which the budget counts), not an edit or a delete. */
  const needsSend = (entry: Entry): boolean => {
    const parts = partsOf(entry);
    for (let i = entry.refs.length; i < parts.length; i++) return true;
    return false;
  };

  /** Ms until this queue may post a new message (0: now). */
  const sendWait = (q: PaceQueue): number => {
    if (!budget || q.budget === Infinity) return 0;
    const now = Date.now();
    while (q.sends.length && q.sends[0]! <= now - budget.windowMs) q.sends.shift();
    return q.sends.length < q.budget ? 0 : q.sends[0]! + budget.windowMs - now;
  };

  /** The next entry to bring up to date (by priority, then arrival), or how long to wait for a send to be allowed. */
  const pickNext = (q: PaceQueue): Entry | number => {
    let best: { entry: Entry; priority: number; index: number } | undefined;
    let wait = Infinity;
    const blocked = sendWait(q);
    for (let index = 0; index < q.pending.length; index++) {
      const entry = q.pending[index]!;
      const send = needsSend(entry);
      if (send && blocked > 0) {
        wait = Math.min(wait, blocked);
        continue;
      }
      const priority = priorityOf(entry, send);
      if (!best || priority < best.priority || (priority === best.priority && entry.order < best.entry.order)) best = { entry, priority, index };
    }
    if (!best) return wait;
    q.pending.splice(best.index, 1);
    return best.entry;
  };

  const forgetIdleQueues = () => {
    const before = Date.now() - limits.minEditIntervalMs;
    for (const [key, q] of queues) if (!q.running && q.pending.length === 0 && q.lastOpAt < before) queues.delete(key);
  };

  const pace = async (q: PaceQueue) => {
    const wait = q.lastOpAt + limits.minEditIntervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    q.lastOpAt = Date.now();
  };

  // Brings one entry up to date; returns after at most one platform call so other entries get their turn.
  const step = async (q: PaceQueue, entry: Entry): Promise<boolean> => {
    const parts = partsOf(entry);
    for (let i = 0; i < parts.length; i++) {
      const isLast = i === parts.length - 1;
      const want: Delivered = { text: parts[i]!, buttons: isLast ? entry.desired.buttons : undefined };
      const sent = i < entry.refs.length;
      const have = entry.delivered[i];
      if (have && have.text === want.text && sameButtons(have.buttons, want.buttons)) continue;
      const out: OutMessage = { text: want.text, buttons: want.buttons };
      if (entry.desired.role) out.role = entry.desired.role;
      if (entry.desired.side) out.side = entry.desired.side;
      if (entry.desired.source) out.source = entry.desired.source;
      if (isLast && entry.desired.image && !sent) out.image = entry.desired.image;
      if (isLast && entry.desired.closesAt) out.closesAt = entry.desired.closesAt;
      await pace(q);
      if (sent) {
        await port.edit(entry.chat, entry.refs[i]!, out);
      } else {
        const first = i === 0;
        let ref: string;
        try {
          ref = await port.send(entry.chat, out, {
            ...(first ? (entry.replyTo ? { replyTo: entry.replyTo } : {}) : { replyTo: entry.refs[i - 1] }),
            ...(first && entry.answering ? { answering: entry.answering } : {}),
          });
        } finally {
          // Counted from when the platform answered, which is after it counted the post: a post stamped when it left
          // would age out of the window a few milliseconds before the platform's own count, and the next one be refused.
          q.sends.push(Date.now());
        }
        entry.refs.push(ref);
        entry.onRef?.(ref, i);
      }
      entry.delivered[i] = want;
      return true;
    }
    // The text now needs fewer messages than were sent (a streaming cursor had pushed it over a boundary): the surplus
    // ones go, last first. A platform that refuses the delete leaves an ellipsis there instead of stale text.
    if (entry.refs.length > parts.length) {
      const i = entry.refs.length - 1;
      const ref = entry.refs[i]!;
      await pace(q);
      try {
        await port.delete(entry.chat, ref);
      } catch (error) {
        log?.warn({ err: error, chat: entry.chat.id, platform: port.platform }, 'surplus part could not be deleted; emptied instead');
        if (entry.delivered[i]?.text !== SURPLUS || entry.delivered[i]?.buttons) await port.edit(entry.chat, ref, { text: SURPLUS });
      }
      entry.refs.pop();
      entry.delivered.length = entry.refs.length;
      return true;
    }
    return false;
  };

  const run = async (q: PaceQueue) => {
    if (q.running) return;
    q.running = true;
    try {
      while (q.pending.length) {
        const next = pickNext(q);
        if (typeof next === 'number') {
          // Every waiting message needs a new post and the budget is spent: wait for the oldest post to age out.
          await sleep(next);
          continue;
        }
        const entry = next;
        entry.dirty = false;
        entry.busy = true;
        let progressed = false;
        try {
          progressed = await step(q, entry);
          entry.handle.error = undefined;
        } catch (error) {
          entry.handle.error = error;
          log?.warn({ err: error, chat: entry.chat.id, platform: port.platform }, 'live message delivery failed');
        } finally {
          entry.busy = false;
        }
        // More parts to deliver, or new content arrived meanwhile: go round again (after the others).
        if (progressed && !entry.handle.error) {
          if (!entry.dirty) {
            entry.dirty = true;
            // Round robin among equals: it goes behind the others that were waiting.
            entry.order = q.arrivals++;
            q.pending.push(entry);
          }
        } else if (!entry.dirty) {
          for (const resolve of entry.waiters.splice(0)) resolve();
        }
      }
    } finally {
      q.running = false;
    }
  };

  const runs = createPendingWork();

  const create = (chat: ChatAddress, message: OutMessage, refs: string[], options: OpenOptions, sendNow: boolean): LiveMessage => {
    const q = queueOf(chat);
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
      if (!q.running) void runs.track(run(q));
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

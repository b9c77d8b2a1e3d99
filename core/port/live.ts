// Messages the core keeps updating (streaming replies, ballots). Each logical message may span several platform
// messages (split at the platform's limit). All sends and edits into one chat go through one queue, spaced by the
// platform's minimum edit interval, so two replies streaming at once stay within the chat's rate limit; an update
// that arrives while one is queued simply replaces it (only the latest text is ever sent).
import type { Logger } from 'pino';
import { createPendingWork } from '../pending-work';
import { splitMarkdown } from './split';
import type { Button, ChatAddress, ChatPort, OutMessage } from './types';

export interface LiveMessage {
  /** Platform refs of the parts sent so far, in order. */
  readonly refs: string[];
  /** Desired content; delivered as soon as the chat's pace allows. */
  set(message: OutMessage): void;
  /** Resolves when the latest content has been delivered (or delivery failed: see `error`). */
  settled(): Promise<void>;
  /** The last delivery failure, if any. */
  readonly error: unknown;
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
  replyTo?: string;
  desired: OutMessage;
  delivered: Delivered[];
  refs: string[];
  dirty: boolean;
  busy: boolean;
  handle: Handle;
  waiters: Array<() => void>;
  onRef?: (ref: string) => void;
}

interface ChatQueue {
  pending: Entry[];
  running: boolean;
  lastOpAt: number;
}

const SURPLUS = '…';

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

export interface Presenter {
  /** Starts a live message; the first part is sent right away (subject to pacing). `onRef` sees every new part. */
  open(chat: ChatAddress, message: OutMessage, options?: { replyTo?: string; onRef?: (ref: string) => void }): LiveMessage;
  /** Wait for every queued delivery. */
  drain(): Promise<void>;
}

export function createPresenter(port: ChatPort, log?: Logger): Presenter {
  const queues = new Map<string, ChatQueue>();
  const limits = port.limits;
  // Leave room for the adapter's own decoration (entity conversion never grows text, but headers might).
  const maxChars = Math.max(40, limits.maxMessageChars - 16);

  const queueOf = (chat: ChatAddress): ChatQueue => {
    const key = `${chat.id}\u0000${chat.thread ?? ''}`;
    let q = queues.get(key);
    if (!q) {
      q = { pending: [], running: false, lastOpAt: 0 };
      queues.set(key, q);
    }
    return q;
  };

  const pace = async (q: ChatQueue) => {
    const wait = q.lastOpAt + limits.minEditIntervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    q.lastOpAt = Date.now();
  };

  // Brings one entry up to date; returns after at most one platform call so other entries get their turn.
  const step = async (q: ChatQueue, entry: Entry): Promise<boolean> => {
    const parts = splitMarkdown(entry.desired.text, maxChars);
    for (let i = 0; i < parts.length; i++) {
      const isLast = i === parts.length - 1;
      const want: Delivered = { text: parts[i]!, buttons: isLast ? entry.desired.buttons : undefined };
      const have = entry.delivered[i];
      if (have && have.text === want.text && sameButtons(have.buttons, want.buttons)) continue;
      const out: OutMessage = { text: want.text, buttons: want.buttons };
      if (isLast && entry.desired.image && !have) out.image = entry.desired.image;
      await pace(q);
      if (have) {
        await port.edit(entry.chat, entry.refs[i]!, out);
      } else {
        const ref = await port.send(entry.chat, out, i === 0 ? { replyTo: entry.replyTo } : { replyTo: entry.refs[i - 1] });
        entry.refs.push(ref);
        entry.onRef?.(ref);
      }
      entry.delivered[i] = want;
      return true;
    }
    // The text now needs fewer messages than were sent (a streaming cursor had pushed it over a boundary): the
    // surplus ones must not keep stale text. Ports have no delete verb, so they are reduced to an ellipsis.
    for (let i = parts.length; i < entry.delivered.length; i++) {
      if (entry.delivered[i]!.text === SURPLUS && !entry.delivered[i]!.buttons) continue;
      await pace(q);
      await port.edit(entry.chat, entry.refs[i]!, { text: SURPLUS });
      entry.delivered[i] = { text: SURPLUS };
      return true;
    }
    return false;
  };

  const run = async (q: ChatQueue) => {
    if (q.running) return;
    q.running = true;
    try {
      while (q.pending.length) {
        const entry = q.pending.shift()!;
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

  return {
    open(chat, message, options = {}) {
      const q = queueOf(chat);
      const handle: Handle = {
        refs: [],
        error: undefined,
        set(next) {
          entry.desired = next;
          schedule();
        },
        settled() {
          if (!entry.dirty && !entry.busy) return Promise.resolve();
          return new Promise<void>((resolve) => entry.waiters.push(resolve));
        },
      };
      const entry: Entry = {
        chat,
        replyTo: options.replyTo,
        desired: message,
        delivered: [],
        refs: handle.refs,
        dirty: false,
        busy: false,
        handle,
        waiters: [],
        onRef: options.onRef,
      };
      const schedule = () => {
        if (!entry.dirty) {
          entry.dirty = true;
          q.pending.push(entry);
        }
        if (!q.running) void runs.track(run(q));
      };
      schedule();
      return handle;
    },
    drain: () => runs.idle(),
  };
}

// The pacer's queues (presenter.ts): one per pacing key, holding the live messages waiting to be brought up to date,
// which one goes next (by priority, then arrival), and how long the platform's pace and message budget make it wait.
import type { Logger } from 'pino';
import type { Button, ChatAddress, ChatPort, OutMessage, PortLimits } from '../port/types';
import type { PendingWork } from '../pending-work';
import type { LiveMessage } from './presenter';
import { splitMarkdown } from './split';

export interface Delivered {
  text: string;
  buttons?: Button[][];
}

/**
 * What open() hands out. `error` is a data property the queue writes, not a getter: an object literal with a getter
 * that closes over per-message state gets a hidden class of its own, which V8 keeps in old space with a pointer back
 * to the closure, so every young-generation GC kept the whole battle alive and copied it (bench/engine.ts).
 */
export interface Handle extends LiveMessage {
  error: unknown;
}

export interface Entry {
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

export interface PaceQueue {
  /** Its pacing key (ChatPort.pacingKey). */
  key: string;
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

/** Idle queues are forgotten once there are this many (their pacing state is then older than any interval). */
const MAX_IDLE_QUEUES = 10_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One presenter's state: its port, its limits and its queues, passed explicitly to the pacer's parts. */
export interface Pacer {
  port: ChatPort;
  log?: Logger;
  limits: PortLimits;
  budget: PortLimits['budget'];
  /** Longest text of one platform message. */
  maxChars: number;
  keyOf(chat: ChatAddress): string;
  queues: Map<string, PaceQueue>;
  /** The deployment's pace under a key (SharedState.paceSlot), when several processes post to the same chats. */
  shared?: (key: string, intervalMs: number) => Promise<number>;
  /** The queues' running loops, for drain(). */
  runs: PendingWork;
}

export function queueOf(pacer: Pacer, chat: ChatAddress): PaceQueue {
  const { queues, budget } = pacer;
  const key = pacer.keyOf(chat);
  let q = queues.get(key);
  if (!q) {
    if (queues.size >= MAX_IDLE_QUEUES) forgetIdleQueues(pacer);
    q = { key, pending: [], running: false, lastOpAt: 0, budget: budget ? budget[chat.kind] : Infinity, sends: [], arrivals: 0 };
    queues.set(key, q);
  }
  return q;
}

export function partsOf(pacer: Pacer, entry: Entry): string[] {
  if (entry.parts?.of !== entry.desired) entry.parts = { of: entry.desired, list: splitMarkdown(entry.desired.text, pacer.maxChars) };
  return entry.parts.list;
}

/** The entry's next platform call is a new message (which the budget counts), not an edit or a delete. */
function needsSend(pacer: Pacer, entry: Entry): boolean {
  const parts = partsOf(pacer, entry);
  for (let i = entry.refs.length; i < parts.length; i++) return true;
  return false;
}

/** Ms until this queue may post a new message (0: now). */
function sendWait({ budget }: Pacer, q: PaceQueue): number {
  if (!budget || q.budget === Infinity) return 0;
  const now = Date.now();
  while (q.sends.length && q.sends[0]! <= now - budget.windowMs) q.sends.shift();
  return q.sends.length < q.budget ? 0 : q.sends[0]! + budget.windowMs - now;
}

/** The next entry to bring up to date (by priority, then arrival), or how long to wait for a send to be allowed. */
export function pickNext(pacer: Pacer, q: PaceQueue): Entry | number {
  let best: { entry: Entry; priority: number; index: number } | undefined;
  let wait = Infinity;
  const blocked = sendWait(pacer, q);
  for (let index = 0; index < q.pending.length; index++) {
    const entry = q.pending[index]!;
    const send = needsSend(pacer, entry);
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
}

function forgetIdleQueues({ queues, limits }: Pacer): void {
  const before = Date.now() - limits.minEditIntervalMs;
  for (const [key, q] of queues) if (!q.running && q.pending.length === 0 && q.lastOpAt < before) queues.delete(key);
}

export async function pace({ limits, port, shared }: Pacer, q: PaceQueue): Promise<void> {
  const wait = q.lastOpAt + limits.minEditIntervalMs - Date.now();
  if (wait > 0) await sleep(wait);
  // Several processes: the deployment's turn under this key too (a ballot edited by whichever process counted a vote).
  if (shared && limits.minEditIntervalMs > 0) {
    const turn = await shared(`${port.platform}:${q.key}`, limits.minEditIntervalMs);
    if (turn > 0) await sleep(turn);
  }
  q.lastOpAt = Date.now();
}

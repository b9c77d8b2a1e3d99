// The pacer's delivery (presenter.ts): bringing one live message up to date one platform call at a time (a send, an
// edit, or the delete of a surplus part), and each queue's loop that takes turns among its messages.
import type { Button, OutMessage } from '../port/types';
import { pace, partsOf, pickNext, sleep, type Delivered, type Entry, type Pacer, type PaceQueue } from './pace-queues';

/** Shown in a surplus part the platform refused to delete. */
const SURPLUS = '…';

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

// Brings one entry up to date; returns after at most one platform call so other entries get their turn.
async function step(pacer: Pacer, q: PaceQueue, entry: Entry): Promise<boolean> {
  const { port, log } = pacer;
  const parts = partsOf(pacer, entry);
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
    await pace(pacer, q);
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
    await pace(pacer, q);
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
}

/** The queue's loop: runs until nothing in it waits, one platform call per turn. */
export async function run(pacer: Pacer, q: PaceQueue): Promise<void> {
  const { port, log } = pacer;
  if (q.running) return;
  q.running = true;
  try {
    while (q.pending.length) {
      const next = pickNext(pacer, q);
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
        progressed = await step(pacer, q, entry);
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
}

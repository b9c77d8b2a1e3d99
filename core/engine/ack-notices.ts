// The acknowledgement's notice on its way out: a speed notice shown publicly at most once a minute, and a public notice
// in a group posted by the chat's pacer where the platform budgets a chat's posts.
import type { Ack, PnyxEvent } from '../port/types';
import type { ArenaContext } from './context';
import type { EventContext } from './event-context';

/** Leaves out a speed notice that could only be posted publicly, if the same one went out within a minute (in any
 * process of the deployment: ctx.shared). */
export async function quieted(ctx: ArenaContext, ec: EventContext): Promise<EventContext> {
  if (!ec.coalescible || !ec.ack.notice || ec.event.privateReply || ec.event.chat.kind !== 'group') return ec;
  const who = ec.coalescible === 'chat' ? '*' : ec.event.from.id;
  if (!(await ctx.shared.firstWithin(`speed-notice:${ec.event.chat.platform}:${ec.event.chat.id}:${who}`, 60_000))) {
    ctx.log.debug({ chat: ec.event.chat.id, person: ec.event.from.id, per: ec.coalescible }, 'speed notice left out (one a minute)');
    delete ec.ack.notice;
  }
  return ec;
}

/**
 * A notice that can only be shown publicly in a group (a message, not a button press) is posted by the chat's pacer
 * rather than by the adapter: it is one of the chat's new messages, counted in the platform's budget with the battles'
 * posts, so the platform never has to refuse one (a chat platform's cap on posts per minute in a group).
 */
export function paced(ctx: ArenaContext, ack: Ack, event: PnyxEvent): Ack {
  const entry = ctx.ports.get(event.chat.platform);
  if (!ack.notice || ack.duplicate || event.privateReply || event.chat.kind !== 'group' || !entry?.port.limits.budget) return ack;
  const { notice } = ack;
  delete ack.notice;
  const message = entry.presenter.open(
    event.chat,
    { text: notice.text, role: 'info', source: 'core', ...(notice.buttons ? { buttons: notice.buttons } : {}) },
    { ...(event.messageRef ? { replyTo: event.messageRef } : {}), answering: event.delivery },
  );
  const shown = message.settled();
  ack.done = ack.done ? Promise.all([ack.done, shown]).then(() => undefined) : shown;
  return ack;
}

// How commands and the settings menu answer: the platform's spelling of a command, who counts as an admin, a public
// post answering the event (work after the acknowledgement), and text for one person (privately where possible).
import type { OutMessage, PnyxEvent } from '../port/types';
import type { ArenaContext } from './context';
import type { EventContext } from './event-context';

export const hintOf = (ctx: ArenaContext, platform: string) => {
  const port = ctx.ports.get(platform)?.port;
  return (name: string) => port?.commandHint?.(name) ?? `/${name}`;
};

export async function isAdmin(ctx: ArenaContext, event: PnyxEvent): Promise<boolean> {
  if (event.chat.kind === 'private') return true;
  try {
    return (await event.isAdmin?.()) ?? false;
  } catch (error) {
    ctx.log.warn({ err: error, chat: event.chat.id }, 'admin check failed; treating as not admin');
    return false;
  }
}

/** Posts in the chat as the public answer to the event (work after the acknowledgement). */
export const post = (ctx: ArenaContext, ec: EventContext, message: OutMessage) =>
  ec.work('post', async () => {
    const { presenter } = ctx.portFor(ec.event.chat.platform);
    await presenter
      .open(ec.event.chat, message, { ...(ec.event.messageRef ? { replyTo: ec.event.messageRef } : {}), answering: ec.event.delivery })
      .settled();
  });

/** Text for the person: privately where the platform can, else in the chat. */
export const answer = (ctx: ArenaContext, ec: EventContext, text: string) => {
  if (ec.event.privateReply && ec.event.chat.kind === 'group') ec.notice(text);
  else post(ctx, ec, { text, role: 'info' });
};

// The app removed from a conversation (it left, was removed, the channel was archived or deleted): the core stops
// posting there. Invited back: the port may post there again at once.
import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { removedChat } from '../events';
import { REMOVAL_EVENTS, RemovalEnvelope } from '../payloads';
import { PLATFORM } from '../events';

export function listenToMembership(bolt: App, ctx: SlackContext): void {
  const app = { platform: PLATFORM, id: ctx.bot.userId, displayName: ctx.bot.name };
  for (const type of REMOVAL_EVENTS) {
    bolt.event(type, ({ body }) =>
      ctx.run(type, async () => {
        const parsed = RemovalEnvelope.safeParse(body);
        if (!parsed.success) return void ctx.log.warn({ type }, 'slack: malformed membership event dropped');
        const origin = removedChat(parsed.data, ctx.bot.userId);
        if (!origin) return;
        ctx.directory.forget(origin.chat.id);
        await ctx.handle({ type: 'chat', delivery: origin.delivery, chat: origin.chat, from: app, change: { kind: 'removed' } });
      }),
    );
  }
  bolt.event('member_joined_channel', async ({ event }) => {
    if (event.user !== ctx.bot.userId) return;
    ctx.port.reachable(event.channel);
    ctx.directory.forget(event.channel);
  });
}

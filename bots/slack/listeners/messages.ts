// People writing: `@Pnyx question` in a channel (app_mention), anything in the app's DM (message.im), and replies in
// threads of channels the app is in (message.channels / message.groups), which the core continues as a battle's
// follow-up when the thread is a battle's. Bolt has acknowledged the event before these run.
import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { meaningOfMention, meaningOfMessage, type MessageMeaning } from '../events';
import { MessageEnvelope } from '../payloads';

export function listenToMessages(bolt: App, ctx: SlackContext): void {
  const onMessage = async (raw: unknown, meaningOf: (body: MessageEnvelope, bot: string) => MessageMeaning) => {
    const body = MessageEnvelope.safeParse(raw);
    if (!body.success) return void ctx.log.warn({ issues: body.error.issues.slice(0, 3) }, 'slack: malformed message event dropped');
    const meaning = meaningOf(body.data, ctx.bot.userId);
    if (meaning.kind === 'ignore') return void ctx.log.debug({ why: meaning.why }, 'slack: message ignored');
    if (meaning.kind === 'empty-mention') {
      const text = (await ctx.t(meaning.origin.user))('slack-hint-empty-mention', { example: `@${ctx.bot.name} …` });
      return ctx.answers.notice(ctx.target(meaning.origin), { text });
    }
    const { origin } = meaning;
    const ack = await ctx.handle({
      type: 'prompt',
      text: meaning.text,
      addressed: meaning.addressed,
      ...(meaning.replyTo ? { replyTo: meaning.replyTo } : {}),
      ...(await ctx.base(origin)),
    });
    if (ack?.notice) await ctx.answers.notice(ctx.target(origin), ack.notice);
  };

  bolt.event('app_mention', ({ body }) => ctx.run('app_mention', () => onMessage(body, meaningOfMention)));
  bolt.event('message', ({ body }) => ctx.run('message', () => onMessage(body, meaningOfMessage)));
}

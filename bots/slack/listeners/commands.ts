// Slash commands: acknowledged at once with nothing (a slash command leaves no message; the core posts the prompt of
// `/arena question` itself, answering this delivery), then handed to the core; its notice comes back ephemerally
// through the command's response_url, which works even where the app is not a member.
import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { meaningOfCommand } from '../events';
import { CommandPayload } from '../payloads';

export function listenToCommands(bolt: App, ctx: SlackContext): void {
  bolt.command(/^\/[\w-]+$/, async ({ ack, command, respond }) => {
    await ack();
    await ctx.run('command', async () => {
      const payload = CommandPayload.safeParse(command);
      if (!payload.success) return void ctx.log.warn({ issues: payload.error.issues.slice(0, 3) }, 'slack: malformed slash command dropped');
      const { channel_id: channel, user_id: user } = payload.data;
      const t = await ctx.t(user);
      const place = await ctx.directory.conversation(channel, user);
      const meaning = meaningOfCommand(payload.data, place.kind, place.title);
      const tell = (text: string) => ctx.answers.notice({ channel, user, kind: place.kind, respond }, { text });
      if (meaning.kind === 'unknown') return tell(t('slack-hint-unknown-command', { command: meaning.command }));
      // Where the app cannot post, only what it says privately is done: a battle or a board would have nowhere to go.
      if (!place.reachable && (place.kind === 'private' || meaning.name === 'arena' || meaning.name === 'leaderboard')) {
        return tell(t(place.kind === 'group' ? 'slack-invite' : 'slack-cannot-post', { bot: ctx.bot.name }));
      }
      const { origin } = meaning;
      ctx.responders.set(origin.delivery, respond, user);
      const answer = await ctx.handle({ type: 'command', name: meaning.name, args: meaning.args, ...(await ctx.base(origin)) });
      if (!answer) return tell(t('slack-error'));
      if (answer.notice) await ctx.answers.notice(ctx.target(origin, respond), answer.notice);
    });
  });
}

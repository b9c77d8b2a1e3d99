// Button presses (block_actions) and modal submissions (view_submission): acknowledged at once, then handed to the
// core. A press's acknowledgement may open a modal (with the press's trigger_id, valid 3 s), replace the pressed
// message (its response_url) and answer the person ephemerally; a submission's notice is posted ephemerally where the
// modal was opened (kept in its private_metadata).
import type { App } from '@slack/bolt';
import { FORM_CALLBACK, type FormOrigin } from '../blocks';
import type { SlackContext } from '../context';
import { meaningOfAction, meaningOfSubmission } from '../events';
import { BlockActionsPayload, ViewSubmissionPayload } from '../payloads';

export function listenToInteractions(bolt: App, ctx: SlackContext): void {
  bolt.action({ type: 'block_actions', action_id: /^pnyx:/ }, async ({ ack, body, respond }) => {
    await ack();
    await ctx.run('block_actions', async () => {
      const payload = BlockActionsPayload.safeParse(body);
      if (!payload.success) return void ctx.log.warn({ issues: payload.error.issues.slice(0, 3) }, 'slack: malformed button press dropped');
      const meaning = meaningOfAction(payload.data);
      if (meaning.kind === 'ignore') return void ctx.log.debug({ why: meaning.why }, 'slack: press ignored');
      const { origin } = meaning;
      const answer = await ctx.handle({ type: 'action', data: meaning.data, ...(await ctx.base(origin)) });
      const to = ctx.target(origin, respond);
      if (!answer) return ctx.answers.notice(to, { text: (await ctx.t(origin.user))('slack-error') });
      // The trigger_id expires 3 s after the press: the modal goes first.
      if (answer.form && payload.data.trigger_id) {
        const where: FormOrigin = { d: answer.form.data, c: origin.chat.id, ...(origin.chat.thread ? { t: origin.chat.thread } : {}), k: origin.chat.kind === 'private' ? 'p' : 'g' };
        await ctx.answers.form(payload.data.trigger_id, answer.form, where);
      }
      if (answer.replace) await ctx.answers.replace(to, answer.replace);
      if (answer.notice) await ctx.answers.notice(to, answer.notice);
    });
  });

  bolt.view(FORM_CALLBACK, async ({ ack, body }) => {
    await ack();
    await ctx.run('view_submission', async () => {
      const payload = ViewSubmissionPayload.safeParse(body);
      if (!payload.success) return void ctx.log.warn({ issues: payload.error.issues.slice(0, 3) }, 'slack: malformed form submission dropped');
      const meaning = meaningOfSubmission(payload.data);
      if (meaning.kind === 'ignore') return void ctx.log.warn({ why: meaning.why }, 'slack: form submission dropped');
      const { origin } = meaning;
      const answer = await ctx.handle({ type: 'submit', data: meaning.data, values: meaning.values, ...(await ctx.base(origin)) });
      if (answer?.notice) await ctx.answers.notice(ctx.target(origin), answer.notice);
    });
  });
}

// Showing the core's acknowledgement (core/port/README.md, "The acknowledgement") the Slack way:
//   notice  → an ephemeral message to the person: through the interaction's response_url when there is one (it works
//             even in channels the app is not in), else chat.postEphemeral (a DM with the app gets a plain message);
//             its buttons are that person's alone
//   replace → the pressed message becomes the new content (response_url, replace_original: true)
//   form    → a modal, opened with the interaction's trigger_id (valid 3 s, once)
import type { RespondFn, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Form, Notice, OutMessage } from '../../core/port/types';
import { formView, messageContent, type FormOrigin } from './blocks';
import { slackError } from './errors';

type WebClient = webApi.WebClient;

/** Who the answer is for and where they are. */
export interface AnswerTarget {
  channel: string;
  thread?: string;
  user: string;
  kind: 'private' | 'group';
  /** The interaction's response_url, as Bolt's respond(). */
  respond?: RespondFn;
}

export interface Answers {
  notice(target: AnswerTarget, notice: Pick<Notice, 'text' | 'buttons' | 'file'>): Promise<void>;
  replace(target: AnswerTarget, message: OutMessage): Promise<void>;
  form(triggerId: string, form: Form, origin: FormOrigin): Promise<void>;
}

export function createAnswers(client: WebClient, log: Logger): Answers {
  /** Posts where only the person sees it; in their DM with the app when the conversation refuses the app. */
  const ephemeral = async (target: AnswerTarget, content: ReturnType<typeof messageContent>): Promise<void> => {
    const where = { ...(target.thread ? { thread_ts: target.thread } : {}) };
    if (target.kind === 'private') {
      // A DM with the app is private already: a plain message stays in the conversation's history.
      await client.chat.postMessage({ channel: target.channel, ...where, text: content.text, blocks: content.blocks as never });
      return;
    }
    try {
      await client.chat.postEphemeral({ channel: target.channel, user: target.user, ...where, text: content.text, blocks: content.blocks as never });
    } catch (error) {
      const code = slackError(error);
      if (code !== 'not_in_channel' && code !== 'channel_not_found' && code !== 'user_not_in_channel') throw error;
      log.info({ channel: target.channel, error: code }, 'slack: ephemeral refused; telling the person in their DM with the app');
      await client.chat.postMessage({ channel: target.user, text: content.text, blocks: content.blocks as never });
    }
  };

  /**
   * A person's data file: an ephemeral message cannot carry a file, so it is shared in the person's DM with the app
   * (the conversation itself when it is that DM), where only they see it; the notice says it is there.
   */
  const sendFile = async (target: AnswerTarget, file: NonNullable<Notice['file']>): Promise<void> => {
    const channel = target.kind === 'private' ? target.channel : target.user;
    await client.filesUploadV2({ file: Buffer.from(file.bytes), filename: file.name, title: file.name, channel_id: channel });
  };

  return {
    async notice(target, notice) {
      if (notice.file) {
        try {
          await sendFile(target, notice.file);
        } catch (error) {
          log.warn({ channel: target.channel, err: error, error: slackError(error) }, 'slack: the data file could not be shared');
        }
      }
      const content = messageContent({ text: notice.text, buttons: notice.buttons });
      if (target.respond) {
        try {
          await target.respond({ response_type: 'ephemeral', replace_original: false, text: content.text, blocks: content.blocks as never, ...(target.thread ? { thread_ts: target.thread } : {}) });
          return;
        } catch (error) {
          // An expired or used-up response_url: the Web API still reaches the person.
          log.warn({ channel: target.channel, err: error }, 'slack: response_url refused the notice; posting it instead');
        }
      }
      await ephemeral(target, content);
    },

    async replace(target, message) {
      const content = messageContent(message);
      if (!target.respond) throw new Error('slack: nothing to replace without a response_url');
      await target.respond({ replace_original: true, text: content.text, blocks: content.blocks as never });
    },

    async form(triggerId, form, origin) {
      await client.views.open({ trigger_id: triggerId, view: formView(form, origin) as never });
    },
  };
}

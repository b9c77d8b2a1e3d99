// The Slack ChatPort: the core's messages as Block Kit messages posted and updated through the Web API. One part the
// core sends is one Slack message (its ts is the ref): maxMessageChars is chosen so that a part always fits (rich text
// is never longer than its Markdown, and the blocks stay under Slack's per-block and per-message limits). A battle's
// thread is its parent message: openThread returns that message's ts and everything the battle posts carries it as
// thread_ts. Rate limits (429 + Retry-After) are waited out by the WebClient; the core paces calls per channel.
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChatAddress, ChatPort, OutMessage, PortLimits } from '../../core/port/types';
import { messageContent, plainContent, type SlackContent } from './blocks';
import { commandHint } from './commands';
import { slackError } from './errors';

type WebClient = webApi.WebClient;

export const SLACK_LIMITS: PortLimits = {
  // One part per message: ≤ 6,000 characters of rich text is at most three 2,900-character blocks and stays well under
  // the ~12,000 characters Slack accepts across a message's blocks (msg_blocks_too_long, bolt-js#2509).
  maxMessageChars: 6_000,
  // chat.postMessage allows about one message per second per channel, and chat.update about one update per second:
  // the core spaces calls per channel (pacingKey) by this much.
  minEditIntervalMs: 1_000,
  // Notices are ephemeral messages, as long as the full reveal needs.
  maxNoticeChars: 3_000,
  // Ephemeral messages carry buttons for one person (reason tags, the settings menu).
  privateButtons: true,
  // A battle lives in the thread under its prompt.
  threads: true,
  // Modals ("Say why", the time zone), opened with the press's trigger_id.
  forms: true,
  maxButtonsPerRow: 5,
  // Rows shown at once; longer menus (settings) are paginated by the core, so an ephemeral menu stays readable.
  maxButtonRows: 8,
  // The data also rides in the action_id (255 characters) after the `pnyx:` prefix.
  maxButtonDataBytes: 250,
  // Slack refuses button labels over 75 characters.
  maxButtonLabelChars: 75,
};

/** Slack errors that mean nothing can be posted in this conversation now. */
const UNREACHABLE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'team_access_not_granted']);
/** Slack refused the blocks themselves: send the same words without formatting. */
const REFUSED_BLOCKS = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_blocks_too_long']);
/** How long a conversation that refused a post is left alone. */
const UNREACHABLE_RETRY_MS = 10 * 60_000;
/** Refs handed out for messages that could not be posted. */
const GONE_PREFIX = 'gone:';
const MAX_REMEMBERED = 20_000;

export interface SlackPortHooks {
  /**
   * A post could not reach the conversation (the app is not in it, it was archived or deleted). `answering` is the
   * delivery id of the event the post answered, when the core gave one: the adapter can tell that person privately.
   */
  unreachable?(chat: ChatAddress, error: string, answering?: string): void;
}

export interface SlackPort extends ChatPort {
  /** Forget that a conversation refused posts (the app was invited again). */
  reachable(channel: string): void;
}

export function createSlackPort(client: WebClient, log: Logger, options: { limits?: PortLimits; hooks?: SlackPortHooks } = {}): SlackPort {
  const limits = options.limits ?? SLACK_LIMITS;
  const hooks = options.hooks ?? {};
  /** `${channel}:${ts}` → what the message shows now, so an unchanged edit is never sent. */
  const shown = new Map<string, string>();
  const unreachable = new Map<string, number>();
  let gone = 0;

  const remember = (key: string, signature: string) => {
    shown.delete(key);
    shown.set(key, signature);
    if (shown.size > MAX_REMEMBERED) shown.delete(shown.keys().next().value!);
  };
  const signatureOf = (content: SlackContent) => JSON.stringify(content.blocks);
  const isUnreachable = (chat: ChatAddress) => (unreachable.get(chat.id) ?? 0) > Date.now();

  /** Runs a call with the blocks, and again with plain sections when Slack refuses the blocks. */
  const withContent = async <T>(
    message: OutMessage,
    content: SlackContent,
    what: string,
    chat: ChatAddress,
    run: (content: SlackContent) => Promise<T>,
  ): Promise<{ result: T; content: SlackContent }> => {
    try {
      return { result: await run(content), content };
    } catch (error) {
      const code = slackError(error);
      if (!code || !REFUSED_BLOCKS.has(code)) throw error;
      log.warn({ chat: chat.id, error: code, what }, 'slack: blocks refused; sending the text without formatting');
      const plain = plainContent(message);
      return { result: await run(plain), content: plain };
    }
  };

  /** A refusal that means the conversation cannot be written to: logged once, remembered, reported, not thrown. */
  const unreachableRefusal = (chat: ChatAddress, error: unknown, what: string, answering?: string): boolean => {
    const code = slackError(error);
    if (!code || !UNREACHABLE.has(code)) return false;
    if (!isUnreachable(chat)) log.info({ chat: chat.id, error: code, what }, 'slack: conversation unreachable');
    unreachable.set(chat.id, Date.now() + UNREACHABLE_RETRY_MS);
    hooks.unreachable?.(chat, code, answering);
    return true;
  };

  const uploadImage = async (chat: ChatAddress, image: NonNullable<OutMessage['image']>): Promise<void> => {
    try {
      const file = { file: Buffer.from(image.png), filename: 'pnyx.png', title: image.alt, alt_text: image.alt };
      // files.uploadV2: get an upload URL, upload, then share in the channel (in the thread when there is one).
      await client.filesUploadV2(chat.thread ? { ...file, channel_id: chat.id, thread_ts: chat.thread } : { ...file, channel_id: chat.id });
    } catch (error) {
      // The table went out as text; the chart is a bonus (files:write missing, upload refused).
      log.warn({ chat: chat.id, err: error, error: slackError(error) }, 'slack: image upload failed');
    }
  };

  const send: ChatPort['send'] = async (chat, message, sendOptions) => {
    if (isUnreachable(chat)) return `${GONE_PREFIX}${++gone}`;
    try {
      const { result, content } = await withContent(message, messageContent(message), 'send', chat, (content) =>
        client.chat.postMessage({
          channel: chat.id,
          ...(chat.thread ? { thread_ts: chat.thread } : {}),
          text: content.text,
          blocks: content.blocks as never,
          // Model text may hold URLs: no previews nobody asked for.
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      const ts = z.string().min(1).parse(result.ts);
      remember(`${chat.id}:${ts}`, signatureOf(content));
      if (message.image) await uploadImage(chat, message.image);
      return ts;
    } catch (error) {
      if (unreachableRefusal(chat, error, 'send', sendOptions?.answering)) return `${GONE_PREFIX}${++gone}`;
      throw error;
    }
  };

  const edit: ChatPort['edit'] = async (chat, ref, message) => {
    if (ref.startsWith(GONE_PREFIX) || isUnreachable(chat)) return;
    const key = `${chat.id}:${ref}`;
    const wanted = messageContent(message);
    if (shown.get(key) === signatureOf(wanted)) return;
    try {
      const { content } = await withContent(message, wanted, 'edit', chat, (content) =>
        client.chat.update({ channel: chat.id, ts: ref, text: content.text, blocks: content.blocks as never }),
      );
      remember(key, signatureOf(content));
    } catch (error) {
      const code = slackError(error);
      if (code === 'message_not_found') {
        // Someone deleted it: the battle goes on without it.
        log.info({ chat: chat.id, ts: ref }, 'slack: message to update is gone');
        return;
      }
      if (unreachableRefusal(chat, error, 'edit')) return;
      throw error;
    }
  };

  const remove: ChatPort['delete'] = async (chat, ref) => {
    if (ref.startsWith(GONE_PREFIX) || isUnreachable(chat)) return;
    try {
      await client.chat.delete({ channel: chat.id, ts: ref });
    } catch (error) {
      // Already gone is what was asked for.
      if (slackError(error) !== 'message_not_found' && !unreachableRefusal(chat, error, 'delete')) throw error;
    }
    shown.delete(`${chat.id}:${ref}`);
  };

  return {
    platform: 'slack',
    limits,
    send,
    edit,
    delete: remove,
    // A Slack thread is named by its parent message: the battle's messages carry the parent's ts as thread_ts.
    async openThread(_chat, ref) {
      if (ref.startsWith(GONE_PREFIX)) throw new Error('slack: no message to open a thread under');
      return ref;
    },
    // chat.postMessage's pace is per channel, threads included.
    pacingKey: (chat) => chat.id,
    commandHint,
    reachable: (channel) => void unreachable.delete(channel),
  };
}

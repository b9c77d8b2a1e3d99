// What a Slack payload means to the core, as pure functions of the (already checked) payload: where it happened, who
// it is from, which delivery it is, and whether it is a prompt, a command, a press or a form. The adapter adds what
// needs an API call (the person's name and locale, the admin check) and hands the result to the core.
import { z } from 'zod';
import type { ChatAddress, CommandName } from '../../core/port/types';
import { parseSlashCommand } from './commands';
import { ACTION_PREFIX } from './blocks';
import { FormOrigin, type BlockActionsPayload, type CommandPayload, type MessageEnvelope, type RemovalEnvelope, type ViewSubmissionPayload } from './payloads';

export const PLATFORM = 'slack';

/** Where and from whom, and which delivery: the part every event shares. */
export interface Origin {
  delivery: string;
  chat: ChatAddress;
  user: string;
  messageRef?: string;
}

export type MessageMeaning =
  | { kind: 'ignore'; why: string }
  | { kind: 'prompt'; origin: Origin; text: string; addressed: boolean; replyTo?: string }
  /** Someone wrote only the app's name. */
  | { kind: 'empty-mention'; origin: Origin };

/** Message subtypes that are a person writing (a reply also sent to the channel, a message with a file). */
const PERSON_SUBTYPES = new Set(['thread_broadcast', 'file_share']);

/** A Slack message's `text` as a person wrote it: mentions and links as they read, entities decoded. */
export function plainFromSlack(text: string, botUserId: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_all, user: string, label?: string) => (user === botUserId ? '' : `@${label || user}`))
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_all, channel: string, label?: string) => `#${label || channel}`)
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_all, label?: string) => label || '@group')
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]*)>/g, '$2 ($1)')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

const mentionsBot = (text: string, botUserId: string) => new RegExp(`<@${botUserId}(\\|[^>]*)?>`).test(text);

/** A conversation's kind from its id and the event's channel_type: D… is a direct message. */
function kindOf(channel: string, channelType?: string): 'private' | 'group' {
  return channelType === 'im' || (channelType === undefined && channel.startsWith('D')) ? 'private' : 'group';
}

function threadOf(event: { ts: string; thread_ts?: string }): string | undefined {
  return event.thread_ts && event.thread_ts !== event.ts ? event.thread_ts : undefined;
}

function messageOrigin(body: MessageEnvelope, kind: 'private' | 'group'): Origin {
  const { event } = body;
  const thread = threadOf(event);
  return {
    delivery: `event:${body.event_id}`,
    chat: { platform: PLATFORM, id: event.channel, kind, ...(thread ? { thread } : {}), ...(body.team_id ? { space: body.team_id } : {}) },
    user: event.user!,
    messageRef: event.ts,
  };
}

/**
 * A `message` event: a direct message is a prompt meant for the app; a channel message is passed on unaddressed (the
 * core continues a battle whose thread it is in, or acts on it when the channel battles on every message). A message
 * that mentions the app is left to its `app_mention` event, which Slack sends as well. Bots (this app included), edits,
 * deletions and joins are not people writing.
 */
export function meaningOfMessage(body: MessageEnvelope, botUserId: string): MessageMeaning {
  const { event } = body;
  if (event.bot_id || !event.user || event.user === botUserId) return { kind: 'ignore', why: 'a bot' };
  if (event.hidden || (event.subtype && !PERSON_SUBTYPES.has(event.subtype))) return { kind: 'ignore', why: `subtype ${event.subtype}` };
  const kind = kindOf(event.channel, event.channel_type);
  const raw = event.text ?? '';
  if (kind === 'group' && mentionsBot(raw, botUserId)) return { kind: 'ignore', why: 'a mention (its app_mention event is handled)' };
  const origin = messageOrigin(body, kind);
  const text = plainFromSlack(raw, botUserId);
  if (!text) return kind === 'private' ? { kind: 'empty-mention', origin } : { kind: 'ignore', why: 'no text' };
  const thread = origin.chat.thread;
  // A reply in a thread answers the thread's parent: a battle's prompt or one of its messages continues that battle.
  return { kind: 'prompt', origin, text, addressed: kind === 'private', ...(thread ? { replyTo: thread } : {}) };
}

/** `@Pnyx question` in a channel (or in a thread): a prompt meant for the app. */
export function meaningOfMention(body: MessageEnvelope, botUserId: string): MessageMeaning {
  const { event } = body;
  if (event.bot_id || !event.user || event.user === botUserId) return { kind: 'ignore', why: 'a bot' };
  const origin = messageOrigin(body, kindOf(event.channel, event.channel_type));
  const text = plainFromSlack(event.text ?? '', botUserId);
  if (!text) return { kind: 'empty-mention', origin };
  const thread = origin.chat.thread;
  return { kind: 'prompt', origin, text, addressed: true, ...(thread ? { replyTo: thread } : {}) };
}

/** The app left or lost a conversation: nothing more can be posted there. Undefined when the event is about someone else. */
export function removedChat(body: RemovalEnvelope, botUserId: string): Origin | undefined {
  const { event } = body;
  if (event.type === 'member_left_channel' && event.user !== botUserId) return undefined;
  return {
    delivery: `event:${body.event_id}`,
    chat: { platform: PLATFORM, id: event.channel, kind: 'group', ...(body.team_id ? { space: body.team_id } : {}) },
    user: botUserId,
  };
}

export type CommandMeaning = { kind: 'command'; origin: Origin; name: CommandName; args: string } | { kind: 'unknown'; command: string };

/**
 * A slash command. It leaves no message in the channel (no messageRef): `/arena text` is a hidden prompt, which the
 * core posts before the replies, answering this delivery. `trigger_id` is unique to each invocation.
 */
export function meaningOfCommand(payload: CommandPayload, kind: 'private' | 'group', title?: string): CommandMeaning {
  const parsed = parseSlashCommand(payload.command, payload.text);
  if (!parsed) return { kind: 'unknown', command: payload.command };
  return {
    kind: 'command',
    origin: {
      delivery: `command:${payload.trigger_id}`,
      chat: { platform: PLATFORM, id: payload.channel_id, kind, ...(title ? { title } : {}), ...(payload.team_id ? { space: payload.team_id } : {}) },
      user: payload.user_id,
    },
    name: parsed.name,
    args: parsed.args,
  };
}

export type ActionMeaning = { kind: 'action'; origin: Origin; data: string; ephemeral: boolean } | { kind: 'ignore'; why: string };

/** A press on one of Pnyx's buttons: the core's data travels in the button's value, verbatim. */
export function meaningOfAction(payload: BlockActionsPayload): ActionMeaning {
  const action = payload.actions[0]!;
  const channel = payload.channel?.id ?? payload.container.channel_id;
  if (!channel) return { kind: 'ignore', why: 'a press outside a conversation' };
  if (!action.action_id.startsWith(ACTION_PREFIX) || !action.value) return { kind: 'ignore', why: 'not a Pnyx button' };
  const ephemeral = Boolean(payload.container.is_ephemeral);
  const messageTs = payload.message?.ts ?? payload.container.message_ts;
  const threadTs = payload.message?.thread_ts ?? payload.container.thread_ts;
  const thread = threadTs && threadTs !== messageTs ? threadTs : undefined;
  const team = payload.team?.id ?? payload.user.team_id;
  return {
    kind: 'action',
    origin: {
      // One press, one trigger: the delivery Slack would send again is the same press.
      delivery: `action:${payload.trigger_id ?? `${action.action_ts ?? messageTs}:${payload.user.id}`}`,
      chat: { platform: PLATFORM, id: channel, kind: kindOf(channel), ...(thread ? { thread } : {}), ...(team ? { space: team } : {}) },
      user: payload.user.id,
      // An ephemeral message is no message the core posted (nor one anyone else can see).
      ...(messageTs && !ephemeral ? { messageRef: messageTs } : {}),
    },
    data: action.value,
    ephemeral,
  };
}

export type SubmissionMeaning = { kind: 'submit'; origin: Origin; data: string; values: Record<string, string> } | { kind: 'ignore'; why: string };

const Metadata = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
});

/** A Pnyx modal submitted: the form's data and where it was opened come back from its private_metadata. */
export function meaningOfSubmission(payload: ViewSubmissionPayload): SubmissionMeaning {
  const origin = Metadata.pipe(FormOrigin).safeParse(payload.view.private_metadata);
  if (!origin.success) return { kind: 'ignore', why: 'private_metadata is not a Pnyx form origin' };
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(payload.view.state.values)) {
    const value = actions.value?.value;
    if (typeof value === 'string') values[blockId] = value;
  }
  const team = payload.team?.id;
  const { c: channel, t: thread, k } = origin.data;
  return {
    kind: 'submit',
    origin: {
      delivery: `view:${payload.trigger_id ?? payload.view.id}`,
      chat: { platform: PLATFORM, id: channel, kind: k === 'p' ? 'private' : 'group', ...(thread ? { thread } : {}), ...(team ? { space: team } : {}) },
      user: payload.user.id,
    },
    data: origin.data.d,
    values,
  };
}

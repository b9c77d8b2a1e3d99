// What Slack sends to an app, shaped as Slack shapes it (fields an app may read are present; no secrets of ours leak).
import { randomUUID, slackId } from './http';
import { now, type Identity } from './state';
import type { FakeChannel, FakeMessage, FakeUser, FakeView } from './types';

/** The Events API envelope around one event (the same over HTTP and inside a Socket Mode `events_api` envelope). */
export function eventCallback(id: Identity, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: id.verificationToken,
    team_id: id.teamId,
    context_team_id: id.teamId,
    context_enterprise_id: null,
    api_app_id: id.appId,
    event,
    type: 'event_callback',
    event_id: slackId('Ev'),
    event_time: now(),
    authorizations: [{ enterprise_id: null, team_id: id.teamId, user_id: id.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(randomUUID()).toString('base64url')}`,
  };
}

/** A person's message as the `message` / `app_mention` event carries it, with the rich_text block clients add. */
export function personEvent(id: Identity, type: 'message' | 'app_mention', m: FakeMessage, channel: FakeChannel, parentUser?: string): Record<string, unknown> {
  return {
    type,
    client_msg_id: randomUUID(),
    text: m.text,
    user: m.user,
    ts: m.ts,
    blocks: richText(m.text),
    team: id.teamId,
    channel: channel.id,
    event_ts: m.ts,
    ...(type === 'message' ? { channel_type: channelType(channel) } : {}),
    ...(m.threadTs && m.threadTs !== m.ts ? { thread_ts: m.threadTs, ...(parentUser ? { parent_user_id: parentUser } : {}) } : {}),
  };
}

/** A bot's message (the app's own, or another app's) as a `message` event: `bot_id` set, and `user` for app bots. */
export function botEvent(id: Identity, m: FakeMessage, channel: FakeChannel, messageJson: Record<string, unknown>): Record<string, unknown> {
  return {
    ...messageJson,
    ...(m.files ? { subtype: 'file_share' } : {}),
    channel: channel.id,
    event_ts: m.ts,
    channel_type: channelType(channel),
  };
}

/** An edit (`message_changed`) or a deletion (`message_deleted`): hidden events apps usually must ignore. */
export function changeEvent(
  channel: FakeChannel,
  subtype: 'message_changed' | 'message_deleted',
  current: Record<string, unknown>,
  previous: Record<string, unknown>,
  ts: string,
): Record<string, unknown> {
  const eventTs = `${now()}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  return {
    type: 'message',
    subtype,
    hidden: true,
    channel: channel.id,
    channel_type: channelType(channel),
    ts: eventTs,
    event_ts: eventTs,
    ...(subtype === 'message_changed' ? { message: current } : { deleted_ts: ts }),
    previous_message: previous,
  };
}

/** Slash command fields, form-encoded over HTTP and as a plain object in Socket Mode. */
export function slashCommand(id: Identity, user: FakeUser, channel: FakeChannel, command: string, text: string, responseUrl: string, trigger: string): Record<string, string> {
  return {
    token: id.verificationToken,
    team_id: id.teamId,
    team_domain: id.teamDomain,
    channel_id: channel.id,
    channel_name: channel.kind === 'im' ? 'directmessage' : channel.name,
    user_id: user.id,
    user_name: user.name,
    command,
    text,
    api_app_id: id.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: trigger,
  };
}

/** A button press on a message. Presses on ephemeral messages carry no `message`, as in Slack. */
export function blockActions(
  id: Identity,
  user: FakeUser,
  channel: FakeChannel,
  message: FakeMessage,
  messageJson: Record<string, unknown>,
  action: { actionId: string; blockId: string; value?: string; text: string; style?: string },
  responseUrl: string,
  trigger: string,
): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: user.id, username: user.name, name: user.name, team_id: id.teamId },
    api_app_id: id.appId,
    token: id.verificationToken,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: channel.id,
      is_ephemeral: Boolean(message.ephemeralTo),
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    },
    trigger_id: trigger,
    team: { id: id.teamId, domain: id.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel.id, name: channel.kind === 'im' ? 'directmessage' : channel.name },
    ...(message.ephemeralTo ? {} : { message: messageJson }),
    state: { values: {} },
    response_url: responseUrl,
    actions: [
      {
        action_id: action.actionId,
        block_id: action.blockId,
        text: { type: 'plain_text', text: action.text, emoji: true },
        ...(action.value !== undefined ? { value: action.value } : {}),
        ...(action.style ? { style: action.style } : {}),
        type: 'button',
        action_ts: `${now()}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      },
    ],
  };
}

/** A modal submitted: the input values shaped per element type in `view.state.values`. */
export function viewSubmission(id: Identity, user: FakeUser, view: FakeView, viewJson: Record<string, unknown>, values: Record<string, Record<string, unknown>>, trigger: string): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: id.teamId, domain: id.teamDomain },
    user: { id: user.id, username: user.name, name: user.name, team_id: id.teamId },
    api_app_id: id.appId,
    token: id.verificationToken,
    trigger_id: trigger,
    view: { ...viewJson, state: { values: stateValues(view, values) } },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/**
 * `values` by block id then action id; a string is the typed or chosen value, and this finds the element in the view
 * to shape it (text input → `value`, select/radio → `selected_option`, checkboxes → `selected_options`).
 */
function stateValues(view: FakeView, values: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks as Array<{ type?: string; block_id?: string; element?: Record<string, unknown>; elements?: Array<Record<string, unknown>> }>) {
    if (!block.block_id) continue;
    const elements = [...(block.element ? [block.element] : []), ...(block.elements ?? [])];
    for (const element of elements) {
      const actionId = String(element.action_id ?? '');
      const given = values[block.block_id]?.[actionId];
      // Slack lists every input block's element (null when left empty), and other elements only when used.
      if (!actionId || (block.type !== 'input' && given === undefined)) continue;
      const options = (element.options ?? []) as Array<{ value: string }>;
      const pick = (v: unknown) => options.find((o) => o.value === v) ?? null;
      const type = String(element.type);
      let entry: Record<string, unknown>;
      if (typeof given === 'object' && given !== null) entry = given as Record<string, unknown>;
      else if (type === 'static_select' || type === 'radio_buttons') entry = { type, selected_option: given === undefined ? null : pick(given) };
      else if (type === 'checkboxes' || type === 'multi_static_select') {
        entry = { type, selected_options: (Array.isArray(given) ? given : given === undefined ? [] : [given]).map(pick).filter(Boolean) };
      } else entry = { type, value: given === undefined ? null : String(given) };
      (out[block.block_id] ??= {})[actionId] = entry;
    }
  }
  return out;
}

export function channelType(channel: FakeChannel): string {
  return channel.kind === 'public' ? 'channel' : channel.kind === 'private' ? 'group' : channel.kind;
}

/** The rich_text block a Slack client attaches to what a person typed, with `<@U…>` as user elements. */
function richText(text: string): unknown[] {
  const elements: unknown[] = [];
  let last = 0;
  for (const match of text.matchAll(/<@([UW][A-Z0-9]+)>/g)) {
    if (match.index > last) elements.push({ type: 'text', text: text.slice(last, match.index) });
    elements.push({ type: 'user', user_id: match[1] });
    last = match.index + match[0].length;
  }
  if (last < text.length) elements.push({ type: 'text', text: text.slice(last) });
  return [{ type: 'rich_text', block_id: slackId('', 5), elements: [{ type: 'rich_text_section', elements }] }];
}

// The Slack app manifest ("Create an app → From a manifest"): the bot scopes Pnyx uses and no more, each with the
// reason it is needed; the slash commands with descriptions from the core's catalogue; the events the listeners
// handle; interactivity; and Socket Mode on (no URL) or off (every request to <url>/slack/events). The committed
// manifest.yaml is the Socket Mode one; `npm run slack:manifest -- --url https://host` prints the HTTP one.
import { Document, isScalar, isSeq } from 'yaml';
import type { I18n } from '../../core/i18n';
import { commandDescriptionId } from '../../core/port/commands';
import { SLASH_COMMANDS } from './commands';
import { REMOVAL_EVENTS } from './payloads';

/** Where Bolt's receiver takes events, commands and interactivity. */
export const EVENTS_PATH = '/slack/events';

/** Every bot scope, and why Pnyx needs it. */
export const BOT_SCOPES: ReadonlyArray<readonly [scope: string, why: string]> = [
  ['app_mentions:read', '"@Pnyx question" in a channel (app_mention)'],
  ['channels:history', 'replies in a battle thread in public channels (message.channels)'],
  ['groups:history', 'replies in a battle thread in private channels (message.groups)'],
  ['im:history', 'direct messages to Pnyx, in its Messages tab (message.im)'],
  ['chat:write', 'posting prompts, replies, ballots and private answers, and updating replies as they stream'],
  ['commands', '/arena, /arena-settings and /leaderboard'],
  ['files:write', 'the leaderboard chart (files.uploadV2)'],
  ['users:read', 'names, languages, and whether someone administers the workspace (settings)'],
  ['channels:read', 'who created a public channel and whether Pnyx is in it; leaving and archive events'],
  ['groups:read', 'the same for private channels'],
  ['im:read', 'whether a slash command came from the person\'s DM with Pnyx'],
  ['im:write', 'answering in a person\'s DM with Pnyx when their channel refuses a private message'],
];

/** Bot events the listeners handle (listeners/*). */
export const BOT_EVENTS: readonly string[] = ['app_mention', 'message.channels', 'message.groups', 'message.im', 'member_joined_channel', ...REMOVAL_EVENTS];

export interface ManifestOptions {
  /** Public base URL of an HTTP-mode deployment (`https://host` or the full `https://host/slack/events`). Without it: Socket Mode. */
  url?: string;
  /** The app's name in Slack. Default Pnyx. */
  name?: string;
}

/** The request URL for a base URL: `/slack/events` added unless a path is given. */
export function requestUrlOf(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.hostname !== 'localhost' && parsed.hostname !== '127.0.0.1') throw new Error(`Slack only calls https URLs: ${url}`);
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = EVENTS_PATH;
  return parsed.toString();
}

export function buildManifest(i18n: Pick<I18n, 't'>, options: ManifestOptions = {}): Record<string, unknown> {
  const t = i18n.t('en');
  const name = options.name ?? 'Pnyx';
  const requestUrl = options.url ? requestUrlOf(options.url) : undefined;
  const at = requestUrl ? { url: requestUrl } : {};
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: 'Blind battles between language models: two anonymous replies, your votes, a leaderboard.',
      background_color: '#2c2d30',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      slash_commands: SLASH_COMMANDS.map((c) => ({
        command: c.slash,
        ...at,
        description: t(commandDescriptionId(c.command)).slice(0, 100),
        ...(c.usageHint ? { usage_hint: c.usageHint } : {}),
        // The text arrives as typed: a prompt is the person's words, not Slack's escaped mentions.
        should_escape: false,
      })),
    },
    oauth_config: { scopes: { bot: BOT_SCOPES.map(([scope]) => scope) } },
    settings: {
      event_subscriptions: { ...(requestUrl ? { request_url: requestUrl } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !requestUrl,
      token_rotation_enabled: false,
    },
  };
}

/** The manifest as YAML, each scope commented with its reason. */
export function manifestYaml(i18n: Pick<I18n, 't'>, options: ManifestOptions = {}): string {
  const doc = new Document(buildManifest(i18n, options));
  doc.commentBefore = options.url
    ? ` Pnyx, HTTP mode: Slack sends events, slash commands and button presses to ${requestUrlOf(options.url)}.`
    : ' Pnyx, Socket Mode: no public URL; the app connects out with an app-level token (SLACK_APP_TOKEN).\n HTTP mode instead: npm run slack:manifest -- --url https://your-host';
  const scopes = doc.getIn(['oauth_config', 'scopes', 'bot'], true);
  if (isSeq(scopes)) {
    for (const item of scopes.items) if (isScalar(item)) item.comment = ` ${BOT_SCOPES.find(([scope]) => scope === item.value)?.[1] ?? ''}`;
  }
  return doc.toString({ lineWidth: 0 });
}

// The records a fake Slack keeps, shaped for assertions: what people and the app did, and what Slack answered.

export interface FakeUser {
  id: string;
  name: string;
  realName?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isPrimaryOwner?: boolean;
  /** Guests (single/multi-channel) are restricted users. */
  isRestricted?: boolean;
  isBot?: boolean;
  /** For bot users: their bot id, which rides on every message they post. */
  botId?: string;
  /** Returned by users.info only with `include_locale`, as Slack does. */
  locale?: string;
  tz?: string;
  deleted?: boolean;
}

export type ChannelKind = 'public' | 'private' | 'im' | 'mpim';

export interface FakeChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  /** User ids, the bot's included when it was invited. */
  members: Set<string>;
  creator: string;
  created: number;
  archived: boolean;
  /** For an IM: the person on the other side. */
  user?: string;
}

/** A broadcast or a ping that Slack would turn into a notification. */
export interface Mention {
  kind: 'channel' | 'here' | 'everyone' | 'user' | 'usergroup';
  /** The target for user/usergroup mentions. */
  id?: string;
  /** The text that triggered it, e.g. `<!channel>` or `@here` (with link_names). */
  raw: string;
  where: 'text' | 'blocks';
}

export interface MessageVersion {
  at: number;
  text: string;
  blocks?: unknown[];
}

export interface FakeFileRef {
  id: string;
  name: string;
  title: string;
  size: number;
  mimetype: string;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  /** Set for replies, and on a thread's parent once it has replies (as Slack does). */
  threadTs?: string;
  text: string;
  blocks?: unknown[];
  /** The author: a person's id, or the bot user's id for the app's own messages. */
  user: string;
  botId?: string;
  /** Visible to this user only (chat.postEphemeral, ephemeral responses). */
  ephemeralTo?: string;
  /** Where it came from: the Web API, a response_url, an ack body, or a person in the client. */
  via: 'api' | 'response_url' | 'ack' | 'person';
  mrkdwn?: boolean;
  files?: FakeFileRef[];
  replyBroadcast?: boolean;
  /** Every broadcast or ping in the current text and blocks, so tests can assert model output was neutralised. */
  mentions: Mention[];
  /** Raw `<`, `>` or `&` in mrkdwn that Slack would misread (a stray `<` eats text up to the next `>`). */
  formatProblems: string[];
  /** Every version, oldest first: the post, then each update. */
  history: MessageVersion[];
  /** Time of every successful chat.update / replace, for pacing assertions. */
  updates: number[];
  deleted?: boolean;
  replyCount: number;
  /** Emoji reactions (reactions.add), by name, with who reacted. */
  reactions: Record<string, string[]>;
}

export interface Call {
  method: string;
  params: Record<string, unknown>;
  /** How the token arrived and which kind it was. */
  token?: string;
  at: number;
  httpStatus: number;
  ok: boolean;
  error?: string;
  response: Record<string, unknown>;
}

export type Forgery = 'unsigned' | 'bad-signature' | 'stale';

export interface Delivery {
  id: number;
  kind: 'event' | 'command' | 'interaction';
  /** The event type, the command name, or the interaction type (block_actions, view_submission…). */
  type: string;
  transport: 'http' | 'socket';
  /** The JSON body (events, interactions' payload) or the form fields (commands) as sent. */
  body: Record<string, unknown>;
  eventId?: string;
  envelopeId?: string;
  retryNum: number;
  retryReason?: string;
  forged?: Forgery;
  sentAt: number;
  /** When the app answered (HTTP response headers, or the socket ack). */
  ackedAt?: number;
  ackDelayMs?: number;
  /** HTTP status of the app's answer. */
  status?: number;
  /** The app's answer: the HTTP body (parsed when JSON) or the ack's payload. */
  ackBody?: unknown;
  /** Acked after Slack's 3 s deadline, or not at all: Slack would have shown an error or retried. */
  late: boolean;
  /** Why Slack would count this delivery as failed (late, http_401, no_ack, connection_failed…). */
  failure?: string;
  /** Set when Slack would not retry (the app answered `X-Slack-No-Retry: 1`). */
  noRetry?: boolean;
}

export interface Upload {
  fileId: string;
  filename: string;
  declaredLength: number;
  altText?: string;
  bytes?: Buffer;
  size?: number;
  isPng?: boolean;
  completed: boolean;
  channel?: string;
  threadTs?: string;
  initialComment?: string;
  title?: string;
  /** The message the file was shared in. */
  messageTs?: string;
}

export interface ResponsePost {
  urlId: string;
  at: number;
  body: Record<string, unknown>;
  status: number;
  error?: string;
  /** What it did: a new message, a replaced or deleted original. */
  effect?: 'posted' | 'replaced' | 'deleted';
  messageTs?: string;
}

export interface FakeView {
  id: string;
  user: string;
  type: string;
  callbackId?: string;
  externalId?: string;
  privateMetadata?: string;
  title?: unknown;
  blocks: unknown[];
  hash: string;
  open: boolean;
  /** Errors the app returned with `response_action: errors`, by block id. */
  errors?: Record<string, string>;
  /** The full view as the app last sent it. */
  raw: Record<string, unknown>;
  history: Array<Record<string, unknown>>;
  openedAt: number;
  rootViewId: string;
  previousViewId?: string | null;
}

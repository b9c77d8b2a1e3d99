// Test helpers: a real Pnyx app (SQLite in a temporary folder, demo models) and the real Bolt App run by
// startSlackApp (HTTP receiver or Socket Mode), against the fake Slack on 127.0.0.1; and reading a workspace the way its
// members would (threads, ballots, private answers).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { expect } from 'vitest';
import { createPnyx, type PnyxApp } from '../../core/app';
import { DEMO_MODELS_CONFIG } from '../../core/providers/registry';
import { buttonsIn, startFakeSlack, type FakeChannel, type FakeMessage, type FakeSlack, type FakeUser } from '../../test/fakes/slack';
import { startSlackApp, type RunningSlackApp } from './run';

export interface AppOptions {
  tokensPerSecond?: number;
  /** Group battles close after this many votes. */
  closeAfterVotes?: number;
  /** Replace the demo models (e.g. with an OpenAI-compatible fake). */
  models?: { providers: Record<string, unknown>; models: unknown[] };
  /** A database file to reuse (a restart); default a fresh one in a temporary folder. */
  databaseFile?: string;
  perUserPerMinute?: number;
}

export type LogLine = { level: number; msg: string; [key: string]: unknown };

/** A real Pnyx app on a SQLite file, with demo models (or the given ones). */
export async function createTestApp(options: AppOptions = {}): Promise<{ app: PnyxApp; logs: LogLine[]; databaseFile: string; close(): Promise<void> }> {
  const dir = options.databaseFile ? undefined : mkdtempSync(join(tmpdir(), 'pnyx-slack-'));
  const databaseFile = options.databaseFile ?? join(dir!, 'slack.db');
  const logs: LogLine[] = [];
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const models = options.models ?? { ...DEMO_MODELS_CONFIG, providers: { demo: { type: 'demo', tokensPerSecond: options.tokensPerSecond ?? 80 } } };
  const config = {
    locale: 'en',
    ...models,
    battle: {
      reveal: { private: { after: 'votes', votes: 1 }, group: { after: 'votes', votes: options.closeAfterVotes ?? 3 } },
      perUserPerMinute: options.perUserPerMinute ?? 100,
      perChatPerMinute: 100,
    },
  };
  const app = await createPnyx({ config, logger, env: { DATABASE_URL: `file:${databaseFile}`, LOG_LEVEL: 'info' } });
  return {
    app,
    logs,
    databaseFile,
    async close() {
      await app.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The workspace every end-to-end test starts from. */
export interface Workspace {
  /** A workspace admin. */
  alice: FakeUser;
  bob: FakeUser;
  /** Writes in French; created #lab. */
  carol: FakeUser;
  dave: FakeUser;
  general: FakeChannel;
  /** A channel Carol created, where she may change settings. */
  lab: FakeChannel;
  /** A channel the app was never invited to. */
  outside: FakeChannel;
}

export function createWorkspace(slack: FakeSlack): Workspace {
  const alice = slack.addUser({ name: 'alice', realName: 'Alice', isAdmin: true, locale: 'en-US' });
  const bob = slack.addUser({ name: 'bob', realName: 'Bob', locale: 'en-US' });
  const carol = slack.addUser({ name: 'carol', realName: 'Carol', locale: 'fr-FR' });
  const dave = slack.addUser({ name: 'dave', realName: 'Dave', locale: 'en-GB' });
  return {
    alice,
    bob,
    carol,
    dave,
    general: slack.addChannel({ name: 'general', members: [alice, bob, carol, dave], creator: dave }),
    lab: slack.addChannel({ name: 'lab', members: [alice, bob, carol], creator: carol }),
    outside: slack.addChannel({ name: 'outside', members: [alice, bob], creator: bob, botMember: false }),
  };
}

export interface SlackHarness {
  slack: FakeSlack;
  app: PnyxApp;
  running: RunningSlackApp;
  logs: LogLine[];
  people: Workspace;
  databaseFile: string;
  close(): Promise<void>;
}

/** Starts the Slack app for a Pnyx app against a fake: HTTP mode (the fake posts to its Request URL) or Socket Mode. */
export async function runAgainst(slack: FakeSlack, app: PnyxApp, mode: 'http' | 'socket'): Promise<RunningSlackApp> {
  if (mode === 'socket') {
    const running = await startSlackApp({ app, botToken: slack.id.botToken, appToken: slack.id.appToken, apiUrl: slack.apiUrl });
    await slack.waitFor(() => slack.deliverer.openSockets.length > 0, 5000, 'the socket');
    return running;
  }
  const running = await startSlackApp({ app, botToken: slack.id.botToken, signingSecret: slack.id.signingSecret, apiUrl: slack.apiUrl, port: 0, host: '127.0.0.1' });
  slack.requestUrl = `http://127.0.0.1:${running.address!.port}/slack/events`;
  return running;
}

export async function startSlackHarness(options: AppOptions & { mode?: 'http' | 'socket'; slack?: FakeSlack; people?: Workspace } = {}): Promise<SlackHarness> {
  const slack = options.slack ?? (await startFakeSlack());
  const people = options.people ?? createWorkspace(slack);
  const { app, logs, databaseFile, close } = await createTestApp(options);
  await app.arena.start();
  const mode = options.mode ?? 'http';
  const running = await runAgainst(slack, app, mode);
  return {
    slack,
    app,
    running,
    logs,
    people,
    databaseFile,
    async close() {
      await running.stop();
      if (mode === 'socket') await slack.waitForSocketsClosed();
      await close();
      if (!options.slack) await slack.stop();
    },
  };
}

// === Reading the workspace as a person would ===============================================================

export type Choice = 'a' | 'b' | 't' | 'x';

interface RichNode {
  type?: string;
  text?: unknown;
  elements?: RichNode[];
}

/**
 * What a person reads in a message, as Slack draws its blocks: the rich text's runs as written (a block element per
 * line, list items one per line), plain sections' text; buttons left out (see buttonsIn). Text-only messages: their text.
 */
export function shownText(message: Pick<FakeMessage, 'text' | 'blocks'>): string {
  if (!message.blocks?.length) return message.text;
  const runs = (nodes: RichNode[] | undefined) => (nodes ?? []).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  const lines: string[] = [];
  for (const block of message.blocks as RichNode[]) {
    if (block.type === 'section' && block.text && typeof (block.text as RichNode).text === 'string') lines.push((block.text as RichNode).text as string);
    if (block.type !== 'rich_text') continue;
    for (const element of block.elements ?? []) {
      if (element.type === 'rich_text_list') lines.push(...(element.elements ?? []).map((item) => runs(item.elements)));
      else lines.push(runs(element.elements));
    }
  }
  return lines.join('\n');
}

/** The app's messages in a thread (its parent excluded), oldest first. */
export function threadMessages(slack: FakeSlack, channel: FakeChannel, threadTs: string): FakeMessage[] {
  return slack.thread(channel, threadTs).filter((m) => m.user === slack.id.botUserId && !m.ephemeralTo);
}

const isBallot = (m: FakeMessage) => buttonsIn(m.blocks).some((b) => b.value?.startsWith('v:'));
const isReply = (m: FakeMessage, side: 'A' | 'B') => new RegExp(`^Model ${side}\\b`).test(shownText(m));

/** Waits for a battle to finish streaming and show its ballot: in a thread, or inline in a channel (a DM). */
export async function battleFinished(slack: FakeSlack, channel: FakeChannel, where: { threadTs?: string; after?: string } = {}, timeoutMs = 30_000): Promise<{ replies: FakeMessage[]; ballot: FakeMessage }> {
  return slack.waitFor(
    () => {
      const messages = where.threadTs ? threadMessages(slack, channel, where.threadTs) : slack.botMessages(channel).filter((m) => !m.threadTs && (!where.after || m.ts > where.after));
      const replies = (['A', 'B'] as const).map((side) => messages.filter((m) => isReply(m, side)).at(-1));
      const ballot = messages.filter(isBallot).at(-1);
      if (!replies[0] || !replies[1] || !ballot || ballot.ts < replies[1].ts || ballot.ts < replies[0].ts) return undefined;
      if (replies.some((r) => shownText(r!).includes('▍'))) return undefined;
      return { replies: replies as FakeMessage[], ballot };
    },
    timeoutMs,
    'the battle to finish',
  );
}

/** The action_id of a ballot's vote button. */
export function voteButton(ballot: FakeMessage, choice: Choice): string {
  const button = buttonsIn(ballot.blocks).find((b) => b.value?.startsWith('v:') && b.value.endsWith(`:${choice}`));
  if (!button?.actionId) throw new Error(`no vote button ${choice} on ${ballot.ts}`);
  return button.actionId;
}

/** The newest private message a person got in a channel after `since` (a ts), waiting for it. */
export function privateAnswer(slack: FakeSlack, user: FakeUser, channel: FakeChannel, since: number, match: RegExp = /./, timeoutMs = 10_000): Promise<FakeMessage> {
  return slack.waitFor(
    () => slack.ephemeralsTo(user, channel).find((m) => m.history[0]!.at >= since && match.test(shownText(m))),
    timeoutMs,
    `a private answer to ${user.name} matching ${match}`,
  );
}

/**
 * Waits until Slack has its answer to every delivery, the echoes of the app's own posts included (sent in the
 * background): stopping an app before then would count those against it.
 */
export function deliveriesSettled(slack: FakeSlack): Promise<true> {
  return slack.waitFor(() => slack.deliveries.every((d) => d.ackedAt !== undefined || d.failure !== undefined), 10_000, 'every delivery to be answered');
}

/** Nothing Slack would count against the app: no late ack, no refused blocks, no text too long. */
export function expectCleanRun(slack: FakeSlack, options: { forged?: boolean } = {}): void {
  expect(slack.lateAcks(), 'acks later than 3 s').toEqual([]);
  const refused = slack.calls.filter((c) => c.error && ['invalid_blocks', 'msg_too_long', 'msg_blocks_too_long', 'invalid_arguments', 'no_text'].includes(c.error));
  expect(refused.map((c) => `${c.method}: ${c.error}`), 'refused content').toEqual([]);
  expect(slack.responsePosts.filter((p) => p.status !== 200).map((p) => p.error), 'refused response_url posts').toEqual([]);
  const failed = slack.failedDeliveries().filter((d) => !(options.forged && d.forged));
  expect(failed.map((d) => `${d.type}: ${d.failure}`), 'failed deliveries').toEqual([]);
}

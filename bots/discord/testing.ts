// Test helpers for the Discord adapter: a real Pnyx app (SQLite in a temporary folder) and the real discord.js Client,
// against the fake Discord on 127.0.0.1 (test/fakes/discord).
import { crc32, deflateSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createPnyx, type PnyxApp } from '../../core/app';
import { DEMO_MODELS_CONFIG } from '../../core/providers/registry';
import { loadWordNet } from '../../core/providers/wordnet';
import { startFakeDiscord, type FakeChannel, type FakeDiscord, type FakeDiscordOptions, type FakeGuild, type FakeMessage, type FakeUser } from '../../test/fakes/discord';
import { startDiscordBot, type RunningDiscordBot } from './bot';
import type { ShardPlan } from './shards';

/** A real PNG (IHDR, one IDAT, IEND) of the given size. */
export function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height, 0x80);
  for (let y = 0; y < height; y += 1) rows[y * (width * 3 + 1)] = 0;
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

// === A real app and a real Client against the fake ============================================================


export type LogLine = { level: number; msg: string; [key: string]: unknown };

export interface HarnessOptions {
  tokensPerSecond?: number;
  /** Group battles close after this many votes. */
  closeAfterVotes?: number;
  /** Replace the demo models (e.g. with an OpenAI-compatible fake). */
  models?: { providers: Record<string, unknown>; models: unknown[] };
  fake?: FakeDiscordOptions;
  /** Create the server and its members before the bot logs in (default true). */
  withGuild?: boolean;
  messageContent?: boolean;
  deferAfterMs?: number;
  /** The gateway shards the bot runs (default: all of the fake's recommendation). */
  shards?: ShardPlan;
  /** A database shared with other app instances (several processes' worth); default: a fresh SQLite file. */
  databaseUrl?: string;
}

/** A real Pnyx app on a fresh SQLite file, with demo models (or the given ones). */
export async function createTestApp(options: HarnessOptions = {}): Promise<{ app: PnyxApp; logs: LogLine[]; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pnyx-discord-'));
  const logs: LogLine[] = [];
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const models = options.models ?? { ...DEMO_MODELS_CONFIG, providers: { demo: { type: 'demo', tokensPerSecond: options.tokensPerSecond ?? 80 } } };
  const config = {
    locale: 'en',
    ...models,
    battle: {
      reveal: { private: { after: 'votes', votes: 1 }, group: { after: 'votes', votes: options.closeAfterVotes ?? 3 } },
      perUserPerMinute: 100,
      perChatPerMinute: 100,
    },
  };
  // The demo models' health check waits at most 5 s for their word list; on a machine this loaded the first load can
  // take longer, and the models would then sit out their first minute. Load it before any check starts.
  if (!options.models) await loadWordNet();
  const app = await createPnyx({ config, logger, env: { DATABASE_URL: options.databaseUrl ?? `file:${join(dir, 'discord.db')}`, LOG_LEVEL: 'info' } });
  return {
    app,
    logs,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface DiscordHarness {
  discord: FakeDiscord;
  app: PnyxApp;
  running: RunningDiscordBot;
  logs: LogLine[];
  /** What the bot printed (the invite URL). */
  printed: string[];
  people: { owner: FakeUser; alice: FakeUser; bob: FakeUser; carol: FakeUser };
  guild?: FakeGuild;
  general?: FakeChannel;
  close(): Promise<void>;
}

export async function startDiscordHarness(options: HarnessOptions = {}): Promise<DiscordHarness> {
  const discord = await startFakeDiscord(options.fake);
  const people = {
    owner: discord.createUser({ username: 'olga', globalName: 'Olga' }),
    alice: discord.createUser({ username: 'alice', globalName: 'Alice', locale: 'en-US' }),
    bob: discord.createUser({ username: 'bob', locale: 'en-GB' }),
    carol: discord.createUser({ username: 'carol', globalName: 'Carol', locale: 'fr' }),
  };
  let guild: FakeGuild | undefined;
  let general: FakeChannel | undefined;
  if (options.withGuild !== false) {
    guild = discord.createGuild({ name: 'Arena', owner: people.owner });
    for (const person of [people.alice, people.bob, people.carol]) discord.addMember(guild, person);
    general = discord.createChannel(guild, { name: 'general' });
  }
  const instance = await startDiscordInstance(discord, options);
  return {
    discord,
    ...instance,
    people,
    ...(guild ? { guild } : {}),
    ...(general ? { general } : {}),
    async close() {
      await instance.close();
      await discord.stop();
    },
  };
}

export type DiscordInstance = Pick<DiscordHarness, 'app' | 'running' | 'logs' | 'printed' | 'close'>;

/** One process's worth of Pnyx on a running fake: a real app (started) and its Discord bot on `options.shards`. */
export async function startDiscordInstance(discord: FakeDiscord, options: HarnessOptions = {}): Promise<DiscordInstance> {
  const { app, logs, close } = await createTestApp(options);
  await app.arena.start();
  const printed: string[] = [];
  try {
    const running = await startDiscordBot({
      app,
      token: discord.token,
      apiRoot: discord.restApi,
      print: (line) => printed.push(line),
      ...(options.messageContent ? { messageContent: true } : {}),
      ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
      ...(options.shards ? { shards: options.shards } : {}),
    });
    return {
      app,
      running,
      logs,
      printed,
      async close() {
        await running.stop();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

// === Reading the chat as a person would =========================================================================

type ChannelRef = FakeChannel | string;
const idOf = (channel: ChannelRef) => (typeof channel === 'string' ? channel : channel.id);

export function customIds(message: FakeMessage | undefined): string[] {
  const rows = (message?.components ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>;
  return rows.flatMap((row) => (row.components ?? []).map((c) => c.custom_id ?? ''));
}

export function buttonRows(message: FakeMessage | undefined): Array<Array<{ label: string; custom_id: string }>> {
  const rows = (message?.components ?? []) as Array<{ components?: Array<{ label?: string; custom_id?: string }> }>;
  return rows.map((row) => (row.components ?? []).map((c) => ({ label: c.label ?? '', custom_id: c.custom_id ?? '' })));
}

/** The bot's newest message in a channel with vote buttons. */
export function openBallot(discord: FakeDiscord, channel: ChannelRef): FakeMessage | undefined {
  return discord
    .botMessages(idOf(channel))
    .filter((m) => !m.visibleTo)
    .reverse()
    .find((m) => customIds(m).some((id) => id.startsWith('v:')));
}

/** The custom_id of a vote button ('a' | 'b' | 't' | 'x'). */
export function voteId(ballot: FakeMessage, choice: 'a' | 'b' | 't' | 'x'): string {
  const id = customIds(ballot).find((c) => c.startsWith('v:') && c.endsWith(`:${choice}`));
  if (!id) throw new Error('no such vote button');
  return id;
}

/** The reply messages (A, B) the bot posted in a channel, oldest first. */
export function replies(discord: FakeDiscord, channel: ChannelRef): FakeMessage[] {
  return discord.botMessages(idOf(channel)).filter((m) => /^\*\*Model [AB]\*\*/.test(m.content));
}

/** Waits for a battle in `channel` to have its two replies finished and its ballot shown (the `nth` battle there). */
export async function battleFinished(discord: FakeDiscord, channel: ChannelRef, nth = 1, timeoutMs = 20_000): Promise<{ replies: FakeMessage[]; ballot: FakeMessage }> {
  return discord.waitFor(
    () => {
      const all = replies(discord, channel);
      const pair = all.slice((nth - 1) * 2, nth * 2);
      const ballot = openBallot(discord, channel);
      if (pair.length !== 2 || !ballot || BigInt(ballot.id) < BigInt(pair[1]!.id)) return undefined;
      if (pair.some((m) => m.content.endsWith('▍') || /Thinking…/.test(m.content))) return undefined;
      return { replies: pair, ballot };
    },
    timeoutMs,
    `battle ${nth} in ${idOf(channel)} to finish`,
  );
}

/** The thread the bot opened under a message. */
export async function threadUnder(discord: FakeDiscord, messageId: string, timeoutMs = 10_000): Promise<FakeChannel> {
  const threadId = await discord.waitFor(() => discord.message(messageId)?.threadId, timeoutMs, `a thread under ${messageId}`);
  return discord.channels.get(threadId)!;
}

/** Polls a condition the fake cannot see (discord.js's cache, the database, the logs). */
export async function until<T>(check: () => T | undefined | false | null | Promise<T | undefined | false | null>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

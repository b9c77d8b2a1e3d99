// Test helpers: a real Pnyx app (SQLite in a temporary folder) and the real grammY bot, run by the real runner or
// webhook server, against the fake Bot API on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createPnyx, type PnyxApp } from '../../core/app';
import { createI18n, SUPPORTED_LOCALES } from '../../core/i18n';
import { DEMO_MODELS_CONFIG } from '../../core/providers/registry';
import { startFakeTelegram, type FakeChat, type FakeMessage, type FakeTelegram, type FakeUser } from '../../test/fakes/telegram-api';
import { startTelegramBot, type RunningTelegramBot } from './bot';

export interface TelegramHarness {
  tg: FakeTelegram;
  app: PnyxApp;
  running: RunningTelegramBot;
  /** Structured log lines the app wrote. */
  logs: Array<{ level: number; msg: string; [key: string]: unknown }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  tokensPerSecond?: number;
  /** Group battles close after this many votes. */
  closeAfterVotes?: number;
  /** Replace the demo models (e.g. with an OpenAI-compatible fake). */
  models?: { providers: Record<string, unknown>; models: unknown[] };
  webhook?: { secret: string };
  /** Battles one person may start per minute (default: plenty). */
  perUserPerMinute?: number;
  /** The chat message budget (default: Telegram's). */
  budget?: { windowMs: number; group: number; private: number };
  /** The spacing of calls in one chat (default: Telegram's second). */
  minEditIntervalMs?: number;
}

/** A real Pnyx app on a fresh SQLite file, with demo models (or the given ones). */
export async function createTestApp(options: HarnessOptions = {}): Promise<{ app: PnyxApp; logs: TelegramHarness['logs']; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pnyx-telegram-'));
  const logs: TelegramHarness['logs'] = [];
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const models = options.models ?? {
    ...DEMO_MODELS_CONFIG,
    providers: { demo: { type: 'demo', tokensPerSecond: options.tokensPerSecond ?? 60 } },
  };
  const config = {
    locale: 'en',
    ...models,
    battle: {
      reveal: { private: { after: 'votes', votes: 1 }, group: { after: 'votes', votes: options.closeAfterVotes ?? 3 } },
      perUserPerMinute: options.perUserPerMinute ?? 100,
      perChatPerMinute: 100,
    },
  };
  const app = await createPnyx({ config, logger, env: { DATABASE_URL: `file:${join(dir, 'telegram.db')}`, LOG_LEVEL: 'info' } });
  return {
    app,
    logs,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startTelegramHarness(options: HarnessOptions = {}): Promise<TelegramHarness> {
  const tg = await startFakeTelegram();
  const { app, logs, close } = await createTestApp(options);
  await app.arena.start();
  let webhook: { url: string; secret: string; port: number; host: string } | undefined;
  if (options.webhook) {
    const port = await freePort();
    webhook = { url: `http://127.0.0.1:${port}/telegram/hook`, secret: options.webhook.secret, port, host: '127.0.0.1' };
  }
  const running = await startTelegramBot({ app, token: tg.token, apiRoot: tg.apiRoot, ...(webhook ? { webhook } : {}), ...(options.budget ? { budget: options.budget } : {}), ...(options.minEditIntervalMs ? { minEditIntervalMs: options.minEditIntervalMs } : {}) });
  return {
    tg,
    app,
    running,
    logs,
    async close() {
      await running.stop();
      await close();
      await tg.stop();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// === Reading the chat as a person would =================================================================

export const people = {
  alice: { id: 1001, first_name: 'Alice', username: 'alice', language_code: 'en' },
  bob: { id: 1002, first_name: 'Bob', language_code: 'en' },
  carol: { id: 1003, first_name: 'Carol', language_code: 'fr' },
  dave: { id: 1004, first_name: 'Dave', language_code: 'en' },
} satisfies Record<string, FakeUser>;

export const privateChat = (user: FakeUser): FakeChat => ({ id: user.id, type: 'private' });
let nextGroup = 1;
export const newGroup = (): FakeChat => ({ id: -100_000 - nextGroup++, type: 'supergroup', title: `Group ${nextGroup}` });

export const buttonsOf = (message: FakeMessage | undefined) => message?.reply_markup?.inline_keyboard.flat() ?? [];

/** The bot's open ballot in a chat (the newest message with vote buttons). */
export function openBallot(tg: FakeTelegram, chat: FakeChat): FakeMessage | undefined {
  return tg
    .botMessages(chat.id)
    .reverse()
    .find((m) => buttonsOf(m).some((b) => b.callback_data?.startsWith('v:')));
}

/** Callback data of a vote button ('a' | 'b' | 't' | 'x'). */
export function voteData(ballot: FakeMessage, choice: 'a' | 'b' | 't' | 'x'): string {
  const data = buttonsOf(ballot).find((b) => b.callback_data?.startsWith('v:') && b.callback_data.endsWith(`:${choice}`))?.callback_data;
  if (!data) throw new Error('no such vote button');
  return data;
}

/** "Model A", "Modèle B", "النموذج A"…: a reply's header in each language (a private chat speaks its person's). */
const REPLY_HEADERS = new Set(
  SUPPORTED_LOCALES.flatMap((locale) => (['A', 'B'] as const).map((side) => createI18n().t(locale)('reply-header', { side }).replace(/\*/g, ''))),
);

/** The two reply messages (A, B) the bot posted in answer to a person's message. */
export function repliesTo(tg: FakeTelegram, chat: FakeChat, asked: FakeMessage): FakeMessage[] {
  return tg.botMessages(chat.id).filter((m) => m.reply_to_message?.message_id === asked.message_id && REPLY_HEADERS.has((m.text ?? '').split('\n')[0]!));
}

/** Waits for a battle started by `asked` to finish streaming and show its ballot. */
export async function battleFinished(tg: FakeTelegram, chat: FakeChat, asked: FakeMessage, timeoutMs = 20_000): Promise<{ replies: FakeMessage[]; ballot: FakeMessage }> {
  return tg.waitFor(
    () => {
      const replies = repliesTo(tg, chat, asked);
      const ballot = openBallot(tg, chat);
      if (replies.length !== 2 || !ballot || ballot.message_id < replies[1]!.message_id) return undefined;
      return { replies, ballot };
    },
    timeoutMs,
    'the battle to finish',
  );
}

/** Waits for the bot's answer to a button press. */
export function answerOf(tg: FakeTelegram, queryId: string, timeoutMs = 10_000) {
  return tg.waitFor(() => tg.answerTo(queryId), timeoutMs, `answer to callback query ${queryId}`);
}

// `npm start` (bots/main.ts) against a Telegram that goes away, as an operator lives it: the outage is in the log
// within 10 s, service resumes within 30 s of Telegram's return after a 50 s outage, a start while Telegram is
// unreachable keeps trying (and says so) instead of hanging, and SIGTERM during an outage ends the process within 10 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeChat, type FakeTelegram, type FakeUser } from './fakes/telegram-api';
import { collectLogLines } from './pnyx-processes';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'pnyx-outage-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  logs: Array<{ level: number; msg: string; time: number; [key: string]: unknown }>;
  exited: Promise<number | null>;
}

function start(tg: FakeTelegram, name: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bots/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'info',
      DATABASE_URL: `file:${join(dir, `${name}.db`)}`,
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      WEB_ENABLED: 'false',
      WEB_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const logs: Run['logs'] = [];
  collectLogLines(child, (line) => logs.push(line as Run['logs'][number]));
  child.stderr!.resume();
  return { child, logs, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function until<T>(check: () => T | undefined | false, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ada: FakeUser = { id: 7001, first_name: 'Ada', language_code: 'en' };
const chat: FakeChat = { id: ada.id, type: 'private' };
const answered = (tg: FakeTelegram, after: number) => tg.botMessages(chat.id).some((m) => m.message_id > after && /What Pnyx stores/.test(m.text ?? ''));
const lastBotMessage = (tg: FakeTelegram) => tg.botMessages(chat.id).at(-1)?.message_id ?? 0;

describe('Telegram outages', () => {
  it('logs a 50 s outage within 10 s, serves again within 30 s of the return, and stops within 10 s during the next', async () => {
    const tg = await startFakeTelegram();
    const run = start(tg, 'outage');
    try {
      await until(() => run.logs.some((l) => l.msg === 'telegram: bot connected'), 60_000, 'the bot to connect');
      let before = lastBotMessage(tg);
      tg.userWrites(chat, ada, '/privacy');
      await until(() => answered(tg, before), 20_000, 'a first answer');

      const wentDown = Date.now();
      tg.goDown();
      const warned = await until(() => run.logs.find((l) => l.level === 40 && /unreachable/.test(l.msg) && l.time >= wentDown), 15_000, 'the outage warning');
      expect(warned.time - wentDown).toBeLessThan(10_000);
      await new Promise((r) => setTimeout(r, 50_000 - (Date.now() - wentDown)));

      const cameBack = Date.now();
      tg.comeBack();
      before = lastBotMessage(tg);
      tg.userWrites(chat, ada, '/privacy');
      await until(() => answered(tg, before), 35_000, 'an answer after the outage');
      expect(Date.now() - cameBack).toBeLessThan(30_000);
      expect(run.logs.some((l) => /reachable again/.test(l.msg) && l.time >= cameBack)).toBe(true);
      // Nothing at error level: an outage is a warning, not an error.
      expect(run.logs.filter((l) => l.level >= 50)).toEqual([]);

      // SIGTERM while Telegram is gone again: the process ends within 10 s all the same.
      tg.goDown();
      await new Promise((r) => setTimeout(r, 2_000));
      const termAt = Date.now();
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(Date.now() - termAt).toBeLessThan(10_000);
    } finally {
      tg.comeBack();
      await tg.stop();
    }
  }, 180_000);

  it('keeps trying when Telegram is unreachable at start, says so, and serves once it answers', async () => {
    const tg = await startFakeTelegram();
    tg.goDown();
    const run = start(tg, 'unreachable-start');
    try {
      await until(() => run.logs.find((l) => l.level === 40 && /unreachable/.test(l.msg)), 30_000, 'the warning at start');
      await until(() => run.logs.find((l) => /not connected yet/.test(l.msg)), 30_000, 'the "keeps trying" line');
      expect(run.child.exitCode).toBeNull();
      const cameBack = Date.now();
      tg.comeBack();
      await until(() => run.logs.some((l) => l.msg === 'telegram: bot connected'), 35_000, 'the bot to connect');
      const before = lastBotMessage(tg);
      tg.userWrites(chat, ada, '/privacy');
      await until(() => answered(tg, before), 20_000, 'an answer');
      expect(Date.now() - cameBack).toBeLessThan(40_000);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      await tg.stop();
    }
  }, 120_000);
});

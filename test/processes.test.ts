// Two real Pnyx processes (`node bots/main.ts`) on one PostgreSQL, both serving the same Telegram bot by webhook (as
// behind a load balancer), against the fake Bot API: votes landing on either are counted once each on one ballot, a
// settings change made through one is seen by the other, and killing one mid-stream (SIGKILL) leaves the other's
// battles alone while its own are taken over; nothing is posted twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent } from '../core/store/url';
import { buttonsOf, voteData } from '../bots/telegram/testing';
import { collectLogLines, freePort, until } from './pnyx-processes';
import { startFakeTelegram, type FakeChat, type FakeMessage, type FakeTelegram, type FakeUser } from './fakes/telegram-api';

const root = join(import.meta.dirname, '..');
const pgUrl = process.env.TEST_DATABASE_URL?.trim();
const redisUrl = process.env.TEST_REDIS_URL?.trim();
const SKIP = 'two-process test skipped: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run it';
if (!pgUrl) console.warn(SKIP);

const SECRET = 'two-processes-secret';

interface Proc {
  name: string;
  child: ChildProcess;
  hook: { url: string; secret: string };
  logs: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

describe.skipIf(!pgUrl)('two Pnyx processes on one PostgreSQL', () => {
  let tg: FakeTelegram;
  let dir: string;
  let schema: string;
  let databaseUrl: string;
  const procs: Proc[] = [];

  const start = async (name: string): Promise<Proc> => {
    const port = await freePort();
    const hook = { url: `http://127.0.0.1:${port}/hook`, secret: SECRET };
    const child = spawn(process.execPath, ['--import', 'tsx', 'bots/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LOG_LEVEL: 'info',
        DATABASE_URL: databaseUrl,
        PNYX_CONFIG: join(dir, 'pnyx.config.yaml'),
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_WEBHOOK_URL: hook.url,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_WEBHOOK_PORT: String(port),
        TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
        WEB_ENABLED: 'false',
        // With TEST_REDIS_URL, the processes share limits, lines, chat changes and jobs through Redis (own key prefix).
        ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_PREFIX: schema } : {}),
        // Each process answers /healthz, /readyz and /metrics on its own port.
        WEB_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs: Proc['logs'] = [];
    collectLogLines(child, (line) => logs.push(line));
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const proc = { name, child, hook, logs, exited };
    procs.push(proc);
    await until(
      () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${errors}`);
        return logs.some((l) => l.msg === 'telegram: webhook listening') || undefined;
      },
      60_000,
      `${name} to listen`,
    );
    return proc;
  };

  const post = (proc: Proc, update: Record<string, unknown>) => tg.postWebhook(update, undefined, proc.hook);

  beforeAll(async () => {
    tg = await startFakeTelegram();
    dir = mkdtempSync(join(tmpdir(), 'pnyx-procs-'));
    schema = `pnyx_procs_${randomBytes(5).toString('hex')}`;
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    await client.end();
    const url = new URL(pgUrl!);
    url.searchParams.set('schema', schema);
    databaseUrl = url.toString();
    // Demo models streaming at a human pace, short leases so that a killed process is noticed within seconds.
    writeFileSync(
      join(dir, 'pnyx.config.yaml'),
      [
        'providers:',
        '  demo: { type: demo, tokensPerSecond: 25 }',
        'models:',
        '  - { id: demo-lexicon, provider: demo, model: lexicon }',
        '  - { id: demo-markov, provider: demo, model: markov }',
        '  - { id: demo-outline, provider: demo, model: outline }',
        'battle:',
        '  perUserPerMinute: 100',
        '  perChatPerMinute: 100',
        '  reveal: { private: { after: votes, votes: 1 }, group: { after: votes, votes: 6 } }',
        'engine: { leaseMs: 3000, sweepMs: 250 }',
      ].join('\n'),
    );
    await start('one');
    await start('two');
  }, 120_000);

  afterAll(async () => {
    for (const proc of procs) if (proc.child.exitCode === null) proc.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await tg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (schema) {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await client.end();
    }
  }, 60_000);

  const members: FakeUser[] = Array.from({ length: 8 }, (_, i) => ({ id: 5000 + i, first_name: `Member${i}`, language_code: 'en' }));
  const group: FakeChat = { id: -100_777_001, type: 'supergroup', title: 'Two processes' };
  const ballotIn = (chat: FakeChat) => tg.botMessages(chat.id).reverse().find((m) => buttonsOf(m).some((b) => b.callback_data?.startsWith('v:')));

  it('counts votes landing on either process once each, on one ballot, and reveals once', async () => {
    const [one, two] = procs as [Proc, Proc];
    expect(await post(one, tg.textUpdate(group, members[0]!, '/arena Describe a harbour at dawn.'))).toBe(200);
    const ballot = await until(() => ballotIn(group), 60_000, 'the ballot');
    // Five votes, alternating processes, and one press delivered to both (a redelivery): counted once.
    const queries: string[] = [];
    for (let i = 0; i < 5; i++) {
      const update = tg.pressUpdate(group, members[i + 1]!, ballot, voteData(ballot, i % 2 ? 'a' : 'b'));
      queries.push((update.callback_query as { id: string }).id);
      expect(await post(i % 2 ? one : two, update)).toBe(200);
    }
    const twice = tg.pressUpdate(group, members[6]!, ballot, voteData(ballot, 't'));
    await Promise.all([post(one, twice), post(two, twice)]);
    for (const id of queries) {
      const answer = await until(() => tg.answerTo(id), 10_000, `answer ${id}`);
      expect(answer.payload.text).toMatch(/^You voted/);
    }
    // Six votes close this group's battles: the press delivered to both processes was the sixth, counted once.
    await until(() => /Voting closed/.test(tg.message(group.id, ballot.message_id)!.text ?? '') || undefined, 15_000, 'the close');
    const closed = tg.message(group.id, ballot.message_id)!;
    expect(closed.text).toMatch(/6 votes/);
    expect(tg.botMessages(group.id).filter((m) => /Voting closed/.test(m.text ?? ''))).toHaveLength(1);
    expect(tg.botMessages(group.id).filter((m) => buttonsOf(m).some((b) => b.callback_data?.startsWith('v:')))).toHaveLength(0);
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM ${quoteIdent(schema)}."Vote"`);
    await client.end();
    expect(rows[0].n).toBe(6);
  }, 120_000);

  it('reports ready on each process, whose metrics add up to the votes and battles stored once', async () => {
    const opsUrl = (proc: Proc) => String(proc.logs.find((l) => l.msg === 'health and metrics listening')!.url);
    const sample = (text: string, line: RegExp) => Number(text.match(line)?.[1] ?? 0);
    let votes = 0;
    let closed = 0;
    for (const proc of procs) {
      const ready = await fetch(new URL('/readyz', opsUrl(proc)));
      expect(await ready.json()).toMatchObject({ ready: true, checks: { database: { ok: true }, 'platform:telegram': { ok: true }, ...(redisUrl ? { redis: { ok: true } } : {}) } });
      const text = await (await fetch(new URL('/metrics', opsUrl(proc)))).text();
      // The shared job queue (BullMQ) is visible in every process's metrics; one process has timers.
      expect(text).toMatch(redisUrl ? /^pnyx_job_queue_depth\{queue="pnyx-jobs",state="delayed"\} \d+$/m : /^pnyx_job_queue_depth\{queue="timers"/m);
      votes += sample(text, /^pnyx_votes_total (\d+)$/m);
      closed += sample(text, /^pnyx_battles_finished_total\{outcome="closed"\} (\d+)$/m);
    }
    // Six votes, one of them delivered to both processes: counted once, wherever it was handled.
    expect(votes).toBe(6);
    expect(closed).toBe(1);
  });

  it('sees a settings change made through the other process within a second', async () => {
    const [one, two] = procs as [Proc, Proc];
    const admin = members[7]!;
    const chat: FakeChat = { id: admin.id, type: 'private' };
    await post(one, tg.textUpdate(chat, admin, '/settings'));
    const menu = await until(() => tg.botMessages(chat.id).find((m) => /Arena settings/.test(m.text ?? '')), 15_000, 'the menu');
    const pause = buttonsOf(menu).find((b) => /Pause/.test(b.text))!;
    await post(two, tg.pressUpdate(chat, admin, menu, pause.callback_data!));
    await until(() => /paused/.test(tg.message(chat.id, menu.message_id)!.text ?? '') || undefined, 10_000, 'the menu to show the pause');
    await new Promise((r) => setTimeout(r, 1_100));
    const asked = tg.textUpdate(chat, admin, 'Are you there?');
    await post(one, asked);
    await until(() => tg.botMessages(chat.id).find((m) => /arena is paused/.test(m.text ?? '')), 10_000, 'the paused notice');
  }, 60_000);

  it('keeps one process\'s battles when the other is killed mid-stream, and takes over the dead one\'s', async () => {
    const [one, two] = procs as [Proc, Proc];
    const survivorChat: FakeChat = { id: -100_777_002, type: 'supergroup', title: 'Survivor' };
    const victimChat: FakeChat = { id: -100_777_003, type: 'supergroup', title: 'Victim' };
    await post(one, tg.textUpdate(survivorChat, members[0]!, '/arena Tell me about lighthouses and their keepers.'));
    await post(two, tg.textUpdate(victimChat, members[1]!, '/arena Tell me about tides and the moon.'));
    // Both stream; kill the second process while it does — once a reply has been edited at least once, so that its
    // ref is stored (a kill between a post and the write of its ref leaves a message the takeover cannot find, and it
    // posts another: the window of a round trip that the chaos test allows for).
    await until(() => tg.botMessages(victimChat.id).some((m: FakeMessage) => /▍/.test(m.text ?? '') && m.history.length >= 2), 20_000, 'the victim battle to stream');
    two.child.kill('SIGKILL');
    await two.exited;
    // The survivor's battle finishes normally: replies and a ballot.
    await until(() => ballotIn(survivorChat), 60_000, 'the survivor battle ballot');
    // The killed process's battle is taken over once its lease runs out: the survivor runs its turn again into the
    // replies already posted (edited, not posted twice) and shows its ballot; nobody is told it was interrupted.
    await until(() => ballotIn(victimChat), 60_000, 'the victim battle ballot, shown by the survivor');
    const victimSays = tg.botMessages(victimChat.id).map((m) => m.text ?? '');
    expect(victimSays.filter((text) => /^Model A/.test(text))).toHaveLength(1);
    expect(victimSays.filter((text) => /^Model B/.test(text))).toHaveLength(1);
    expect(victimSays.filter((text) => /^Model [AB]/.test(text)).every((text) => !/▍|Thinking/.test(text))).toBe(true);
    expect(victimSays.filter((text) => /interrupted/.test(text))).toEqual([]);
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT c."externalId" AS chat, b."status" FROM ${quoteIdent(schema)}."Battle" b JOIN ${quoteIdent(schema)}."Chat" c ON c."id" = b."chatId" WHERE c."externalId" IN ($1, $2)`,
      [String(survivorChat.id), String(victimChat.id)],
    );
    await client.end();
    expect(Object.fromEntries(rows.map((r: { chat: string; status: string }) => [r.chat, r.status]))).toEqual({ [String(survivorChat.id)]: 'open', [String(victimChat.id)]: 'open' });
    // The survivor never logged an error, and stops cleanly.
    expect(one.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  }, 120_000);
});

// Several processes (issue 10): votes per second and acknowledgement times with 1, 2 and 3 real Pnyx processes
// (`node bots/main.ts`) on one PostgreSQL (+ Redis when set), serving one Telegram bot by webhook against the fake Bot
// API. Many battles are open at once (two per group); vote presses are spread over the processes in turn, with a
// fixed number in flight, as Telegram's webhook deliveries would be behind a load balancer. Measured per press: the
// webhook POST until its 200 (the update is stored and handled), and until Telegram got the answerCallbackQuery (the
// voter sees "You voted"). Checked: every press answered "You voted" and stored once.
//
//   TEST_DATABASE_URL=postgresql://… [TEST_REDIS_URL=redis://…] npm run bench:processes [-- --processes 1,2,3 --battles 40 --votes 2000 --inflight 64]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buttonsOf } from '../bots/telegram/testing';
import { quoteIdent } from '../core/store/url';
import { startFakeTelegram, type FakeChat, type FakeMessage, type FakeUser } from '../test/fakes/telegram-api';
import { launch, processSlot, stopAll, until, type PnyxProcess } from '../test/pnyx-processes';

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '1,2,3' },
    battles: { type: 'string', default: '40' },
    votes: { type: 'string', default: '2000' },
    inflight: { type: 'string', default: '64' },
    json: { type: 'boolean', default: false },
  },
});
const pgUrl = (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)?.trim();
const redisUrl = (process.env.TEST_REDIS_URL ?? process.env.REDIS_URL)?.trim();
if (!pgUrl?.startsWith('postgres')) {
  console.error('bench:processes needs PostgreSQL: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test)');
  process.exit(2);
}
const counts = values.processes.split(',').map(Number);
const battles = Number(values.battles);
const votes = Number(values.votes);
const inflight = Number(values.inflight);

const config = [
  'providers:',
  '  demo: { type: demo, tokensPerSecond: 400 }',
  'models:',
  '  - { id: demo-lexicon, provider: demo, model: lexicon }',
  '  - { id: demo-markov, provider: demo, model: markov }',
  '  - { id: demo-outline, provider: demo, model: outline }',
  'battle:',
  '  perUserPerMinute: 1000',
  '  perChatPerMinute: 1000',
  // Ballots stay open through the run, their count edited live.
  '  reveal: { private: { after: minutes, minutes: 60 }, group: { after: minutes, minutes: 60 } }',
].join('\n');

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function sql(query: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return (await client.query(query)).rows;
  } finally {
    await client.end();
  }
}

async function run(n: number) {
  const schema = `pnyx_bench_procs_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'pnyx-bench-procs-'));
  writeFileSync(join(dir, 'pnyx.config.yaml'), config);
  await sql(`CREATE SCHEMA ${quoteIdent(schema)}`);
  const url = new URL(pgUrl!);
  url.searchParams.set('schema', schema);
  const tg = await startFakeTelegram();
  const procs: PnyxProcess[] = [];
  try {
    for (let i = 0; i < n; i++) procs.push(await processSlot(`p${i}`));
    const env = { DATABASE_URL: url.toString(), PNYX_CONFIG: join(dir, 'pnyx.config.yaml'), ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_PREFIX: schema } : {}) };
    await Promise.all(procs.map((p) => launch(p, tg, env)));
    const post = (i: number, update: Record<string, unknown>) => tg.postWebhook(update, undefined, procs[i % n]!.hook);

    // Battles open at once: two per group, asked through the processes in turn.
    const groups: FakeChat[] = Array.from({ length: Math.ceil(battles / 2) }, (_, i) => ({ id: -100_800_000 - i, type: 'supergroup', title: `Bench ${i}` }));
    const asker: FakeUser = { id: 9_000_000, first_name: 'Asker', language_code: 'en' };
    let nextUpdate = 1;
    const ask = await Promise.all(
      Array.from({ length: battles }, (_, i) => {
        const group = groups[i % groups.length]!;
        return post(i, { ...tg.textUpdate(group, asker, `/arena Bench question ${i}: what is a good benchmark?`), update_id: nextUpdate++ });
      }),
    );
    if (ask.some((s) => s !== 200)) throw new Error(`prompts refused: ${ask.join(',')}`);
    const ballots = await until(
      () => {
        const found = groups.flatMap((g) => tg.botMessages(g.id).filter((m) => buttonsOf(m).some((b) => b.callback_data?.startsWith('v:'))));
        return found.length >= battles ? found : undefined;
      },
      180_000,
      `${battles} ballots`,
    );

    // Each person presses once per ballot; presses go to the processes in turn, `inflight` at a time.
    const press = (i: number): { update: Record<string, unknown>; id: string } => {
      const ballot: FakeMessage = ballots[i % battles]!;
      const voter: FakeUser = { id: 10_000_000 + Math.floor(i / battles), first_name: `Voter${Math.floor(i / battles)}`, language_code: 'en' };
      const choice = ['a', 'b', 't', 'x'][i % 4]!;
      const data = buttonsOf(ballot).find((b) => b.callback_data?.startsWith('v:') && b.callback_data.endsWith(`:${choice}`))!.callback_data!;
      const update = tg.pressUpdate(ballot.chat, voter, ballot, data);
      return { update, id: (update.callback_query as { id: string }).id };
    };
    const measure = async (from: number, count: number) => {
      const sent: Array<{ id: string; at: number; ok: number }> = [];
      let next = from;
      const worker = async () => {
        while (next < from + count) {
          const i = next++;
          const { update, id } = press(i);
          const at = Date.now();
          const status = await post(i, update);
          if (status !== 200) throw new Error(`press ${i} got ${status}`);
          sent.push({ id, at, ok: Date.now() - at });
        }
      };
      const started = Date.now();
      await Promise.all(Array.from({ length: inflight }, worker));
      const ended = Date.now();
      return { sent, started, ended };
    };
    // Warm-up (not measured): one press per ballot.
    await measure(0, battles);
    const { sent, started, ended } = await measure(battles, votes);
    await until(() => sent.every((s) => tg.answerTo(s.id)) || undefined, 60_000, 'every answer');
    const answered = sent.map((s) => tg.answerTo(s.id)!);
    const unthanked = answered.filter((c) => !/^You voted/.test(String(c.payload.text ?? ''))).length;
    const toAnswer = sent.map((s, i) => answered[i]!.at - s.at).sort((a, b) => a - b);
    const to200 = sent.map((s) => s.ok).sort((a, b) => a - b);
    const stored = Number((await sql(`SELECT COUNT(*)::int AS n FROM ${quoteIdent(schema)}."Vote"`))[0]!.n);
    const errors = procs.flatMap((p) => p.logs).filter((l) => Number(l.level) >= 50).length;
    return {
      processes: n,
      redis: Boolean(redisUrl),
      battles,
      votes,
      inflight,
      votesPerSecond: Math.round((votes / (ended - started)) * 1000),
      to200Ms: { p50: pct(to200, 50), p99: pct(to200, 99) },
      toAnswerMs: { p50: pct(toAnswer, 50), p99: pct(toAnswer, 99) },
      unthanked,
      storedVotes: stored,
      expectedVotes: votes + battles,
      errorLogLines: errors,
    };
  } finally {
    await stopAll(procs);
    await tg.stop();
    rmSync(dir, { recursive: true, force: true });
    await sql(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  }
}

const results = [];
for (const n of counts) {
  const result = await run(n);
  results.push(result);
  if (values.json) console.log(JSON.stringify(result));
  else
    console.log(
      `${n} process${n > 1 ? 'es' : ''}${result.redis ? ' + Redis' : ''}: ${result.votesPerSecond} votes/s; POST→200 p50 ${result.to200Ms.p50} ms p99 ${result.to200Ms.p99} ms; ` +
        `POST→answerCallbackQuery p50 ${result.toAnswerMs.p50} ms p99 ${result.toAnswerMs.p99} ms; stored ${result.storedVotes}/${result.expectedVotes}, not thanked ${result.unthanked}, error lines ${result.errorLogLines}`,
    );
}
process.exitCode = results.every((r) => r.unthanked === 0 && r.storedVotes === r.expectedVotes) ? 0 : 1;

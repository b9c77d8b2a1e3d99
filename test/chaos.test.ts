// Chaos: real Pnyx processes (`node bots/main.ts`) serving one Telegram bot by webhook against the fake Bot API, under
// bursts of prompts and vote presses, while a random process is SIGKILLed and restarted. The test behaves like
// Telegram: an update whose webhook call failed or did not get 200 is delivered again, to another live process (any
// process behind the load balancer), until one answers 200. What a user would notice is asserted: every vote press
// answered and stored once, every prompt's battle run (ballot shown) or its chat told it failed, no post doubled, and
// the vote counts on the ballots and reveals exact.
// Three processes on PostgreSQL (+ Redis when TEST_REDIS_URL is set: the processes must work with or without it), and
// the same on one process with SQLite (a file database), killed and restarted a few times.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { quoteIdent } from '../core/store/url';
import { buttonsOf } from '../bots/telegram/testing';
import { startFakeTelegram, type FakeChat, type FakeMessage, type FakeTelegram, type FakeUser } from './fakes/telegram-api';
import { crash, launch, processSlot, sleep, stopAll, until, type PnyxProcess } from './pnyx-processes';

const pgUrl = process.env.TEST_DATABASE_URL?.trim();
const redisUrl = process.env.TEST_REDIS_URL?.trim();
const SKIP_PG =
  'chaos test on PostgreSQL + Redis skipped: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) and TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run it';
if (!pgUrl || !redisUrl) console.warn(SKIP_PG);

const rand = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(items: readonly T[]): T => items[rand(items.length)]!;

interface Plan {
  label: string;
  processes: number;
  kills: number;
  groups: number;
  groupPrompts: number;
  privatePrompts: number;
  votes: number;
  /** Extra environment for the processes (database, Redis). */
  env: Record<string, string>;
  /** Reads the database after the run. */
  query: (sql: (table: (name: string) => string) => string) => Promise<Array<Record<string, unknown>>>;
  dir: string;
}

const config = [
  'providers:',
  // Fast demo models: a battle streams in about a second, so that kills land on streaming battles and on idle ones.
  '  demo: { type: demo, tokensPerSecond: 120 }',
  'models:',
  '  - { id: demo-lexicon, provider: demo, model: lexicon }',
  '  - { id: demo-markov, provider: demo, model: markov }',
  '  - { id: demo-outline, provider: demo, model: outline }',
  'battle:',
  '  perUserPerMinute: 1000',
  '  perChatPerMinute: 1000',
  // Private ballots close (reveal) on the one vote they get; group ballots stay open, their count shown live.
  '  reveal: { private: { after: votes, votes: 1 }, group: { after: minutes, minutes: 60 } }',
  // Short leases: a killed process's battles and deliveries are taken over within seconds.
  'engine: { leaseMs: 3000, sweepMs: 250 }',
].join('\n');

const voteData = (m: FakeMessage) => buttonsOf(m).filter((b) => b.callback_data?.startsWith('v:')).map((b) => b.callback_data!);
/** The battle a ballot's buttons belong to (`v:<token>:<choice>`). */
const ballotToken = (m: FakeMessage) => voteData(m)[0]?.split(':')[1];
const CHOICES = { a: 'a', b: 'b', t: 'tie', x: 'both_bad' } as const;
type ChoiceKey = keyof typeof CHOICES;

async function runChaos(plan: Plan): Promise<void> {
  const tg: FakeTelegram = await startFakeTelegram();
  const procs: PnyxProcess[] = [];
  const t0 = Date.now();
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  writeFileSync(join(plan.dir, 'pnyx.config.yaml'), config);

  const start = (proc: PnyxProcess) => launch(proc, tg, { PNYX_CONFIG: join(plan.dir, 'pnyx.config.yaml'), ...plan.env });

  try {
    for (let i = 0; i < plan.processes; i++) procs.push(await processSlot(`p${i}`));
    await Promise.all(procs.map(start));

    // === Telegram's side: deliver until some live process answers 200 ====================================
    let redeliveries = 0;
    const acks: number[] = [];
    const deliver = async (update: Record<string, unknown>): Promise<void> => {
      const started = Date.now();
      let last: PnyxProcess | undefined;
      for (let attempt = 0; ; attempt++) {
        if (Date.now() - started > 120_000) throw new Error(`update ${String(update.update_id)} never got a 200`);
        const live = procs.filter((p) => p.up);
        if (live.length === 0) {
          await sleep(100);
          continue;
        }
        const others = live.filter((p) => p !== last);
        const proc = pick(others.length ? others : live);
        last = proc;
        if (attempt > 0) redeliveries++;
        try {
          if ((await tg.postWebhook(update, undefined, proc.hook)) === 200) {
            acks.push(Date.now() - started);
            return;
          }
        } catch {
          // The connection was refused or cut (the process died): Telegram sends it again.
        }
        await sleep(Math.min(1_000, 50 * 2 ** Math.min(attempt, 5)));
      }
    };
    let nextUpdate = 1_000_000;
    /** A prompt keeps its update_id across redeliveries (textUpdate leaves it to postWebhook otherwise). */
    const send = (update: Record<string, unknown>) => deliver({ ...update, update_id: (update.update_id as number | undefined) ?? nextUpdate++ });

    // === The chats ==========================================================================================
    const groups: FakeChat[] = Array.from({ length: plan.groups }, (_, i) => ({ id: -100_900_000 - i, type: 'supergroup', title: `Chaos ${i}` }));
    const privates: FakeUser[] = Array.from({ length: plan.privatePrompts }, (_, i) => ({ id: 7000 + i, first_name: `Solo${i}`, language_code: 'en' }));
    const members: FakeUser[] = Array.from({ length: 400 }, (_, i) => ({ id: 8000 + i, first_name: `Member${i}`, language_code: 'en' }));
    interface Prompt {
      chat: FakeChat;
      asked: FakeMessage;
      update: number;
    }
    const prompts: Prompt[] = [];
    const promptPlan: Array<() => Record<string, unknown>> = [];
    for (let i = 0; i < plan.groupPrompts; i++) {
      const chat = groups[i % groups.length]!;
      promptPlan.push(() => {
        const update: Record<string, unknown> & { update_id: number } = { ...tg.textUpdate(chat, pick(members), `/arena Chaos question ${i}: describe a harbour at dawn.`), update_id: nextUpdate++ };
        prompts.push({ chat, asked: tg.message(chat.id, (update.message as { message_id: number }).message_id)!, update: update.update_id });
        return update;
      });
    }
    for (const [i, user] of privates.entries()) {
      const chat: FakeChat = { id: user.id, type: 'private' };
      promptPlan.push(() => {
        const update: Record<string, unknown> & { update_id: number } = { ...tg.textUpdate(chat, user, `/arena Private chaos question ${i}: what makes a good map?`), update_id: nextUpdate++ };
        prompts.push({ chat, asked: tg.message(chat.id, (update.message as { message_id: number }).message_id)!, update: update.update_id });
        return update;
      });
    }
    promptPlan.sort(() => Math.random() - 0.5);

    // === Votes: each person presses once per ballot; what each press should count ========================
    /** token → the ballot message first seen (a second message with the same token is a doubled ballot). */
    const ballots = new Map<string, FakeMessage>();
    const doubledBallots: string[] = [];
    /** The ballot the engine keeps up to date (the second, when one was posted again after a kill). */
    const latestBallot = new Map<string, FakeMessage>();
    const expected = new Map<string, Map<number, ChoiceKey>>();
    const queries: Array<{ id: string; token: string; update: number }> = [];
    const scanBallots = () => {
      for (const chat of [...groups, ...privates.map((u): FakeChat => ({ id: u.id, type: 'private' }))]) {
        for (const m of tg.botMessages(chat.id)) {
          const token = ballotToken(m);
          if (!token) continue;
          const seen = ballots.get(token);
          if (!seen) ballots.set(token, m);
          else if (seen.message_id !== m.message_id && !doubledBallots.includes(token)) doubledBallots.push(token);
          if (m.message_id > (latestBallot.get(token)?.message_id ?? 0)) latestBallot.set(token, m);
        }
      }
    };
    const pressFor = (): Record<string, unknown> | undefined => {
      scanBallots();
      const open = [...ballots.entries()].filter(([token, m]) => {
        const voted = expected.get(token)?.size ?? 0;
        return m.chat.type === 'private' ? voted === 0 : voted < members.length;
      });
      if (open.length === 0) return undefined;
      const [token, ballot] = pick(open);
      const votes = expected.get(token) ?? new Map<number, ChoiceKey>();
      expected.set(token, votes);
      const voter = ballot.chat.type === 'private' ? privates.find((u) => u.id === ballot.chat.id)! : pick(members.filter((u) => !votes.has(u.id)));
      const choice = pick(['a', 'b', 't', 'x'] as const);
      votes.set(voter.id, choice);
      const data = voteData(ballot).find((d) => d.endsWith(`:${choice}`))!;
      const update = tg.pressUpdate(ballot.chat, voter, ballot, data);
      queries.push({ id: (update.callback_query as { id: string }).id, token, update: update.update_id as number });
      return update;
    };

    // === The run: prompts and votes in bursts, kills meanwhile ===========================================
    let killed = 0;
    const killedAt: number[] = [];
    const victims: string[] = [];
    let firstBurst!: () => void;
    const firstBurstIn = new Promise<void>((resolve) => (firstBurst = resolve));
    const prompting = (async () => {
      const bursts = 5;
      const size = Math.ceil(promptPlan.length / bursts);
      for (let b = 0; b * size < promptPlan.length; b++) {
        await Promise.all(promptPlan.slice(b * size, (b + 1) * size).map((make) => send(make())));
        firstBurst();
        await sleep(3_000);
      }
    })();
    let pressed = 0;
    const voting = (async () => {
      while (pressed < plan.votes) {
        const burst: Array<Promise<void>> = [];
        for (let i = 0; i < 25 && pressed < plan.votes; i++) {
          const update = pressFor();
          if (!update) break;
          pressed++;
          burst.push(deliver(update));
        }
        await Promise.all(burst);
        if (burst.length === 0 && Date.now() - t0 > 240_000) throw new Error(`no ballot to vote on after ${elapsed()} (${pressed} presses sent)`);
        await sleep(burst.length ? 150 : 300);
      }
    })();
    const chaos = (async () => {
      for (let k = 0; k < plan.kills; k++) {
        // The first kill lands on the first burst's battles while they stream; the others are spread over the run, on
        // bursts of votes and prompts alike.
        if (k === 0) await firstBurstIn.then(() => sleep(300));
        else await sleep(3_000 + rand(4_000));
        const victim = pick(procs.filter((p) => p.up));
        killedAt.push(Date.now());
        victims.push(victim.name);
        await crash(victim);
        killed++;
        await start(victim);
      }
    })();
    await Promise.all([prompting, voting, chaos]);
    console.info(`[${plan.label}] ${prompts.length} prompts and ${pressed} presses delivered, ${killed} kills, ${redeliveries} redeliveries, ${elapsed()}`);
    expect(killed).toBe(plan.kills);
    expect(pressed).toBe(plan.votes);

    // === Every vote press answered, as counted ===========================================================
    await until(() => queries.every((q) => tg.answerTo(q.id)) || undefined, 60_000, 'every vote press to be answered').catch((error: Error) => {
      const missing = queries.filter((q) => !tg.answerTo(q.id));
      throw new Error(`${error.message}: ${missing.length} of ${queries.length} presses never answered`);
    });
    const unthanked = queries.filter((q) => !/^You voted/.test(String(tg.answerTo(q.id)!.payload.text ?? '')));
    for (const q of unthanked) {
      // What the processes did with it, to find the cause.
      const lines = procs.flatMap((p) => p.logs).filter((l) => String(l.delivery ?? '').endsWith(String(q.update)) || l.update === q.update);
      const calls = tg.callsOf('answerCallbackQuery').filter((c) => c.payload.callback_query_id === q.id);
      console.info(`[${plan.label}] press ${q.id} (update ${q.update}) answered:`, calls.map((c) => ({ text: c.payload.text, status: c.status, at: c.at - t0 })), lines.map((l) => ({ run: l.run, msg: l.msg, time: Number(l.time) - t0 })));
    }
    expect(unthanked.map((q) => String(tg.answerTo(q.id)!.payload.text ?? ''))).toEqual([]);

    /**
     * What happened in a chat, for a failure's message: the kills, the bot's calls there and the processes' log lines
     * about its battles, on one clock (seconds since the run began).
     */
    const story = (chatId: number, battleIds: readonly string[]): string => {
      const at = (ms: number) => ((ms - t0) / 1000).toFixed(2);
      const lines: Array<[number, string]> = killedAt.map((k, i) => [k, `KILL ${victims[i]}`]);
      for (const c of tg.calls) {
        if (c.payload.chat_id !== chatId && String(c.payload.chat_id) !== String(chatId)) continue;
        const id = (c.result as { message_id?: number } | undefined)?.message_id ?? c.payload.message_id;
        const text = String(c.payload.text ?? '').replace(/\s+/g, ' ');
        // A ballot's line is its count (its end); anything else its beginning.
        lines.push([c.at, `${c.method} #${String(id ?? '')} ${c.status} ${/^Which reply/.test(text) ? `ballot …${text.slice(-40)}` : text.slice(0, 70)}`]);
      }
      for (const l of procs.flatMap((p) => p.logs)) {
        // The battles' lines, and every process's warnings about deliveries handled again (replays name no battle).
        const replay = /delivery nobody finished|handled again/.test(String(l.msg ?? ''));
        if (!replay && !battleIds.includes(String(l.battle ?? '')) && String(l.chat ?? '') !== String(chatId)) continue;
        const { time, run, msg, level, pid, hostname, ...rest } = l;
        void pid;
        void hostname;
        lines.push([Number(time), `${String(run)} L${String(level)} ${String(msg)} ${JSON.stringify(rest).slice(0, 200)}`]);
      }
      return lines
        .sort((a, b) => a[0] - b[0])
        .map(([t, text]) => `  ${at(t)} ${text}`)
        .join('\n');
    };

    // === Every prompt ran (ballot) or its chat was told it failed ==========================================
    const battleRows = () =>
      plan.query(
        (t) =>
          `SELECT b."id", b."delivery", b."token", b."status", b."failure", b."voteCount", b."votesA", b."votesB", b."votesTie", b."votesBothBad", c."externalId" AS chat
           FROM ${t('Battle')} b JOIN ${t('Chat')} c ON c."id" = b."chatId"`,
      );
    // Settled: one battle per prompt, each failed or showing its ballot (battles in line may still be running).
    let rows = await battleRows();
    const settled = () => {
      scanBallots();
      return rows.length === prompts.length && rows.every((r) => r.status === 'failed' || ballots.has(String(r.token)));
    };
    for (const end = Date.now() + 90_000; !settled() && Date.now() < end; ) {
      await sleep(500);
      rows = await battleRows();
    }
    if (!settled()) console.info(`[${plan.label}] unsettled battles:`, rows.filter((r) => r.status !== 'failed' && !ballots.has(String(r.token))), `${rows.length} battles for ${prompts.length} prompts`);
    const started = new Set(rows.map((r) => String(r.delivery)));
    for (const p of prompts.filter((x) => !started.has(`telegram:${x.update}`))) {
      const lines = procs.flatMap((proc) => proc.logs).filter((l) => [String(p.update), `telegram:${p.update}`].includes(String(l.delivery ?? l.update ?? '')));
      console.info(`[${plan.label}] prompt ${p.update} in ${p.chat.id} never became a battle; its log lines:`, lines.map((l) => ({ run: l.run, msg: l.msg, time: Number(l.time) - t0 })), `\n${story(p.chat.id, [])}`);
    }
    // One battle per prompt (a prompt delivered to two processes, or replayed after a kill, starts one battle).
    expect(rows).toHaveLength(prompts.length);
    const failed = rows.filter((r) => r.status === 'failed');
    const ran = rows.filter((r) => r.status !== 'failed');
    // Every battle that ran showed exactly one ballot; every failed one told its chat, once per battle at most.
    for (const r of ran) {
      if (!ballots.has(String(r.token))) console.info(`[${plan.label}] battle ${String(r.token)} (${String(r.status)}) never showed its ballot\n${story(Number(r.chat), [String(r.id)])}`);
      expect(ballots.has(String(r.token)), `ballot of battle ${String(r.token)}`).toBe(true);
    }
    for (const r of failed) expect(ballots.has(String(r.token)), `no ballot on failed battle ${String(r.token)}`).toBe(false);
    const chatsTold = new Map<string, number>();
    for (const r of failed) chatsTold.set(String(r.chat), (chatsTold.get(String(r.chat)) ?? 0) + 1);
    for (const [chat, n] of chatsTold) {
      const notices = tg.botMessages(Number(chat)).filter((m) => /could not complete|was interrupted/.test(m.text ?? ''));
      if (notices.length !== n) console.info(`[${plan.label}] chat ${chat}: ${notices.length} failure notices for ${n} failed battles\n${story(Number(chat), rows.filter((r) => String(r.chat) === chat).map((r) => String(r.id)))}`);
      expect(notices.length, `failure notices in chat ${chat}`).toBeGreaterThanOrEqual(1);
      expect(notices.length, `failure notices in chat ${chat}`).toBeLessThanOrEqual(n);
    }
    // A ballot is posted again only when the process that posted it was killed before Telegram's answer reached it and
    // its ref was stored (the post cannot be taken back; Telegram cannot be asked what was posted): a window of a round
    // trip and one write. Any other second ballot is a doubled post.
    const unexplained = doubledBallots.filter((token) => {
      const first = ballots.get(token)!;
      const sent = tg.callsOf('sendMessage').find((c) => c.payload.chat_id === first.chat.id && (c.result as { message_id?: number } | undefined)?.message_id === first.message_id);
      return !sent || !killedAt.some((at) => at >= sent.at && at - sent.at < 2_000);
    });
    if (doubledBallots.length) console.info(`[${plan.label}] ballots posted again after a kill cut their process off mid-post: ${doubledBallots.length - unexplained.length}`);
    expect(unexplained).toEqual([]);
    expect(doubledBallots.length).toBeLessThanOrEqual(plan.kills);

    // === No post doubled: one message per role per prompt ==================================================
    for (const p of prompts) {
      const replies = tg.botMessages(p.chat.id).filter((m) => m.reply_to_message?.message_id === p.asked.message_id);
      const roles = replies.map((m) => (/^Model A/.test(m.text ?? '') ? 'a' : /^Model B/.test(m.text ?? '') ? 'b' : /in line/.test(m.text ?? '') ? 'queued' : /could not complete|was interrupted/.test(m.text ?? '') ? 'failed' : (m.text ?? '').slice(0, 40)));
      expect(roles.length, `answers to "${p.asked.text}" in ${p.chat.id}: ${roles.join(', ')}`).toBe(new Set(roles).size);
    }
    // Replies counted wherever they were posted: a turn taken over from a dead process edits the messages that process
    // posted, and posts one anew (not as a reply to the prompt) only when that process died before storing its ref —
    // the same window of a round trip and one write as for ballots above.
    const sentAt = (m: FakeMessage) => tg.callsOf('sendMessage').find((c) => c.payload.chat_id === m.chat.id && (c.result as { message_id?: number } | undefined)?.message_id === m.message_id)?.at;
    for (const chat of [...groups, ...privates.map((u): FakeChat => ({ id: u.id, type: 'private' }))]) {
      const battlesHere = rows.filter((r) => String(r.chat) === String(chat.id)).length;
      for (const side of ['A', 'B']) {
        const posted = tg.botMessages(chat.id).filter((m) => new RegExp(`^Model ${side}`).test(m.text ?? ''));
        const cutOff = posted.filter((m) => {
          const at = sentAt(m);
          return at !== undefined && killedAt.some((k) => k >= at && k - at < 2_000);
        }).length;
        expect(posted.length, `"Model ${side}" messages in ${chat.id} for its ${battlesHere} battles`).toBeLessThanOrEqual(battlesHere + cutOff);
      }
    }

    // === Votes stored once, counted exactly on the ballots and reveals ===================================
    const stored = await plan.query(
      (t) =>
        `SELECT b."token", u."externalId" AS voter, v."choice", COUNT(*) AS n FROM ${t('Vote')} v
         JOIN ${t('Battle')} b ON b."id" = v."battleId" JOIN ${t('User')} u ON u."id" = v."voterId"
         GROUP BY b."token", u."externalId", v."choice"`,
    );
    expect(stored.filter((s) => Number(s.n) !== 1)).toEqual([]);
    const storedKeys = stored.map((s) => `${String(s.token)}/${String(s.voter)}/${String(s.choice)}`).sort();
    const expectedKeys = [...expected.entries()].flatMap(([token, votes]) => [...votes].map(([voter, c]) => `${token}/${voter}/${CHOICES[c]}`)).sort();
    expect(storedKeys.length).toBe(plan.votes);
    expect(storedKeys).toEqual(expectedKeys);
    for (const r of ran) {
      const votes = [...(expected.get(String(r.token))?.values() ?? [])];
      const tally = (c: ChoiceKey) => votes.filter((v) => v === c).length;
      expect({ token: r.token, n: Number(r.voteCount), a: Number(r.votesA), b: Number(r.votesB), t: Number(r.votesTie), x: Number(r.votesBothBad) }).toEqual({
        token: r.token,
        n: votes.length,
        a: tally('a'),
        b: tally('b'),
        t: tally('t'),
        x: tally('x'),
      });
    }
    // What people see: a group ballot shows its count, a private one closes once with its tally.
    const shown = (token: string) => tg.message(latestBallot.get(token)!.chat.id, latestBallot.get(token)!.message_id)!.text ?? '';
    const orphaned = (token: string) => {
      const ballot = latestBallot.get(token)!;
      const sent = tg.callsOf('sendMessage').find((c) => c.payload.chat_id === ballot.chat.id && (c.result as { message_id?: number } | undefined)?.message_id === ballot.message_id);
      return Boolean(sent && killedAt.some((at) => at >= sent.at && at - sent.at < 2_000));
    };
    const closedAfterOrphan = (token: string) => {
      const ballot = latestBallot.get(token)!;
      return orphaned(token) && tg.botMessages(ballot.chat.id).some((m) => m.message_id > ballot.message_id && /Voting closed · 1 vote/.test(m.text ?? ''));
    };
    const showsCount = (r: Record<string, unknown>): boolean => {
      const n = expected.get(String(r.token))?.size ?? 0;
      const text = shown(String(r.token));
      // A private ballot closes on its one vote (a ballot shown after the presses ended has none). When the process
      // that posted the ballot was killed before its ref was stored (the window allowed for doubled ballots above),
      // the close cannot find that message: the result is posted as a new one after it, which is what is checked.
      if (Number(r.chat) > 0 && n === 1) return /Voting closed · 1 vote/.test(text) || closedAfterOrphan(String(r.token));
      return n === 0 ? /No votes yet/.test(text) : new RegExp(`\\b${n} votes? so far`).test(text);
    };
    await until(
      () => ran.every(showsCount) || undefined,
      30_000,
      'every ballot to show its exact count',
    ).catch((error: Error) => {
      const wrong = ran.filter((r) => !showsCount(r)).map((r) => `${String(r.chat)} ${String(r.token)} expected ${expected.get(String(r.token))?.size ?? 0}: ${shown(String(r.token)).split('\n').filter((l) => /vote/i.test(l)).join(' | ')}`);
      const stories = ran.filter((r) => !showsCount(r)).slice(0, 4).map((r) => `chat ${String(r.chat)} (battle ${String(r.id)}):\n${story(Number(r.chat), [String(r.id)])}`);
      throw new Error(`${error.message}\n${wrong.join('\n')}\n${stories.join('\n')}`);
    });
    for (const r of ran.filter((x) => Number(x.chat) > 0 && expected.get(String(x.token))?.size === 1)) {
      const votes = [...(expected.get(String(r.token))?.values() ?? [])];
      const tally = (c: ChoiceKey) => votes.filter((v) => v === c).length;
      // The result is on the ballot, or (its ref lost with its process, as allowed above) in the one posted after it.
      const closed = tg.botMessages(Number(r.chat)).filter((m) => /Voting closed/.test(m.text ?? ''));
      expect(closed).toHaveLength(1);
      expect(closed[0]!.text).toContain(`A better: ${tally('a')} · B better: ${tally('b')} · Tie: ${tally('t')} · Both bad: ${tally('x')}`);
      if (!closedAfterOrphan(String(r.token))) expect(closed[0]!.message_id).toBe(latestBallot.get(String(r.token))!.message_id);
    }
    const errors = procs.flatMap((p) => p.logs).filter((l) => Number(l.level) >= 50);
    if (errors.length) console.info(`[${plan.label}] error lines:`, [...new Set(errors.map((l) => `${String(l.msg)} ${String((l.err as { message?: string } | undefined)?.message ?? '')}`))]);
    const sorted = [...acks].sort((a, b) => a - b);
    console.info(
      `[${plan.label}] ${ran.length} battles ran (${procs.flatMap((p) => p.logs).filter((l) => l.msg === 'battle of a process that is gone resumed here').length} resumed after a kill), ${failed.length} failed (chat told: ${[...new Set(failed.map((r) => String(r.failure)))].join('; ')}); ${plan.votes} votes stored once; delivery to 200 p50 ${sorted[Math.floor(sorted.length / 2)]} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)]} ms; ${elapsed()}`,
    );
  } finally {
    await stopAll(procs);
    await tg.stop();
  }
}

describe.skipIf(!pgUrl || !redisUrl)('chaos: three processes on PostgreSQL + Redis, a random one SIGKILLed five times', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pnyx-chaos-pg-'));
  const schema = `pnyx_chaos_${randomBytes(5).toString('hex')}`;
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await client.end();
  }, 30_000);

  it('answers and stores every vote once, runs or fails every prompt, doubles no post', async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    await client.end();
    const url = new URL(pgUrl!);
    url.searchParams.set('schema', schema);
    await runChaos({
      label: 'postgresql x3',
      processes: 3,
      kills: 5,
      groups: 10,
      groupPrompts: 38,
      privatePrompts: 12,
      votes: 1_000,
      // Its own keys and queue: other tests (and other runs) on the same Redis must not take its jobs or its lines.
      env: { DATABASE_URL: url.toString(), REDIS_URL: redisUrl!, REDIS_PREFIX: schema },
      dir,
      query: async (sql) => {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        try {
          return (await c.query(sql((name) => `${quoteIdent(schema)}.${quoteIdent(name)}`))).rows;
        } finally {
          await c.end();
        }
      },
    });
  }, 300_000);
});

describe('chaos: one process on SQLite, SIGKILLed and restarted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pnyx-chaos-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers and stores every vote once, runs or fails every prompt, doubles no post', async () => {
    const file = join(dir, 'pnyx.db');
    await runChaos({
      label: 'sqlite x1',
      processes: 1,
      kills: 3,
      groups: 6,
      groupPrompts: 18,
      privatePrompts: 6,
      votes: 400,
      env: { DATABASE_URL: `file:${file}` },
      dir,
      query: async (sql) => {
        const db = new Database(file, { readonly: true });
        try {
          return db.prepare(sql((name) => `"${name}"`)).all() as Array<Record<string, unknown>>;
        } finally {
          db.close();
        }
      },
    });
  }, 300_000);
});

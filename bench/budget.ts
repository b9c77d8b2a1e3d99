// The budget benchmark (issue 10, item 2): 100 battles asked at once in one Telegram group, through the real grammY
// bot, against the fake Bot API enforcing a group's flood limit (429 + retry_after past it). Telegram allows about 20
// posts a minute in a group; the window is scaled (20 posts per `--window` ms, default 3 s: 20× faster than real time)
// so the run takes a minute, and times are also given at Telegram's real pace. What must hold: no 429 at all, every
// battle's ballot shown. Reported: time to ballot (p50/p95/max), posts per window, speed notices.
//
//   npm run bench:budget [-- --battles 100 --window 3000]
import { parseArgs } from 'node:util';
import { buttonsOf, newGroup, people, startTelegramHarness } from '../bots/telegram/testing';

const { values } = parseArgs({
  options: { battles: { type: 'string', default: '100' }, window: { type: 'string', default: '3000' }, json: { type: 'boolean', default: false } },
});
const battles = Number(values.battles);
const windowMs = Number(values.window);
const REAL_WINDOW_MS = 60_000;
const GROUP_POSTS = 20;
const scale = REAL_WINDOW_MS / windowMs;

const budget = { windowMs, group: GROUP_POSTS, private: 60 };
// Calls in one chat are spaced by a second at Telegram's pace: scaled with the window.
const h = await startTelegramHarness({ tokensPerSecond: 400, budget, minEditIntervalMs: Math.max(1, Math.round(1000 / scale)), perUserPerMinute: 1000 });
h.tg.limitGroupSends(GROUP_POSTS, windowMs);
const group = newGroup();
const askers = Object.values(people);
const isBallot = (m: { reply_markup?: { inline_keyboard: Array<Array<{ callback_data?: string }>> } }) =>
  buttonsOf(m as never).some((b) => b.callback_data?.startsWith('v:'));

const t0 = Date.now();
for (let i = 0; i < battles; i++) h.tg.userWrites(group, askers[i % askers.length]!, `/arena Question ${i + 1}: why is the sky blue at noon?`);
const seen = new Set<number>();
const ballotAt: number[] = [];
const deadline = t0 + Math.max(120_000, battles * 3 * windowMs);
while (ballotAt.length < battles && Date.now() < deadline) {
  for (const m of h.tg.botMessages(group.id)) {
    if (!seen.has(m.message_id) && isBallot(m)) {
      seen.add(m.message_id);
      ballotAt.push(Date.now() - t0);
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 25));
}
const elapsed = Date.now() - t0;
const sends = h.tg.calls.filter((c) => (c.method === 'sendMessage' || c.method === 'sendPhoto') && c.payload.chat_id === group.id && c.status !== 429).map((c) => c.at);
const busiestWindow = Math.max(...sends.map((at) => sends.filter((t) => t >= at && t < at + windowMs).length));
const notices = h.tg.botMessages(group.id).filter((m) => /Your battle is in line|going a bit fast/.test(m.text ?? '')).length;
const errors = h.logs.filter((l) => l.level >= 50).length;
await h.close();

const sorted = [...ballotAt].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const result = {
  battles,
  window: `${GROUP_POSTS} posts / ${windowMs} ms (Telegram: ${GROUP_POSTS} / 60 s, ×${scale})`,
  ballotsShown: ballotAt.length,
  tooManyRequests: h.tg.tooManyRequests,
  errorLogLines: errors,
  postsInBusiestWindow: busiestWindow,
  speedNotices: notices,
  timeToBallotMs: { p50: pct(50), p95: pct(95), max: sorted.at(-1) ?? NaN },
  atTelegramPaceMin: { p50: (pct(50) * scale) / 60_000, p95: (pct(95) * scale) / 60_000 },
  elapsedMs: elapsed,
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(`${battles} battles asked at once in one group; budget ${result.window}`);
  console.log(`ballots shown     ${result.ballotsShown} / ${battles}`);
  console.log(`429s from Telegram ${result.tooManyRequests}   error log lines ${errors}`);
  console.log(`busiest window    ${busiestWindow} posts (limit ${GROUP_POSTS})   notices in the group ${notices}`);
  console.log(`time to ballot    p50 ${(pct(50) / 1000).toFixed(1)} s   p95 ${(pct(95) / 1000).toFixed(1)} s   max ${((sorted.at(-1) ?? 0) / 1000).toFixed(1)} s`);
  console.log(`at Telegram's pace p50 ${result.atTelegramPaceMin.p50.toFixed(1)} min   p95 ${result.atTelegramPaceMin.p95.toFixed(1)} min`);
}
process.exitCode = ballotAt.length === battles && h.tg.tooManyRequests === 0 ? 0 : 1;

// The status page as plain text: one label column, one line per figure, lists indented under their label.
import type { DatabaseStatus } from './database';
import type { Distribution, ProcessStatus } from './metrics';

const LABEL = 17;
const n = (value: number) => Math.round(value).toLocaleString('en-US');
const usd = (value: number) => `$${value.toFixed(value < 10 ? 4 : 2)}`;

function seconds(value: number): string {
  if (value < 1) return `${Math.round(value * 1000)} ms`;
  if (value < 10) return `${value.toFixed(1)} s`;
  return `${Math.round(value)} s`;
}

function duration(totalSeconds: number): string {
  const d = Math.floor(totalSeconds / 86_400);
  const h = Math.floor((totalSeconds % 86_400) / 3_600);
  const m = Math.floor((totalSeconds % 3_600) / 60);
  if (d) return `${d} d ${h} h`;
  if (h) return `${h} h ${m} min`;
  return m ? `${m} min` : `${totalSeconds} s`;
}

/** `label   first line` then further lines aligned under the first. */
function block(label: string, lines: string[]): string[] {
  const [first = '', ...rest] = lines;
  return [`${label.padEnd(LABEL)}${first}`, ...rest.map((line) => `${' '.repeat(LABEL)}${line}`)];
}

function dist(d: Distribution, unit: string): string {
  if (!d.count || d.p50 === undefined) return 'none yet';
  return `p50 ${seconds(d.p50)} · p95 ${seconds(d.p95 ?? d.p50)} (${n(d.count)} ${unit})`;
}

function parts(counts: Record<string, number>, order: string[]): string {
  const keys = [...order.filter((k) => counts[k]), ...Object.keys(counts).filter((k) => !order.includes(k) && counts[k])];
  return keys.map((k) => `${n(counts[k]!)} ${k}`).join(' · ');
}

function spendLines(rows: Array<{ chat: string; chatName?: string; model: string; usd: number }>): string[] {
  if (!rows.length) return ['none recorded'];
  const total = rows.reduce((sum, r) => sum + r.usd, 0);
  return [`${usd(total)} in all`, ...[...rows].sort((x, y) => y.usd - x.usd).map((r) => `${usd(r.usd).padStart(10)}  ${r.chatName ?? r.chat} · ${r.model}`)];
}

export function renderProcess(s: ProcessStatus): string {
  const head = [`Pnyx process ${s.url}`];
  if (s.uptimeSeconds !== undefined) head.push(`up ${duration(s.uptimeSeconds)}`);
  if (s.residentMemoryBytes !== undefined) head.push(`${Math.round(s.residentMemoryBytes / 1_048_576)} MB`);
  const finished = parts(s.battles.finished, ['closed', 'failed', 'interrupted']);
  const errors = s.providerErrors.filter((e) => e.count > 0).sort((x, y) => y.count - x.count);
  const limited = Object.entries(s.platformRateLimited).filter(([, c]) => c > 0);
  const queues = new Map<string, string[]>();
  for (const q of s.jobQueues) queues.set(q.queue, [...(queues.get(q.queue) ?? []), `${n(q.count)} ${q.state}`]);
  const lines = [
    head.join(' · '),
    '',
    ...block('Ready', s.ready ? ['yes'] : ['NO', ...s.notReady.map((c) => `${c.check}: ${c.reason}`)]),
    ...block('Battles', [`${n(s.battles.started)} started${finished ? ` · ${finished}` : ''}`]),
    ...block('Votes', [n(s.votes)]),
    ...block('Time to ballot', [dist(s.timeToBallotSeconds, 'ballots')]),
    ...block('First token', [dist(s.firstTokenSeconds, 'replies')]),
    ...block('Provider errors', errors.length ? errors.map((e) => `${n(e.count).padStart(5)} ${e.kind.padEnd(14)} ${e.model} (${e.provider})`) : ['none']),
    ...block('Platform 429s', limited.length ? [limited.map(([platform, c]) => `${platform} ${n(c)}`).join(' · ')] : ['none']),
    ...block('Inbox', [s.inboxDepth === undefined ? 'not reported' : `${n(s.inboxDepth)} waiting`]),
    ...block('Job queues', queues.size ? [...queues].map(([queue, states]) => `${queue}: ${states.join(', ')}`) : ['none']),
    ...block('Spend today', s.spendToday.length ? spendLines(s.spendToday) : spendLines(s.spendSinceStart).map((l, i) => (i === 0 && s.spendSinceStart.length ? `${l} (since start)` : l))),
    '',
    'Counts are since this process started. With several processes, ask each one, or sum them in Prometheus.',
  ];
  return `${lines.join('\n')}\n`;
}

export function renderDatabase(s: DatabaseStatus): string {
  const total = Object.values(s.battlesToday).reduce((sum, c) => sum + c, 0);
  const tokens = s.tokensToday.map((t) => `${t.model}: ${n(t.replies)} replies · ${n(t.tokensIn)} in · ${n(t.tokensOut)} out`);
  const lines = [
    `Pnyx database ${s.database} · today since ${s.since.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    ...block('Battles today', [total ? `${n(total)} (${parts(s.battlesToday, ['closed', 'open', 'streaming', 'failed'])})` : '0']),
    ...block('Votes today', [n(s.votesToday)]),
    ...block('Open now', [`${n(s.openBattles.open)} open for votes · ${n(s.openBattles.streaming)} streaming`]),
    ...block('Tokens today', tokens.length ? tokens : ['none']),
    ...block('Spend today', s.spendToday ? spendLines(s.spendToday) : ['not recorded by this database (no cost column yet)']),
    ...block('Inbox', [s.inboxDepth === undefined ? 'no inbox table in this database' : `${n(s.inboxDepth)} waiting`]),
    '',
    'From the database: no process was asked. For a running process: npm run status -- --url http://HOST:PORT',
  ];
  return `${lines.join('\n')}\n`;
}

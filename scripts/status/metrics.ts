// `npm run status --url`: what a running process reports about itself, read from its /metrics and /readyz and
// summarised (counters since it started, quantiles from its histograms).
import { z } from 'zod';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus' text format (what prom-client writes): comments skipped, label values unescaped. */
export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]!] = pair[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    const value = match[3] === '+Inf' ? Infinity : match[3] === '-Inf' ? -Infinity : Number(match[3]);
    samples.push({ name: match[1]!, labels, value });
  }
  return samples;
}

/** A quantile estimated from cumulative histogram buckets as Prometheus' histogram_quantile does (linear inside a bucket). */
export function histogramQuantile(q: number, buckets: Array<{ le: number; count: number }>): number | undefined {
  const sorted = [...buckets].sort((x, y) => x.le - y.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total === 0) return undefined;
  const rank = q * total;
  let lowerLe = 0;
  let lowerCount = 0;
  for (const bucket of sorted) {
    if (bucket.count >= rank) {
      // Past the last finite bucket the best answer is that bucket's bound.
      if (bucket.le === Infinity) return lowerLe;
      const inBucket = bucket.count - lowerCount;
      return inBucket === 0 ? bucket.le : lowerLe + (bucket.le - lowerLe) * ((rank - lowerCount) / inBucket);
    }
    lowerLe = bucket.le;
    lowerCount = bucket.count;
  }
  return lowerLe;
}

export interface Distribution {
  count: number;
  p50?: number;
  p95?: number;
}

export interface ProcessStatus {
  source: 'process';
  url: string;
  ready: boolean;
  /** What is not ready (empty when ready). */
  notReady: Array<{ check: string; reason: string }>;
  uptimeSeconds?: number;
  residentMemoryBytes?: number;
  battles: { started: number; finished: Record<string, number> };
  votes: number;
  timeToBallotSeconds: Distribution;
  firstTokenSeconds: Distribution;
  providerErrors: Array<{ provider: string; model: string; kind: string; count: number }>;
  platformRateLimited: Record<string, number>;
  inboxDepth?: number;
  jobQueues: Array<{ queue: string; state: string; count: number }>;
  spendToday: Array<{ chat: string; model: string; usd: number }>;
  /** Spent by this process since it started (counters). */
  spendSinceStart: Array<{ chat: string; model: string; usd: number }>;
}

const ReadyzSchema = z.object({
  ready: z.boolean(),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), reason: z.string().optional() })),
});

const sum = (samples: Sample[], name: string) => samples.filter((s) => s.name === name).reduce((total, s) => total + s.value, 0);

function distribution(samples: Sample[], name: string): Distribution {
  // Histograms may carry labels (first token per model): add the buckets of every series with the same bound.
  const byLe = new Map<number, number>();
  for (const s of samples) {
    if (s.name !== `${name}_bucket` || s.labels.le === undefined) continue;
    const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
    byLe.set(le, (byLe.get(le) ?? 0) + s.value);
  }
  const buckets = [...byLe].map(([le, count]) => ({ le, count }));
  const count = sum(samples, `${name}_count`);
  const p50 = histogramQuantile(0.5, buckets);
  const p95 = histogramQuantile(0.95, buckets);
  return { count, ...(p50 !== undefined ? { p50 } : {}), ...(p95 !== undefined ? { p95 } : {}) };
}

/** Summarises a scrape (and the /readyz answer) into the status page's numbers. */
export function summariseMetrics(url: string, text: string, readyz: unknown): ProcessStatus {
  const samples = parsePrometheus(text);
  const of = (name: string) => samples.filter((s) => s.name === name);
  const ready = ReadyzSchema.safeParse(readyz);
  const finished: Record<string, number> = {};
  for (const s of of('pnyx_battles_finished_total')) finished[s.labels.outcome ?? '?'] = (finished[s.labels.outcome ?? '?'] ?? 0) + s.value;
  const rateLimited: Record<string, number> = {};
  for (const s of of('pnyx_platform_rate_limited_total')) rateLimited[s.labels.platform ?? '?'] = (rateLimited[s.labels.platform ?? '?'] ?? 0) + s.value;
  const uptime = of('process_start_time_seconds')[0];
  const memory = of('process_resident_memory_bytes')[0];
  const inbox = of('pnyx_inbox_depth')[0];
  const spend = (name: string) => of(name).map((s) => ({ chat: s.labels.chat ?? '?', model: s.labels.model ?? '?', usd: s.value }));
  return {
    source: 'process',
    url,
    ready: ready.success ? ready.data.ready : false,
    notReady: ready.success
      ? Object.entries(ready.data.checks)
          .filter(([, c]) => !c.ok)
          .map(([check, c]) => ({ check, reason: c.reason ?? 'not ready' }))
      : [{ check: 'readyz', reason: 'no readable answer' }],
    ...(uptime ? { uptimeSeconds: Math.max(0, Math.round(Date.now() / 1000 - uptime.value)) } : {}),
    ...(memory ? { residentMemoryBytes: memory.value } : {}),
    battles: { started: sum(samples, 'pnyx_battles_started_total'), finished },
    votes: sum(samples, 'pnyx_votes_total'),
    timeToBallotSeconds: distribution(samples, 'pnyx_time_to_ballot_seconds'),
    firstTokenSeconds: distribution(samples, 'pnyx_first_token_seconds'),
    providerErrors: of('pnyx_provider_errors_total').map((s) => ({
      provider: s.labels.provider ?? '?',
      model: s.labels.model ?? '?',
      kind: s.labels.kind ?? '?',
      count: s.value,
    })),
    platformRateLimited: rateLimited,
    ...(inbox ? { inboxDepth: inbox.value } : {}),
    jobQueues: of('pnyx_job_queue_depth').map((s) => ({ queue: s.labels.queue ?? '?', state: s.labels.state ?? '?', count: s.value })),
    spendToday: spend('pnyx_spend_today_usd'),
    spendSinceStart: spend('pnyx_spend_usd_total'),
  };
}

/** Reads a running process: `url` is its base address (http://host:port) or its /metrics address. */
export async function readProcess(url: string, timeoutMs = 5_000): Promise<ProcessStatus> {
  const base = new URL(url.replace(/\/metrics\/?$/, '/'));
  const get = async (path: string) => {
    const response = await fetch(new URL(path, base), { signal: AbortSignal.timeout(timeoutMs) });
    return response;
  };
  const metrics = await get('metrics');
  if (!metrics.ok) throw new Error(`${new URL('metrics', base).href} answered ${metrics.status}: is this a Pnyx process (WEB_HOST:WEB_PORT)?`);
  const text = await metrics.text();
  // /readyz answers 503 with its report when not ready: both are readable.
  const readyz = await get('readyz')
    .then((r) => r.json() as Promise<unknown>)
    .catch(() => undefined);
  return summariseMetrics(base.href.replace(/\/$/, ''), text, readyz);
}

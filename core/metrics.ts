// What an operator graphs: one Prometheus registry for the process, the metric definitions, and one small helper per
// thing that happens, so the engine, the providers and the adapters each add one line where the event has its home.
// The platform is a label value passed in by the adapter; nothing here names one.
//
// Counters count events in this process; across replicas Prometheus sums them (`sum(rate(...))`). The gauges read
// from the database at scrape time (inbox depth, spend today) report the same shared number in every replica: take
// `max()` of them, not `sum()`.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GenerateResult, ProviderErrorKind } from './providers/types';

export type { ProviderErrorKind } from './providers/types';

/** How a battle ended: closed by the reveal policy, failed (a model, the process stopping), or reaped after a crash. */
export type BattleOutcome = 'closed' | 'failed' | 'interrupted';

export interface JobQueueDepth {
  queue: string;
  /** BullMQ's states: waiting, active, delayed, failed… */
  state: string;
  count: number;
}

export interface SpendRow {
  chat: string;
  model: string;
  usd: number;
}

/** Numbers owned elsewhere and read at each scrape (and by `npm run status --url`). */
export interface MetricSources {
  /** Deliveries claimed but not yet handled. */
  inboxDepth?: () => number | Promise<number>;
  jobQueueDepth?: () => JobQueueDepth[] | Promise<JobQueueDepth[]>;
  /** Spend since the start of today (the caps' day), per chat and model. */
  spendToday?: () => SpendRow[] | Promise<SpendRow[]>;
}

// First tokens come in a fraction of a second from a local model and after tens of seconds from a loaded API; a
// ballot waits for both whole replies, up to the total limit (180 s by default).
const FIRST_TOKEN_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60];
const BALLOT_BUCKETS = [1, 2, 5, 10, 20, 30, 60, 90, 120, 180, 300];

export function createMetrics(registry = new Registry()) {
  const sources: MetricSources = {};
  const sourceErrors = new Counter({
    name: 'pnyx_metrics_source_errors_total',
    help: 'Scrapes where a number owned elsewhere (inbox, job queues, spend) could not be read',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  /** Runs a source at scrape time; a failing one leaves its gauge empty and is counted, never fails the scrape. */
  const read = async <T>(name: keyof MetricSources, source: (() => T | Promise<T>) | undefined): Promise<T | undefined> => {
    if (!source) return undefined;
    try {
      return await source();
    } catch {
      sourceErrors.inc({ source: name });
      return undefined;
    }
  };

  const battlesStarted = new Counter({ name: 'pnyx_battles_started_total', help: 'Battles started', registers: [registry] });
  const battlesFinished = new Counter({
    name: 'pnyx_battles_finished_total',
    help: 'Battles that ended, by outcome (closed, failed, interrupted)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const battlesResumed = new Counter({
    name: 'pnyx_battles_resumed_total',
    help: 'Battles whose generation another process took over after the generating one died',
    registers: [registry],
  });
  const votes = new Counter({ name: 'pnyx_votes_total', help: 'Votes counted (duplicates and refusals excluded)', registers: [registry] });
  const firstToken = new Histogram({
    name: 'pnyx_first_token_seconds',
    help: 'Time from a model request to its first piece of text',
    labelNames: ['model'] as const,
    buckets: FIRST_TOKEN_BUCKETS,
    registers: [registry],
  });
  const timeToBallot = new Histogram({
    name: 'pnyx_time_to_ballot_seconds',
    help: 'Time from a prompt to its ballot being shown (first turn of a battle)',
    buckets: BALLOT_BUCKETS,
    registers: [registry],
  });
  const providerErrors = new Counter({
    name: 'pnyx_provider_errors_total',
    help: 'Model calls that failed, by provider, model and kind (timeout, rate_limited, service_error, unreachable, refused, rejected, malformed, internal)',
    labelNames: ['provider', 'model', 'kind'] as const,
    registers: [registry],
  });
  const platformRateLimited = new Counter({
    name: 'pnyx_platform_rate_limited_total',
    help: 'Answers of 429 (too many requests) from a chat platform, retried or not',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const spend = new Counter({
    name: 'pnyx_spend_usd_total',
    help: 'Money spent on model calls by this process, per chat and model (USD)',
    labelNames: ['chat', 'model'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'pnyx_spend_today_usd',
    help: 'Spend since the start of today per chat and model, from the database (same in every process: use max)',
    labelNames: ['chat', 'model'] as const,
    registers: [registry],
    async collect() {
      const rows = await read('spendToday', sources.spendToday);
      this.reset();
      for (const row of rows ?? []) this.set({ chat: row.chat, model: row.model }, row.usd);
    },
  });
  // Without labels a gauge always shows a value, so this one exists only while someone reports it: a scrape then
  // says "not reported" rather than a misleading 0.
  const inboxGauge = () =>
    new Gauge({
      name: 'pnyx_inbox_depth',
      help: 'Platform deliveries claimed but not yet handled (same in every process: use max)',
      registers: [registry],
      async collect() {
        const depth = await read('inboxDepth', sources.inboxDepth);
        this.reset();
        if (depth !== undefined) this.set(depth);
      },
    });
  new Gauge({
    name: 'pnyx_job_queue_depth',
    help: 'Jobs in the shared queues by queue and state (same in every process: use max)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const rows = await read('jobQueueDepth', sources.jobQueueDepth);
      this.reset();
      for (const row of rows ?? []) this.set({ queue: row.queue, state: row.state }, row.count);
    },
  });

  let processMetrics = false;

  return {
    registry,
    battleStarted: () => battlesStarted.inc(),
    battleFinished: (outcome: BattleOutcome) => battlesFinished.inc({ outcome }),
    battleResumed: () => battlesResumed.inc(),
    voteCounted: () => votes.inc(),
    timeToBallot: (seconds: number) => timeToBallot.observe(seconds),
    /** One finished model call: its first-token time, and its failure by kind (a cancelled call is no failure). */
    generation(provider: string, model: string, result: GenerateResult) {
      if (result.ttftMs !== undefined) firstToken.observe({ model }, result.ttftMs / 1000);
      const kind = errorKindOf(result);
      if (kind) providerErrors.inc({ provider, model, kind });
    },
    platformRateLimited: (platform: string) => platformRateLimited.inc({ platform }),
    addSpend: (chat: string, model: string, usd: number) => spend.inc({ chat, model }, usd),
    /** Plugs in a number owned elsewhere; replaces any earlier source of the same name. */
    setSource<K extends keyof MetricSources>(name: K, source: MetricSources[K] | undefined) {
      if (source) sources[name] = source;
      else delete sources[name];
      const registered = registry.getSingleMetric('pnyx_inbox_depth') !== undefined;
      if (sources.inboxDepth && !registered) inboxGauge();
      if (!sources.inboxDepth && registered) registry.removeSingleMetric('pnyx_inbox_depth');
    },
    /** Node's own metrics (CPU, memory, event-loop lag, handles, GC), once per registry: the HTTP server turns them on. */
    collectProcessMetrics() {
      if (processMetrics) return;
      processMetrics = true;
      collectDefaultMetrics({ register: registry });
    },
    /** The text Prometheus scrapes. */
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The failure kind of a result; undefined when it did not fail (a cancellation is not a provider failure). */
export function errorKindOf(result: Pick<GenerateResult, 'finishReason' | 'errorKind'>): ProviderErrorKind | undefined {
  if (result.finishReason === 'timeout') return 'timeout';
  if (result.finishReason !== 'error') return undefined;
  return result.errorKind ?? 'internal';
}

/** The process's metrics: the engine, the providers and the adapters record here, `/metrics` serves it. */
export const metrics = createMetrics();

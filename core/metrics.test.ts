import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../test/fakes/openai-server';
import { ConfigSchema } from './config/schema';
import { createMetrics, errorKindOf } from './metrics';
import { createModelRegistry } from './providers/registry';

/** The value of one sample in Prometheus text, e.g. sample(text, 'pnyx_votes_total'). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = line.match(/^([a-z_:]+)(?:\{([^}]*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const have = match[2]?.split(',') ?? [];
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(match[3]);
  }
  return undefined;
}

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(async () => {
  await server.close();
});

describe('metrics', () => {
  it('counts battles by outcome, votes, 429s per platform and spend per chat and model', async () => {
    const m = createMetrics();
    m.battleStarted();
    m.battleStarted();
    m.battleFinished('closed');
    m.battleFinished('failed');
    m.battleFinished('closed');
    m.voteCounted();
    m.platformRateLimited('chat-a');
    m.platformRateLimited('chat-a');
    m.platformRateLimited('chat-b');
    m.addSpend('c1', 'gpt', 0.25);
    m.addSpend('c1', 'gpt', 0.5);
    m.timeToBallot(12);
    const text = await m.text();
    expect(sample(text, 'pnyx_battles_started_total')).toBe(2);
    expect(sample(text, 'pnyx_battles_finished_total', { outcome: 'closed' })).toBe(2);
    expect(sample(text, 'pnyx_battles_finished_total', { outcome: 'failed' })).toBe(1);
    expect(sample(text, 'pnyx_votes_total')).toBe(1);
    expect(sample(text, 'pnyx_platform_rate_limited_total', { platform: 'chat-a' })).toBe(2);
    expect(sample(text, 'pnyx_platform_rate_limited_total', { platform: 'chat-b' })).toBe(1);
    expect(sample(text, 'pnyx_spend_usd_total', { chat: 'c1', model: 'gpt' })).toBe(0.75);
    expect(sample(text, 'pnyx_time_to_ballot_seconds_bucket', { le: '10' })).toBe(0);
    expect(sample(text, 'pnyx_time_to_ballot_seconds_bucket', { le: '20' })).toBe(1);
    expect(m.contentType).toMatch(/^text\/plain/);
  });

  it('reads numbers owned elsewhere at each scrape, and survives one that fails', async () => {
    const m = createMetrics();
    let depth = 3;
    m.setSource('inboxDepth', () => depth);
    m.setSource('jobQueueDepth', async () => [
      { queue: 'generate', state: 'waiting', count: 4 },
      { queue: 'generate', state: 'active', count: 1 },
    ]);
    m.setSource('spendToday', () => {
      throw new Error('no spend table yet');
    });
    let text = await m.text();
    expect(sample(text, 'pnyx_inbox_depth')).toBe(3);
    expect(sample(text, 'pnyx_job_queue_depth', { queue: 'generate', state: 'waiting' })).toBe(4);
    expect(sample(text, 'pnyx_job_queue_depth', { queue: 'generate', state: 'active' })).toBe(1);
    depth = 0;
    m.setSource('jobQueueDepth', undefined);
    expect(sample(await createMetrics().text(), 'pnyx_inbox_depth')).toBeUndefined(); // nobody reports it: absent, not 0
    m.setSource('spendToday', () => [{ chat: 'c9', model: 'mistral', usd: 1.5 }]);
    text = await m.text();
    expect(sample(text, 'pnyx_inbox_depth')).toBe(0);
    expect(sample(text, 'pnyx_job_queue_depth', { queue: 'generate', state: 'waiting' })).toBeUndefined();
    expect(sample(text, 'pnyx_spend_today_usd', { chat: 'c9', model: 'mistral' })).toBe(1.5);
    // Counted while the first scrape was being written, so it shows from the next one.
    expect(sample(text, 'pnyx_metrics_source_errors_total', { source: 'spendToday' })).toBe(1);
  });

  it('turns on Node process metrics once', async () => {
    const m = createMetrics();
    m.collectProcessMetrics();
    m.collectProcessMetrics(); // twice would throw "metric already registered"
    const text = await m.text();
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('classifies results: a timeout is a timeout, a cancellation no failure, an unlabelled error internal', () => {
    expect(errorKindOf({ finishReason: 'timeout' })).toBe('timeout');
    expect(errorKindOf({ finishReason: 'aborted' })).toBeUndefined();
    expect(errorKindOf({ finishReason: 'stop' })).toBeUndefined();
    expect(errorKindOf({ finishReason: 'error', errorKind: 'rate_limited' })).toBe('rate_limited');
    expect(errorKindOf({ finishReason: 'error' })).toBe('internal');
  });

  it('records each model call made through the registry: first-token time, and failures by provider, model and kind', async () => {
    const m = createMetrics();
    server.script('down', { fail: { status: 503, message: 'overloaded' } });
    server.script('slow-limit', { fail: { status: 429, retryAfter: '0' } });
    const config = ConfigSchema.parse({
      providers: { demo: { type: 'demo', tokensPerSecond: 0 }, api: { type: 'openai-compatible', baseURL: server.url, maxRetries: 1, retryBaseMs: 10 } },
      models: [
        { id: 'down', provider: 'api' },
        { id: 'slow-limit', provider: 'api' },
        { id: 'echo', provider: 'demo', model: 'outline' },
      ],
    });
    const registry = createModelRegistry(config, {}, undefined, { metrics: m });
    const ask = { messages: [{ role: 'user' as const, content: 'Plan a picnic' }] };
    await registry.client('down').generate(ask);
    await registry.client('slow-limit').generate(ask);
    const ok = await registry.client('echo').generate({ ...ask, seed: 1 });
    expect(ok.finishReason).toBe('stop');
    await registry.close();
    const text = await m.text();
    // One failure per call, not per attempt (each was tried twice).
    expect(sample(text, 'pnyx_provider_errors_total', { provider: 'api', model: 'down', kind: 'service_error' })).toBe(1);
    expect(sample(text, 'pnyx_provider_errors_total', { provider: 'api', model: 'slow-limit', kind: 'rate_limited' })).toBe(1);
    expect(sample(text, 'pnyx_first_token_seconds_count', { model: 'echo' })).toBe(1);
    expect(sample(text, 'pnyx_provider_errors_total', { provider: 'demo', model: 'echo', kind: 'internal' })).toBeUndefined();
  });
});

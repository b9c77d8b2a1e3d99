import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../core/metrics';
import { histogramQuantile, parsePrometheus, summariseMetrics } from './metrics';

describe('reading a process’s metrics', () => {
  it('parses the text format, escaped label values included', () => {
    const samples = parsePrometheus('# HELP x y\n# TYPE x counter\nx{a="q\\"uote",b="2"} 3\ny 4.5\nz{le="+Inf"} 7\n');
    expect(samples).toEqual([
      { name: 'x', labels: { a: 'q"uote', b: '2' }, value: 3 },
      { name: 'y', labels: {}, value: 4.5 },
      { name: 'z', labels: { le: '+Inf' }, value: 7 },
    ]);
  });

  it('estimates quantiles from buckets as Prometheus does', () => {
    const buckets = [
      { le: 1, count: 0 },
      { le: 2, count: 50 },
      { le: 4, count: 100 },
      { le: Infinity, count: 100 },
    ];
    expect(histogramQuantile(0.5, buckets)).toBe(2);
    expect(histogramQuantile(0.75, buckets)).toBe(3);
    expect(histogramQuantile(0.25, buckets)).toBe(1.5);
    expect(histogramQuantile(0.5, [{ le: Infinity, count: 0 }])).toBeUndefined();
    // Beyond the last finite bound: that bound.
    expect(histogramQuantile(0.99, [{ le: 1, count: 1 }, { le: Infinity, count: 10 }])).toBe(1);
  });

  it('summarises what the process recorded, per-model histograms added together', async () => {
    const m = createMetrics();
    m.battleStarted();
    m.battleStarted();
    m.battleStarted();
    m.battleFinished('closed');
    m.battleFinished('interrupted');
    m.voteCounted();
    m.voteCounted();
    for (const s of [3, 4, 6, 8]) m.timeToBallot(s);
    m.generation('api', 'm1', { text: 'x', finishReason: 'stop', latencyMs: 10, ttftMs: 300 });
    m.generation('api', 'm2', { text: 'x', finishReason: 'stop', latencyMs: 10, ttftMs: 700 });
    m.generation('api', 'm2', { text: '', finishReason: 'error', errorKind: 'rate_limited', latencyMs: 10 });
    m.platformRateLimited('chat-x');
    m.setSource('inboxDepth', () => 2);
    m.setSource('spendToday', () => [{ chat: 'c1', model: 'm2', usd: 0.12 }]);
    const status = summariseMetrics('http://x', await m.text(), { ready: false, checks: { process: { ok: true }, redis: { ok: false, reason: 'not connected' } }, notReady: ['redis'] });
    expect(status).toMatchObject({
      ready: false,
      notReady: [{ check: 'redis', reason: 'not connected' }],
      battles: { started: 3, finished: { closed: 1, interrupted: 1 } },
      votes: 2,
      providerErrors: [{ provider: 'api', model: 'm2', kind: 'rate_limited', count: 1 }],
      platformRateLimited: { 'chat-x': 1 },
      inboxDepth: 2,
      spendToday: [{ chat: 'c1', model: 'm2', usd: 0.12 }],
      jobQueues: [],
    });
    expect(status.timeToBallotSeconds.count).toBe(4);
    expect(status.timeToBallotSeconds.p50).toBeGreaterThanOrEqual(2);
    expect(status.timeToBallotSeconds.p50).toBeLessThanOrEqual(10);
    expect(status.firstTokenSeconds.count).toBe(2);
    expect(status.firstTokenSeconds.p50).toBeGreaterThan(0.25);
    expect(status.firstTokenSeconds.p50).toBeLessThanOrEqual(0.5);
  });

  it('says the readiness answer was unreadable rather than guessing', () => {
    expect(summariseMetrics('http://x', '', 'oops')).toMatchObject({ ready: false, notReady: [{ check: 'readyz', reason: 'no readable answer' }] });
  });
});

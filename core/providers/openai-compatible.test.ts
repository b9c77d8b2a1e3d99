import { getEventListeners } from 'node:events';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lineCapture } from '../../test/fakes/lines';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server';
import { ProviderSchema, ModelSchema } from '../config/schema';
import { createOpenAICompatibleClient, parseRetryAfter, type OpenAICompatibleProviderConfig } from './openai-compatible';

const KEY = 'sk-test-SECRET-0123456789abcdef';
let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

function memoryLogger() {
  const { lines, stream } = lineCapture();
  return { log: pino({ level: 'debug' }, stream), lines };
}

function client(modelName: string, overrides: Record<string, unknown> = {}, log?: pino.Logger) {
  const provider = ProviderSchema.parse({
    type: 'openai-compatible',
    baseURL: server.url,
    apiKeyEnv: 'FAKE_API_KEY',
    retryBaseMs: 50,
    timeouts: { firstTokenMs: 2000, chunkMs: 1000, totalMs: 10_000 },
    ...overrides,
  }) as OpenAICompatibleProviderConfig;
  const model = ModelSchema.parse({ id: modelName, provider: 'fake' });
  return createOpenAICompatibleClient({ id: modelName, providerName: 'fake', provider, model, env: { FAKE_API_KEY: KEY }, ...(log ? { log } : {}) });
}

const ask = [{ role: 'user' as const, content: 'Say hello to the group please' }];

describe('openai-compatible provider', () => {
  it('streams deltas in order and reports usage, ttft and latency', async () => {
    server.script('m-normal', { chunks: ['Hello', ', ', 'world', '!'], chunkDelayMs: 20, usage: { prompt_tokens: 7, completion_tokens: 4 } });
    const deltas: string[] = [];
    const result = await client('m-normal').generate({ messages: ask, onText: (d) => deltas.push(d) });
    expect(result.finishReason).toBe('stop');
    expect(deltas).toEqual(['Hello', ', ', 'world', '!']);
    expect(result.text).toBe('Hello, world!');
    expect(result.tokensIn).toBe(7);
    expect(result.tokensOut).toBe(4);
    expect(result.ttftMs).toBeGreaterThanOrEqual(0);
    expect(result.latencyMs).toBeGreaterThanOrEqual(60);
    const [req] = server.requestsFor('m-normal');
    expect(req?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('times out on a slow first token and names the limit', async () => {
    server.script('m-slow', { text: 'late reply', firstTokenDelayMs: 3000 });
    const result = await client('m-slow', { timeouts: { firstTokenMs: 300, chunkMs: 1000, totalMs: 10_000 } }).generate({ messages: ask });
    expect(result.finishReason).toBe('timeout');
    expect(result.error).toMatch(/first token/);
    expect(result.text).toBe('');
    expect(result.latencyMs).toBeLessThan(2000);
  });

  it('times out when the stream stalls mid-reply and keeps the partial text', async () => {
    server.script('m-stall', { chunks: ['one ', 'two ', 'three ', 'four'], stallAfterChunks: 2 });
    const result = await client('m-stall', { timeouts: { firstTokenMs: 2000, chunkMs: 300, totalMs: 10_000 } }).generate({ messages: ask });
    expect(result.finishReason).toBe('timeout');
    expect(result.error).toMatch(/between chunks/);
    expect(result.text).toBe('one two ');
  });

  it('enforces the total limit even while chunks keep coming', async () => {
    server.script('m-long', { text: 'word '.repeat(100), chunkDelayMs: 50 });
    const result = await client('m-long', { timeouts: { firstTokenMs: 2000, chunkMs: 1000, totalMs: 600 } }).generate({ messages: ask });
    expect(result.finishReason).toBe('timeout');
    expect(result.error).toMatch(/total/);
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.text.length).toBeLessThan('word '.repeat(100).length);
  });

  it('retries once after a 429, waiting the Retry-After seconds', async () => {
    server.script('m-429', { text: 'finally', fail: { status: 429, times: 1, retryAfter: '1' } });
    const result = await client('m-429').generate({ messages: ask });
    expect(result.finishReason).toBe('stop');
    expect(result.text).toBe('finally');
    const reqs = server.requestsFor('m-429');
    expect(reqs.map((r) => r.status)).toEqual([429, 200]);
    expect(reqs[1]!.atPerf - reqs[0]!.atPerf).toBeGreaterThanOrEqual(990);
  });

  it('calls a 429 that is not retried "rate limited"', async () => {
    server.script('m-429-always', { fail: { status: 429, retryAfter: '0' } });
    const result = await client('m-429-always', { maxRetries: 0 }).generate({ messages: ask });
    expect(result.finishReason).toBe('error');
    expect(result.errorKind).toBe('rate_limited');
  });

  it('honours Retry-After given as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, now)).toBe(3000);
    expect(parseRetryAfter({ 'Retry-After': '2' }, now)).toBe(2000);
    expect(parseRetryAfter({ 'retry-after-ms': '150' }, now)).toBe(150);
    expect(parseRetryAfter({ 'retry-after': 'soon' }, now)).toBeUndefined();
  });

  it('retries a 500 and then succeeds', async () => {
    server.script('m-500', { text: 'recovered', fail: { status: 500, times: 2 } });
    const result = await client('m-500', { maxRetries: 2 }).generate({ messages: ask });
    expect(result.finishReason).toBe('stop');
    expect(result.text).toBe('recovered');
    const reqs = server.requestsFor('m-500');
    expect(reqs.map((r) => r.status)).toEqual([500, 500, 200]);
    // Exponential backoff from retryBaseMs = 50: ~50 ms then ~100 ms.
    expect(reqs[2]!.atPerf - reqs[1]!.atPerf).toBeGreaterThanOrEqual(reqs[1]!.atPerf - reqs[0]!.atPerf - 5);
  });

  it('gives up after maxRetries when the provider keeps failing', async () => {
    server.script('m-down', { fail: { status: 503, message: 'overloaded' } });
    const result = await client('m-down', { maxRetries: 2 }).generate({ messages: ask });
    expect(result.finishReason).toBe('error');
    expect(result.error).toMatch(/HTTP 503/);
    expect(result.error).toMatch(/3 attempts/);
    expect(result.errorKind).toBe('service_error');
    expect(server.requestsFor('m-down')).toHaveLength(3);
  });

  it('does not retry a 400', async () => {
    server.script('m-400', { fail: { status: 400, message: 'bad request body' } });
    const result = await client('m-400').generate({ messages: ask });
    expect(result.finishReason).toBe('error');
    expect(result.error).toMatch(/HTTP 400.*bad request body/);
    expect(result.errorKind).toBe('rejected');
    expect(server.requestsFor('m-400')).toHaveLength(1);
  });

  it('reports malformed chunks clearly without crashing', async () => {
    server.script('m-bad', { chunks: ['good ', 'start ', 'then ', 'more'], malformedAfterChunks: 2 });
    const result = await client('m-bad').generate({ messages: ask });
    expect(result.finishReason).toBe('error');
    expect(result.error).toMatch(/malformed chunk/);
    expect(result.errorKind).toBe('malformed');
    expect(result.text.startsWith('good start ')).toBe(true);
  });

  it('reports an abrupt socket close with the partial text', async () => {
    server.script('m-cut', { chunks: ['half ', 'a ', 'reply ', 'here'], closeAfterChunks: 2, chunkDelayMs: 10 });
    const result = await client('m-cut').generate({ messages: ask });
    expect(result.finishReason).toBe('error');
    expect(result.error).toMatch(/connection closed/);
    expect(result.errorKind).toBe('unreachable');
    expect(result.text).toBe('half a ');
    expect(server.requestsFor('m-cut')).toHaveLength(1); // text had streamed: no retry
  });

  it('aborts through the signal', async () => {
    server.script('m-abort', { text: 'word '.repeat(50), chunkDelayMs: 50 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const pending = client('m-abort').generate({
      messages: ask,
      signal: controller.signal,
      onText: (d) => {
        deltas.push(d);
        if (deltas.length === 3) controller.abort();
      },
    });
    const result = await pending;
    expect(result.finishReason).toBe('aborted');
    expect(result.text).toBe('word word word ');
  });

  it('leaves no listener on the caller\'s signal, whatever the outcome (the arena shares one for its lifetime)', async () => {
    const shared = new AbortController();
    server.script('m-fine', { text: 'fine' });
    server.script('m-broken', { fail: { status: 500, message: 'down' } });
    server.script('m-silent', { text: 'late', firstTokenDelayMs: 3_000 });
    const results = await Promise.all([
      client('m-fine').generate({ messages: ask, signal: shared.signal }),
      client('m-broken', { maxRetries: 1 }).generate({ messages: ask, signal: shared.signal }),
      client('m-silent', { timeouts: { firstTokenMs: 100, chunkMs: 1000, totalMs: 10_000 } }).generate({ messages: ask, signal: shared.signal }),
      // Waits for a free slot behind the others, as generations do under load.
      client('m-fine', { maxConcurrency: 1 }).generate({ messages: ask, signal: shared.signal }),
    ]);
    expect(results.map((r) => r.finishReason)).toEqual(['stop', 'error', 'timeout', 'stop']);
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0);
  });

  it('never puts the API key in error text or logs', async () => {
    server.script('m-401', { fail: { status: 401, message: `Incorrect API key provided: ${KEY}` } });
    const { log, lines } = memoryLogger();
    const result = await client('m-401', {}, log).generate({ messages: ask });
    expect(result.finishReason).toBe('error');
    expect(result.error).toMatch(/API key was refused/);
    expect(result.error).not.toContain(KEY);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(KEY);

    server.script('m-500-key', { fail: { status: 500, message: `internal error for key ${KEY}` } });
    const retried = await client('m-500-key', { maxRetries: 1 }, log).generate({ messages: ask });
    expect(retried.error).not.toContain(KEY);
    expect(lines.join('\n')).not.toContain(KEY);
  });

  it('says which environment variable is missing', async () => {
    const provider = ProviderSchema.parse({ type: 'openai-compatible', baseURL: server.url, apiKeyEnv: 'MISSING_KEY' }) as OpenAICompatibleProviderConfig;
    const c = createOpenAICompatibleClient({ id: 'x', providerName: 'fake', provider, model: ModelSchema.parse({ id: 'x', provider: 'fake' }), env: {} });
    const result = await c.generate({ messages: ask });
    expect(result.finishReason).toBe('error');
    expect(result.error).toMatch(/MISSING_KEY/);
    expect(result.errorKind).toBe('refused');
    expect(await c.health?.()).toBe(false);
  });

  it('health() is true when /models answers and false when the server is gone', async () => {
    expect(await client('m-health').health?.()).toBe(true);
    const other = await startFakeOpenAIServer();
    const url = other.url;
    await other.close();
    const provider = ProviderSchema.parse({ type: 'openai-compatible', baseURL: url, retryBaseMs: 10 }) as OpenAICompatibleProviderConfig;
    const gone = createOpenAICompatibleClient({ id: 'g', providerName: 'gone', provider, model: ModelSchema.parse({ id: 'g', provider: 'gone' }), env: {} });
    expect(await gone.health?.()).toBe(false);
    const result = await gone.generate({ messages: ask });
    expect(result.finishReason).toBe('error');
    expect(result.error).toMatch(/could not reach the provider/);
  });

  it('limits concurrency per provider', async () => {
    server.script('m-conc', { text: 'ok', firstTokenDelayMs: 150 });
    const c = client('m-conc', { maxConcurrency: 1 });
    const started = performance.now();
    const results = await Promise.all([c.generate({ messages: ask }), c.generate({ messages: ask })]);
    expect(results.map((r) => r.finishReason)).toEqual(['stop', 'stop']);
    const reqs = server.requestsFor('m-conc');
    expect(reqs[1]!.atPerf - reqs[0]!.atPerf).toBeGreaterThanOrEqual(140);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('sends a non-streaming completion when asked (fake server)', async () => {
    server.script('m-plain', { text: 'plain answer' });
    const res = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm-plain', messages: ask }),
    });
    const body = (await res.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]?.message.content).toBe('plain answer');
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server';
import { ConfigSchema } from '../config/schema';
import { createModelRegistry, DEMO_MODELS_CONFIG } from './registry';

let server: FakeOpenAIServer;
let goneURL: string;

beforeAll(async () => {
  server = await startFakeOpenAIServer();
  const gone = await startFakeOpenAIServer();
  goneURL = gone.url;
  await gone.close();
});
afterAll(async () => {
  await server.close();
});

describe('model registry', () => {
  it('accepts a config with only the demo models and labels them as demos', async () => {
    const config = ConfigSchema.parse({ ...DEMO_MODELS_CONFIG });
    const registry = createModelRegistry(config, {});
    expect(registry.cards.map((c) => c.id)).toEqual(['demo-lexicon', 'demo-markov', 'demo-outline', 'demo-laconic']);
    for (const card of registry.cards) {
      expect(card.demo).toBe(true);
      expect(card.displayName).toMatch(/\(demo\)$/);
    }
    expect(await registry.healthy()).toEqual(new Set(registry.cards.map((c) => c.id)));
    const reply = await registry.client('demo-outline').generate({ messages: [{ role: 'user', content: 'Plan a picnic' }], seed: 1 });
    expect(reply.text).toMatch(/^## Plan a picnic/);
    expect(() => registry.client('nope')).toThrow(/unknown or disabled model "nope"/);
    await registry.close();
  });

  it('builds cards from the config, skips disabled models, and adds the demo label when missing', () => {
    const config = ConfigSchema.parse({
      providers: { ...DEMO_MODELS_CONFIG.providers, fake: { type: 'openai-compatible', baseURL: server.url } },
      models: [
        { id: 'echo', provider: 'demo', model: 'outline', displayName: 'Echo' },
        { id: 'real', provider: 'fake', model: 'gpt-fake', organisation: 'Fake Inc', totalParamsB: 7, weight: 2 },
        { id: 'off', provider: 'fake', enabled: false },
      ],
    });
    const registry = createModelRegistry(config, {});
    expect(registry.cards).toEqual([
      { id: 'echo', provider: 'demo', displayName: 'Echo (demo)', demo: true, weight: 1 },
      { id: 'real', provider: 'fake', displayName: 'gpt-fake', organisation: 'Fake Inc', totalParamsB: 7, demo: false, weight: 2 },
    ]);
    expect(() => registry.client('off')).toThrow(/disabled/);
  });

  it('reports healthy models, skips failing ones, and caches the result', async () => {
    const config = ConfigSchema.parse({
      providers: {
        ...DEMO_MODELS_CONFIG.providers,
        up: { type: 'openai-compatible', baseURL: server.url },
        down: { type: 'openai-compatible', baseURL: goneURL },
        local: { type: 'llama-cpp' },
      },
      models: [
        { id: 'demo-laconic', provider: 'demo', model: 'laconic' },
        { id: 'up-model', provider: 'up' },
        { id: 'down-model', provider: 'down' },
        { id: 'local-model', provider: 'local', path: '/nonexistent/model.gguf' },
      ],
    });
    const registry = createModelRegistry(config, {}, undefined, { healthTtlMs: 3_000 });
    const countModelsCalls = () => server.requests.filter((r) => r.path === '/v1/models').length;
    const before = countModelsCalls();
    expect(await registry.healthy()).toEqual(new Set(['demo-laconic', 'up-model']));
    expect(countModelsCalls()).toBe(before + 1);
    expect(await registry.healthy(['up-model', 'down-model'])).toEqual(new Set(['up-model']));
    expect(countModelsCalls()).toBe(before + 1); // cached
    // A generous TTL keeps the "cached" step true on a loaded machine; then wait it out.
    await new Promise((r) => setTimeout(r, 3_100));
    // Expired: the last answer is given at once (no battle waits for a health check) while a new check runs.
    expect(await registry.healthy(['up-model', 'down-model'])).toEqual(new Set(['up-model']));
    await vi.waitFor(() => expect(countModelsCalls()).toBe(before + 2));
    await registry.close();
  });

  it('shares one concurrency limit across the models of a provider', async () => {
    server.script('slow-a', { text: 'a', firstTokenDelayMs: 150 });
    server.script('slow-b', { text: 'b', firstTokenDelayMs: 150 });
    const config = ConfigSchema.parse({
      providers: { fake: { type: 'openai-compatible', baseURL: server.url, maxConcurrency: 1 } },
      models: [
        { id: 'slow-a', provider: 'fake' },
        { id: 'slow-b', provider: 'fake' },
      ],
    });
    const registry = createModelRegistry(config, {});
    const ask = { messages: [{ role: 'user' as const, content: 'hi' }] };
    const [a, b] = await Promise.all([registry.client('slow-a').generate(ask), registry.client('slow-b').generate(ask)]);
    expect([a.text, b.text]).toEqual(['a', 'b']);
    const [ra, rb] = [server.requestsFor('slow-a')[0]!, server.requestsFor('slow-b')[0]!];
    expect(Math.abs(rb.atPerf - ra.atPerf)).toBeGreaterThanOrEqual(140);
    await registry.close();
  });
});

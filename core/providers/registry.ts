// Builds one client per configured model and the cards users see after a reveal; answers "which models are up?"
// with a cached health check so battles skip models that are down.
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { ConfigSchema, ModelConfig, PnyxConfig } from '../config/schema';
import { metrics as processMetrics, type Metrics } from '../metrics';
import { createDemoClient, DEMO_PERSONAS, isDemoPersona } from './demo';
import { createLlamaCppClient } from './llama-cpp';
import { createOpenAICompatibleClient } from './openai-compatible';
import type { ModelCard, ModelClient } from './types';

type ConfigInput = z.input<typeof ConfigSchema>;

/** The providers and models of the default pnyx.config.yaml: offline demo models, no key, no internet. */
export const DEMO_MODELS_CONFIG = {
  providers: {
    demo: { type: 'demo', tokensPerSecond: 40 },
  },
  models: (['lexicon', 'markov', 'outline', 'laconic'] as const).map((persona) => ({
    id: `demo-${persona}`,
    provider: 'demo',
    model: persona,
    displayName: DEMO_PERSONAS[persona].displayName,
    organisation: 'Pnyx demo',
    licence: 'WordNet licence',
  })),
} satisfies Pick<ConfigInput, 'providers' | 'models'>;

export interface ModelRegistry {
  /** Cards of the enabled models, in config order. */
  readonly cards: ModelCard[];
  /** The client of an enabled model; throws for an unknown id (a programming error, not a model failure). */
  client(id: string): ModelClient;
  /** Ids (default: every enabled model) whose health check passed; results are cached for a minute. */
  healthy(ids?: string[]): Promise<Set<string>>;
  close(): Promise<void>;
}

export interface ModelRegistryOptions {
  /** How long a health result is trusted. */
  healthTtlMs?: number;
  /** Longest wait for one model's health check. */
  healthTimeoutMs?: number;
  /** Folder that relative GGUF paths are resolved against (the config file's). */
  baseDir?: string;
  /** Where first-token times and failures are recorded (default: the process's). */
  metrics?: Pick<Metrics, 'generation'>;
}

const withDemoLabel = (name: string) => (/\bdemo\b/i.test(name) ? name : `${name} (demo)`);

function displayNameFor(model: ModelConfig, demo: boolean): string {
  if (model.displayName) return demo ? withDemoLabel(model.displayName) : model.displayName;
  const persona = model.model ?? model.id;
  if (demo && isDemoPersona(persona)) return DEMO_PERSONAS[persona].displayName;
  return demo ? withDemoLabel(model.id) : model.model ?? model.id;
}

/** Every finished call of a client is recorded once (not each retry inside it), whatever the provider type. */
function observed(client: ModelClient, provider: string, metrics: Pick<Metrics, 'generation'>): ModelClient {
  return {
    ...client,
    async generate(request) {
      const result = await client.generate(request);
      metrics.generation(provider, client.id, result);
      return result;
    },
  };
}

export function createModelRegistry(
  config: PnyxConfig,
  env: NodeJS.ProcessEnv,
  log?: Logger,
  options: ModelRegistryOptions = {},
): ModelRegistry {
  const healthTtlMs = options.healthTtlMs ?? 60_000;
  const healthTimeoutMs = options.healthTimeoutMs ?? 5_000;
  const queues = new Map<string, PQueue>();
  const clients = new Map<string, ModelClient>();
  const cards: ModelCard[] = [];

  for (const model of config.models) {
    if (!model.enabled) continue;
    const provider = config.providers[model.provider];
    if (!provider) throw new Error(`model "${model.id}": unknown provider "${model.provider}"`);
    const modelLog = log?.child({ model: model.id, provider: model.provider });
    let client: ModelClient;
    switch (provider.type) {
      case 'openai-compatible': {
        let queue = queues.get(model.provider);
        if (!queue) queues.set(model.provider, (queue = new PQueue({ concurrency: provider.maxConcurrency })));
        client = createOpenAICompatibleClient({ id: model.id, providerName: model.provider, provider, model, env, queue, ...(modelLog ? { log: modelLog } : {}) });
        break;
      }
      case 'llama-cpp':
        client = createLlamaCppClient({
          id: model.id,
          provider,
          model,
          ...(options.baseDir ? { baseDir: options.baseDir } : {}),
          ...(modelLog ? { log: modelLog } : {}),
        });
        break;
      case 'demo':
        client = createDemoClient({ id: model.id, provider, model, ...(modelLog ? { log: modelLog } : {}) });
        break;
    }
    clients.set(model.id, observed(client, model.provider, options.metrics ?? processMetrics));
    const demo = provider.type === 'demo';
    const card: ModelCard = { id: model.id, provider: model.provider, displayName: displayNameFor(model, demo), demo, weight: model.weight };
    if (model.organisation) card.organisation = model.organisation;
    if (model.licence) card.licence = model.licence;
    if (model.totalParamsB) card.totalParamsB = model.totalParamsB;
    if (model.activeParamsB) card.activeParamsB = model.activeParamsB;
    cards.push(card);
  }

  const health = new Map<string, { at: number; ok: Promise<boolean> }>();
  const lastKnown = new Map<string, boolean>();

  async function check(id: string, client: ModelClient): Promise<boolean> {
    if (!client.health) return true;
    const signal = AbortSignal.timeout(healthTimeoutMs);
    const ok = await Promise.race([
      client.health(signal).catch(() => false),
      new Promise<boolean>((resolve) => signal.addEventListener('abort', () => resolve(false), { once: true })),
    ]);
    if (lastKnown.get(id) !== ok) {
      if (!ok) log?.warn({ model: id }, 'model failed its health check; it is skipped in battles for now');
      else if (lastKnown.has(id)) log?.info({ model: id }, 'model is healthy again');
    }
    lastKnown.set(id, ok);
    return ok;
  }

  return {
    cards,
    client(id) {
      const client = clients.get(id);
      if (!client) throw new Error(`unknown or disabled model "${id}" (known: ${[...clients.keys()].join(', ')})`);
      return client;
    },
    async healthy(ids) {
      const now = Date.now();
      const wanted = (ids ?? [...clients.keys()]).filter((id) => clients.has(id));
      const results = await Promise.all(
        wanted.map(async (id) => {
          let entry = health.get(id);
          if (!entry || now - entry.at > healthTtlMs) {
            // Concurrent callers share one check in flight. Once a model has an answer, a stale one is used while the
            // next check runs: a battle never waits for a health check (up to healthTimeoutMs) after the first.
            const known = lastKnown.get(id);
            const next = { at: now, ok: check(id, clients.get(id)!) };
            health.set(id, next);
            if (known !== undefined) return [id, known] as const;
            entry = next;
          }
          return [id, await entry.ok] as const;
        }),
      );
      return new Set(results.filter(([, ok]) => ok).map(([id]) => id));
    },
    async close() {
      for (const queue of queues.values()) queue.clear();
      await Promise.all([...clients.values()].map((c) => c.close?.().catch(() => {})));
    },
  };
}

// The shape of pnyx.config.yaml. Secrets never live in the file: providers name the environment variable that
// holds their key (`apiKeyEnv`), so the file can be committed and shared.
import { SUPPORTED_LOCALES } from '../i18n';
import { z } from 'zod';
import { RankingConfigSchema } from '../ranking/config';

const ms = z.number().int().positive();

export const TimeoutsSchema = z
  .object({
    /** Longest wait for the first piece of text. */
    firstTokenMs: ms.default(30_000),
    /** Longest silence between two pieces of text once streaming started. */
    chunkMs: ms.default(20_000),
    /** Longest whole reply. */
    totalMs: ms.default(180_000),
  })
  .strict();

const OpenAICompatibleProvider = z
  .object({
    type: z.literal('openai-compatible'),
    baseURL: z.string().url({ message: 'must be a URL such as https://api.openai.com/v1' }),
    /** Name of the environment variable holding the API key (never the key itself). */
    apiKeyEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, { message: 'must be an environment variable NAME such as OPENAI_API_KEY, not the key' })
      .optional(),
    headers: z.record(z.string(), z.string()).default({}),
    /** Retries after 429/5xx, with backoff; `Retry-After` is honoured. */
    maxRetries: z.number().int().min(0).max(10).default(2),
    /** First backoff delay when no `Retry-After` is given; doubles on each retry. */
    retryBaseMs: z.number().int().min(0).max(60_000).optional(),
    timeouts: TimeoutsSchema.default(TimeoutsSchema.parse({})),
    /** Requests in flight at once to this provider. */
    maxConcurrency: z.number().int().positive().default(8),
  })
  .strict();

const LlamaCppProvider = z
  .object({
    type: z.literal('llama-cpp'),
    /** CPU threads per loaded model; one is fastest on small machines (see README). */
    threads: z.number().int().positive().default(1),
    timeouts: TimeoutsSchema.default(TimeoutsSchema.parse({})),
  })
  .strict();

const DemoProvider = z
  .object({
    type: z.literal('demo'),
    /** Simulated speed, so streaming looks like a real model; 0 = instant (tests, benchmarks). */
    tokensPerSecond: z.number().min(0).default(40),
    timeouts: TimeoutsSchema.default(TimeoutsSchema.parse({})),
  })
  .strict();

export const ProviderSchema = z.discriminatedUnion('type', [OpenAICompatibleProvider, LlamaCppProvider, DemoProvider]);
export type ProviderConfig = z.infer<typeof ProviderSchema>;

export const ModelSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._:-]*$/i, { message: 'use letters, digits, . _ : - (it is stored in votes)' }),
    provider: z.string(),
    /** The provider's own model name (OpenAI-compatible `model`, demo persona); defaults to `id`. */
    model: z.string().optional(),
    /** Path to a .gguf file (llama-cpp provider). */
    path: z.string().optional(),
    displayName: z.string().optional(),
    organisation: z.string().optional(),
    licence: z.string().optional(),
    totalParamsB: z.number().positive().optional(),
    activeParamsB: z.number().positive().optional(),
    weight: z.number().min(0).default(1),
    enabled: z.boolean().default(true),
    systemPrompt: z.string().optional(),
    maxOutputTokens: z.number().int().positive().default(1024),
    /** What the provider charges, US dollars per million tokens: spend is counted per chat and model, and capped. */
    price: z.object({ inputPerMillion: z.number().min(0), outputPerMillion: z.number().min(0) }).strict().optional(),
    temperature: z.number().min(0).max(2).optional(),
    contextSize: z.number().int().positive().optional(),
  })
  .strict();
export type ModelConfig = z.infer<typeof ModelSchema>;

export const RevealPolicySchema = z.discriminatedUnion('after', [
  z.object({ after: z.literal('votes'), votes: z.number().int().positive() }).strict(),
  z.object({ after: z.literal('minutes'), minutes: z.number().positive() }).strict(),
]);
export type RevealPolicy = z.infer<typeof RevealPolicySchema>;

export const BattleSchema = z
  .object({
    maxPromptChars: z.number().int().positive().default(4000),
    maxTurns: z.number().int().positive().default(10),
    reveal: z
      .object({
        private: RevealPolicySchema.default({ after: 'votes', votes: 1 }),
        group: RevealPolicySchema.default({ after: 'minutes', minutes: 10 }),
      })
      .strict()
      .default({ private: { after: 'votes', votes: 1 }, group: { after: 'minutes', minutes: 10 } }),
    /** Under-voted models are boosted as compar:IA does: w = weight / (votes + 50)^0.4, capped at 3× the smallest. */
    boostUnderVoted: z.boolean().default(true),
    /** Extra names that flag a battle when a reply says them (configured model names are always included). */
    identityTerms: z.array(z.string()).default([]),
    /** Battles one person / one chat may start per minute; the person is told when to try again. */
    perUserPerMinute: z.number().int().positive().default(6),
    perChatPerMinute: z.number().int().positive().default(30),
  })
  .strict();

/** Daily spending limits on paid models (US dollars, per UTC day); null: no limit. Chats may set their own limit. */
export const SpendSchema = z
  .object({
    /** All chats together: once reached, no new battle starts anywhere until the next UTC day. */
    dailyCapUsd: z.number().positive().nullable().default(null),
    /** Each chat, unless its admins set another limit in the settings menu. */
    chatDailyCapUsd: z.number().positive().nullable().default(null),
  })
  .strict();

/** How the engine runs when several processes share one database. */
export const EngineSchema = z
  .object({
    /** How long a process's claim on a battle it generates for lasts without renewal; a crashed process's battles are
     * taken over (failed, or their follow-up ended) this long after it died. Renewed every third of it. */
    leaseMs: z.number().int().min(1_000).max(600_000).default(30_000),
    /** How often overdue battles are closed and lapsed leases reaped. */
    sweepMs: z.number().int().min(50).max(60_000).default(2_000),
    /** Platform deliveries are remembered (to answer a redelivery once) this long. */
    deliveryRetentionHours: z.number().min(1).max(24 * 30).default(48),
  })
  .strict();

/** The web playground (bots/web): its members are anonymous browsers. */
export const WebConfigSchema = z
  .object({
    /** Let the playground's votes into the shared rankings (every chat's leaderboard, the CLI). Off by default: anyone
     * who can reach the page can vote, so its votes count only on its rooms' own boards. */
    countInRankings: z.boolean().default(false),
  })
  .strict();

/** Open datasets (npm run export; see README "Open datasets"). */
export const ExportSchema = z
  .object({
    /** A configured model that also judges each conversation for personal data before export (compar:IA's LLM pass);
     * unset: validators and heuristics only. A conversation it cannot judge is not exported. */
    piiModel: z.string().min(1).optional(),
    /** The licence named in the datasheet. */
    licence: z.string().min(1).default('CC-BY-4.0'),
  })
  .strict();

/** What Pnyx keeps, and for how long. */
export const PrivacySchema = z
  .object({
    /** After this many days, raw platform ids of inactive people and unpublished conversations are purged (npm run
     * purge, and daily while Pnyx runs); null: kept. */
    retentionDays: z.number().int().min(1).nullable().default(null),
  })
  .strict();

export const ConfigSchema = z
  .object({
    /** Default language of the bot's messages when neither chat nor person says otherwise. */
    locale: z.enum(SUPPORTED_LOCALES).default('en'),
    providers: z.record(z.string(), ProviderSchema).default({}),
    models: z.array(ModelSchema).default([]),
    battle: BattleSchema.default(BattleSchema.parse({})),
    engine: EngineSchema.default(EngineSchema.parse({})),
    spend: SpendSchema.default(SpendSchema.parse({})),
    ranking: RankingConfigSchema.default(RankingConfigSchema.parse({})),
    web: WebConfigSchema.default(WebConfigSchema.parse({})),
    export: ExportSchema.default(ExportSchema.parse({})),
    privacy: PrivacySchema.default(PrivacySchema.parse({})),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.ranking.categoryModel && !config.models.some((m) => m.id === config.ranking.categoryModel)) {
      ctx.addIssue({ code: 'custom', path: ['ranking', 'categoryModel'], message: `unknown model "${config.ranking.categoryModel}" (add it under models:)` });
    }
    if (config.export.piiModel && !config.models.some((m) => m.id === config.export.piiModel)) {
      ctx.addIssue({ code: 'custom', path: ['export', 'piiModel'], message: `unknown model "${config.export.piiModel}" (add it under models:)` });
    }
    const seen = new Set<string>();
    config.models.forEach((model, i) => {
      if (seen.has(model.id)) {
        ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `duplicate model id "${model.id}"` });
      }
      seen.add(model.id);
      const provider = config.providers[model.provider];
      if (!provider) {
        const known = Object.keys(config.providers);
        ctx.addIssue({
          code: 'custom',
          path: ['models', i, 'provider'],
          message: `unknown provider "${model.provider}"${known.length ? ` (known: ${known.join(', ')})` : ' (no providers are defined)'}`,
        });
      } else if (provider.type === 'llama-cpp' && !model.path) {
        ctx.addIssue({ code: 'custom', path: ['models', i, 'path'], message: 'a llama-cpp model needs `path` to a .gguf file' });
      }
    });
    const battling = config.models.filter((m) => m.enabled && m.weight > 0);
    if (battling.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['models'],
        message: `a battle needs at least two enabled models with weight > 0; found ${battling.length}`,
      });
    }
  });

export type PnyxConfig = z.infer<typeof ConfigSchema>;

/** Environment variables the core reads. Each adapter validates its own (an env.ts beside it): the core knows no platform. */
export const EnvSchema = z.object({
  PNYX_CONFIG: z.string().default('pnyx.config.yaml'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, { message: 'must start with file: (SQLite) or postgresql:// (PostgreSQL)' })
    .default('file:./data/pnyx.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where campaigns' final reports are written (<dir>/<slug>/report.{json,md,png}). */
  PNYX_REPORTS_DIR: z.string().min(1).default('reports'),
  /** Shared state for several processes (redis:// or rediss://); unset: one process, state in memory. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: 'must start with redis:// or rediss://' })
    .optional(),
  /** Starts every key Pnyx writes in Redis: two deployments (or test runs) sharing one Redis keep apart. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, { message: 'letters, digits, "_", "." or "-", at most 40' })
    .default('pnyx'),
});
export type PnyxEnv = z.infer<typeof EnvSchema>;

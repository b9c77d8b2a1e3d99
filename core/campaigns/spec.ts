// A campaign file (`campaigns/<slug>.yaml`): what an organizer writes, reviews and versions. Validated with zod; every
// mistake is reported with its path (`goal.perLanguage.xx: ...`) so an organizer can fix the file without reading code.
// The validated spec is stored as JSON on the Campaign row, so the running engine needs no file.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { isTimeZone, validateCron } from '../leaderboard/scheduler';
import { JudgmentsSchema } from './judgments';

export const BATTLE_MODES = ['random', 'big-vs-small', 'frugal', 'custom', 'diverse'] as const;
export type BattleMode = (typeof BATTLE_MODES)[number];
export const PAIRINGS = ['random', 'active'] as const;
export type Pairing = (typeof PAIRINGS)[number];
export const TOPIC_KINDS = ['unguided', 'values', 'controversy'] as const;
export const CAMPAIGN_STATUSES = ['running', 'paused', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const Language = z.string().regex(/^[a-z]{2}$/, 'use an ISO 639-1 code such as fr');
/** Short ids travel in button payloads (`k:<topic>`), so they are kept small and plain. */
const ShortId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,23}$/, 'use 1–24 lowercase letters, digits or dashes');
/** Text per language: at least one entry; `en` or the first one is the fallback. */
const Localized = z.record(Language, z.string().min(1).max(2000)).refine((v) => Object.keys(v).length > 0, 'give the text in at least one language');
const DateLike = z
  .union([z.date(), z.string()])
  .transform((v, ctx) => {
    const d = v instanceof Date ? v : new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'use a date like 2027-01-15 or 2027-01-15T09:00:00Z' });
      return z.NEVER;
    }
    return d.toISOString();
  });
const Cron = z.object({ cron: z.string().min(9).max(100), timezone: z.string().default('UTC') }).strict();

export const TopicSchema = z
  .object({
    id: ShortId,
    /** PRISM's conversation types. */
    kind: z.enum(TOPIC_KINDS).default('unguided'),
    prompt: z.string().min(3).max(1000),
  })
  .strict();

export const StanceSchema = z
  .object({
    id: ShortId,
    label: Localized,
    /** The system prompt this side answers under. */
    prompt: z.string().min(10).max(2000),
  })
  .strict();

export const CampaignSpecSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/, 'use 2–48 lowercase letters, digits or dashes'),
    title: Localized,
    description: Localized.optional(),
    languages: z.array(Language).min(1).max(20),
    starts: DateLike.optional(),
    ends: DateLike.optional(),
    goal: z
      .object({
        votes: z.number().int().positive().max(100_000_000),
        perLanguage: z.record(Language, z.number().int().positive()).default({}),
      })
      .strict()
      .optional(),
    models: z
      .array(z.object({ id: z.string().min(1), weight: z.number().positive().max(1000).default(1) }).strict())
      .default([]),
    mode: z.enum(BATTLE_MODES).default('random'),
    pairing: z.enum(PAIRINGS).default('random'),
    bigVsSmall: z.object({ thresholdB: z.number().positive().default(30) }).strict().default({ thresholdB: 30 }),
    frugal: z
      .object({ maxParamsB: z.number().positive().default(15), maxWhPerReply: z.number().positive().optional() })
      .strict()
      .default({ maxParamsB: 15 }),
    custom: z.object({ models: z.array(z.string().min(1)).length(2) }).strict().optional(),
    diverse: z
      .object({
        stances: z.array(StanceSchema).min(2).max(12),
        /** Diverse battles rank stances, not models; set true to count them in the model leaderboard too. */
        inModelLeaderboard: z.boolean().default(false),
      })
      .strict()
      .optional(),
    topics: z.record(Language, z.array(TopicSchema).max(200)).default({}),
    schedule: z
      .object({ leaderboard: Cron.optional(), promptOfTheDay: Cron.optional() })
      .strict()
      .default({}),
    joinCode: z.string().regex(/^[A-Za-z0-9-]{4,32}$/, 'use 4–32 letters, digits or dashes').optional(),
    chats: z.array(z.object({ platform: z.string().min(1).max(32), id: z.string().min(1).max(128) }).strict()).default([]),
    /** Optional judgments of each reply asked after the vote (core/campaigns/judgments.ts). */
    judgments: JudgmentsSchema.optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    if (spec.starts && spec.ends && spec.starts >= spec.ends) ctx.addIssue({ code: 'custom', path: ['ends'], message: 'must be after starts' });
    for (const lang of Object.keys(spec.goal?.perLanguage ?? {})) {
      if (!spec.languages.includes(lang)) ctx.addIssue({ code: 'custom', path: ['goal', 'perLanguage', lang], message: `not one of the campaign's languages (${spec.languages.join(', ')})` });
    }
    for (const lang of Object.keys(spec.topics)) {
      if (!spec.languages.includes(lang)) ctx.addIssue({ code: 'custom', path: ['topics', lang], message: `not one of the campaign's languages (${spec.languages.join(', ')})` });
    }
    const topicIds = new Set<string>();
    for (const [lang, list] of Object.entries(spec.topics)) {
      list.forEach((topic, i) => {
        if (topicIds.has(topic.id)) ctx.addIssue({ code: 'custom', path: ['topics', lang, i, 'id'], message: `topic id "${topic.id}" is used twice` });
        topicIds.add(topic.id);
      });
    }
    const modelIds = new Set<string>();
    spec.models.forEach((m, i) => {
      if (modelIds.has(m.id)) ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `model "${m.id}" is listed twice` });
      modelIds.add(m.id);
    });
    if (spec.mode === 'custom' && !spec.custom) ctx.addIssue({ code: 'custom', path: ['custom'], message: 'mode custom needs custom.models: the two models to pit against each other' });
    if (spec.custom && spec.custom.models[0] === spec.custom.models[1]) ctx.addIssue({ code: 'custom', path: ['custom', 'models', 1], message: 'the two models must differ' });
    if (spec.mode === 'diverse' && !spec.diverse) ctx.addIssue({ code: 'custom', path: ['diverse'], message: 'mode diverse needs diverse.stances: at least two value perspectives' });
    const stanceIds = new Set<string>();
    spec.diverse?.stances.forEach((s, i) => {
      if (stanceIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['diverse', 'stances', i, 'id'], message: `stance id "${s.id}" is used twice` });
      stanceIds.add(s.id);
    });
    for (const key of ['leaderboard', 'promptOfTheDay'] as const) {
      const entry = spec.schedule[key];
      if (!entry) continue;
      if (!isTimeZone(entry.timezone)) ctx.addIssue({ code: 'custom', path: ['schedule', key, 'timezone'], message: `"${entry.timezone}" is not a time zone; use a name such as Europe/Paris` });
      else {
        const problem = validateCron(entry.cron, entry.timezone);
        if (problem) ctx.addIssue({ code: 'custom', path: ['schedule', key, 'cron'], message: `not a valid cron expression: ${problem}` });
      }
    }
    if (spec.schedule.promptOfTheDay && Object.keys(spec.topics).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['schedule', 'promptOfTheDay'], message: 'a prompt of the day needs topics to choose from' });
    }
    const seen = new Set<string>();
    spec.chats.forEach((c, i) => {
      const key = `${c.platform}:${c.id}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['chats', i], message: `chat ${key} is listed twice` });
      seen.add(key);
    });
  });

export type CampaignSpec = z.infer<typeof CampaignSpecSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Stance = z.infer<typeof StanceSchema>;

/** One mistake in a campaign file: where (`goal.votes`, `topics.fr.2.id`) and what. */
export interface SpecProblem {
  path: string;
  message: string;
}

export type SpecResult = { ok: true; spec: CampaignSpec } | { ok: false; problems: SpecProblem[] };

const pathOf = (path: ReadonlyArray<PropertyKey>): string => path.map(String).join('.') || '(file)';

/** Validates an already-parsed document. */
export function validateSpec(raw: unknown): SpecResult {
  const parsed = CampaignSpecSchema.safeParse(raw);
  if (parsed.success) return { ok: true, spec: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })) };
}

/** Parses and validates a campaign file's text; YAML syntax errors come back with their line. */
export function parseCampaignFile(text: string): SpecResult {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    return { ok: false, problems: doc.errors.map((e) => ({ path: e.linePos?.[0] ? `line ${e.linePos[0].line}` : '(file)', message: e.message.split('\n')[0]! })) };
  }
  return validateSpec(doc.toJS());
}

/** Further checks against the running configuration: the model ids must be ones Pnyx knows. */
export function checkModels(spec: CampaignSpec, known: ReadonlySet<string>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  spec.models.forEach((m, i) => {
    if (!known.has(m.id)) problems.push({ path: `models.${i}.id`, message: `unknown model "${m.id}" (not in pnyx.config.yaml)` });
  });
  spec.custom?.models.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `custom.models.${i}`, message: `unknown model "${id}" (not in pnyx.config.yaml)` });
  });
  return problems;
}

/** The text in the reader's language, else English, else the first given. */
export function localized(text: Record<string, string> | undefined, locale: string): string {
  if (!text) return '';
  return text[locale] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** A stored spec (JSON on the Campaign row); null when it no longer validates (written by an older version). */
export function readStoredSpec(json: string): CampaignSpec | null {
  try {
    const result = validateSpec(JSON.parse(json));
    return result.ok ? result.spec : null;
  } catch {
    return null;
  }
}

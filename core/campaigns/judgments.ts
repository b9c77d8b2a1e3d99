// Richer judgments (issue 15, item 8): a campaign may ask each voter, after the vote and in one optional private
// screen, Open-Assistant's labels on each reply (spam, fails the task, …) and a PRISM-like quality rating (1–5 here,
// so it fits in buttons). Each press is one row (battle, voter, side, key): stored at once, so ignoring the screen is
// skipping it. Read back here for the export (per vote) and the final report (per model).
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../store/db';
import { newId } from '../store/ids';

/** Open-Assistant's reply labels, in the order the buttons show them (their index travels in the button payload). */
export const JUDGMENT_LABELS = ['spam', 'fails-task', 'wrong-language', 'inappropriate', 'personal-data', 'hate-speech', 'sexual-content'] as const;
export type JudgmentLabel = (typeof JUDGMENT_LABELS)[number];
export const RATING_KEY = 'rating';
export const RATING_MAX = 5;

/** The campaign file's `judgments` key. */
export const JudgmentsSchema = z
  .object({
    labels: z
      .array(z.enum(JUDGMENT_LABELS))
      .max(JUDGMENT_LABELS.length)
      .default([])
      .refine((l) => new Set(l).size === l.length, 'a label is listed twice'),
    rating: z.boolean().default(false),
  })
  .strict()
  .refine((j) => j.labels.length > 0 || j.rating, 'ask at least one label or rating: true');

export type JudgmentsSpec = z.infer<typeof JudgmentsSchema>;

type Side = 'a' | 'b';

/** A flag press: sets the label, or takes it back when it was set (a toggle). Returns whether it is now set. */
export async function toggleFlag(db: Kysely<DB>, battleId: string, userId: string, side: Side, label: JudgmentLabel, now = new Date()): Promise<boolean> {
  const removed = await db.deleteFrom('Judgment').where('battleId', '=', battleId).where('userId', '=', userId).where('side', '=', side).where('key', '=', label).executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) return false;
  await db
    .insertInto('Judgment')
    .values({ id: newId(), battleId, userId, side, key: label, value: 1, createdAt: now })
    .onConflict((oc) => oc.columns(['battleId', 'userId', 'side', 'key']).doNothing())
    .execute();
  return true;
}

/** A rating press: the latest press is the rating. */
export async function rate(db: Kysely<DB>, battleId: string, userId: string, side: Side, value: number, now = new Date()): Promise<void> {
  await db
    .insertInto('Judgment')
    .values({ id: newId(), battleId, userId, side, key: RATING_KEY, value, createdAt: now })
    .onConflict((oc) => oc.columns(['battleId', 'userId', 'side', 'key']).doUpdateSet({ value, createdAt: now }))
    .execute();
}

/** One voter's judgments of one side: `{ labels: [...], rating: n | null }`. */
export interface SideJudgment {
  labels: string[];
  rating: number | null;
}

/** Judgments of these battles, per battle and voter and side (for the export). */
export async function judgmentsOfBattles(db: Kysely<DB>, battleIds: readonly string[]): Promise<Map<string, Record<Side, SideJudgment>>> {
  const out = new Map<string, Record<Side, SideJudgment>>();
  if (!battleIds.length) return out;
  const rows = await db.selectFrom('Judgment').select(['battleId', 'userId', 'side', 'key', 'value']).where('battleId', 'in', battleIds).orderBy('key').execute();
  for (const r of rows) {
    const k = `${r.battleId}:${r.userId}`;
    let entry = out.get(k);
    if (!entry) out.set(k, (entry = { a: { labels: [], rating: null }, b: { labels: [], rating: null } }));
    const side = entry[r.side === 'b' ? 'b' : 'a'];
    if (r.key === RATING_KEY) side.rating = Number(r.value);
    else side.labels.push(r.key);
  }
  return out;
}

/** Per model, for a campaign's report: replies judged, how often each label was given, the mean rating. */
export interface ModelJudgments {
  model: string;
  /** Distinct (vote, reply) pairs with at least one judgment. */
  judged: number;
  labels: Record<string, number>;
  ratings: number;
  meanRating: number | null;
}

export async function campaignJudgments(db: Kysely<DB>, campaignId: string): Promise<ModelJudgments[]> {
  const rows = await db
    .selectFrom('Judgment as j')
    .innerJoin('Battle as b', 'b.id', 'j.battleId')
    .select(['j.userId as userId', 'j.battleId as battleId', 'j.side as side', 'j.key as key', 'j.value as value', 'b.modelAId as modelA', 'b.modelBId as modelB'])
    .where('b.campaignId', '=', campaignId)
    .execute();
  const byModel = new Map<string, { judged: Set<string>; labels: Record<string, number>; sum: number; n: number }>();
  for (const r of rows) {
    const model = r.side === 'b' ? r.modelB : r.modelA;
    let m = byModel.get(model);
    if (!m) byModel.set(model, (m = { judged: new Set(), labels: {}, sum: 0, n: 0 }));
    m.judged.add(`${r.battleId}:${r.userId}:${r.side}`);
    if (r.key === RATING_KEY) {
      m.sum += Number(r.value);
      m.n++;
    } else m.labels[r.key] = (m.labels[r.key] ?? 0) + 1;
  }
  return [...byModel.entries()]
    .map(([model, m]) => ({ model, judged: m.judged.size, labels: m.labels, ratings: m.n, meanRating: m.n ? Math.round((m.sum / m.n) * 100) / 100 : null }))
    .sort((x, y) => x.model.localeCompare(y.model));
}

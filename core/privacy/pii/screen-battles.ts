// The screening pass: every closed battle not analysed yet gets a stored verdict (clean | redacted | suspect), from
// the validators and heuristics, then the model when `export.piiModel` is set. It runs before each export and daily
// with the retention job, so verdicts are ready long before anyone exports; a battle is never exported without one.
import type { Kysely } from 'kysely';
import type { DB } from '../../store/db';
import type { PiiJudge } from './model-verdict';
import { screenTexts, type PiiVerdict } from './screen';

export interface ScreenSummary {
  screened: number;
  clean: number;
  redacted: number;
  suspect: number;
  /** Left unanalysed because the model gave no valid answer: they are not exported until a later pass succeeds. */
  unanalysed: number;
}

export interface ScreenOptions {
  judge?: { model: string; judge: PiiJudge };
  now?: () => Date;
  batch?: number;
  onProgress?: (done: number) => void;
}

/** The texts of one battle, prompts and replies in turn order. */
export async function battleTexts(db: Kysely<DB>, battleIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(battleIds.map((id) => [id, []]));
  if (battleIds.length === 0) return out;
  const rows = await db
    .selectFrom('Turn as t')
    .leftJoin('Reply as r', 'r.turnId', 't.id')
    .select(['t.battleId as battleId', 't.index as index', 't.prompt as prompt', 'r.side as side', 'r.text as text'])
    .where('t.battleId', 'in', battleIds)
    .orderBy('t.battleId')
    .orderBy('t.index')
    .orderBy('r.side')
    .execute();
  let lastTurn = '';
  for (const r of rows) {
    const list = out.get(r.battleId)!;
    const key = `${r.battleId}:${r.index}`;
    if (key !== lastTurn) {
      list.push(r.prompt);
      lastTurn = key;
    }
    if (r.text) list.push(r.text);
  }
  return out;
}

export async function screenBattles(db: Kysely<DB>, options: ScreenOptions = {}): Promise<ScreenSummary> {
  const now = options.now ?? (() => new Date());
  const batch = options.batch ?? 500;
  const summary: ScreenSummary = { screened: 0, clean: 0, redacted: 0, suspect: 0, unanalysed: 0 };
  let after = '';
  for (;;) {
    const ids = (
      await db
        .selectFrom('Battle')
        .select('id')
        .where('status', '=', 'closed')
        .where('piiVerdict', 'is', null)
        .where('purgedAt', 'is', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(batch)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    const texts = await battleTexts(db, ids);
    // Clean battles without a model verdict are the bulk: one UPDATE for all of them.
    const cleanIds: string[] = [];
    for (const id of ids) {
      const list = texts.get(id) ?? [];
      const local = screenTexts(list);
      let verdict: PiiVerdict = local.verdict;
      let reason: string | null = local.reason;
      let model: string | null = null;
      if (verdict !== 'suspect' && options.judge) {
        const answer = await options.judge.judge(list);
        if ('error' in answer) {
          summary.unanalysed++;
          continue;
        }
        model = options.judge.model;
        if (answer.containsPii) {
          verdict = 'suspect';
          reason = `model:${answer.category ?? 'other'}`;
        }
      }
      summary.screened++;
      summary[verdict]++;
      if (verdict === 'clean' && model === null) cleanIds.push(id);
      else await db.updateTable('Battle').set({ piiVerdict: verdict, piiReason: reason, piiModel: model, piiCheckedAt: now() }).where('id', '=', id).execute();
    }
    if (cleanIds.length > 0) await db.updateTable('Battle').set({ piiVerdict: 'clean', piiReason: null, piiModel: null, piiCheckedAt: now() }).where('id', 'in', cleanIds).execute();
    options.onProgress?.(summary.screened + summary.unanalysed);
  }
  return summary;
}

// One page of the export: the battles after a key, the ones that may be published (each refusal counted), and
// everything their rows need (turns and replies, votes, judgments, reactions), fetched once per page and grouped.
import type { Kysely } from 'kysely';
import type { DB } from '../../store/db';
import { judgmentsOfBattles } from '../../campaigns/judgments';
import { publishingAllowed } from '../publishing';
import type { ExcludeReason } from './dataset';

export const asDate = (v: Date | string | number): Date => (v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));

export function parseList(json: string | null): string[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Battles after `after`, in key order. */
export function readPage(db: Kysely<DB>, after: string, pageSize: number) {
  // Pages walk the primary key alone (WHERE id > last ORDER BY id): any other condition in SQL lets a planner pick
  // its index and sort every remaining battle for each page, which made 1M votes quadratic. Filters run on the page.
  return db
    .selectFrom('Battle as b')
    .innerJoin('Chat as c', 'c.id', 'b.chatId')
    .leftJoin('Campaign as k', 'k.id', 'b.campaignId')
    .select([
      'b.id as id',
      'b.chatId as chatId',
      'b.initiatorId as initiatorId',
      'b.modelAId as modelA',
      'b.modelBId as modelB',
      'b.mode as mode',
      'b.language as language',
      'b.categories as categories',
      'b.piiVerdict as piiVerdict',
      'b.piiModel as piiModel',
      'b.purgedAt as purgedAt',
      'b.openedAt as openedAt',
      'b.status as status',
      'b.identityLeak as identityLeak',
      'b.campaignId as campaignId',
      'c.platform as platform',
      'c.kind as chatKind',
      'c.settings as settings',
      'k.slug as campaign',
    ])
    .where('b.id', '>', after)
    .orderBy('b.id')
    .limit(pageSize)
    .execute();
}

export type PageBattle = Awaited<ReturnType<typeof readPage>>[number];

export interface PageFilter {
  campaignId?: string;
  since?: number;
}

/**
 * The battles of a page that may be published. Battles outside the export (open, leaked, another campaign, too old)
 * are not candidates and are not counted; candidates refused by a rule are counted under that rule in `excluded`.
 */
export function eligibleOf(rows: PageBattle[], filter: PageFilter, excluded: Record<ExcludeReason, number>): PageBattle[] {
  const { campaignId, since } = filter;
  const page = rows.filter(
    (b) =>
      b.status === 'closed' &&
      !b.identityLeak &&
      (campaignId === undefined || b.campaignId === campaignId) &&
      (since === undefined || asDate(b.openedAt).getTime() >= since),
  );
  return page.filter((b) => {
    const reason: ExcludeReason | null = !publishingAllowed(b.settings)
      ? 'publishingNotAllowed'
      : b.purgedAt !== null
        ? 'purged'
        : b.piiVerdict === 'suspect'
          ? 'piiSuspect'
          : b.piiVerdict !== 'clean' && b.piiVerdict !== 'redacted'
            ? 'piiUnanalysed'
            : null;
    if (reason) excluded[reason]++;
    return reason === null;
  });
}

// Grouped once per page: a filter per battle would cost page² comparisons.
function group<T>(rows: T[], key: (r: T) => string) {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** The turns, votes, judgments and reactions of the battles `ids`, grouped by battle. */
export async function pageDetails(db: Kysely<DB>, ids: string[]) {
  const turnRows = ids.length
    ? await db
        .selectFrom('Turn as t')
        .leftJoin('Reply as r', 'r.turnId', 't.id')
        .select(['t.battleId as battleId', 't.index as index', 't.authorId as authorId', 't.prompt as prompt', 'r.id as replyId', 'r.side as side', 'r.text as text', 'r.tokensOut as tokensOut'])
        .where('t.battleId', 'in', ids)
        .orderBy('t.battleId')
        .orderBy('t.index')
        .orderBy('r.side')
        .execute()
    : [];
  const voteRows = ids.length
    ? await db
        .selectFrom('Vote')
        .select(['id', 'battleId', 'voterId', 'choice', 'reasons', 'comment', 'createdAt'])
        .where('battleId', 'in', ids)
        .orderBy('battleId')
        .orderBy('createdAt')
        .orderBy('id')
        .execute()
    : [];
  const judgments = await judgmentsOfBattles(db, ids);
  const replyIds = turnRows.map((t) => t.replyId).filter((x): x is string => x !== null);
  const reactionRows = replyIds.length
    ? await db
        .selectFrom('Reaction')
        .select(['id', 'replyId', 'userId', 'kind', 'reasons', 'comment', 'updatedAt'])
        .where('replyId', 'in', replyIds)
        .orderBy('id')
        .execute()
    : [];
  const replyBattle = new Map(turnRows.filter((t) => t.replyId).map((t) => [t.replyId!, t.battleId]));
  return {
    turnsOf: group(turnRows, (t) => t.battleId),
    votesOf: group(voteRows, (v) => v.battleId),
    reactionsOf: group(reactionRows, (r) => replyBattle.get(r.replyId) ?? ''),
    judgments,
  };
}

export type PageDetails = Awaited<ReturnType<typeof pageDetails>>;
export type TurnRowOf = NonNullable<ReturnType<PageDetails['turnsOf']['get']>>[number];
export type VoteRowOf = NonNullable<ReturnType<PageDetails['votesOf']['get']>>[number];
export type ReactionRowOf = NonNullable<ReturnType<PageDetails['reactionsOf']['get']>>[number];

// `npm run export`: the published datasets (conversations, votes, reactions as Parquet and JSONL, FastChat battles,
// a datasheet). Battles stream in pages keyed by id, so memory holds one page whatever the size of the database.
//
// What is published — each rule is counted in the datasheet:
// - closed battles only (their conversation will not change), without an identity leak (the leaderboards skip those
//   too), whose texts were not purged by retention;
// - from chats whose admins allowed publishing (chat settings `publishData`, off by default);
// - screened for personal data: verdict clean or redacted (validated values replaced); suspect or not yet analysed
//   battles are left out (fail closed);
// - no battle with a prompt from someone who erased their data or opted out of publication, and no vote or reaction
//   of such a person.
// Platform ids, display names and chat titles are never selected: ids leave as keyed hashes (pseudonyms.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/db';
import { redactPii, screenComment } from '../pii/screen';
import { publishingAllowed } from '../publishing';
import { judgmentsOfBattles } from '../../campaigns/judgments';

export { publishingAllowed };
import type { Pseudonymizer } from '../pseudonyms';
import { CONVERSATION_COLUMNS, REACTION_COLUMNS, REASONS, VOTE_COLUMNS } from './columns';
import { writeDatasheet, type DatasheetFacts } from './datasheet';
import { createJsonArrayWriter, createTableWriter, RawJson, type Row } from './writers';

export interface ExportOptions {
  db: Kysely<DB>;
  out: string;
  pseudonym: Pseudonymizer;
  /** Only this campaign (slug or id). */
  campaign?: string;
  /** Only battles opened at or after this instant. */
  since?: Date;
  licence: string;
  /** Battles per page (default 1,000). */
  pageSize?: number;
  rowGroupSize?: number;
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
}

export interface ExportSummary {
  conversations: number;
  votes: number;
  reactions: number;
  /** Candidate battles left out, by reason. */
  excluded: Record<ExcludeReason, number>;
  /** Votes and reactions left out because their author erased their data or opted out. */
  excludedVotes: number;
  excludedReactions: number;
  platforms: Record<string, number>;
  languages: Record<string, number>;
  models: Record<string, number>;
  files: string[];
}

export type ExcludeReason = 'publishingNotAllowed' | 'piiSuspect' | 'piiUnanalysed' | 'authorOptedOut' | 'purged' | 'noConversation';

export class ExportInputError extends Error {}

const asDate = (v: Date | string | number): Date => (v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));

function parseList(json: string | null): string[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const bump = (map: Record<string, number>, key: string | null, by = 1) => {
  const k = key ?? 'unknown';
  map[k] = (map[k] ?? 0) + by;
};

interface Message {
  role: 'user' | 'assistant';
  content: string;
}

export async function exportDataset(options: ExportOptions): Promise<ExportSummary> {
  const { db, pseudonym: h } = options;
  const pageSize = options.pageSize ?? 1000;
  let campaignId: string | undefined;
  if (options.campaign !== undefined) {
    const found = await db.selectFrom('Campaign').select('id').where((eb) => eb.or([eb('id', '=', options.campaign!), eb('slug', '=', options.campaign!)])).executeTakeFirst();
    if (!found) throw new ExportInputError(`unknown campaign "${options.campaign}"`);
    campaignId = found.id;
  }
  // People whose data must not be published: few, so held as a set.
  const excludedPeople = new Set(
    (
      await db
        .selectFrom('User')
        .select('id')
        .where((eb) => eb.or([eb('erasedAt', 'is not', null), eb('publishOptOut', '=', true)]))
        .execute()
    ).map((r) => r.id),
  );

  // Pages walk the primary key alone (WHERE id > last ORDER BY id): any other condition in SQL lets a planner pick
  // its index and sort every remaining battle for each page, which made 1M votes quadratic. Filters run on the page.
  const total = Number((await db.selectFrom('Battle').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const since = options.since?.getTime();

  mkdirSync(options.out, { recursive: true });
  const path = (name: string) => join(options.out, name);
  const conversations = createTableWriter(path('conversations'), CONVERSATION_COLUMNS, { rowGroupSize: options.rowGroupSize });
  const votes = createTableWriter(path('votes'), VOTE_COLUMNS, { rowGroupSize: options.rowGroupSize });
  const reactions = createTableWriter(path('reactions'), REACTION_COLUMNS, { rowGroupSize: options.rowGroupSize });
  const battles = createJsonArrayWriter(path('battles.json'));

  const summary: ExportSummary = {
    conversations: 0,
    votes: 0,
    reactions: 0,
    excluded: { publishingNotAllowed: 0, piiSuspect: 0, piiUnanalysed: 0, authorOptedOut: 0, purged: 0, noConversation: 0 },
    excludedVotes: 0,
    excludedReactions: 0,
    platforms: {},
    languages: {},
    models: {},
    files: [],
  };

  let after = '';
  let done = 0;
  try {
    for (;;) {
      const rows = await db
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
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      done += rows.length;
      const page = rows.filter(
        (b) =>
          b.status === 'closed' &&
          !b.identityLeak &&
          (campaignId === undefined || b.campaignId === campaignId) &&
          (since === undefined || asDate(b.openedAt).getTime() >= since),
      );

      const eligible = page.filter((b) => {
        const reason: ExcludeReason | null = !publishingAllowed(b.settings)
          ? 'publishingNotAllowed'
          : b.purgedAt !== null
            ? 'purged'
            : b.piiVerdict === 'suspect'
              ? 'piiSuspect'
              : b.piiVerdict !== 'clean' && b.piiVerdict !== 'redacted'
                ? 'piiUnanalysed'
                : null;
        if (reason) summary.excluded[reason]++;
        return reason === null;
      });
      const ids = eligible.map((b) => b.id);
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

      // Grouped once per page: a filter per battle would cost page² comparisons.
      const group = <T,>(rows: T[], key: (r: T) => string) => {
        const m = new Map<string, T[]>();
        for (const r of rows) {
          const k = key(r);
          const list = m.get(k);
          if (list) list.push(r);
          else m.set(k, [r]);
        }
        return m;
      };
      const turnsOf = group(turnRows, (t) => t.battleId);
      const votesOf = group(voteRows, (v) => v.battleId);
      const replyBattle = new Map(turnRows.filter((t) => t.replyId).map((t) => [t.replyId!, t.battleId]));
      const reactionsOf = group(reactionRows, (r) => replyBattle.get(r.replyId) ?? '');
      for (const b of eligible) {
        const turns = turnsOf.get(b.id) ?? [];
        if (turns.length === 0) {
          summary.excluded.noConversation++;
          continue;
        }
        if (turns.some((t) => excludedPeople.has(t.authorId)) || excludedPeople.has(b.initiatorId)) {
          summary.excluded.authorOptedOut++;
          continue;
        }
        // Redaction only where screening found something: a clean battle's texts are published exactly as written.
        const clean = b.piiVerdict === 'clean' ? (s: string) => s : (s: string) => redactPii(s);
        const conv: Record<'a' | 'b', Message[]> = { a: [], b: [] };
        const tokens = { a: 0, b: 0 };
        const replies = new Map<string, { side: 'a' | 'b'; index: number; prompt: string; text: string }>();
        let lastIndex = -1;
        let turnCount = 0;
        let opening = '';
        for (const t of turns) {
          if (t.index !== lastIndex) {
            lastIndex = t.index;
            turnCount++;
            const prompt = clean(t.prompt);
            if (turnCount === 1) opening = prompt;
            conv.a.push({ role: 'user', content: prompt });
            conv.b.push({ role: 'user', content: prompt });
          }
          if (t.side === 'a' || t.side === 'b') {
            const text = clean(t.text ?? '');
            conv[t.side].push({ role: 'assistant', content: text });
            tokens[t.side] += t.tokensOut ?? 0;
            if (t.replyId) replies.set(t.replyId, { side: t.side, index: t.index, prompt: clean(t.prompt), text });
          }
        }
        const pairId = h('battle', b.id);
        const ctx = {
          platform: b.platform,
          chat_kind: b.chatKind,
          chat_id: h('chat', b.chatId),
          language: b.language,
          campaign: b.campaign,
          mode: b.mode,
        };
        const pairCols = {
          model_a_name: b.modelA,
          model_b_name: b.modelB,
          model_pair_name: [b.modelA, b.modelB].sort().join(' vs '),
        };
        const categories = new RawJson(parseList(b.categories));
        const convCols = { opening_msg: opening, conversation_a: new RawJson(conv.a), conversation_b: new RawJson(conv.b), conv_turns: turnCount };
        const battleVotes = votesOf.get(b.id) ?? [];
        let votesWritten = 0;
        for (const v of battleVotes) {
          if (excludedPeople.has(v.voterId)) {
            summary.excludedVotes++;
            continue;
          }
          const choice = v.choice;
          const reasons = new Set(parseList(v.reasons));
          const sides = { a: choice === 'a' || choice === 'tie' || choice === 'both_bad', b: choice === 'b' || choice === 'tie' || choice === 'both_bad' };
          const comment = screenComment(v.comment);
          const at = asDate(v.createdAt);
          const row: Row = {
            id: h('vote', v.id),
            timestamp: at,
            ...pairCols,
            chosen_model_name: choice === 'a' ? b.modelA : choice === 'b' ? b.modelB : null,
            both_equal: choice === 'tie',
            both_bad: choice === 'both_bad',
            ...convCols,
            conversation_pair_id: pairId,
            battle_id: pairId,
            visitor_id: h('user', v.voterId),
            conv_comments_a: sides.a ? comment : null,
            conv_comments_b: sides.b ? comment : null,
            categories,
            ...ctx,
          };
          const judged = judgments.get(`${b.id}:${v.voterId}`);
          const judgedSide = (side: 'a' | 'b') => (judged && (judged[side].labels.length || judged[side].rating !== null) ? new RawJson(judged[side]) : null);
          row.judgments_a = judgedSide('a');
          row.judgments_b = judgedSide('b');
          for (const r of REASONS) {
            row[`conv_${r}_a`] = sides.a && reasons.has(r);
            row[`conv_${r}_b`] = sides.b && reasons.has(r);
          }
          await votes.write(row);
          await battles.write({
            question_id: pairId,
            battle_id: pairId,
            model_a: b.modelA,
            model_b: b.modelB,
            winner: choice === 'a' ? 'model_a' : choice === 'b' ? 'model_b' : choice === 'tie' ? 'tie' : 'tie (bothbad)',
            judge: h('user', v.voterId),
            turn: turnCount,
            anony: true,
            language: b.language ?? 'unknown',
            tstamp: at.getTime() / 1000,
            platform: b.platform,
          });
          votesWritten++;
        }
        await conversations.write({
          id: pairId,
          conversation_pair_id: pairId,
          timestamp: asDate(b.openedAt),
          ...pairCols,
          ...convCols,
          total_conv_a_output_tokens: tokens.a,
          total_conv_b_output_tokens: tokens.b,
          visitor_id: h('user', b.initiatorId),
          categories,
          votes_count: votesWritten,
          ...ctx,
          pii_screening: b.piiVerdict,
          pii_model: b.piiModel,
        });
        for (const r of reactionsOf.get(b.id) ?? []) {
          const reply = replies.get(r.replyId);
          if (!reply) continue;
          if (excludedPeople.has(r.userId)) {
            summary.excludedReactions++;
            continue;
          }
          const reasons = new Set(parseList(r.reasons));
          const row: Row = {
            id: h('reaction', r.id),
            timestamp: asDate(r.updatedAt),
            ...pairCols,
            refers_to_model: reply.side === 'a' ? b.modelA : b.modelB,
            model_pos: reply.side,
            msg_index: reply.index,
            conversation_pair_id: pairId,
            visitor_id: h('user', r.userId),
            question_content: reply.prompt,
            response_content: reply.text,
            liked: r.kind === 'like',
            disliked: r.kind === 'dislike',
            comment: screenComment(r.comment),
            ...ctx,
          };
          for (const reason of REASONS) row[reason] = reasons.has(reason);
          await reactions.write(row);
        }
        bump(summary.platforms, b.platform);
        bump(summary.languages, b.language);
        bump(summary.models, b.modelA);
        bump(summary.models, b.modelB);
      }
      options.onProgress?.(done, total);
    }
  } finally {
    await Promise.all([conversations.close(), votes.close(), reactions.close(), battles.close()]);
  }
  summary.conversations = conversations.rows;
  summary.votes = votes.rows;
  summary.reactions = reactions.rows;
  summary.files = [
    ...['conversations', 'votes', 'reactions'].flatMap((t) => [`${t}.parquet`, `${t}.jsonl`]),
    'battles.json',
    'README.md',
  ];
  const facts: DatasheetFacts = {
    summary,
    licence: options.licence,
    release: h.release,
    campaign: options.campaign ?? null,
    since: options.since ?? null,
    generatedAt: (options.now ?? (() => new Date()))(),
  };
  writeFileSync(path('README.md'), writeDatasheet(facts));
  return summary;
}

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
// The parts: pages.ts (a page, its eligible battles, their details), battle-rows.ts (the rows of one battle).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/db';
import { publishingAllowed } from '../publishing';
import type { Pseudonymizer } from '../pseudonyms';
import { writeBattle, type BattleRowDeps } from './battle-rows';
import { CONVERSATION_COLUMNS, REACTION_COLUMNS, VOTE_COLUMNS } from './columns';
import { writeDatasheet, type DatasheetFacts } from './datasheet';
import { eligibleOf, pageDetails, readPage } from './pages';
import { createJsonArrayWriter, createTableWriter } from './writers';

export { publishingAllowed };

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

  const deps: BattleRowDeps = { h, excludedPeople, summary, writers: { conversations, votes, reactions, battles } };
  let after = '';
  let done = 0;
  try {
    for (;;) {
      const rows = await readPage(db, after, pageSize);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      done += rows.length;
      const eligible = eligibleOf(rows, { campaignId, since }, summary.excluded);
      const details = await pageDetails(db, eligible.map((b) => b.id));
      for (const b of eligible) await writeBattle(deps, b, details);
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

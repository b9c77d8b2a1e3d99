// Votes and reactions. The database's unique keys decide races (one vote per voter and battle, one reaction per person
// and reply) rather than read-then-write checks, and a vote is counted on its battle in the same statement or
// transaction that stores it.
import type { Kysely } from 'kysely';
import type { VoteChoice } from '../../port/types';
import type { Db } from '../database';
import { isUniqueViolation } from '../database';
import type { DB } from '../db';
import { newId } from '../ids';
import { prepare, variants } from '../prepared';
import { emptyTally, reactionDetails } from '../rows';
import type { BattleStore, CastVoteResult } from '../types';
import { BattleStatusValue, ReactionKindValue, ReactionReasonListValue, ReactionReasonValue, StringListValue, VoteChoiceValue, readJson, readValue } from '../values';
import { onFoundRow } from './row-check';

type VoteMethods = 'castVote' | 'changeVote' | 'getVote' | 'addVoteReason' | 'setVoteComment' | 'tally';
type ReactionMethods = 'react' | 'getReaction';

interface VoteValues {
  id: string;
  battleId: string;
  voterId: string;
  choice: string;
  reasons: string;
  comment: string | null;
  /** Close the battle when its count reaches this (null: never here). */
  closeAt: number | null;
  turn: number | null;
  now: Date;
}

const COUNTERS = ['voteCount', 'votesA', 'votesB', 'votesTie', 'votesBothBad', 'status'] as const;

/**
 * Counts a vote on its battle, only while the battle is open: the total and the choice's counter, and the close when
 * the new total reaches `closeAt`, in one UPDATE, so that the vote that reaches the count is the one that closes. On
 * PostgreSQL it locks the battle's row, so votes on one battle queue behind each other and none slips in after a
 * concurrent close (which re-checks `status` once the lock is free).
 */
function countVote(db: Kysely<DB>, choice: VoteChoice, p: VoteValues) {
  return db
    .updateTable('Battle')
    .set((eb) => {
      const reaches = eb(eb('voteCount', '+', 1), '>=', p.closeAt);
      return {
        voteCount: eb('voteCount', '+', 1),
        ...(choice === 'a' ? { votesA: eb('votesA', '+', 1) } : {}),
        ...(choice === 'b' ? { votesB: eb('votesB', '+', 1) } : {}),
        ...(choice === 'tie' ? { votesTie: eb('votesTie', '+', 1) } : {}),
        ...(choice === 'both_bad' ? { votesBothBad: eb('votesBothBad', '+', 1) } : {}),
        status: eb.case().when(reaches).then('closed').else(eb.ref('status')).end(),
        // (read back as text on SQLite, written as a Date: the types of db.ts tell the two apart)
        closedAt: eb.case().when(reaches).then(p.now).else(eb.ref('closedAt')).end().$castTo<Date | null>(),
      };
    })
    .where('id', '=', p.battleId)
    .where(onFoundRow('status'), '=', 'open')
    .returning(COUNTERS);
}

const voteRow = (p: VoteValues) => ({ id: p.id, battleId: p.battleId, voterId: p.voterId, choice: p.choice, reasons: p.reasons, comment: p.comment, turn: p.turn, createdAt: p.now });

export function voteStore({ kysely: db, provider }: Db): Pick<BattleStore, VoteMethods> {
  const count = variants((choice: VoteChoice) => prepare((p: VoteValues) => countVote(db, choice, p)));
  const insertVote = prepare((p: VoteValues) => db.insertInto('Vote').values(voteRow(p)));
  // PostgreSQL: the count and the vote in ONE statement (a data-modifying CTE; the vote is inserted only when the
  // battle was counted). A second vote by the same person fails on the unique key and takes the count with it. SQLite
  // has no such CTEs; there the two run in one transaction.
  const castPg = variants((choice: VoteChoice) =>
    prepare((p: VoteValues) =>
      db
        .with('counted', () => countVote(db, choice, p))
        .with('vote', (qc) =>
          qc
            .insertInto('Vote')
            .columns(['id', 'battleId', 'voterId', 'choice', 'reasons', 'comment', 'turn', 'createdAt'])
            .expression((eb) =>
              eb.selectFrom('counted').select([
                eb.val(p.id).as('id'), eb.val(p.battleId).as('battleId'), eb.val(p.voterId).as('voterId'), eb.val(p.choice).as('choice'),
                eb.val(p.reasons).as('reasons'), eb.val(p.comment).as('comment'), eb.val(p.turn).as('turn'), eb.val(p.now).as('createdAt'),
              ]),
            )
            .returning('id'),
        )
        .selectFrom('counted')
        .selectAll(),
    ),
  );
  const voteOf = prepare((p: { battleId: string; voterId: string }) => db.selectFrom('Vote').select('choice').where('battleId', '=', p.battleId).where('voterId', '=', p.voterId));
  const statusOf = prepare((p: { id: string }) => db.selectFrom('Battle').select('status').where('id', '=', p.id));
  // Writing first locks the vote's row (PostgreSQL) before its reasons are read.
  const lockReasons = prepare((p: { battleId: string; voterId: string }) =>
    db.updateTable('Vote').set((eb) => ({ reasons: eb.ref('reasons') })).where('battleId', '=', p.battleId).where('voterId', '=', p.voterId).returning('reasons'),
  );
  const setReasons = prepare((p: { battleId: string; voterId: string; reasons: string }) =>
    db.updateTable('Vote').set({ reasons: p.reasons }).where('battleId', '=', p.battleId).where('voterId', '=', p.voterId),
  );
  const setComment = prepare((p: { battleId: string; voterId: string; comment: string }) =>
    db.updateTable('Vote').set({ comment: p.comment }).where('battleId', '=', p.battleId).where('voterId', '=', p.voterId),
  );
  // The tally counts what the rankings count: a changed vote by its blind first choice (as the battle's counters do).
  const tally = prepare((p: { battleId: string }) =>
    db
      .selectFrom('Vote')
      .select((eb) => [eb.fn.coalesce('blindChoice', 'choice').as('choice'), eb.fn.countAll<number>().as('n')])
      .where('battleId', '=', p.battleId)
      .groupBy((eb) => eb.fn.coalesce('blindChoice', 'choice')),
  );

  const counted = async (choice: VoteChoice, values: VoteValues) => {
    if (provider === 'postgresql') return (await db.executeQuery(castPg(choice)(values))).rows[0];
    return db.transaction().execute(async (tx) => {
      const { rows } = await tx.executeQuery(count(choice)(values));
      if (rows[0]) await tx.executeQuery(insertVote(values));
      return rows[0];
    });
  };

  return {
    async castVote(battleId, voterId, choice, options = {}): Promise<CastVoteResult> {
      const checked = readValue(VoteChoiceValue, choice, 'vote choice');
      const values: VoteValues = {
        id: newId(), battleId, voterId, choice: checked, reasons: JSON.stringify(options.reasons ?? []), comment: options.comment ?? null,
        closeAt: options.closeAtVotes ?? null, turn: options.turn ?? null, now: new Date(),
      };
      let row;
      try {
        row = await counted(checked, values);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const { rows } = await db.executeQuery(voteOf({ battleId, voterId }));
        if (!rows[0]) throw error;
        return { status: 'duplicate', choice: readValue(VoteChoiceValue, rows[0].choice, 'Vote.choice') };
      }
      if (!row) {
        const { rows } = await db.executeQuery(statusOf({ id: battleId }));
        if (!rows[0]) throw new Error(`battle ${battleId} does not exist`);
        return { status: 'not_open', battleStatus: readValue(BattleStatusValue, rows[0].status, 'Battle.status') };
      }
      const voteCount = Number(row.voteCount);
      if (row.status !== 'closed') return { status: 'counted', voteCount };
      const tally = { a: Number(row.votesA), b: Number(row.votesB), tie: Number(row.votesTie), both_bad: Number(row.votesBothBad) };
      return { status: 'counted', voteCount, closed: { tally } };
    },

    async changeVote(battleId, voterId, choice, turn) {
      const next = readValue(VoteChoiceValue, choice, 'vote choice');
      return db.transaction().execute(async (tx) => {
        // Touching the battle first locks its row (PostgreSQL): a close cannot slip between the check and the change.
        const battle = await tx
          .updateTable('Battle')
          .set((eb) => ({ status: eb.ref('status') }))
          .where('id', '=', battleId)
          .returning('status')
          .executeTakeFirst();
        if (!battle) throw new Error(`battle ${battleId} does not exist`);
        const status = readValue(BattleStatusValue, battle.status, 'Battle.status');
        if (status !== 'open') return { status: 'not_open', battleStatus: status } as const;
        const vote = await tx.selectFrom('Vote').select(['choice', 'blindChoice']).where('battleId', '=', battleId).where('voterId', '=', voterId).executeTakeFirst();
        if (!vote) return { status: 'no_vote' } as const;
        const from = readValue(VoteChoiceValue, vote.choice, 'Vote.choice');
        if (from === next) return { status: 'unchanged', choice: from } as const;
        await tx
          .updateTable('Vote')
          .set({ choice: next, blindChoice: vote.blindChoice ?? from, changedAt: new Date(), ...(turn !== undefined ? { turn } : {}) })
          .where('battleId', '=', battleId)
          .where('voterId', '=', voterId)
          .execute();
        return { status: 'changed', from, choice: next } as const;
      });
    },

    async getVote(battleId, voterId) {
      const { rows } = await db.executeQuery(voteOf({ battleId, voterId }));
      return rows[0] ? readValue(VoteChoiceValue, rows[0].choice, 'Vote.choice') : null;
    },

    async addVoteReason(battleId, voterId, reason) {
      const tag = readValue(ReactionReasonValue, reason, 'vote reason');
      return db.transaction().execute(async (tx) => {
        const { rows } = await tx.executeQuery(lockReasons({ battleId, voterId }));
        if (!rows[0]) return null;
        const reasons = [...new Set([...readJson(StringListValue, rows[0].reasons, 'Vote.reasons'), tag])];
        await tx.executeQuery(setReasons({ battleId, voterId, reasons: JSON.stringify(reasons) }));
        return reasons;
      });
    },

    async setVoteComment(battleId, voterId, comment) {
      const result = await db.executeQuery(setComment({ battleId, voterId, comment }));
      return Number(result.numAffectedRows ?? 0) > 0;
    },

    async tally(battleId) {
      const { rows } = await db.executeQuery(tally({ battleId }));
      const counts = emptyTally();
      for (const row of rows) counts[readValue(VoteChoiceValue, row.choice, 'Vote.choice')] += Number(row.n);
      return counts;
    },
  };
}

export function reactionStore({ kysely: db }: Db): Pick<BattleStore, ReactionMethods> {
  const reactionOf = prepare((p: { replyId: string; userId: string }) =>
    db.selectFrom('Reaction').select(['kind', 'reasons']).where('replyId', '=', p.replyId).where('userId', '=', p.userId),
  );

  return {
    async react(replyId, userId, kind, reasons, comment) {
      const details = reactionDetails(kind, reasons, comment);
      const now = new Date();
      await db.transaction().execute(async (tx) => {
        // Switching like ↔ dislike drops the reasons and comment given for the other kind.
        await tx
          .updateTable('Reaction')
          .set({ reasons: '[]', comment: null, updatedAt: now })
          .where('replyId', '=', replyId)
          .where('userId', '=', userId)
          .where('kind', '<>', details.kind)
          .execute();
        // Pressing again without reasons or a comment keeps the ones given.
        await tx
          .insertInto('Reaction')
          .values({ id: newId(), replyId, userId, kind: details.kind, reasons: details.reasons ?? '[]', comment: details.comment ?? null, createdAt: now, updatedAt: now })
          .onConflict((oc) =>
            oc.columns(['replyId', 'userId']).doUpdateSet((eb) => ({
              kind: eb.ref('excluded.kind'),
              ...(details.reasons !== undefined ? { reasons: eb.ref('excluded.reasons') } : {}),
              ...(details.comment !== undefined ? { comment: eb.ref('excluded.comment') } : {}),
              updatedAt: eb.ref('excluded.updatedAt'),
            })),
          )
          .execute();
      });
    },

    async getReaction(replyId, userId) {
      const { rows } = await db.executeQuery(reactionOf({ replyId, userId }));
      if (!rows[0]) return null;
      return { kind: readValue(ReactionKindValue, rows[0].kind, 'Reaction.kind'), reasons: readJson(ReactionReasonListValue, rows[0].reasons, 'Reaction.reasons') };
    },
  };
}

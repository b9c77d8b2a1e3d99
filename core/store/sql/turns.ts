// Turns (the prompts of a battle) and their replies.
import type { Db } from '../database';
import { isUniqueViolation } from '../database';
import { newId } from '../ids';
import { prepare, variants } from '../prepared';
import { replyData, toReplyRow, toTurnRow, type ReplyRecord } from '../rows';
import type { BattleStore, TurnRow } from '../types';
import { REPLY_COLUMNS, replySaver } from './replies';

type Methods = 'addTurn' | 'saveReply' | 'getTurns' | 'getReply' | 'spendSince';

/** Two follow-ups at once may pick the same index on PostgreSQL; the unique (battleId, index) refuses the second. */
const TURN_INSERT_ATTEMPTS = 10;

export function turnStore(database: Db): Pick<BattleStore, Methods> {
  const db = database.kysely;
  const save = replySaver(database);
  // One statement picks the next index and inserts the turn.
  const insertTurn = prepare((p: { id: string; battleId: string; authorId: string; prompt: string; now: Date }) =>
    db
      .insertInto('Turn')
      .values(({ selectFrom }) => ({
        id: p.id,
        battleId: p.battleId,
        index: selectFrom('Turn')
          .select((eb) => eb.fn.coalesce(eb(eb.fn.max('index'), '+', 1), eb.lit(0)).as('next'))
          .where('battleId', '=', p.battleId),
        authorId: p.authorId,
        prompt: p.prompt,
        createdAt: p.now,
      }))
      .returning('index'),
  );
  const turnsOf = prepare((p: { battleId: string }) =>
    db
      .selectFrom('Turn as t')
      .leftJoin('Reply as r', 'r.turnId', 't.id')
      .select(['t.id as turnId', 't.index as turnIndex', 't.authorId', 't.prompt'])
      .select(REPLY_COLUMNS.map((column) => `r.${column}` as const))
      .where('t.battleId', '=', p.battleId)
      .orderBy('t.index')
      .orderBy('r.side'),
  );
  const replyOf = variants((which: 'latest' | 'turn') =>
    prepare((p: { battleId: string; side: string; index: number }) => {
      const query = db
        .selectFrom('Reply as r')
        .innerJoin('Turn as t', 't.id', 'r.turnId')
        .select(REPLY_COLUMNS.map((column) => `r.${column}` as const))
        .where('t.battleId', '=', p.battleId)
        .where('r.side', '=', p.side);
      return which === 'turn' ? query.where('t.index', '=', p.index) : query.orderBy('t.index', 'desc').limit(1);
    }),
  );

  return {
    async addTurn(battleId, authorId, prompt) {
      for (let attempt = 1; ; attempt++) {
        const id = newId();
        try {
          const { rows } = await db.executeQuery(insertTurn({ id, battleId, authorId, prompt, now: new Date() }));
          return { id, index: Number(rows[0]!.index), authorId, prompt, replies: {} };
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= TURN_INSERT_ATTEMPTS) throw error;
        }
      }
    },

    async spendSince(since, chatId) {
      // Replies of the day carry their cost; a chat's spend joins through its battles (replies are indexed by time).
      let query = db
        .selectFrom('Reply as r')
        .innerJoin('Turn as t', 't.id', 'r.turnId')
        .innerJoin('Battle as b', 'b.id', 't.battleId')
        .select(['b.chatId as chatId', 'r.modelId as modelId', (eb) => eb.fn.sum<number>('r.costUsd').as('usd')])
        .where('r.createdAt', '>=', since)
        .where('r.costUsd', 'is not', null)
        .groupBy(['b.chatId', 'r.modelId']);
      if (chatId !== undefined) query = query.where('b.chatId', '=', chatId);
      const rows = await query.execute();
      return rows.map((r) => ({ chatId: r.chatId, modelId: r.modelId, usd: Number(r.usd ?? 0) }));
    },

    async saveReply(turnId, side, result) {
      return save({ id: newId(), turnId, side, now: new Date(), ...replyData(result) });
    },

    async getTurns(battleId) {
      const { rows } = await db.executeQuery(turnsOf({ battleId }));
      const turns: TurnRow[] = [];
      let current: { row: (typeof rows)[number]; replies: ReplyRecord[] } | undefined;
      const flush = () => {
        if (current) turns.push(toTurnRow({ id: current.row.turnId, index: current.row.turnIndex, authorId: current.row.authorId, prompt: current.row.prompt }, current.replies));
      };
      for (const row of rows) {
        if (current?.row.turnId !== row.turnId) {
          flush();
          current = { row, replies: [] };
        }
        if (row.id !== null) current.replies.push(row as ReplyRecord);
      }
      flush();
      return turns;
    },

    async getReply(battleId, side, turnIndex) {
      const query = replyOf(turnIndex === undefined ? 'latest' : 'turn');
      const { rows } = await db.executeQuery(query({ battleId, side, index: turnIndex ?? 0 }));
      return rows[0] ? toReplyRow(rows[0]) : null;
    },
  };
}

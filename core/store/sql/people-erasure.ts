// Erasure (/forget): a person's prompts, votes (or only their comments), reactions, profile and platform id go; the
// row stays, anonymous, so the battles and votes that remain keep a valid reference.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db';
import { newId } from '../ids';
import type { ErasureResult } from './people';

const COUNTER: Record<string, 'votesA' | 'votesB' | 'votesTie' | 'votesBothBad'> = { a: 'votesA', b: 'votesB', tie: 'votesTie', both_bad: 'votesBothBad' };

/** Takes votes off their battles' counts, grouped by battle and choice (one UPDATE per group). */
async function uncount(tx: Transaction<DB>, votes: ReadonlyArray<{ battleId: string; choice: string }>) {
  const groups = new Map<string, { battleId: string; choice: string; n: number }>();
  for (const v of votes) {
    const key = `${v.battleId}\u0000${v.choice}`;
    const g = groups.get(key) ?? { battleId: v.battleId, choice: v.choice, n: 0 };
    g.n++;
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const column = COUNTER[g.choice];
    await tx
      .updateTable('Battle')
      .set((eb) => ({ voteCount: eb('voteCount', '-', g.n), ...(column ? { [column]: eb(column, '-', g.n) } : {}) }))
      .where('id', '=', g.battleId)
      .execute();
  }
}

export const erasePerson = (db: Kysely<DB>, userId: string, options: { keepVotes: boolean; at: Date }): Promise<ErasureResult> =>
  db.transaction().execute(async (tx) => {
    const result: ErasureResult = { prompts: 0, replies: 0, votes: 0, votesKept: 0, reactions: 0 };
    // Their prompts, the replies to them, and everyone's reactions to those replies (the reactions quote nothing, but
    // they belong to a conversation that no longer exists).
    const own = await tx.selectFrom('Reaction').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).executeTakeFirst();
    result.reactions = Number(own?.n ?? 0);
    const turnIds = (await tx.selectFrom('Turn').select('id').where('authorId', '=', userId).execute()).map((t) => t.id);
    if (turnIds.length) {
      const replyIds = (await tx.selectFrom('Reply').select('id').where('turnId', 'in', turnIds).execute()).map((r) => r.id);
      if (replyIds.length) {
        await tx.deleteFrom('Reaction').where('replyId', 'in', replyIds).execute();
        result.replies = Number((await tx.deleteFrom('Reply').where('id', 'in', replyIds).executeTakeFirst()).numDeletedRows);
      }
      result.prompts = Number((await tx.deleteFrom('Turn').where('id', 'in', turnIds).executeTakeFirst()).numDeletedRows);
    }
    await tx.deleteFrom('Reaction').where('userId', '=', userId).execute();
    if (options.keepVotes) {
      // The choice and its reason tags stay and keep counting; the free-text comment could say who wrote it.
      const kept = await tx.updateTable('Vote').set({ comment: null }).where('voterId', '=', userId).executeTakeFirst();
      result.votesKept = Number(kept.numUpdatedRows);
    } else {
      const votes = await tx.selectFrom('Vote').select(['battleId', 'choice']).where('voterId', '=', userId).execute();
      await uncount(tx, votes);
      // Their judgments of the replies go with their votes.
      await tx.deleteFrom('Judgment').where('userId', '=', userId).execute();
      result.votes = Number((await tx.deleteFrom('Vote').where('voterId', '=', userId).executeTakeFirst()).numDeletedRows);
    }
    // Their private chats with the bot are theirs too: on some platforms the chat's id is the person's own id, and its
    // message references carry it. The chat rows stay (the battles in them hold other people's votes) under a random id.
    const privateChats = (
      await tx
        .selectFrom('Chat')
        .select('id')
        .where('kind', '=', 'private')
        .where('id', 'in', (eb) => eb.selectFrom('Battle').select('chatId').where('initiatorId', '=', userId))
        .execute()
    ).map((c) => c.id);
    if (privateChats.length) {
      await tx.deleteFrom('MessageRef').where('chatId', 'in', privateChats).execute();
      for (const chatId of privateChats) {
        await tx.updateTable('Chat').set({ externalId: `erased:${newId()}`, title: null, updatedAt: options.at }).where('id', '=', chatId).execute();
      }
    }
    // The row stays for the battles it started and the votes kept, with nothing that leads back to the person: the
    // platform id becomes a random one (the person, if they come back, gets a new row and is told again).
    await tx
      .updateTable('User')
      .set({
        externalId: `erased:${newId()}`,
        displayName: null,
        locale: null,
        profile: null,
        profileAskedAt: null,
        consentedAt: null,
        consent: 'withdrawn',
        consentAt: options.at,
        publishOptOut: true,
        erasedAt: options.at,
        updatedAt: options.at,
      })
      .where('id', '=', userId)
      .execute();
    return result;
  });

// Everything stored about a person as one document (/mydata): their profile, prompts and the replies to them, votes,
// reactions and judgments.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { PersonalData } from './people';
import { asBool, iso, parseList, parseProfile } from './people-values';

export async function personalData(db: Kysely<DB>, userId: string): Promise<PersonalData | null> {
  const user = await db.selectFrom('User').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) return null;
  // Model names are shown only for battles that closed: an open battle must stay blind, even to its author.
  const turns = await db
    .selectFrom('Turn as t')
    .innerJoin('Battle as b', 'b.id', 't.battleId')
    .leftJoin('Reply as r', 'r.turnId', 't.id')
    .select(['t.id as turnId', 'b.token', 'b.status', 't.index', 't.prompt', 't.createdAt', 'r.side', 'r.modelId', 'r.text', 'r.tokensOut', 'r.energyWh', 'r.co2eG'])
    .where('t.authorId', '=', userId)
    .orderBy('t.createdAt')
    .orderBy('r.side')
    .execute();
  const prompts = new Map<string, PersonalData['prompts'][number]>();
  for (const row of turns) {
    let entry = prompts.get(row.turnId);
    if (!entry) prompts.set(row.turnId, (entry = { battle: row.token, turn: Number(row.index), prompt: row.prompt, createdAt: iso(row.createdAt)!, replies: [] }));
    if (row.side) {
      entry.replies.push({
        side: row.side,
        model: row.status === 'closed' ? row.modelId : null,
        text: row.text ?? '',
        tokens: row.tokensOut === null ? null : Number(row.tokensOut),
        energyWh: row.energyWh,
        co2eG: row.co2eG,
      });
    }
  }
  const votes = await db
    .selectFrom('Vote as v')
    .innerJoin('Battle as b', 'b.id', 'v.battleId')
    .select(['b.token', 'b.status', 'b.modelAId', 'b.modelBId', 'v.choice', 'v.reasons', 'v.comment', 'v.createdAt'])
    .where('v.voterId', '=', userId)
    .orderBy('v.createdAt')
    .execute();
  const reactions = await db
    .selectFrom('Reaction as x')
    .innerJoin('Reply as r', 'r.id', 'x.replyId')
    .innerJoin('Turn as t', 't.id', 'r.turnId')
    .innerJoin('Battle as b', 'b.id', 't.battleId')
    .select(['b.token', 't.index', 'r.side', 'x.kind', 'x.reasons', 'x.comment', 'x.createdAt'])
    .where('x.userId', '=', userId)
    .orderBy('x.createdAt')
    .execute();
  const judgments = await db
    .selectFrom('Judgment as j')
    .innerJoin('Battle as b', 'b.id', 'j.battleId')
    .select(['b.token', 'j.side', 'j.key', 'j.value', 'j.createdAt'])
    .where('j.userId', '=', userId)
    .orderBy('j.createdAt')
    .execute();
  return {
    person: {
      id: user.id,
      platform: user.platform,
      platformId: user.externalId,
      displayName: user.displayName,
      locale: user.locale,
      consentShownAt: iso(user.consentedAt),
      publicationOptOut: asBool(user.publishOptOut),
      profile: parseProfile(user.profile),
      createdAt: iso(user.createdAt)!,
    },
    prompts: [...prompts.values()],
    votes: votes.map((v) => ({
      battle: v.token,
      choice: v.choice,
      reasons: parseList(v.reasons),
      comment: v.comment,
      modelA: v.status === 'closed' ? v.modelAId : null,
      modelB: v.status === 'closed' ? v.modelBId : null,
      createdAt: iso(v.createdAt)!,
    })),
    reactions: reactions.map((x) => ({ battle: x.token, turn: Number(x.index), side: x.side, kind: x.kind, reasons: parseList(x.reasons), comment: x.comment, createdAt: iso(x.createdAt)! })),
    judgments: judgments.map((j) => ({ battle: j.token, side: j.side, key: j.key, value: Number(j.value), createdAt: iso(j.createdAt)! })),
  };
}

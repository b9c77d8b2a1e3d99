// What Pnyx keeps about one person, and their rights over it (issue 16): the consent notice shown once, the opt-out of
// publication, the optional profile, everything stored about them as one document (/mydata), and erasure (/forget).
// Apart from the BattleStore so that stores without people's rights (the benchmark's in-memory store) need not grow.
import type { Transaction } from 'kysely';
import type { Db } from '../database';
import type { DB } from '../db';
import { newId } from '../ids';

export interface PersonRecord {
  id: string;
  platform: string;
  consentedAt: Date | null;
  publishOptOut: boolean;
  erasedAt: Date | null;
  /** The optional profile's answers by question (core/engine/profile.ts), or null when never answered. */
  profile: Record<string, string[]> | null;
  profileAskedAt: Date | null;
}

/** Everything stored about a person, as they receive it from /mydata. Model names only for battles already revealed. */
export interface PersonalData {
  person: {
    id: string;
    platform: string;
    platformId: string;
    displayName: string | null;
    locale: string | null;
    consentShownAt: string | null;
    publicationOptOut: boolean;
    profile: Record<string, string[]> | null;
    createdAt: string;
  };
  prompts: Array<{
    battle: string;
    turn: number;
    prompt: string;
    createdAt: string;
    replies: Array<{ side: string; model: string | null; text: string; tokens: number | null; energyWh: number | null; co2eG: number | null }>;
  }>;
  votes: Array<{ battle: string; choice: string; reasons: string[]; comment: string | null; modelA: string | null; modelB: string | null; createdAt: string }>;
  reactions: Array<{ battle: string; turn: number; side: string; kind: string; reasons: string[]; comment: string | null; createdAt: string }>;
  /** Labels and ratings the person gave replies after voting in a campaign (a flag is 1; a rating 1–5). */
  judgments: Array<{ battle: string; side: string; key: string; value: number; createdAt: string }>;
}

export interface ErasureResult {
  prompts: number;
  replies: number;
  votes: number;
  /** Votes kept without anything that links them to the person (keepVotes). */
  votesKept: number;
  reactions: number;
}

export interface PeopleStore {
  /** The person's privacy state, or null for an unknown id. */
  getPerson(userId: string): Promise<PersonRecord | null>;
  /** Records that the consent notice was shown; true only for the one call that recorded it (shown once, whatever the races). */
  markConsentShown(userId: string, at: Date): Promise<boolean>;
  /** Undoes markConsentShown when the notice could not reach the person after all (shown next time instead). */
  clearConsentShown(userId: string): Promise<void>;
  setPublishOptOut(userId: string, optOut: boolean): Promise<void>;
  /** Records that the profile was offered; true only for the call that recorded it (offered once). */
  markProfileAsked(userId: string, at: Date): Promise<boolean>;
  /** Replaces one answer of the profile (an empty list removes it). */
  setProfileAnswer(userId: string, question: string, answers: string[]): Promise<Record<string, string[]>>;
  /** Votes the person has cast. */
  voteCount(userId: string): Promise<number>;
  personalData(userId: string): Promise<PersonalData | null>;
  /**
   * Erases the person's prompts (their turns, the replies to them and everyone's reactions to those replies), their
   * votes (taken off the battles' counts) or, with keepVotes, the votes' comments only, their reactions and profile,
   * and their platform id and name; the row stays, anonymous, with erasedAt set so later exports leave it out.
   */
  erasePerson(userId: string, options: { keepVotes: boolean; at: Date }): Promise<ErasureResult>;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const asDate = (d: Date | string | null): Date | null => (d === null ? null : new Date(d));
const asBool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 'true';

function parseProfile(json: string | null): Record<string, string[]> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(value)) if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    return out;
  } catch {
    return null;
  }
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

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

export function createPeopleStore({ kysely: db }: Db): PeopleStore {
  const getPerson = async (userId: string): Promise<PersonRecord | null> => {
    const row = await db
      .selectFrom('User')
      .select(['id', 'platform', 'consentedAt', 'publishOptOut', 'erasedAt', 'profile', 'profileAskedAt'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      platform: row.platform,
      consentedAt: asDate(row.consentedAt),
      publishOptOut: asBool(row.publishOptOut),
      erasedAt: asDate(row.erasedAt),
      profile: parseProfile(row.profile),
      profileAskedAt: asDate(row.profileAskedAt),
    };
  };

  const personalData = async (userId: string): Promise<PersonalData | null> => {
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
  };

  const erasePerson = (userId: string, options: { keepVotes: boolean; at: Date }): Promise<ErasureResult> =>
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

  return {
    getPerson,
    async markConsentShown(userId, at) {
      const r = await db.updateTable('User').set({ consentedAt: at }).where('id', '=', userId).where('consentedAt', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async clearConsentShown(userId) {
      await db.updateTable('User').set({ consentedAt: null }).where('id', '=', userId).execute();
    },
    async setPublishOptOut(userId, optOut) {
      await db.updateTable('User').set({ publishOptOut: optOut, updatedAt: new Date() }).where('id', '=', userId).execute();
    },
    async markProfileAsked(userId, at) {
      const r = await db.updateTable('User').set({ profileAskedAt: at }).where('id', '=', userId).where('profileAskedAt', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async setProfileAnswer(userId, question, answers) {
      return db.transaction().execute(async (tx) => {
        const row = await tx.selectFrom('User').select('profile').where('id', '=', userId).executeTakeFirst();
        const profile = parseProfile(row?.profile ?? null) ?? {};
        if (answers.length) profile[question] = answers;
        else delete profile[question];
        await tx.updateTable('User').set({ profile: JSON.stringify(profile), updatedAt: new Date() }).where('id', '=', userId).execute();
        return profile;
      });
    },
    async voteCount(userId) {
      const row = await db.selectFrom('Vote').select((eb) => eb.fn.countAll<number>().as('n')).where('voterId', '=', userId).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    personalData,
    erasePerson,
  };
}

// What Pnyx keeps about one person, and their rights over it (issue 16): the consent notice shown once, the opt-out of
// publication, the optional profile, everything stored about them as one document (/mydata), and erasure (/forget).
// Apart from the BattleStore so that stores without people's rights (the benchmark's in-memory store) need not grow.
// The parts: people-data.ts (/mydata), people-erasure.ts (/forget), people-values.ts (columns as either database returns them).
import type { Db } from '../database';
import { personalData } from './people-data';
import { erasePerson } from './people-erasure';
import { asBool, asDate, parseProfile } from './people-values';

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
    personalData: (userId) => personalData(db, userId),
    erasePerson: (userId, options) => erasePerson(db, userId, options),
  };
}

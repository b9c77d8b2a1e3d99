// Leaderboard segments by the optional profile (core/engine/profile.ts): the votes of people who gave one answer to
// one question ("age=25-34", "lang=fr"). A segment is shown only when at least MIN_SEGMENT_PEOPLE different people
// are in it: a board of a handful of people would say how each of them votes. Erased people have no profile.
import type { Kysely } from 'kysely';
import type { DB } from '../store/db';
import type { VoteRow } from './types';

export const MIN_SEGMENT_PEOPLE = 20;

export interface ProfileSegment {
  question: string;
  band: string;
}

/** `question=band`, e.g. `age=25-34`; throws with a readable message otherwise. */
export function parseProfileSegment(arg: string): ProfileSegment {
  const match = /^([a-z]{1,16})=([a-z0-9-]{1,16})$/.exec(arg.trim());
  if (!match) throw new Error(`profile segment "${arg}": use QUESTION=ANSWER, e.g. age=25-34 or lang=fr`);
  return { question: match[1]!, band: match[2]! };
}

/** Every profile answered so far, by user id (people who erased their data have none). */
export async function readProfiles(db: Kysely<DB>): Promise<Map<string, Record<string, string[]>>> {
  const rows = await db.selectFrom('User').select(['id', 'profile']).where('profile', 'is not', null).where('erasedAt', 'is', null).execute();
  const profiles = new Map<string, Record<string, string[]>>();
  for (const row of rows) {
    try {
      const value: unknown = JSON.parse(row.profile!);
      if (value && typeof value === 'object' && !Array.isArray(value)) profiles.set(row.id, value as Record<string, string[]>);
    } catch {
      // A profile written by hand and broken: that person is in no segment.
    }
  }
  return profiles;
}

export interface ProfileRows {
  rows: VoteRow[];
  /** Different people whose votes are in the segment. */
  people: number;
  /** At least MIN_SEGMENT_PEOPLE people: the segment may be shown. */
  shown: boolean;
}

/** The votes of the people in the segment (votes without a voter, or by people without that answer, are left out). */
export function profileRows(rows: Iterable<VoteRow>, profiles: ReadonlyMap<string, Record<string, string[]>>, segment: ProfileSegment, minPeople = MIN_SEGMENT_PEOPLE): ProfileRows {
  const kept: VoteRow[] = [];
  const people = new Set<string>();
  for (const row of rows) {
    const answers = row.voterId ? profiles.get(row.voterId)?.[segment.question] : undefined;
    if (!Array.isArray(answers) || !answers.includes(segment.band)) continue;
    kept.push(row);
    people.add(row.voterId!);
  }
  return { rows: kept, people: people.size, shown: people.size >= minPeople };
}

/** People per answer of one question, for the answers that may be shown (at least MIN_SEGMENT_PEOPLE people). */
export function shownBands(rows: Iterable<VoteRow>, profiles: ReadonlyMap<string, Record<string, string[]>>, question: string, minPeople = MIN_SEGMENT_PEOPLE): Map<string, number> {
  const people = new Map<string, Set<string>>();
  for (const row of rows) {
    const answers = row.voterId ? profiles.get(row.voterId)?.[question] : undefined;
    if (!Array.isArray(answers)) continue;
    for (const band of answers) {
      let set = people.get(band);
      if (!set) people.set(band, (set = new Set()));
      set.add(row.voterId!);
    }
  }
  return new Map([...people].filter(([, set]) => set.size >= minPeople).map(([band, set]) => [band, set.size]));
}

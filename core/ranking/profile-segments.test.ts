import { describe, expect, it } from 'vitest';
import { MIN_SEGMENT_PEOPLE, parseProfileSegment, profileRows, shownBands } from './profile-segments';
import type { VoteRow } from './types';

const vote = (voterId: string, outcome: VoteRow['outcome'] = 'a'): VoteRow => ({ modelA: 'm1', modelB: 'm2', outcome, voterId, battleId: `b-${voterId}` });

describe('profile segments', () => {
  // 25 people aged 25–34 (two of them also speak French), 19 aged 35–44, one without a profile.
  const profiles = new Map<string, Record<string, string[]>>();
  const rows: VoteRow[] = [];
  for (let i = 0; i < 25; i++) {
    profiles.set(`young${i}`, { age: ['25-34'], ...(i < 2 ? { lang: ['en', 'fr'] } : {}) });
    rows.push(vote(`young${i}`), vote(`young${i}`, 'b'));
  }
  for (let i = 0; i < MIN_SEGMENT_PEOPLE - 1; i++) {
    profiles.set(`mid${i}`, { age: ['35-44'] });
    rows.push(vote(`mid${i}`, 'tie'));
  }
  rows.push(vote('nobody'), { modelA: 'm1', modelB: 'm2', outcome: 'a' });

  it('keeps the votes of the people with that answer, and shows a segment only with at least 20 people', () => {
    const young = profileRows(rows, profiles, parseProfileSegment('age=25-34'));
    expect(young).toMatchObject({ people: 25, shown: true });
    expect(young.rows).toHaveLength(50);
    const mid = profileRows(rows, profiles, parseProfileSegment('age=35-44'));
    expect(mid).toMatchObject({ people: 19, shown: false });
    expect(profileRows(rows, profiles, parseProfileSegment('lang=fr'))).toMatchObject({ people: 2, shown: false });
  });

  it('lists only the answers with enough people', () => {
    expect(shownBands(rows, profiles, 'age')).toEqual(new Map([['25-34', 25]]));
    expect(shownBands(rows, profiles, 'lang')).toEqual(new Map());
  });

  it('refuses a malformed segment', () => {
    expect(() => parseProfileSegment('age')).toThrow(/QUESTION=ANSWER/);
    expect(() => parseProfileSegment('age=<script>')).toThrow(/QUESTION=ANSWER/);
  });
});

// The optional profile, PRISM-style but short: five questions answered with buttons (age band, region, languages
// spoken, familiarity with AI assistants, what the person wants from a model), every one skippable, offered once
// after the third vote. Answers are bands chosen from fixed lists, never free text, so they can be published and used
// as leaderboard segments without saying who anyone is.
import type { Translate } from '../i18n';
import type { Button } from '../port/types';
import type { PeopleStore } from '../store/sql/people';
import { encodeAction } from './actions';

export const PROFILE_OFFER_AFTER_VOTES = 3;

export interface ProfileQuestion {
  id: string;
  /** Several answers may be chosen (then a Done button moves on). */
  multi: boolean;
  answers: readonly string[];
}

export const PROFILE_QUESTIONS: readonly ProfileQuestion[] = [
  { id: 'age', multi: false, answers: ['u18', '18-24', '25-34', '35-44', '45-54', '55-64', '65p'] },
  { id: 'region', multi: false, answers: ['eu', 'na', 'la', 'af', 'me', 'as', 'oc'] },
  { id: 'lang', multi: true, answers: ['en', 'fr', 'es', 'de', 'ar', 'zh', 'other'] },
  { id: 'familiarity', multi: false, answers: ['never', 'sometimes', 'weekly', 'daily'] },
  { id: 'goal', multi: false, answers: ['factual', 'creative', 'concise', 'detailed', 'safe', 'personal'] },
];

const button = (label: string, value: string, style: Button['style'] = 'secondary'): Button => ({ label, data: encodeAction({ kind: 'me', key: 'prf', value }), style });

export function profileOfferButtons(pt: Translate): Button[] {
  return [button(pt('profile-btn-start'), 'start', 'primary'), button(pt('profile-btn-skip'), 'skip')];
}

const labelOf = (pt: Translate, q: ProfileQuestion, answer: string) => pt(`profile-${q.id === 'lang' ? 'lang' : q.id}-${answer}`);

function questionView(pt: Translate, index: number, chosen: readonly string[]): { text: string; buttons: Button[][] } {
  const q = PROFILE_QUESTIONS[index]!;
  const answers = q.answers.map((a) => {
    const on = chosen.includes(a);
    return button(on ? `• ${labelOf(pt, q, a)} •` : labelOf(pt, q, a), `${q.id}.${a}`, on ? 'primary' : 'secondary');
  });
  const rows: Button[][] = [];
  for (let i = 0; i < answers.length; i += 2) rows.push(answers.slice(i, i + 2));
  rows.push(q.multi ? [button(pt('profile-btn-done'), `${q.id}.done`, 'primary'), button(pt('profile-btn-skip-question'), `${q.id}.-`)] : [button(pt('profile-btn-skip-question'), `${q.id}.-`)]);
  return { text: pt(`profile-question-${q.id === 'lang' ? 'languages' : q.id}`), buttons: rows };
}

export interface ProfileStep {
  text: string;
  buttons: Button[][];
  /** A short confirmation shown besides (a popup where there is one). */
  toast?: string;
}

/** What a press of a profile button does and shows next; null for a value that is not one of the buttons'. */
export async function profileStep(pt: Translate, people: PeopleStore, userId: string, value: string, commands: { privacy: string; forget: string }): Promise<ProfileStep | null> {
  if (value === 'start') return questionView(pt, 0, []);
  if (value === 'skip') return { text: pt('profile-skipped', commands), buttons: [] };
  const [qid, answer] = value.split('.');
  const index = PROFILE_QUESTIONS.findIndex((q) => q.id === qid);
  const q = PROFILE_QUESTIONS[index];
  if (!q || !answer) return null;
  const next = (): ProfileStep => (index + 1 < PROFILE_QUESTIONS.length ? questionView(pt, index + 1, []) : { text: pt('profile-finished', commands), buttons: [] });
  if (answer === '-' || (answer === 'done' && q.multi)) return next();
  if (!q.answers.includes(answer)) return null;
  if (q.multi) {
    const current = (await people.getPerson(userId))?.profile?.[q.id] ?? [];
    const chosen = current.includes(answer) ? current.filter((a) => a !== answer) : [...current, answer];
    const ordered = q.answers.filter((a) => chosen.includes(a));
    await people.setProfileAnswer(userId, q.id, ordered);
    return questionView(pt, index, ordered);
  }
  await people.setProfileAnswer(userId, q.id, [answer]);
  return { ...next(), toast: pt('profile-saved') };
}

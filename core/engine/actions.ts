// Button and form payloads. They are short (the tightest platform allows 64 bytes; attach() checks every
// port against ACTION_MAX_BYTES), opaque (a battle token, never a model name) and validated on the way back in:
// forged or stale data is refused politely, never trusted.
import { z } from 'zod';
import { NEGATIVE_REASONS, POSITIVE_REASONS, type ReactionReason } from '../port/types';

const token = z.string().regex(/^[A-Za-z0-9]{6,16}$/);
const side = z.enum(['a', 'b']);
export const REASONS: readonly ReactionReason[] = [...POSITIVE_REASONS, ...NEGATIVE_REASONS];

export type Action =
  | { kind: 'vote'; token: string; choice: 'a' | 'b' | 'tie' | 'both_bad' }
  | { kind: 'react'; token: string; turn: number; side: 'a' | 'b'; reaction: 'like' | 'dislike' }
  | { kind: 'reason'; token: string; turn: number; side: 'a' | 'b'; reason: ReactionReason }
  | { kind: 'voteReason'; token: string; reason: ReactionReason }
  /** Opens the form where a voter writes why (platforms with forms). */
  | { kind: 'why'; token: string }
  /** Shows the leaderboard of one category of prompts (null: all prompts). */
  | { kind: 'board'; category: string | null }
  | { kind: 'setting'; key: string; value: string }
  /** Starts a battle on a campaign topic (the prompt of the day's button, a suggestion). */
  | { kind: 'topic'; topic: string }
  /** A person's own choices about their data (publication opt-out, erasure, the optional profile): core/engine/people.ts. */
  | { kind: 'me'; key: string; value: string }
  /** A judgment of one reply after the vote (campaigns that ask for them): a label's index to toggle, or a rating. */
  | { kind: 'judge'; token: string; side: 'a' | 'b'; label: number | null; rating: number | null };

/** Forms the core opens; their data comes back in a submit event. */
export type FormAction = { kind: 'why'; token: string } | { kind: 'timezone' } | { kind: 'join' };

/**
 * The longest payload the core produces: a reaction reason with a 16-character token and a 3-digit turn
 * (`q:<16>:999:a:6`, 25 bytes) or a setting (`s:<8>:<40>`, 51 bytes). Ports must carry at least this many bytes.
 */
export const ACTION_MAX_BYTES = 51;

const VOTE_CODES = { a: 'a', b: 'b', t: 'tie', x: 'both_bad' } as const;
const VOTE_LETTERS = { a: 'a', b: 'b', tie: 't', both_bad: 'x' } as const;

export function encodeAction(action: Action): string {
  switch (action.kind) {
    case 'vote':
      return `v:${action.token}:${VOTE_LETTERS[action.choice]}`;
    case 'react':
      return `r:${action.token}:${action.turn}:${action.side}:${action.reaction === 'like' ? '+' : '-'}`;
    case 'reason':
      return `q:${action.token}:${action.turn}:${action.side}:${REASONS.indexOf(action.reason)}`;
    case 'voteReason':
      return `w:${action.token}:${REASONS.indexOf(action.reason)}`;
    case 'why':
      return `y:${action.token}`;
    case 'board':
      return `l:${action.category ?? '*'}`;
    case 'setting':
      return `s:${action.key}:${action.value}`;
    case 'topic':
      return `k:${action.topic}`;
    case 'me':
      return `p:${action.key}:${action.value}`;
    case 'judge':
      return `j:${action.token}:${action.side}:${action.rating !== null ? `r${action.rating}` : `f${action.label}`}`;
  }
}

// Fix: digits only. z.coerce.number() also took '', ' 1', '1e0' and '0x1', so garbled data ("q:<token>:0:a:") was
// accepted as a real reaction reason.
const digits = z.string().regex(/^\d{1,3}$/).transform(Number);
const turnIndex = digits.pipe(z.number().int().min(0).max(999));

const schemas: Record<string, (parts: string[]) => Action | null> = {
  v: ([t, c]) => {
    const choice = c && Object.hasOwn(VOTE_CODES, c) ? VOTE_CODES[c as keyof typeof VOTE_CODES] : undefined;
    return token.safeParse(t).success && choice ? { kind: 'vote', token: t!, choice } : null;
  },
  r: ([t, n, s, r]) => {
    const parsed = z.tuple([token, turnIndex, side, z.enum(['+', '-'])]).safeParse([t, n, s, r]);
    if (!parsed.success) return null;
    const [tk, turn, sd, sign] = parsed.data;
    return { kind: 'react', token: tk, turn, side: sd, reaction: sign === '+' ? 'like' : 'dislike' };
  },
  q: ([t, n, s, i]) => {
    const parsed = z.tuple([token, turnIndex, side, digits.pipe(z.number().int().min(0).max(REASONS.length - 1))]).safeParse([t, n, s, i]);
    if (!parsed.success) return null;
    const [tk, turn, sd, index] = parsed.data;
    return { kind: 'reason', token: tk, turn, side: sd, reason: REASONS[index]! };
  },
  w: ([t, i]) => {
    const parsed = z.tuple([token, digits.pipe(z.number().int().min(0).max(REASONS.length - 1))]).safeParse([t, i]);
    return parsed.success ? { kind: 'voteReason', token: parsed.data[0], reason: REASONS[parsed.data[1]]! } : null;
  },
  y: ([t]) => (token.safeParse(t).success ? { kind: 'why', token: t! } : null),
  l: ([c]) => (c === '*' ? { kind: 'board', category: null } : c && /^[a-z][a-z-]{0,31}$/.test(c) ? { kind: 'board', category: c } : null),
  k: ([id]) => (id && /^[a-z0-9][a-z0-9-]{0,23}$/.test(id) ? { kind: 'topic', topic: id } : null),
  s: ([key, value]) => {
    const parsed = z.tuple([z.string().regex(/^[a-z]{1,8}$/), z.string().regex(/^[A-Za-z0-9._-]{1,40}$/)]).safeParse([key, value]);
    return parsed.success ? { kind: 'setting', key: parsed.data[0], value: parsed.data[1] } : null;
  },
  // `f<label index>` (0–9) or `r<rating>` (1–5); the handler checks them against the campaign's own list.
  j: ([t, s, what]) => {
    const parsed = z.tuple([token, side, z.string().regex(/^(f\d|r[1-5])$/)]).safeParse([t, s, what]);
    if (!parsed.success) return null;
    const [tk, sd, w] = parsed.data;
    const n = Number(w.slice(1));
    return { kind: 'judge', token: tk, side: sd, label: w[0] === 'f' ? n : null, rating: w[0] === 'r' ? n : null };
  },
  p: ([key, value]) => {
    const parsed = z.tuple([z.string().regex(/^[a-z]{1,8}$/), z.string().regex(/^[a-z0-9._-]{1,32}$/)]).safeParse([key, value]);
    return parsed.success ? { kind: 'me', key: parsed.data[0], value: parsed.data[1] } : null;
  },
};

const ARITY: Record<string, number> = { v: 2, r: 4, q: 4, w: 2, y: 1, l: 1, s: 2, k: 1, p: 2, j: 3 };

/** Parses button data; null for anything malformed or unknown. */
export function decodeAction(data: string): Action | null {
  if (typeof data !== 'string' || data.length > 100) return null;
  const [kind, ...parts] = data.split(':');
  // Fix: look the kind up as an own key only. `schemas[kind]` also found Object.prototype members, so forged data such
  // as "constructor" decoded to a non-action and "__proto__:x" threw, and the presser got an internal error instead of
  // the polite refusal. Extra fields ("v:<token>:a:junk") are refused too: nothing the core encodes has them.
  if (!kind || !Object.hasOwn(schemas, kind) || parts.length !== ARITY[kind]) return null;
  return schemas[kind]!(parts);
}

export function encodeForm(form: FormAction): string {
  return form.kind === 'why' ? `f:y:${form.token}` : form.kind === 'join' ? 'f:join' : 'f:tz';
}

/** Parses a submitted form's data; null for anything malformed or unknown. */
export function decodeForm(data: string): FormAction | null {
  if (typeof data !== 'string' || data.length > 100) return null;
  if (data === 'f:tz') return { kind: 'timezone' };
  if (data === 'f:join') return { kind: 'join' };
  const match = /^f:y:([A-Za-z0-9]{6,16})$/.exec(data);
  return match ? { kind: 'why', token: match[1]! } : null;
}

// Enumerated values and JSON lists are stored as strings (portable across SQLite and PostgreSQL); they are checked
// here when read, so a bad row fails loudly with its table and column instead of leaking an invalid value.
import { z } from 'zod';
import { NEGATIVE_REASONS, POSITIVE_REASONS } from '../port/types';
import type { ReactionKind, ReactionReason } from '../port/types';

export const BattleStatusValue = z.enum(['streaming', 'open', 'closed', 'failed']);
export const VoteChoiceValue = z.enum(['a', 'b', 'tie', 'both_bad']);
export const SideValue = z.enum(['a', 'b']);
export const ConsentValue = z.enum(['unknown', 'granted', 'declined', 'withdrawn']);
export const ChatKindValue = z.enum(['private', 'group']);
export const ReactionKindValue = z.enum(['like', 'dislike']);
export const StringListValue = z.array(z.string());
export const ReactionReasonValue = z.enum([...POSITIVE_REASONS, ...NEGATIVE_REASONS]);
export const ReactionReasonListValue = z.array(ReactionReasonValue);

export class StoredValueError extends Error {
  override name = 'StoredValueError';
}

/** Parses a stored value; `where` names the column ("Battle.status") for the error message. */
export function readValue<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoredValueError(`invalid ${where} in the database: ${JSON.stringify(value)} (${parsed.error.issues[0]?.message})`);
  }
  return parsed.data;
}

/** Parses a stored JSON value. */
export function readJson<T>(schema: z.ZodType<T>, value: string, where: string): T {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new StoredValueError(`invalid ${where} in the database: not JSON`);
  }
  return readValue(schema, json, where);
}

/** Parses a stored JSON list of strings; null reads as an empty list. */
export function readStringList(value: string | null, where: string): string[] {
  return value === null ? [] : readJson(StringListValue, value, where);
}

const REASONS_BY_KIND: Record<ReactionKind, readonly string[]> = { like: POSITIVE_REASONS, dislike: NEGATIVE_REASONS };

/** Reaction reasons must belong to the reaction's kind (no "creative" on a dislike). */
export function checkReactionReasons(kind: ReactionKind, reasons: readonly string[]): ReactionReason[] {
  const allowed = REASONS_BY_KIND[kind];
  const wrong = reasons.filter((reason) => !allowed.includes(reason));
  if (wrong.length > 0) throw new TypeError(`reaction reasons ${wrong.join(', ')} do not fit a ${kind}`);
  return [...new Set(reasons)] as ReactionReason[];
}

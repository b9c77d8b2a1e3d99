// What one record of a votes file says, in either format (see source-file.ts for the fields): the vote, or why it is
// malformed, or why a well-formed vote is left out; its categories and its style features when asked.
import { categorize } from '../categories/heuristics';
import type { CategoryId } from '../categories/ids';
import { addStyle, styleOf } from '../math/style';
import type { Outcome, StyleFeatures, VoteRow } from '../types';
import type { Excluded, FileFormat } from './source-file';

const LMARENA_WINNERS: Record<string, Outcome> = {
  model_a: 'a',
  model_b: 'b',
  tie: 'tie',
  'tie (bothbad)': 'both_bad',
};

// LMArena writes language names ("French"); segments use ISO 639-1 codes.
let languageCodes: Map<string, string> | null = null;
export function languageCode(value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || value === 'unknown') return null;
  if (/^[a-z]{2,3}(?:[-_][A-Za-z0-9]+)*$/.test(value)) return value.toLowerCase().split(/[-_]/)[0]!;
  if (!languageCodes) {
    languageCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    for (let a = 97; a <= 122; a++) {
      for (let b = 97; b <= 122; b++) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        if (name && name !== code) languageCodes.set(name.toLowerCase(), code);
      }
    }
  }
  return languageCodes.get(value.toLowerCase()) ?? value.toLowerCase();
}

export function timeOf(value: unknown): Date | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value < 1e11 ? value * 1000 : value);
  if (typeof value === 'string') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

type Parsed =
  | { ok: true; format: FileFormat; row: VoteRow; record: Record<string, unknown>; excluded: keyof Excluded | null }
  | { ok: false; reason: string };

const idOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);

/** Reads one record of either format. */
export function parseRecord(record: unknown): Parsed {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { ok: false, reason: 'not a JSON object' };
  const r = record as Record<string, unknown>;
  const battleId = r.battle_id ?? r.conversation_pair_id;
  if (battleId !== undefined && battleId !== null && (typeof battleId !== 'string' || battleId === '')) {
    return { ok: false, reason: 'battle_id / conversation_pair_id must be a non-empty string' };
  }
  if ('model_a' in r || 'winner' in r) {
    const { model_a: a, model_b: b, winner, anony, dedup_tag: dedup } = r;
    if (typeof a !== 'string' || a === '' || typeof b !== 'string' || b === '') return { ok: false, reason: 'model_a and model_b must be non-empty strings' };
    if (a === b) return { ok: false, reason: 'a model cannot battle itself' };
    const outcome = typeof winner === 'string' && Object.hasOwn(LMARENA_WINNERS, winner) ? LMARENA_WINNERS[winner] : undefined;
    if (!outcome) return { ok: false, reason: `winner must be model_a, model_b, tie or "tie (bothbad)", got ${JSON.stringify(winner)}` };
    if (anony !== undefined && typeof anony !== 'boolean') return { ok: false, reason: `anony must be true or false, got ${JSON.stringify(anony)}` };
    const sampled = dedup && typeof dedup === 'object' ? (dedup as { sampled?: unknown }).sampled : undefined;
    return {
      ok: true,
      format: 'lmarena',
      record: r,
      excluded: anony === false ? 'notAnonymous' : sampled === false ? 'deduplicated' : null,
      row: {
        modelA: a,
        modelB: b,
        outcome,
        language: languageCode(r.language),
        at: timeOf(r.tstamp),
        battleId: (battleId as string | undefined) ?? null,
        voterId: idOf(r.judge ?? r.voter_id),
      },
    };
  }
  if ('model_a_name' in r || 'chosen_model_name' in r) {
    const { model_a_name: a, model_b_name: b, chosen_model_name: chosen, both_equal: equal } = r;
    if (typeof a !== 'string' || a === '' || typeof b !== 'string' || b === '') return { ok: false, reason: 'model_a_name and model_b_name must be non-empty strings' };
    if (a === b) return { ok: false, reason: 'a model cannot battle itself' };
    let outcome: Outcome;
    if (equal === true || equal === 'true' || equal === 1) outcome = 'tie';
    else if (r.both_bad === true || chosen === 'both_bad') outcome = 'both_bad';
    else if (chosen === a) outcome = 'a';
    else if (chosen === b) outcome = 'b';
    else return { ok: false, reason: `chosen_model_name must name model_a_name or model_b_name (or both_equal be true), got ${JSON.stringify(chosen ?? null)}` };
    const langs = r.languages;
    return {
      ok: true,
      format: 'comparia',
      record: r,
      excluded: null,
      row: {
        modelA: a,
        modelB: b,
        outcome,
        language: languageCode(r.language ?? (Array.isArray(langs) ? langs[0] : undefined)),
        at: timeOf(r.timestamp ?? r.tstamp ?? r.created_at),
        battleId: (battleId as string | undefined) ?? null,
        voterId: idOf(r.visitor_id ?? r.session_hash ?? r.voter_id),
      },
    };
  }
  return { ok: false, reason: 'neither an LMArena battle (model_a, model_b, winner) nor a compar:IA vote (model_a_name, model_b_name, chosen_model_name)' };
}

function userTurns(conversation: unknown): string[] | null {
  if (!Array.isArray(conversation)) return null;
  const out: string[] = [];
  for (const m of conversation) {
    if (m && typeof m === 'object' && (m as { role?: unknown }).role === 'user') {
      const c = (m as { content?: unknown }).content;
      if (typeof c === 'string') out.push(c);
      else if (Array.isArray(c)) out.push(c.map((p) => (p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : '')).join(' '));
    }
  }
  return out;
}

/**
 * Categories of a record: LMArena's own category tags when the dump has them (criteria ≥ 6 = hard prompts, math,
 * instruction following ≥ 4, creative writing), the heuristics on the user's turns otherwise; null when the record
 * carries neither prompts nor tags.
 */
export function categoriesOfRecord(r: Record<string, unknown>): CategoryId[] | null {
  const prompts = userTurns(r.conversation_a) ?? (typeof r.opening_msg === 'string' ? [r.opening_msg] : typeof r.prompt === 'string' ? [r.prompt] : null);
  const turnsField = typeof r.turn === 'number' ? r.turn : typeof r.conv_turns === 'number' ? r.conv_turns : undefined;
  const tags = r.category_tag && typeof r.category_tag === 'object' ? (r.category_tag as Record<string, Record<string, unknown> | undefined>) : null;
  if (!prompts && !tags) return null;
  const found = new Set<CategoryId>(prompts ? categorize({ prompts, ...(turnsField !== undefined ? { turns: turnsField } : {}) }) : []);
  if (tags) {
    // The dump's own labels replace the keyword guesses for the categories it labels.
    const criteria = tags['criteria_v0.1'];
    if (criteria) {
      found.delete('hard-prompts');
      if (Object.values(criteria).filter((v) => v === true).length >= 6) found.add('hard-prompts');
    }
    const label = (key: string, field: string, id: CategoryId, accept: (v: unknown) => boolean) => {
      const t = tags[key];
      if (!t) return;
      found.delete(id);
      if (accept(t[field])) found.add(id);
    };
    label('math_v0.1', 'math', 'math', (v) => v === true);
    label('if_v0.1', 'if', 'instruction-following', (v) => v === true);
    label('creative_writing_v0.1', 'creative_writing', 'creative-writing', (v) => v === true);
    if (typeof r.is_code === 'boolean') {
      found.delete('coding');
      if (r.is_code) found.add('coding');
    }
    if (turnsField !== undefined && turnsField >= 2) found.add('multi-turn');
    const meta = r.conv_metadata as Record<string, unknown> | undefined;
    if (meta && typeof meta.sum_user_tokens === 'number' && meta.sum_user_tokens >= 500) found.add('long-query');
  }
  return [...found];
}

function sumCounts(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object') return Object.values(value).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
  return 0;
}

function conversationStyle(conversation: unknown): StyleFeatures | null {
  if (!Array.isArray(conversation)) return null;
  let total: StyleFeatures = { length: 0, headers: 0, lists: 0, bold: 0 };
  for (const m of conversation) {
    if (m && typeof m === 'object' && (m as { role?: unknown }).role === 'assistant') {
      const content = (m as { content?: unknown }).content;
      if (typeof content === 'string') total = addStyle(total, styleOf(content));
    }
  }
  return total;
}

/** Style of both sides from LMArena's conv_metadata, or from the conversations when present. */
export function styleOfRecord(r: Record<string, unknown>): { a: StyleFeatures; b: StyleFeatures } | null {
  const meta = r.conv_metadata as Record<string, unknown> | undefined;
  if (meta && typeof meta === 'object' && 'sum_assistant_a_tokens' in meta) {
    const side = (s: 'a' | 'b'): StyleFeatures => ({
      length: sumCounts(meta[`sum_assistant_${s}_tokens`]),
      headers: sumCounts(meta[`header_count_${s}`]),
      lists: sumCounts(meta[`list_count_${s}`]),
      bold: sumCounts(meta[`bold_count_${s}`]),
    });
    return { a: side('a'), b: side('b') };
  }
  const a = conversationStyle(r.conversation_a);
  const b = conversationStyle(r.conversation_b);
  return a && b ? { a, b } : null;
}

// Display names as people type them, made safe to show beside others: bidirectional controls (which can make a name
// read backwards or reorder the text around it) and invisible characters are removed, a name of only those is no name,
// and two members of a room cannot show the same name (compared as people read them: case and width folded).

/** Bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** Characters that show nothing: zero-width space/joiners, word joiner and invisible operators, soft hyphen, BOM,
 * Hangul fillers, and other control characters. */
const INVISIBLE = /[\u200B-\u200D\u2060-\u2064\u00AD\uFEFF\u115F\u1160\u3164\uFFA0\p{Cc}]/gu;

export const MAX_NAME_CHARS = 40;

/** The name as shown: NFKC, controls and invisibles removed, runs of spaces collapsed. Empty when nothing visible is left. */
export function cleanName(raw: string): string {
  return raw.normalize('NFKC').replace(BIDI_CONTROLS, '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** The key two names collide on. */
export function nameKey(name: string): string {
  return cleanName(name).toLocaleLowerCase('en').replace(/\s/g, '');
}

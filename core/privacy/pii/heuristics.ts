// Layer 2 of PII screening: phrases that usually come right before personal data no validator can confirm (a name,
// a home address, a birth date). A hit does not redact: it marks the whole conversation suspect, and a suspect
// conversation is left out of exports (compar:IA excludes rather than redacts, too). False positives only cost a
// conversation; misses would publish a person, so the triggers are broad.

export type SuspectReason = 'name' | 'address' | 'birthdate' | 'relative';

const NAME_WORD = String.raw`[\p{Lu}][\p{L}'’-]+`;
const DATE = String.raw`(?:\d{1,2}[\/.-]\d{1,2}[\/.-]\d{2,4}|\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4})`;

const RULES: Array<{ reason: SuspectReason; re: RegExp }> = [
  // Self-introductions: whatever follows is taken as a name, capitalised or not.
  { reason: 'name', re: /\b(?:je m['’]appelle|mon (?:pr[ée])?nom (?:est|c['’]est)|moi c['’]est|my name is|my name['’]s|i am called|i['’]m called)\s+\p{L}/iu },
  { reason: 'name', re: new RegExp(String.raw`\b[Cc]all me\s+${NAME_WORD}`, 'u') },
  // Titles and relatives followed by a capitalised word.
  { reason: 'name', re: new RegExp(String.raw`(?:\b(?:Mme|Mlle|Madame|Mademoiselle|Monsieur|Mr|Mrs|Ms|Miss|Dr|Docteur|Ma[iî]tre)\.?|\bM\.)\s+${NAME_WORD}`, 'u') },
  {
    reason: 'relative',
    re: new RegExp(
      String.raw`\b(?:[Mm]on (?:fils|mari|fr[èe]re|p[èe]re|copain|voisin|coll[èe]gue|patron|ami)|[Mm]a (?:fille|femme|s[œo]eur|m[èe]re|copine|voisine|coll[èe]gue|patronne|amie)|[Mm]y (?:son|daughter|wife|husband|brother|sister|father|mother|boyfriend|girlfriend|neighbou?r|colleague|boss|friend))\s+(?:s['’]appelle\s+|is called\s+|named\s+)?${NAME_WORD}`,
      'u',
    ),
  },
  // A numbered street (French or English), with or without a postcode.
  {
    reason: 'address',
    re: /\b\d{1,4}\s*(?:bis|ter)?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|chemin|all[ée]e|impasse|quai|route|cours|square|faubourg|lotissement|r[ée]sidence)\b/iu,
  },
  { reason: 'address', re: /\b\d{1,5}\s+(?:[\p{Lu}][\p{L}'-]*\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Lane|Ln\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Court|Ct\.?|Way|Place|Terrace)\b/u },
  // Where someone lives: a postcode and a town after "I live" / "j'habite".
  { reason: 'address', re: /\b(?:j['’]habite|je vis|i live|we live|nous habitons|on habite)\b[^.\n]{0,60}\b(?:\d{5}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/iu },
  { reason: 'birthdate', re: new RegExp(String.raw`\b(?:n[ée]e? le|date de naissance\s*:?|born on|date of birth\s*:?|DOB\s*:?)\s*${DATE}`, 'iu') },
];

/** Why the text looks like it carries personal data no validator confirms, or null. */
export function suspectReason(text: string): SuspectReason | null {
  for (const rule of RULES) if (rule.re.test(text)) return rule.reason;
  return null;
}

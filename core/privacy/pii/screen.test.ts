import { describe, expect, it } from 'vitest';
import { CLEAN_LINES, PII_LINES } from './corpus';
import { screenComment, screenTexts } from './screen';
import { findPii, luhnValid, nirKeyValid, redactPii } from './validators';

/** What an export would carry of this line: nothing when suspect, the redacted text otherwise. */
function exported(text: string): string | null {
  const { verdict } = screenTexts([text]);
  return verdict === 'suspect' ? null : redactPii(text);
}

describe('PII screening on the seeded FR/EN corpus', () => {
  it('leaks no canary: every personal line is redacted or its conversation left out', () => {
    const leaks: string[] = [];
    for (const line of PII_LINES) {
      const out = exported(line.text);
      if (out === null) continue;
      for (const canary of line.canaries) if (out.includes(canary)) leaks.push(`${canary} in ${out}`);
      // No 4-digit run of a canary's digits survives either.
      const digits = line.canaries.map((c) => c.replace(/\D/g, '')).filter((d) => d.length >= 4);
      const outDigits = out.replace(/\D/g, ' ');
      for (const d of digits) for (let i = 0; i + 4 <= d.length; i++) if (d.length >= 8 && outDigits.includes(d.slice(i, i + 8))) leaks.push(`${d} fragment in ${out}`);
    }
    expect(leaks).toEqual([]);
  });

  it('leaves every clean line exactly as written, and marks none suspect', () => {
    const altered = CLEAN_LINES.filter((line) => exported(line) !== line || screenTexts([line]).verdict !== 'clean');
    expect(altered).toEqual([]);
  });

  it('redacts validated values to typed placeholders and keeps the rest of the sentence', () => {
    expect(redactPii('Mon numéro : 06 12 34 56 78, rappelle-moi ce soir.')).toBe('Mon numéro : [PHONE], rappelle-moi ce soir.');
    expect(redactPii('Vire sur FR76 3000 6000 0112 3456 7890 189 avant vendredi.')).toBe('Vire sur [IBAN] avant vendredi.');
    expect(redactPii('Numéro de sécu : 1 85 05 78 006 084 91, c’est urgent.')).toBe('Numéro de sécu : [NIR], c’est urgent.');
    expect(redactPii('Card 4539 1488 0343 6467 exp 12/27')).toBe('Card [CARD] exp 12/27');
    expect(redactPii('écris à a.b@c.fr ou 10.0.0.1')).toBe('écris à [EMAIL] ou [IP]');
  });

  it('finds every validator line with the validators alone', () => {
    for (const line of PII_LINES.filter((l) => l.layer === 'validator')) expect(findPii(line.text).length, line.text).toBeGreaterThan(0);
  });

  it('checks keys: a NIR or card with a wrong key is not personal data', () => {
    expect(nirKeyValid('1850578006084', '91')).toBe(true);
    expect(nirKeyValid('1850578006084', '90')).toBe(false);
    expect(nirKeyValid('269052A004012', '28')).toBe(true);
    expect(luhnValid('4539148803436467')).toBe(true);
    expect(luhnValid('4539148803436468')).toBe(false);
    expect(findPii('ref 1 85 05 78 006 084 90')).toEqual([]);
  });

  it('marks introductions, relatives, addresses and birth dates suspect', () => {
    for (const line of PII_LINES.filter((l) => l.layer === 'context')) {
      expect(screenTexts(['Bonjour', line.text]).verdict, line.text).toBe('suspect');
    }
  });

  it('drops a comment that names someone and redacts one with a phone number', () => {
    expect(screenComment('my name is Dwight, contact me')).toBeNull();
    expect(screenComment('réponse B fausse, appelle 06 12 34 56 78')).toBe('réponse B fausse, appelle [PHONE]');
    expect(screenComment('B was clearer')).toBe('B was clearer');
  });
});

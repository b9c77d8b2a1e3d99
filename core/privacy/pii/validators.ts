// Layer 1 of PII screening (see README "Open datasets"): deterministic validators, each a pattern confirmed by a
// checksum or a numbering plan, so that digit strings that merely look like personal data (ISBNs, flight numbers,
// dates, prices, versions) are left alone. The measured alternatives (redact-pii, openredaction) altered 9–11 of 30
// clean French lines; validators altered none. Found values are replaced by typed placeholders in exports.
import { isIP } from 'node:net';
import { isValidIBAN } from 'ibantools';
import { findNumbers } from 'libphonenumber-js/max';

export type PiiKind = 'email' | 'phone' | 'iban' | 'nir' | 'card' | 'ip';

export const PLACEHOLDERS: Record<PiiKind, string> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  iban: '[IBAN]',
  nir: '[NIR]',
  card: '[CARD]',
  ip: '[IP]',
};

export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A French social security number: sex, year, month (or 20–99 for unknown months), department (2A/2B in Corsica),
// commune, order, key; spaces or dots allowed between groups as people write them.
const NIR = /(?<![\p{L}\p{N}])([12])[ .]?(\d{2})[ .]?(\d{2})[ .]?(\d{2}|2[AB])[ .]?(\d{3})[ .]?(\d{3})[ .]?(\d{2})(?![\p{L}\p{N}])/giu;
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![\p{L}\p{N}])/gu;
const CARD = /(?<![\p{N}.,-])\d(?:[ -]?\d){12,18}(?![\p{N}])/gu;
const IPV4 = /(?<![\p{N}.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\p{N}]|\.\d)/gu;
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]{0,15}(?![\w:])/g;

/** The NIR's key: 97 − (the 13 first digits mod 97), Corsica's 2A and 2B counted as 19 and 18. */
export function nirKeyValid(digits13: string, key: string): boolean {
  const n = digits13.replace(/2A/i, '19').replace(/2B/i, '18');
  if (!/^\d{13}$/.test(n)) return false;
  return 97 - Number(BigInt(n) % 97n) === Number(key);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function collect(text: string, re: RegExp, kind: PiiKind, valid: (m: RegExpExecArray) => { start: number; end: number } | null, out: PiiSpan[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = valid(m);
    if (span) out.push({ kind, ...span });
  }
}

// Cheap tests that rule a text out before the costlier parsers run: most replies have no '@', no long digit run.
const MAYBE_DIGITS = /\d[\d .()/-]{5,}\d/;
const MAYBE_HEX_COLONS = /[0-9A-Fa-f]*:[0-9A-Fa-f]*:/;

/** Every validated personal value in the text, non-overlapping, in text order (the first detector to claim a span wins). */
export function findPii(text: string): PiiSpan[] {
  const found: PiiSpan[] = [];
  if (text.includes('@')) collect(text, EMAIL, 'email', (m) => ({ start: m.index, end: m.index + m[0].length }), found);
  const digits = MAYBE_DIGITS.test(text);
  if (digits) {
    collect(text, NIR, 'nir', (m) => (nirKeyValid(`${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}${m[6]}`, m[7]!) ? { start: m.index, end: m.index + m[0].length } : null), found);
    collect(
      text,
      IBAN,
      'iban',
      (m) => {
        // The pattern may run into a following capitalised word: shorten by whole groups until the checksum holds.
        let value = m[0];
        while (value.replace(/ /g, '').length >= 15) {
          if (isValidIBAN(value.replace(/ /g, ''))) return { start: m.index, end: m.index + value.length };
          value = value.replace(/ ?[A-Z0-9]$/, '');
        }
        return null;
      },
      found,
    );
    collect(text, CARD, 'card', (m) => (luhnValid(m[0].replace(/[ -]/g, '')) && !/^(\d)\1+$/.test(m[0].replace(/[ -]/g, '')) ? { start: m.index, end: m.index + m[0].length } : null), found);
    for (const country of ['FR', 'US'] as const) {
      for (const hit of findNumbers(text, { defaultCountry: country, v2: true })) {
        // Outside France a bare run of digits is more often a number than a phone: ask for the way people write one.
        if (country === 'US' && !/[ ().+-]/.test(text.slice(hit.startsAt, hit.endsAt))) continue;
        if (hit.number.isValid()) found.push({ kind: 'phone', start: hit.startsAt, end: hit.endsAt });
      }
    }
  }
  if (/\d\.\d/.test(text)) collect(text, IPV4, 'ip', (m) => ({ start: m.index, end: m.index + m[0].length }), found);
  if (MAYBE_HEX_COLONS.test(text)) {
    collect(text, IPV6, 'ip', (m) => (m[0].length >= 6 && isIP(m[0]) === 6 && (m[0].match(/[0-9A-Fa-f]+/g) ?? []).length >= 3 ? { start: m.index, end: m.index + m[0].length } : null), found);
  }
  found.sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start));
  const kept: PiiSpan[] = [];
  for (const span of found) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

/** The text with every validated value replaced by its typed placeholder; unchanged (same string) when none. */
export function redactPii(text: string, spans: PiiSpan[] = findPii(text)): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + PLACEHOLDERS[s.kind];
    at = s.end;
  }
  return out + text.slice(at);
}

import { describe, expect, it } from 'vitest';
import { acceptedLanguages } from './accept-language';
import { createI18n } from './index';

describe('Accept-Language', () => {
  it('orders languages by weight, keeps the sent order for equal weights and drops q=0, * and junk', () => {
    expect(acceptedLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', 'de']);
    expect(acceptedLanguages('en;q=0.3, ar-EG;q=0.9, nl')).toEqual(['nl', 'ar-EG', 'en']);
    expect(acceptedLanguages('de;q=0, it')).toEqual(['it']);
    expect(acceptedLanguages('<script>, es;q=abc, pt;q=0.5')).toEqual(['es', 'pt']);
    expect(acceptedLanguages('')).toEqual([]);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });

  it('negotiates the best supported locale from a browser header', () => {
    const i18n = createI18n();
    expect(i18n.negotiate(...acceptedLanguages('ar-SA,ar;q=0.9,en-US;q=0.8'))).toBe('ar');
    expect(i18n.negotiate(...acceptedLanguages('ja;q=1, pt-BR;q=0.7, en;q=0.2'))).toBe('pt');
    expect(i18n.negotiate(...acceptedLanguages('en;q=0.1, nl-BE;q=0.9'))).toBe('nl');
    expect(i18n.negotiate(...acceptedLanguages('zh-CN'))).toBe('en');
  });
});

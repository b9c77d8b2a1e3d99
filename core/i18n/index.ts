// Every user-visible string comes from Fluent catalogs in core/i18n/locales/<locale>/*.ftl (one file per area, so
// adapters keep their own strings). Fluent handles plurals and variables; nothing is built by concatenation.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { negotiateLanguages } from '@fluent/langneg';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUPPORTED_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ar'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Languages written right to left (Arabic among Pnyx's; the others so a locale added later is right at once). */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ckb', 'dv', 'yi']);

/** The writing direction of a locale: pages set `dir` from it, pictures lay out their text from it. */
export function textDirection(locale: string | null | undefined): 'rtl' | 'ltr' {
  return locale && RTL_LANGUAGES.has(locale.toLowerCase().split(/[-_]/)[0]!) ? 'rtl' : 'ltr';
}

export type Args = Record<string, FluentVariable>;
export type Translate = (id: string, args?: Args) => string;

export interface I18n {
  /** Best supported locale for the requested ones (BCP-47 tags, most preferred first). */
  negotiate(...requested: Array<string | null | undefined>): Locale;
  /** A translator for one locale; falls back to English for a missing message and to the id as a last resort. */
  t(locale: string | null | undefined): Translate;
  /** Whether a message exists (in English, the reference catalog). */
  has(id: string): boolean;
  /** All message ids of a locale's catalogs, the adapters' included (tests check the other locales against English). */
  ids(locale?: Locale): string[];
  /**
   * Adds an adapter's own catalogs (`<dir>/<locale>/*.ftl`, same layout as the core's): adapters keep their strings
   * beside their code. Idempotent per folder; a message id already defined is an error, so two catalogs never fight.
   */
  extend(dir: string): void;
  /** The catalog folders loaded (the core's first). */
  dirs(): string[];
}

const localesDir = fileURLToPath(new URL('./locales', import.meta.url));

function addFolder(bundle: FluentBundle, locale: Locale, dir: string): void {
  const folder = join(dir, locale);
  if (!existsSync(folder)) return;
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ftl')).sort()) {
    const resource = new FluentResource(readFileSync(join(folder, file), 'utf8'));
    const errors = bundle.addResource(resource);
    if (errors.length) throw new Error(`i18n: ${folder}/${file}: ${errors.map((e) => e.message).join('; ')}`);
  }
}

function loadBundle(locale: Locale, dir: string): FluentBundle {
  // Unicode isolation marks around placeables are left out in left-to-right languages: Pnyx's strings there are short
  // and safe without them, and the marks would only sit in people's copied text. In a right-to-left language they are
  // what keeps a Latin placeable (a model name, a command, a number range) in its place among the Arabic words.
  const bundle = new FluentBundle(locale, { useIsolating: textDirection(locale) === 'rtl' });
  addFolder(bundle, locale, dir);
  return bundle;
}

export function createI18n(options: { dir?: string; fallback?: Locale } = {}): I18n {
  const dir = options.dir ?? localesDir;
  const fallback = options.fallback ?? DEFAULT_LOCALE;
  const bundles = new Map<Locale, FluentBundle>(SUPPORTED_LOCALES.map((l) => [l, loadBundle(l, dir)]));
  const folders = [dir];

  const format = (bundle: FluentBundle, id: string, args?: Args): string | undefined => {
    const message = bundle.getMessage(id);
    if (!message?.value) return undefined;
    // Errors (a variable a caller forgot) are collected rather than thrown: the text shows `{$name}` in its place.
    const errors: Error[] = [];
    return bundle.formatPattern(message.value, args, errors);
  };

  // Every event negotiates a locale and formats a few messages, and a streaming reply re-renders its header on
  // each chunk: the few distinct requests and the short simple messages are remembered (bounded), so the hot path
  // stops allocating through langneg and Fluent's resolver.
  const negotiated = new Map<string, Locale>();
  const negotiate = (...requested: Array<string | null | undefined>): Locale => {
    const wanted = requested.filter((r): r is string => typeof r === 'string' && r.length > 0);
    const key = wanted.join('\u0000');
    const known = negotiated.get(key);
    if (known) return known;
    const [best] = negotiateLanguages(wanted, [...SUPPORTED_LOCALES], { defaultLocale: fallback, strategy: 'lookup' });
    const locale = (best as Locale | undefined) ?? fallback;
    if (negotiated.size > 1_000) negotiated.clear();
    negotiated.set(key, locale);
    return locale;
  };

  const memo = new Map<Locale, Map<string, string>>(SUPPORTED_LOCALES.map((l) => [l, new Map()]));
  /** A cache key for messages whose arguments are a few short strings; null when not worth caching. */
  const memoKey = (id: string, args?: Args): string | null => {
    if (!args) return id;
    let key = id;
    for (const name in args) {
      const value = args[name];
      // Numbers (counts, seconds, tokens) make nearly every combination unique: caching them would only hoard.
      if (typeof value !== 'string' || value.length > 32) return null;
      key += `\u0000${name}\u0001${value}`;
    }
    return key;
  };

  const translators = new Map<Locale, Translate>();
  const translatorFor = (locale: Locale): Translate => {
    const primary = bundles.get(locale)!;
    const english = bundles.get(DEFAULT_LOCALE)!;
    const cache = memo.get(locale)!;
    return (id, args) => {
      const key = memoKey(id, args);
      const hit = key === null ? undefined : cache.get(key);
      if (hit !== undefined) return hit;
      const text = format(primary, id, args) ?? format(english, id, args) ?? id;
      if (key !== null) {
        if (cache.size > 5_000) cache.clear();
        cache.set(key, text);
      }
      return text;
    };
  };

  return {
    negotiate,
    t(locale) {
      const resolved = negotiate(locale);
      let translate = translators.get(resolved);
      if (!translate) translators.set(resolved, (translate = translatorFor(resolved)));
      return translate;
    },
    has: (id) => bundles.get(DEFAULT_LOCALE)!.hasMessage(id),
    ids(locale = DEFAULT_LOCALE) {
      const ids: string[] = [];
      for (const base of folders) {
        const folder = join(base, locale);
        if (!existsSync(folder)) continue;
        for (const file of readdirSync(folder).filter((f) => f.endsWith('.ftl'))) {
          const resource = new FluentResource(readFileSync(join(folder, file), 'utf8'));
          for (const entry of resource.body) if (!entry.id.startsWith('-')) ids.push(entry.id);
        }
      }
      return ids.sort();
    },
    extend(extra) {
      if (folders.includes(extra)) return;
      for (const locale of SUPPORTED_LOCALES) addFolder(bundles.get(locale)!, locale, extra);
      folders.push(extra);
      for (const cache of memo.values()) cache.clear();
    },
    dirs: () => [...folders],
  };
}

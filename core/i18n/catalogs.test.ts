// Every catalog, the core's and every adapter's, is complete in every supported locale: the same message ids as
// English, the same placeables ($variables and message references) in each, every message parsed, and plural
// selectors that cover the locale's plural categories (Arabic has six). The catalog folders are discovered, not
// listed, so strings another branch adds later are checked the same way.
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from './index';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * core/i18n/locales, every bots/<adapter>/locales and every bots/<adapter>/<part>/locales: a part of an adapter (the
 * web's organizer dashboard) may extend the i18n with its own folder, and its pages negotiate every supported locale.
 */
function catalogDirs(): string[] {
  const dirs = [join(root, 'core', 'i18n', 'locales')];
  const isDir = (dir: string) => existsSync(dir) && statSync(dir).isDirectory();
  for (const adapter of readdirSync(join(root, 'bots')).sort()) {
    const base = join(root, 'bots', adapter);
    if (!isDir(base)) continue;
    if (isDir(join(base, 'locales'))) dirs.push(join(base, 'locales'));
    for (const part of readdirSync(base).sort()) {
      if (part !== 'locales' && part !== 'node_modules' && isDir(join(base, part, 'locales'))) dirs.push(join(base, part, 'locales'));
    }
  }
  return dirs;
}

interface Entry {
  file: string;
  /** Sorted placeables: `$name` for variables, the id for message references, `-id` for terms. */
  placeables: string[];
  /** Plural categories each selector on a number-like variable lists, for the plural-rule check. */
  selectors: Array<{ variable: string; keys: string[] }>;
}

// The shapes @fluent/bundle's parser produces (its own types are internal).
type Node = string | { type: string; name?: string; selector?: Node; variants?: Array<{ key: { type: string; value?: unknown; name?: string }; value: Node }>; args?: Node[]; value?: unknown } | Node[];

function walk(node: unknown, into: { placeables: Set<string>; selectors: Entry['selectors'] }): void {
  if (node === null || node === undefined || typeof node === 'string') return;
  if (Array.isArray(node)) {
    for (const part of node) walk(part, into);
    return;
  }
  const n = node as Exclude<Node, string | Node[]> & { attr?: string | null };
  switch (n.type) {
    case 'var':
      into.placeables.add(`$${n.name}`);
      return;
    case 'mesg':
      into.placeables.add(n.name!);
      return;
    case 'term':
      into.placeables.add(`-${n.name}`);
      return;
    case 'func':
      for (const arg of n.args ?? []) walk(arg, into);
      return;
    case 'narg':
      walk(n.value, into);
      return;
    case 'select': {
      walk(n.selector, into);
      const selector = n.selector as { type?: string; name?: string };
      if (selector?.type === 'var') {
        into.selectors.push({ variable: selector.name!, keys: (n.variants ?? []).map((v) => String(v.key.name ?? v.key.value)) });
      }
      for (const variant of n.variants ?? []) walk(variant.value, into);
      return;
    }
    default:
      return;
  }
}

/** The messages of one locale of one catalog folder, by id; junk (a message that did not parse) is reported. */
function readLocale(dir: string, locale: string): { entries: Map<string, Entry>; broken: string[] } {
  const entries = new Map<string, Entry>();
  const broken: string[] = [];
  const folder = join(dir, locale);
  if (!existsSync(folder)) return { entries, broken: [`${relative(root, folder)}: missing folder`] };
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ftl')).sort()) {
    const text = readFileSync(join(folder, file), 'utf8');
    const resource = new FluentResource(text);
    const parsed = new Set<string>();
    for (const entry of resource.body as unknown as Array<{ id: string; value: unknown; attributes: Record<string, unknown> }>) {
      const into = { placeables: new Set<string>(), selectors: [] as Entry['selectors'] };
      walk(entry.value, into);
      for (const attribute of Object.values(entry.attributes ?? {})) walk(attribute, into);
      parsed.add(entry.id);
      if (entries.has(entry.id)) broken.push(`${relative(root, folder)}/${file}: ${entry.id} defined twice`);
      entries.set(entry.id, { file, placeables: [...into.placeables].sort(), selectors: into.selectors });
    }
    // The parser skips a message it cannot read without a word: every `id =` line must have become a message.
    for (const match of text.matchAll(/^(-?[a-zA-Z][\w-]*)\s*=/gm)) {
      if (!parsed.has(match[1]!)) broken.push(`${relative(root, folder)}/${file}: ${match[1]} does not parse`);
    }
  }
  return { entries, broken };
}

/** Plural categories a selector on a count must list in this locale (beyond the default variant). */
function requiredCategories(locale: string): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  // French, Spanish, Italian and Portuguese have 'many' only for round millions ("1 000 000 de votes"): the 'other'
  // form reads correctly there, so those catalogs may leave it to the default variant.
  return categories.filter((c) => c !== 'other' && !(c === 'many' && ['fr', 'es', 'it', 'pt'].includes(locale)));
}

const PLURAL_KEYS = new Set(['zero', 'one', 'two', 'few', 'many']);

describe('catalogs in every locale', () => {
  const dirs = catalogDirs();

  it('finds the core catalog and every adapter catalog', () => {
    expect(dirs.map((d) => relative(root, d))).toEqual(expect.arrayContaining(['core/i18n/locales', 'bots/telegram/locales', 'bots/web/locales', 'bots/web/dashboard/locales']));
    expect(SUPPORTED_LOCALES).toEqual(expect.arrayContaining(['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ar']));
  });

  for (const dir of dirs) {
    const name = relative(root, dir);
    describe(name, () => {
      const english = readLocale(dir, 'en');

      it('English parses', () => {
        expect(english.broken).toEqual([]);
        expect(english.entries.size).toBeGreaterThan(0);
      });

      for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
        it(`${locale}: every message parses, no key is missing or extra, placeables match English`, () => {
          const { entries, broken } = readLocale(dir, locale);
          expect(broken).toEqual([]);
          const missing = [...english.entries.keys()].filter((id) => !entries.has(id));
          const extra = [...entries.keys()].filter((id) => !english.entries.has(id));
          expect({ missing, extra }).toEqual({ missing: [], extra: [] });
          const differing: string[] = [];
          for (const [id, entry] of entries) {
            const reference = english.entries.get(id)!;
            if (entry.placeables.join(',') !== reference.placeables.join(',')) {
              differing.push(`${id}: ${locale} has {${entry.placeables.join(', ')}}, en has {${reference.placeables.join(', ')}}`);
            }
          }
          expect(differing).toEqual([]);
        });

        it(`${locale}: plural selectors list every plural category of the language`, () => {
          const { entries } = readLocale(dir, locale);
          const required = requiredCategories(locale);
          const incomplete: string[] = [];
          for (const [id, entry] of entries) {
            for (const selector of entry.selectors) {
              if (!selector.keys.some((k) => PLURAL_KEYS.has(k))) continue; // a selector on a word (kind, preset)
              const absent = required.filter((c) => !selector.keys.includes(c));
              if (absent.length) incomplete.push(`${id} ($${selector.variable}): no ${absent.join(', ')}`);
            }
          }
          expect(incomplete).toEqual([]);
        });
      }
    });
  }

  it('every message formats in every locale without an error (sample values for every variable)', () => {
    const failures: string[] = [];
    for (const locale of SUPPORTED_LOCALES) {
      const bundle = new FluentBundle(locale, { useIsolating: false });
      for (const dir of dirs) {
        const folder = join(dir, locale);
        for (const file of readdirSync(folder).filter((f) => f.endsWith('.ftl'))) bundle.addResource(new FluentResource(readFileSync(join(folder, file), 'utf8')));
      }
      const entries = dirs.flatMap((dir) => [...readLocale(dir, locale).entries]);
      // Every variable any message uses: a message that references another (start-text → help-text) needs its too.
      const names = [...new Set(entries.flatMap(([, entry]) => entry.placeables.filter((p) => p.startsWith('$')).map((p) => p.slice(1))))];
      for (const [id] of entries) {
        const message = bundle.getMessage(id);
        if (!message?.value) continue;
        // Counts that land in each of Arabic's plural categories: zero, one, two, few, many, other.
        for (const count of [0, 1, 2, 3, 11, 100]) {
          const errors: Error[] = [];
          const args = Object.fromEntries(names.map((n) => [n, n === 'date' ? new Date(0) : count]));
          const text = bundle.formatPattern(message.value, args, errors);
          if (errors.length || !text.trim()) failures.push(`${locale} ${id}: ${errors.map((e) => e.message).join('; ') || 'empty'}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

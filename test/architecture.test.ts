// The core is platform-neutral: a stray import of a platform library (or of an adapter) would tie it to one
// platform, so it fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const FORBIDDEN = [/^grammy/, /^@grammyjs\//, /^discord\.js/, /^@discordjs\//, /^@slack\//, /^hono/, /^@hono\//, /^playwright/, /\/bots\//, /^\.\.\/\.\.\/bots/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  it('core/ imports no platform library and no adapter', () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, 'core'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)) {
        const spec = match[1]!;
        if (FORBIDDEN.some((re) => re.test(spec))) offenders.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('every message in every catalog file parses (Fluent drops broken ones silently)', async () => {
    const { createI18n, SUPPORTED_LOCALES } = await import('../core/i18n');
    const i18n = createI18n();
    const broken: string[] = [];
    for (const locale of SUPPORTED_LOCALES) {
      const folder = join(root, 'core/i18n/locales', locale);
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.ftl'))) {
        for (const match of readFileSync(join(folder, file), 'utf8').matchAll(/^([a-z][a-z0-9_-]*)\s*=/gm)) {
          if (!i18n.ids(locale).includes(match[1]!)) broken.push(`${locale}/${file}: ${match[1]}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every English message has a French translation and no extra ones', async () => {
    const { createI18n } = await import('../core/i18n');
    const i18n = createI18n();
    expect(i18n.ids('fr')).toEqual(i18n.ids('en'));
  });
});

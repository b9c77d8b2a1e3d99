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

  it('core/ names no platform: what differs between platforms is said through the port', () => {
    const offenders: string[] = [];
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (name === 'generated' || name === 'node_modules') return [];
        if (statSync(path).isDirectory()) return files(path);
        return /\.(ts|ftl)$/.test(path) && !path.endsWith('.test.ts') ? [path] : [];
      });
    for (const file of files(join(root, 'core'))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\b(telegram|discord|slack)\b/i.test(line)) offenders.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  /** The core's catalogs and every adapter's own (bots/<adapter>/locales). */
  const catalogs = async () => {
    const { createI18n } = await import('../core/i18n');
    const i18n = createI18n();
    for (const adapter of readdirSync(join(root, 'bots'))) {
      const dir = join(root, 'bots', adapter, 'locales');
      if (statSync(join(root, 'bots', adapter)).isDirectory() && readdirSync(join(root, 'bots', adapter)).includes('locales')) i18n.extend(dir);
    }
    return i18n;
  };

  it('every message in every catalog file parses (Fluent drops broken ones silently)', async () => {
    const { SUPPORTED_LOCALES } = await import('../core/i18n');
    const i18n = await catalogs();
    const broken: string[] = [];
    for (const locale of SUPPORTED_LOCALES) {
      for (const base of i18n.dirs()) {
        const folder = join(base, locale);
        for (const file of readdirSync(folder).filter((f) => f.endsWith('.ftl'))) {
          for (const match of readFileSync(join(folder, file), 'utf8').matchAll(/^([a-z][a-z0-9_-]*)\s*=/gm)) {
            if (!i18n.ids(locale).includes(match[1]!)) broken.push(`${relative(root, folder)}/${file}: ${match[1]}`);
          }
        }
      }
    }
    expect(i18n.dirs().length).toBeGreaterThan(1);
    expect(broken).toEqual([]);
  });

  it('every English message has a French translation and no extra ones, adapters included', async () => {
    const i18n = await catalogs();
    expect(i18n.ids('fr')).toEqual(i18n.ids('en'));
  });
});

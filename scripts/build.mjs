#!/usr/bin/env node
// `npm run build`: bundles the entry points into dist/ as plain JavaScript, so production runs `node dist/main.js`
// without compiling TypeScript at every start (tsx) and without its loader in every worker.
//
// Packages stay external (node_modules ships beside dist/, native ones like better-sqlite3 included). Our modules find
// their files with `new URL('./locales', import.meta.url)`; in a bundle import.meta.url would be the bundle's own URL,
// so each source file's `import.meta.url` is rewritten to that file's original URL, computed relative to the bundle.
// The source tree therefore ships with dist/ (the Docker image keeps it): locales, public files, migrations and the
// ranking worker's source (bundled again at run time by core/ranking/parallel.ts) are read from where they always were.
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What `npm run build` writes: the bot, and the command-line jobs an operator runs beside it in the image. */
export const ENTRY_POINTS = {
  main: 'bots/main.ts',
  status: 'scripts/status.ts',
  migrate: 'scripts/migrate.ts',
};

/** Rewrites `import.meta.url` in our own sources (not in packages, which stay external anyway). */
export function sourceUrlPlugin(outdir) {
  return {
    name: 'pnyx-source-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`) || !args.path.startsWith(root + sep)) return undefined;
        const text = await readFile(args.path, 'utf8');
        const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
        if (/import\.meta\.(dirname|filename)\b/.test(text)) {
          // Not rewritten (yet): say so at build time rather than read files from dist/ at run time.
          return { errors: [{ text: `${relative(root, args.path)} uses import.meta.dirname/filename: use new URL('.', import.meta.url) instead, which the build rewrites` }] };
        }
        if (!text.includes('import.meta.url')) return { contents: text, loader };
        // Every output file sits directly in outdir (entries and shared chunks alike), so one relative path serves all.
        const fromBundle = relative(outdir, args.path).split(sep).join('/');
        const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
        return { contents: text.replace(/\bimport\.meta\.url\b/g, url), loader };
      });
    },
  };
}

/** Bundles `entryPoints` ({ name: source path relative to the repository }) into `outdir`, replacing what was there. */
export async function build({ outdir = join(root, 'dist'), entryPoints = ENTRY_POINTS, logLevel = 'warning' } = {}) {
  const out = resolve(outdir);
  await rm(out, { recursive: true, force: true });
  return esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entryPoints).map(([name, path]) => [name, resolve(root, path)])),
    outdir: out,
    bundle: true,
    // Lazily imported adapters stay lazy: each becomes a chunk loaded only when its platform runs.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    chunkNames: 'chunk-[hash]',
    logLevel,
    metafile: true,
    plugins: [sourceUrlPlugin(out)],
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist');
  const result = await build({ outdir });
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const kb = Math.round(outputs.reduce((sum, [, o]) => sum + o.bytes, 0) / 1024);
  console.log(`built ${outputs.length} files (${kb} KB) into ${relative(process.cwd(), outdir) || '.'}: node ${relative(process.cwd(), join(outdir, 'main.js'))}`);
}

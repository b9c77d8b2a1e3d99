// Prompt language, for per-language leaderboards. eld was the most accurate offline detector measured here
// (shared notes); it cannot flag its own mistakes on short text, so short or code-heavy prompts are undetermined.
//
// Memory (BENCHMARKS.md, "## Engine"): `import('eld/small')` costs ≈150 MB of RSS, two thirds of it V8 parsing the
// 1.6 MB object literal that holds the n-grams; the same data read with JSON.parse costs ≈47 MB. So the n-grams are
// converted to JSON once, by a short-lived child process, into node_modules/.cache, and loaded from there with
// JSON.parse into an eld instance (same data, same detector, same answers). Everything loads on the first prompt long
// enough to detect, not at start-up. If the cache cannot be built or read, eld is imported the usual way.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

interface Detector {
  detect(text: string): { language: string };
}

const MIN_LETTERS = 20;
/** The eld database the accuracy figures in ../shared/notes/language-detection.md were measured with. */
const DATASET = 'small';

const run = promisify(execFile);

/** eld's package folder (its `exports` map hides package.json and the files used here from `require.resolve`). */
function eldRoot(): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths('eld') ?? []) {
    if (existsSync(join(dir, 'eld', 'package.json'))) return join(dir, 'eld');
  }
  throw new Error('eld is not installed');
}

/** Writes eld's n-grams as JSON, from a child process so this one never parses the JavaScript literal. */
async function buildJson(ngramsFile: string, target: string): Promise<void> {
  mkdirSync(join(target, '..'), { recursive: true });
  const partial = `${target}.${process.pid}.tmp`;
  const script = `import { writeFileSync } from 'node:fs';
const { ngramsData } = await import(process.argv[1]);
writeFileSync(process.argv[2], JSON.stringify(ngramsData));`;
  await run(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(ngramsFile).href, partial], {
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 60_000,
  });
  renameSync(partial, target); // atomic: a concurrent process reads a whole file or none
}

async function cachedJson(root: string, version: string): Promise<string> {
  const name = `eld-${version}-${DATASET}.json`;
  const folders = [join(root, '..', '.cache', 'pnyx'), join(tmpdir(), 'pnyx-cache')];
  for (const folder of folders) {
    const file = join(folder, name);
    if (existsSync(file)) return file;
  }
  let lastError: unknown;
  for (const folder of folders) {
    try {
      const file = join(folder, name);
      await buildJson(join(root, 'src', 'ngrams', `${DATASET}.js`), file);
      return file;
    } catch (error) {
      lastError = error; // e.g. a read-only node_modules: try the next folder
    }
  }
  throw lastError;
}

/** eld on its `small` database, loaded from the JSON cache (see the top of this file). */
export async function loadDetectorFromJson(): Promise<Detector> {
  const root = eldRoot();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const file = await cachedJson(root, version);
  // languageDetector.js is what eld's own entry points use to build an instance and load a database into it.
  const { createEld } = (await import(pathToFileURL(join(root, 'src', 'languageDetector.js')).href)) as {
    createEld(): { instance: Detector; loadData(data: unknown): void };
  };
  const { instance, loadData } = createEld();
  loadData(JSON.parse(readFileSync(file, 'utf8')));
  return instance;
}

let detector: Promise<Detector> | undefined;

function loadDetector(): Promise<Detector> {
  detector ??= loadDetectorFromJson()
    .catch(async (error: unknown) => {
      process.emitWarning(`language detection: the eld JSON cache is unavailable (${String(error)}); importing eld/small instead`);
      return (await import('eld/small')).eld;
    })
    .catch((error: unknown) => {
      detector = undefined; // let the next prompt try again
      throw error;
    });
  return detector;
}

/** A line that reads as program text rather than prose: code punctuation, or a line shaped like a statement. */
const CODE_LINE = /^\s*(?:[{}()[\];]|(?:def|class|function|fn|func|const|let|var|import|from|export|return|if|for|while|public|private|static|#include|package|using|SELECT|INSERT|UPDATE|CREATE)\b|<\/?[a-zA-Z][^>]*>|\/\/|#!|--\s|@\w+)|[;{}]\s*$|\)\s*(?:=>|->|:)\s*$|^\s*[\w.$[\]'"]+\s*(?:[-+*/%|&]?=|:=|=>)\s*\S/;
/** Characters that are frequent in code and rare in prose. */
const CODE_CHARS = /[{}()[\];=<>_$#/\\|&*^~`]/g;

/**
 * The prose of a prompt, without what is code: fenced and inline code spans, and lines that look like program text
 * (pasted code without fences). Code is written in English-like keywords whatever the person's language, so it would
 * only mislead the detector.
 */
export function proseOf(text: string): string {
  const unfenced = text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');
  return unfenced
    .split('\n')
    .filter((line) => {
      if (CODE_LINE.test(line)) return false;
      const visible = line.replace(/\s+/g, '');
      // A line dense with code punctuation (a one-liner, a JSON fragment) counts as code too.
      return visible.length === 0 || (visible.match(CODE_CHARS)?.length ?? 0) / visible.length < 0.15;
    })
    .join('\n');
}

/**
 * Whether a prompt in `language` may start a battle where only `accepted` languages are collected (a campaign's
 * languages, or a chat's `languages` setting). No list, or an empty one: every language. An undetermined language
 * (short or code-only text) is accepted: nothing says it is outside, and "ok" or a code snippet must not be refused.
 * Codes compare by their primary language (pt-BR is pt), case-insensitively.
 */
export function isAcceptedLanguage(accepted: readonly string[] | null | undefined, language: string | null | undefined): boolean {
  if (!accepted || accepted.length === 0 || !language) return true;
  const base = (code: string) => code.toLowerCase().split(/[-_]/)[0]!;
  const wanted = base(language);
  return accepted.some((code) => base(code) === wanted);
}

export async function detectLanguage(text: string): Promise<string | null> {
  const withoutCode = proseOf(text);
  // Counted in one string rather than an array of every letter (it runs on every prompt).
  let letters = 0;
  for (const _letter of withoutCode.replace(/\P{L}+/gu, '')) if (++letters >= MIN_LETTERS) break;
  if (letters < MIN_LETTERS) return null;
  const { language } = (await loadDetector()).detect(withoutCode);
  return language || null;
}

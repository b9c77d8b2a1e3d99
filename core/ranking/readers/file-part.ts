// One pass over a votes file, or over a byte range of whole JSONL lines (the half of a parallel read done on another
// thread): every record is counted, checked, filtered and added to the part's counts or battles. Its jobs, each a
// function below: the tally of what the pass saw besides the votes (records, excluded, filtered, malformed and their
// examples, formats, rows, style, categories); the general path, which parses a record of either format as JSON; the
// fast path, which takes a flat LMArena line on its bytes without JSON.parse; and the assembly of the result.
// Both paths are closures made once per pass and receive what they need then, so that a line costs what it did when
// they were one function: no allocation, Map lookup or call through an object more per vote.
import { stat } from 'node:fs/promises';
import { createCountsBuilder } from '../math/counts';
import { inSegment, type Segment } from '../segments';
import type { PairCounts, StyleBattle, VoteRow } from '../types';
import { hashId } from './battle-ids';
import { createBattleGroups, type BattleList, type IdTable } from './file-battles';
import { categoriesOfRecord, languageCode, parseRecord, styleOfRecord, timeOf } from './file-records';
import { scanFile, type LineHandler } from './file-scan';
import { createFastLineReader } from './jsonl-fast';
import type { Excluded, FileFormat, Malformed, ReadFileOptions } from './source-file';

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

/**
 * What a pass counts besides the votes themselves. One object that both paths update and the assembly reads: its
 * fields were the pass's closure variables, which live in a heap context as well, so a count costs the same.
 */
type PartTally = Pick<PartialRead, 'records' | 'accepted' | 'filtered' | 'excluded' | 'malformed' | 'examples'> & {
  /** Formats seen, in the order first seen. */
  formats: Set<FileFormat>;
} & Required<Pick<PartialRead, 'style' | 'rows' | 'categories'>>;

type ReportMalformed = (line: number, reason: string) => void;
type AddVote = ReturnType<typeof createBattleGroups>['addVote'];

function createPartTally(): PartTally {
  return {
    formats: new Set(),
    records: 0,
    accepted: 0,
    filtered: 0,
    excluded: { notAnonymous: 0, deduplicated: 0, noPrompt: 0 },
    malformed: 0,
    examples: [],
    style: [],
    rows: [],
    categories: {},
  };
}

/** Counts a malformed record; the first `maxExamples` are kept with their line numbers. */
function malformedReporter(t: PartTally, maxExamples: number): ReportMalformed {
  return (line, reason) => {
    t.malformed++;
    if (t.examples.length < maxExamples) t.examples.push({ line, reason });
  };
}

/** The general path: a record's text (a JSONL line or an array element) parsed as JSON, in either format. */
function recordHandler(t: PartTally, addVote: AddVote, segment: Segment, options: ReadFileOptions, bad: ReportMalformed) {
  // A battle id's hashes, written for each vote (addVote copies them).
  const hash = new Uint32Array(2);
  return (text: string, line: number): void => {
    t.records++;
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
    t.formats.add(parsed.format);
    if (parsed.excluded) {
      t.excluded[parsed.excluded]++;
      return;
    }
    const row = parsed.row;
    if (segment.category !== undefined || options.categories) {
      const cats = categoriesOfRecord(parsed.record);
      if (cats === null) {
        t.excluded.noPrompt++;
        if (segment.category !== undefined) return;
      } else row.categories = cats;
    }
    if (!inSegment(row, segment)) {
      t.filtered++;
      return;
    }
    // 2: the first vote of its battle (see addVote). Rows are not grouped into battles here: then only votes without
    // an id count categories.
    let added = 0;
    if (options.rows) t.rows.push(row);
    else {
      if (row.battleId) hashId(row.battleId, hash);
      added = addVote(row.modelA, row.modelB, row.outcome, row.battleId ? hash : null, () => row.battleId!, line);
      if (!added) return;
    }
    t.accepted++;
    // Categories are counted per battle: a battle's first vote counts it.
    if (row.categories && (!row.battleId || added === 2)) {
      for (const c of row.categories) t.categories[c] = (t.categories[c] ?? 0) + 1;
    }
    if (options.style) {
      const st = styleOfRecord(parsed.record);
      if (st) {
        const o = row.outcome;
        t.style.push({
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
  };
}

/**
 * The fast path: flat LMArena lines read on their bytes, skipping JSON.parse (see jsonl-fast.ts); a line it declines
 * goes to the general path. None when style features or categories are asked: they need the whole record.
 */
function fastLineHandler(t: PartTally, addVote: AddVote, segment: Segment, options: ReadFileOptions): LineHandler | undefined {
  const filtering = Object.values(segment).some((v) => v !== undefined);
  const extras = filtering || Boolean(options.rows);
  const fast = options.style || options.categories || segment.category !== undefined ? null : createFastLineReader({ extras, judge: Boolean(options.rows) });
  if (!fast) return undefined;
  let fastSeen = false;
  // The fast path's battle id as text, for a message only: one function reading these, not a closure per line.
  let idBuf: Buffer | null = null;
  let idStart = 0;
  let idEnd = 0;
  const fastIdText = () => idBuf!.toString('utf8', idStart, idEnd);
  return (buf, start, limit, line) => {
    const r = fast(buf, start, limit, true);
    if (!r) return -1;
    t.records++;
    if (!fastSeen) {
      // Once (a Set insertion per line showed in profiles), at the same place in the order as the general path.
      fastSeen = true;
      t.formats.add('lmarena');
    }
    if (r.anony === false) {
      t.excluded.notAnonymous++;
      return r.lineEnd;
    }
    // Time and language are only read when a segment or the per-vote rows need them.
    const at = extras ? timeOf(r.tstamp) : null;
    const language = extras ? languageCode(r.language) : null;
    if (filtering && !inSegment({ modelA: r.modelA, modelB: r.modelB, outcome: r.outcome, language, at }, segment)) {
      t.filtered++;
      return r.lineEnd;
    }
    if (options.rows) {
      t.rows.push({ modelA: r.modelA, modelB: r.modelB, outcome: r.outcome, language, at, battleId: r.hasId ? buf.toString('utf8', r.idStart, r.idEnd) : null, voterId: typeof r.judge === 'string' ? r.judge : typeof r.judge === 'number' ? String(r.judge) : null });
      t.accepted++;
    } else {
      idBuf = buf;
      idStart = r.idStart;
      idEnd = r.idEnd;
      if (addVote(r.modelA, r.modelB, r.outcome, r.hasId ? r.idHash : null, fastIdText, line)) t.accepted++;
    }
    return r.lineEnd;
  };
}

/** The part as returned (and sent between threads): style, rows and categories only when asked. */
function assemblePart(t: PartTally, counts: PairCounts, battles: BattleList, lines: number, options: ReadFileOptions): PartialRead {
  return {
    counts,
    battles,
    formats: [...t.formats],
    records: t.records,
    accepted: t.accepted,
    filtered: t.filtered,
    excluded: t.excluded,
    malformed: t.malformed,
    examples: t.examples,
    lines,
    ...(options.style ? { style: t.style } : {}),
    ...(options.rows ? { rows: t.rows } : {}),
    ...(options.categories ? { categories: t.categories } : {}),
  };
}

/** A part and the table of its battle ids (`battles.h1/h2` by slot), which the merge reuses for the part read here. */
export async function readPart(path: string, options: ReadFileOptions, range?: { start: number; end: number }): Promise<{ part: PartialRead; ids: IdTable }> {
  const segment = options.segment ?? {};
  const builder = createCountsBuilder();
  const t = createPartTally();
  const bad = malformedReporter(t, options.maxExamples ?? 20);
  // The id table sized for a battle per 500 bytes of the part (a Pnyx export line is ~200 bytes, a battle two votes or
  // more): no early regrowth, and a file with more battles grows it to the size it would have reached anyway.
  const groups = createBattleGroups(Math.floor((range ? range.end - range.start : (await stat(path)).size) / 500), builder, bad);
  const lines = await scanFile(path, recordHandler(t, groups.addVote, segment, options, bad), range, fastLineHandler(t, groups.addVote, segment, options));
  return { part: assemblePart(t, builder.build(), groups.list(), lines, options), ids: groups.ids };
}

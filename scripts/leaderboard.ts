// `npm run leaderboard -- [options]`: the Bradley–Terry leaderboard with bootstrap intervals, from the database
// (DATABASE_URL, default file:./data/pnyx.db) or from a public votes file (--votes FILE: LMArena/FastChat battles or
// compar:IA votes, JSON array or JSONL, auto-detected). Exit codes: 0 done, 1 unexpected failure, 2 bad option,
// 3 input not found or unreadable.
import { MIN_SEGMENT_PEOPLE, parseProfileSegment, profileRows, readProfiles } from '../core/ranking/profile-segments';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createI18n } from '../core/i18n';
import {
  CATEGORY_IDS,
  chartAlt,
  computeLeaderboardAsync,
  createBootstrapPool,
  formatReport,
  formatTable,
  matrixAlt,
  needsRows,
  parseSegment,
  prepareVotes,
  readCategoryCounts,
  readFirstPrompts,
  readStyleBattles,
  readVoteCounts,
  readVotes,
  readVotesFile,
  renderBattleCountPng,
  renderChartPng,
  renderHeatmapPng,
  segmentLabel,
  toJson,
  unknownSegmentValues,
  type FileVotes,
  type HerdingResult,
  type Leaderboard,
  type PairCounts,
  type RangeReader,
  type Segment,
  type StyleBattle,
  type VoteOptions,
  type VoterReport,
} from '../core/ranking';
import { DEFAULTS } from '../core/ranking/leaderboard';

const DEFAULT_URL = 'file:./data/pnyx.db';

export const USAGE = `Usage: npm run leaderboard -- [options]

Bradley–Terry leaderboard with bootstrap confidence intervals for scores and ranks. Intervals resample whole
battles, so votes of several members on one battle count as the single piece of evidence they are.

Votes come from the database (DATABASE_URL, default ${DEFAULT_URL}) unless --votes is given.

Options:
  --votes FILE          read votes from a file instead: LMArena/FastChat battles (model_a, model_b,
                        winner; anony and dedup_tag honoured) or compar:IA votes (model_a_name,
                        model_b_name, chosen_model_name, both_equal), JSON array or JSON Lines,
                        auto-detected; votes sharing battle_id / conversation_pair_id are one battle
  --format FORMAT       table (default, fits a phone screen), json, png (scores), heatmap (win rates,
                        png) or counts (votes per pair, png)
  --out FILE            write the result to FILE (required for png, heatmap and counts)
  --bootstrap N         bootstrap rounds (default ${DEFAULTS.bootstrap}; 0 = no intervals)
  --seed S              bootstrap seed (default ${DEFAULTS.seed}); same seed, same numbers
  --segment KEY=VALUE   only some votes; repeatable: language=fr, campaign=SLUG, platform=telegram,
                        chat=CHAT_ID, category=${CATEGORY_IDS.join('|')},
                        since=2026-03-01, until=2026-04-01 (until is exclusive)
  --profile Q=ANSWER    only votes of people who gave this answer in the optional profile (age=25-34,
                        lang=fr, region=eu …; database only); refused under 20 people
  --list-categories     print the battles per category in the selection, then exit
  --style-control VARIANT
                        also fit scores with reply length and Markdown style taken out, the way of
                        lmarena or comparia
  --tie-model MODEL     also fit davidson or rao-kupper, a model with ties, beside plain Bradley–Terry
  --voters POLICY       check voters against the consensus: off (default), flag, downweight or exclude
                        those who vote like chance or against everyone else (always reported)
  --daily-cap N         count only each person's first N votes per day (LMArena's daily cap)
  --dedup-prompts       keep at most LMArena's 99.99th-percentile number of battles per identical
                        prompt (database; LMArena files carry their own dedup_tag)
  --herding             check per chat whether later voters follow the visible count (database)
  --report FILE         write the organizer report (what was left out, flagged voters, herding)
  --anchor MODEL=SCORE  pin one model's score (default: listed models average 1000)
  --min-votes N         models with fewer votes show "not enough votes" (default ${DEFAULTS.minVotes})
  --both-bad POLICY     "both bad" votes count as a tie (default) or are excluded: tie | exclude
  --locale LOCALE       language of the table, charts and report: en (default) or fr
  --threads N           worker threads for the bootstrap besides the main one (default 1)
  -h, --help            show this help

Exit codes: 0 done, 1 unexpected failure, 2 bad option (an unknown campaign, chat or platform included),
3 input not found, unreadable or without a single valid vote.`;

class UsageError extends Error {}
class InputError extends Error {}

const Int = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`);

const Options = z.object({
  votes: z.string().min(1).optional(),
  format: z.enum(['table', 'json', 'png', 'heatmap', 'counts'], { message: '--format must be table, json, png, heatmap or counts' }).default('table'),
  out: z.string().min(1).optional(),
  bootstrap: Int('--bootstrap', 0, 100_000).default(DEFAULTS.bootstrap),
  seed: Int('--seed', 0, 2 ** 32 - 1).default(DEFAULTS.seed),
  segment: z.array(z.string()).default([]),
  'list-categories': z.boolean().default(false),
  'style-control': z.enum(['lmarena', 'comparia'], { message: '--style-control must be lmarena or comparia' }).optional(),
  'tie-model': z.enum(['davidson', 'rao-kupper'], { message: '--tie-model must be davidson or rao-kupper' }).optional(),
  voters: z.enum(['off', 'flag', 'downweight', 'exclude'], { message: '--voters must be off, flag, downweight or exclude' }).default('off'),
  'daily-cap': Int('--daily-cap', 1, 1_000_000).optional(),
  'dedup-prompts': z.boolean().default(false),
  herding: z.boolean().default(false),
  report: z.string().min(1).optional(),
  anchor: z
    .string()
    .regex(/^.+=-?\d+(\.\d+)?$/, '--anchor must look like MODEL=SCORE, e.g. gpt-4o=1200')
    .transform((s) => {
      const eq = s.lastIndexOf('=');
      return { model: s.slice(0, eq), score: Number(s.slice(eq + 1)) };
    })
    .optional(),
  'min-votes': Int('--min-votes', 0, 1_000_000_000).default(DEFAULTS.minVotes),
  'both-bad': z.enum(['tie', 'exclude'], { message: '--both-bad must be tie or exclude' }).default('tie'),
  locale: z.enum(['en', 'fr'], { message: '--locale must be en or fr' }).default('en'),
  profile: z.string().optional(),
  threads: Int('--threads', 0, 16).default(1),
  help: z.boolean().default(false),
});
export type CliOptions = z.infer<typeof Options>;

export function parseCli(argv: string[]): CliOptions {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        votes: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        bootstrap: { type: 'string' },
        seed: { type: 'string' },
        segment: { type: 'string', multiple: true },
        profile: { type: 'string' },
        'list-categories': { type: 'boolean' },
        'style-control': { type: 'string' },
        'tie-model': { type: 'string' },
        voters: { type: 'string' },
        'daily-cap': { type: 'string' },
        'dedup-prompts': { type: 'boolean' },
        herding: { type: 'boolean' },
        report: { type: 'string' },
        anchor: { type: 'string' },
        'min-votes': { type: 'string' },
        'both-bad': { type: 'string' },
        locale: { type: 'string' },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parsed = Options.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]!.message);
  if (['png', 'heatmap', 'counts'].includes(parsed.data.format) && !parsed.data.out) throw new UsageError(`--format ${parsed.data.format} needs --out FILE`);
  return parsed.data;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

interface Loaded {
  counts: PairCounts;
  style?: StyleBattle[];
  file?: FileVotes;
  voters: VoterReport | null;
  herding: HerdingResult[] | null;
  capped: number;
  deduplicated: number;
  categories?: Record<string, number>;
}

function voteOptions(options: CliOptions): VoteOptions {
  return {
    voters: options.voters,
    dailyCap: options['daily-cap'] ?? null,
    dedupPrompts: options['dedup-prompts'],
    herding: options.herding,
  };
}

async function loadFromFile(path: string, segment: Segment, options: CliOptions, helper?: RangeReader): Promise<Loaded> {
  const unsupported = (['campaign', 'platform', 'chat'] as const).filter((k) => segment[k] !== undefined);
  if (unsupported.length) {
    throw new UsageError(`--segment ${unsupported.join(', ')} needs the database: public vote files do not record it`);
  }
  if (options.herding) throw new UsageError('--herding needs the database: public vote files do not record chats');
  if (options.profile) throw new UsageError('--profile needs the database: public vote files carry no profiles');
  if (options['dedup-prompts']) throw new UsageError('--dedup-prompts needs the database (LMArena files carry their own dedup_tag, which is honoured)');
  if (!existsSync(path)) throw new InputError(`votes file not found: ${path}`);
  const rows = needsRows(voteOptions(options));
  let file: FileVotes;
  try {
    file = await readVotesFile(path, {
      segment,
      style: Boolean(options['style-control']),
      rows,
      categories: options['list-categories'],
      ...(helper ? { helper } : {}),
    });
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const valid = file.accepted + file.filtered + file.excluded.notAnonymous + file.excluded.deduplicated + file.excluded.noPrompt;
  if (valid === 0) {
    throw new InputError(
      file.records === 0
        ? `no vote in ${path}: the file is empty`
        : `no valid vote in ${path}: all ${file.records} record(s) are malformed (first: line ${file.malformed.examples[0]?.line}: ${file.malformed.examples[0]?.reason})`,
    );
  }
  const prepared = rows ? prepareVotes(file.rows ?? [], voteOptions(options)) : null;
  return {
    counts: prepared?.counts ?? file.counts,
    file,
    ...(options['style-control'] ? { style: file.style ?? [] } : {}),
    voters: prepared?.voters ?? null,
    herding: null,
    capped: prepared?.capped ?? 0,
    deduplicated: file.excluded.deduplicated,
    ...(file.categories ? { categories: file.categories } : {}),
  };
}

/** The votes of one profile segment (`--profile age=25-34`), refused when fewer than 20 people are in it. */
async function loadProfileSegment(db: Parameters<typeof readVotes>[0], segment: Segment, options: CliOptions, arg: string): Promise<Loaded> {
  let wanted;
  try {
    wanted = parseProfileSegment(arg);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const selected = profileRows(await readVotes(db, segment), await readProfiles(db as never), wanted);
  if (!selected.shown) {
    throw new UsageError(`--profile ${arg}: ${selected.people} people gave that answer; a segment is shown from ${MIN_SEGMENT_PEOPLE} people, so that it says nothing about anyone`);
  }
  return prepareVotes(selected.rows, voteOptions(options), {});
}

async function loadFromDatabase(segment: Segment, options: CliOptions): Promise<Loaded> {
  const url = process.env.DATABASE_URL?.trim() || DEFAULT_URL;
  const { parseDatabaseUrl } = await import('../core/store/url');
  let target;
  try {
    target = parseDatabaseUrl(url);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (target.provider === 'sqlite' && !existsSync(target.file)) {
    throw new InputError(`database not found: ${target.file} (set DATABASE_URL, or read a file with --votes FILE)`);
  }
  const { openDatabase } = await import('../core/store/database');
  let db;
  try {
    db = await openDatabase(url, { migrate: false });
  } catch (error) {
    throw new InputError(`cannot open ${redact(url)}: ${(error as Error).message}`);
  }
  try {
    // An unknown campaign would otherwise give an empty board that looks like "no votes yet".
    const unknown = await unknownSegmentValues(db.kysely, segment);
    if (unknown.length) throw new UsageError(`${unknown.join('; ')} in the database`);
    const categories = options['list-categories'] ? Object.fromEntries(await readCategoryCounts(db.kysely, segment)) : undefined;
    const style = options['style-control'] ? { style: await readStyleBattles(db.kysely, segment) } : {};
    if (options.profile) return await loadProfileSegment(db.kysely, segment, options, options.profile);
    if (!needsRows(voteOptions(options))) {
      return { counts: await readVoteCounts(db.kysely, segment), ...style, voters: null, herding: null, capped: 0, deduplicated: 0, ...(categories ? { categories } : {}) };
    }
    const rows = await readVotes(db.kysely, segment);
    const prompts = options['dedup-prompts'] ? await readFirstPrompts(db.kysely, segment) : null;
    const prepared = prepareVotes(rows, voteOptions(options), prompts ? { promptOf: (id) => prompts.get(id) } : {});
    return { ...prepared, ...style, ...(categories ? { categories } : {}) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new InputError(`cannot read votes from ${redact(url)}: ${(error as Error).message}`);
  } finally {
    await db.close();
  }
}

export async function run(argv: string[], io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    io.stderr.write(`leaderboard: ${(error as Error).message}\nRun with --help for the options.\n`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let segment: Segment;
  try {
    segment = parseSegment(options.segment);
  } catch (error) {
    io.stderr.write(`leaderboard: ${(error as Error).message}\n`);
    return 2;
  }
  // Workers take a moment to start: start them now; they help read a large file, then run the bootstrap.
  const pool = options.threads > 0 ? createBootstrapPool(options.threads) : null;
  try {
    const loaded = options.votes
      ? await loadFromFile(resolve(options.votes), segment, options, pool?.readJsonlRange)
      : await loadFromDatabase(segment, options);
    const t = createI18n().t(options.locale);
    if (options['list-categories']) {
      const counts = loaded.categories ?? {};
      for (const id of CATEGORY_IDS) io.stdout.write(`${id}\t${counts[id] ?? 0}\t${t(`ranking-category-${id}`)}\n`);
      return 0;
    }
    if (loaded.file) {
      const f = loaded.file;
      const { count, examples } = f.malformed;
      if (count > 0) {
        io.stderr.write(`leaderboard: ${count} malformed record(s) skipped out of ${f.records}:\n`);
        for (const e of examples) io.stderr.write(`  line ${e.line}: ${e.reason}\n`);
        if (count > examples.length) io.stderr.write(`  … and ${count - examples.length} more\n`);
      }
      if (f.excluded.notAnonymous > 0) io.stderr.write(`leaderboard: ${f.excluded.notAnonymous} battle(s) left out: not anonymous (anony false), as LMArena does\n`);
      if (f.excluded.deduplicated > 0) io.stderr.write(`leaderboard: ${f.excluded.deduplicated} battle(s) left out: repeated prompt (dedup_tag.sampled false), as LMArena does\n`);
      if (f.excluded.noPrompt > 0) io.stderr.write(`leaderboard: ${f.excluded.noPrompt} vote(s) left out: no prompt text nor category tags to tell their category\n`);
      if (f.filtered > 0) io.stderr.write(`leaderboard: ${f.filtered} vote(s) outside the segment left out\n`);
      if (f.accepted === 0) io.stderr.write(`leaderboard: note: no vote in the file matches the segment\n`);
    }
    if (loaded.capped > 0) io.stderr.write(`leaderboard: ${loaded.capped} vote(s) over the daily cap left out\n`);
    if (loaded.deduplicated > 0 && !loaded.file) io.stderr.write(`leaderboard: ${loaded.deduplicated} vote(s) on repeated prompts left out (de-duplication)\n`);
    if (loaded.style && loaded.style.length === 0) {
      io.stderr.write(
        'leaderboard: note: style control skipped: no reply texts (database) or conv_metadata / conversations (file) to measure style\n',
      );
      delete loaded.style;
    }
    let board: Leaderboard;
    try {
      board = await computeLeaderboardAsync(loaded.counts, {
        bootstrap: options.bootstrap,
        seed: options.seed,
        bothBad: options['both-bad'],
        minVotes: options['min-votes'],
        ...(options.anchor ? { anchor: options.anchor } : {}),
        ...(loaded.style && options['style-control'] ? { style: loaded.style, styleVariant: options['style-control'] } : {}),
        ...(options['tie-model'] ? { tieModel: options['tie-model'] } : {}),
        ...(loaded.voters ? { voters: loaded.voters } : {}),
        ...(loaded.capped ? { cappedVotes: loaded.capped } : {}),
        ...(pool ? { runner: pool.run } : {}),
      });
    } catch (error) {
      if (error instanceof RangeError) {
        io.stderr.write(`leaderboard: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    for (const w of board.warnings) io.stderr.write(`leaderboard: note: ${w.text}\n`);

    const label = segmentLabel(segment, t);
    const styled = Boolean(loaded.style);
    let output: string | Uint8Array;
    let alt = '';
    if (options.format === 'json') {
      const json = toJson(board, { segment, ...(loaded.categories ? { categories: loaded.categories } : {}) });
      output = `${JSON.stringify(loaded.herding ? { ...json, herding: loaded.herding } : json, null, 2)}\n`;
    } else if (options.format === 'png') {
      output = renderChartPng(board, t, { segment: label, style: styled, locale: options.locale });
      alt = chartAlt(board, t);
    } else if (options.format === 'heatmap' || options.format === 'counts') {
      output = (options.format === 'heatmap' ? renderHeatmapPng : renderBattleCountPng)(board, t, { segment: label, locale: options.locale });
      alt = matrixAlt(board, options.format === 'heatmap' ? 'winrate' : 'counts', t);
    } else {
      // A terminal's full width (model names whole); piped output keeps the phone-width table.
      const width = process.stdout.isTTY ? process.stdout.columns : undefined;
      output = `${formatTable(board, t, { segment: label, ...(width ? { width } : {}) })}\n`;
      if (styled) output += `\n${formatTable(board, t, { segment: label, style: true, ...(width ? { width } : {}) })}\n`;
    }
    if (options.report) {
      const report = formatReport(
        {
          board,
          voters: loaded.voters,
          herding: loaded.herding,
          excluded: {
            notAnonymous: loaded.file?.excluded.notAnonymous ?? 0,
            deduplicated: loaded.deduplicated,
            capped: loaded.capped,
            noPrompt: loaded.file?.excluded.noPrompt ?? 0,
          },
          locale: options.locale,
        },
        t,
      );
      writeFileSync(options.report, report);
      io.stderr.write(`leaderboard: wrote the organizer report to ${options.report}\n`);
    } else if (loaded.voters) {
      const v = loaded.voters;
      io.stderr.write(`leaderboard: voters: ${v.flagged} of ${v.checked} flagged (${(v.share * 100).toFixed(1)}%), ${(v.voteShare * 100).toFixed(1)}% of votes; policy ${v.policy}\n`);
    }
    if (options.out) {
      writeFileSync(options.out, output);
      io.stderr.write(`leaderboard: wrote ${options.out}${alt ? ` (${alt})` : ''}\n`);
    } else io.stdout.write(output);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`leaderboard: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr.write(`leaderboard: ${error.message}\n`);
      return 3;
    }
    io.stderr.write(`leaderboard: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    await pool?.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await run(process.argv.slice(2));
}

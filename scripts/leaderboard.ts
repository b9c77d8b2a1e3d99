// `npm run leaderboard -- [options]`: the Bradley–Terry leaderboard with bootstrap intervals, from the database
// (DATABASE_URL, default file:./data/pnyx.db) or from a public votes file (--votes FILE: LMArena/FastChat battles or
// compar:IA votes, JSON array or JSONL, auto-detected). Exit codes: 0 done, 1 unexpected failure, 2 bad option,
// 3 input not found or unreadable.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createI18n } from '../core/i18n';
import {
  chartAlt,
  computeLeaderboardAsync,
  createBootstrapPool,
  formatTable,
  parseSegment,
  readStyleBattles,
  readVoteCounts,
  readVotesFile,
  renderChartPng,
  segmentLabel,
  toJson,
  type FileVotes,
  type Leaderboard,
  type PairCounts,
  type RangeReader,
  type Segment,
  type StyleBattle,
} from '../core/ranking';
import { DEFAULTS } from '../core/ranking/leaderboard';

const DEFAULT_URL = 'file:./data/pnyx.db';

export const USAGE = `Usage: npm run leaderboard -- [options]

Bradley–Terry leaderboard with bootstrap confidence intervals for scores and ranks.

Votes come from the database (DATABASE_URL, default ${DEFAULT_URL}) unless --votes is given.

Options:
  --votes FILE          read votes from a file instead: LMArena/FastChat battles (model_a, model_b,
                        winner) or compar:IA votes (model_a_name, model_b_name, chosen_model_name,
                        both_equal), JSON array or JSON Lines, auto-detected
  --format FORMAT       table (default, fits a phone screen), json or png
  --out FILE            write the result to FILE (required for png)
  --bootstrap N         bootstrap rounds (default ${DEFAULTS.bootstrap}; 0 = no intervals)
  --seed S              bootstrap seed (default ${DEFAULTS.seed}); same seed, same numbers
  --segment KEY=VALUE   only some votes; repeatable: language=fr, campaign=SLUG, platform=telegram,
                        chat=CHAT_ID, since=2026-03-01, until=2026-04-01 (until is exclusive)
  --style-control       also fit scores with reply length and Markdown style taken out
  --anchor MODEL=SCORE  pin one model's score (default: listed models average 1000)
  --min-votes N         models with fewer votes show "not enough votes" (default ${DEFAULTS.minVotes})
  --both-bad POLICY     "both bad" votes count as a tie (default) or are excluded: tie | exclude
  --locale LOCALE       language of the table and chart labels: en (default) or fr
  --threads N           worker threads for the bootstrap besides the main one (default 1)
  -h, --help            show this help

Exit codes: 0 done, 1 unexpected failure, 2 bad option, 3 input not found or unreadable.`;

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
  format: z.enum(['table', 'json', 'png'], { message: '--format must be table, json or png' }).default('table'),
  out: z.string().min(1).optional(),
  bootstrap: Int('--bootstrap', 0, 100_000).default(DEFAULTS.bootstrap),
  seed: Int('--seed', 0, 2 ** 32 - 1).default(DEFAULTS.seed),
  segment: z.array(z.string()).default([]),
  'style-control': z.boolean().default(false),
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
        'style-control': { type: 'boolean' },
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
  if (parsed.data.format === 'png' && !parsed.data.out) throw new UsageError('--format png needs --out FILE');
  return parsed.data;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

interface Loaded {
  counts: PairCounts;
  style?: StyleBattle[];
  file?: FileVotes;
}

async function loadFromFile(path: string, segment: Segment, style: boolean, helper?: RangeReader): Promise<Loaded> {
  const unsupported = (['campaign', 'platform', 'chat'] as const).filter((k) => segment[k] !== undefined);
  if (unsupported.length) {
    throw new UsageError(`--segment ${unsupported.join(', ')} needs the database: public vote files do not record it`);
  }
  if (!existsSync(path)) throw new InputError(`votes file not found: ${path}`);
  let file: FileVotes;
  try {
    file = await readVotesFile(path, { segment, style, ...(helper ? { helper } : {}) });
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as Error).message}`);
  }
  return { counts: file.counts, file, ...(style ? { style: file.style ?? [] } : {}) };
}

async function loadFromDatabase(segment: Segment, style: boolean): Promise<Loaded> {
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
    const counts = await readVoteCounts(db.kysely, segment);
    return { counts, ...(style ? { style: await readStyleBattles(db.kysely, segment) } : {}) };
  } catch (error) {
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
      ? await loadFromFile(resolve(options.votes), segment, options['style-control'], pool?.readJsonlRange)
      : await loadFromDatabase(segment, options['style-control']);
    if (loaded.file) {
      const f = loaded.file;
      const { count, examples } = f.malformed;
      if (count > 0) {
        io.stderr.write(`leaderboard: ${count} malformed record(s) skipped out of ${f.records}:\n`);
        for (const e of examples) io.stderr.write(`  line ${e.line}: ${e.reason}\n`);
        if (count > examples.length) io.stderr.write(`  … and ${count - examples.length} more\n`);
      }
      if (f.filtered > 0) io.stderr.write(`leaderboard: ${f.filtered} vote(s) outside the segment left out\n`);
    }
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
        ...(loaded.style ? { style: loaded.style } : {}),
        ...(pool ? { runner: pool.run } : {}),
      });
    } catch (error) {
      if (error instanceof RangeError) {
        io.stderr.write(`leaderboard: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    for (const w of board.warnings) io.stderr.write(`leaderboard: note: ${w}\n`);

    const t = createI18n().t(options.locale);
    const label = segmentLabel(segment, t);
    let output: string | Uint8Array;
    if (options.format === 'json') output = `${JSON.stringify(toJson(board), null, 2)}\n`;
    else if (options.format === 'png') output = renderChartPng(board, t, { segment: label, style: Boolean(loaded.style), locale: options.locale });
    else {
      output = `${formatTable(board, t, { segment: label })}\n`;
      if (loaded.style) output += `\n${formatTable(board, t, { segment: label, style: true })}\n`;
    }
    if (options.out) {
      writeFileSync(options.out, output);
      io.stderr.write(`leaderboard: wrote ${options.out}${options.format === 'png' ? ` (${chartAlt(board, t)})` : ''}\n`);
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

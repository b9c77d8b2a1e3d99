// `npm run bench:ranking`: 1,000,000 votes in ~400,000 battles among 100 models — read the votes (SQLite through
// Prisma with the project's real schema, or a 1,000,000-line JSONL file of LMArena-format votes with battle ids), fit
// Bradley–Terry, run 1,000 battle-level bootstrap rounds. Each scenario runs in a fresh process so its peak memory
// (max RSS, worker thread included) is its own.
// Options: --votes N (default 1e6), --models M (100), --rounds R (1000), --repeat K (3), --dir DIR (fixtures),
// --sources sqlite,jsonl, --voters flag (also check voters: reads every vote one by one), --no-vote-rows (a database
// fixture without Vote rows, which the board's query does not read: for the 10M-vote run).
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { ensureFixtures } from './fixtures/ranking-fixture';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name: string, fallback: string) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1]! : fallback;
};

interface RunResult {
  source: 'sqlite' | 'jsonl';
  readMs: number;
  computeMs: number;
  totalMs: number;
  maxRssMb: number;
  /** user + system CPU time of the whole process (both threads), and of the read and compute phases. */
  cpuMs: number;
  readCpuMs: number;
  computeCpuMs: number;
  votes: number;
  battles: number;
  cells: number;
  models: number;
  flaggedVoters: number | null;
  maxAbsError: number;
  coverage: number;
}

async function child(source: 'sqlite' | 'jsonl', path: string, truthFile: string, rounds: number, voters: 'off' | 'flag'): Promise<RunResult> {
  const { computeLeaderboardAsync, createBootstrapPool, prepareVotes, readVoteCounts, readVotes, readVotesFile } = await import('../core/ranking');
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const c0 = cpu();
  const t0 = performance.now();
  const pool = createBootstrapPool(1);
  let counts;
  let report = null;
  if (source === 'sqlite') {
    const { openDatabase } = await import('../core/store/database');
    const db = await openDatabase(`file:${path}`, { migrate: false });
    if (voters === 'off') counts = await readVoteCounts(db.kysely);
    else ({ counts, voters: report } = prepareVotes(await readVotes(db.kysely), { voters }));
    await db.close();
  } else if (voters === 'off') {
    counts = (await readVotesFile(path, { helper: pool.readJsonlRange })).counts;
  } else {
    ({ counts, voters: report } = prepareVotes((await readVotesFile(path, { helper: pool.readJsonlRange, rows: true })).rows!, { voters }));
  }
  const t1 = performance.now();
  const c1 = cpu();
  const board = await computeLeaderboardAsync(counts, { bootstrap: rounds, seed: 1, runner: pool.run, voters: report });
  const t2 = performance.now();
  const c2 = cpu();
  await pool.close();
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, number>;
  const mean = Object.values(truth).reduce((s, x) => s + x, 0) / Object.values(truth).length;
  let maxAbsError = 0;
  let covered = 0;
  for (const m of board.models) {
    const t = truth[m.model]! - mean + 1000;
    maxAbsError = Math.max(maxAbsError, Math.abs(m.score! - t));
    if (m.ciLow! <= t && t <= m.ciHigh!) covered++;
  }
  return {
    source,
    readMs: t1 - t0,
    computeMs: t2 - t1,
    totalMs: t2 - t0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000,
    readCpuMs: c1 - c0,
    computeCpuMs: c2 - c1,
    votes: board.votes,
    battles: board.battles,
    cells: counts.cells.size,
    models: board.models.length,
    flaggedVoters: report ? report.flagged : null,
    maxAbsError,
    coverage: covered / board.models.length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const spec = { votes: Number(arg('--votes', '1000000')), models: Number(arg('--models', '100')), seed: 7, voteRows: !process.argv.includes('--no-vote-rows') };
  const rounds = Number(arg('--rounds', '1000'));
  const repeat = Number(arg('--repeat', '3'));
  const sources = arg('--sources', 'sqlite,jsonl').split(',') as Array<'sqlite' | 'jsonl'>;
  const voters = arg('--voters', 'off') as 'off' | 'flag';
  const dir = resolve(arg('--dir', join(tmpdir(), 'pnyx-bench')));
  const g = performance.now();
  const files = await ensureFixtures(dir, spec);
  if (files.created) console.log(`fixtures written in ${((performance.now() - g) / 1000).toFixed(1)} s to ${dir}`);
  const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model ?? '?';
  console.log(`machine: ${cpus().length} CPUs, ${cpu}, node ${process.version}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`${spec.votes.toLocaleString('en')} votes, ${spec.models} models, ${rounds} battle-level bootstrap rounds, ${repeat} runs per source (fresh process each)${voters === 'off' ? '' : ', voters checked'}\n`);
  // Builds the ranking worker's cached bundle now if the sources changed, so no timed run pays for it.
  const { createBootstrapPool } = await import('../core/ranking');
  await createBootstrapPool(1).close();
  const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  for (const source of sources) {
    const runs: RunResult[] = [];
    for (let k = 0; k < repeat; k++) {
      const out = execFileSync(
        process.execPath,
        ['--import', tsx, fileURLToPath(import.meta.url), '--child', source, source === 'sqlite' ? files.sqlite : files.jsonl, files.truth, String(rounds), voters],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      runs.push(JSON.parse(out.trim().split('\n').at(-1)!) as RunResult);
    }
    const r = runs[0]!;
    const fmt = (xs: number[]) => `${(median(xs) / 1000).toFixed(2)} s (runs: ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')})`;
    console.log(`${source}: ${r.votes.toLocaleString('en')} votes counted, ${r.battles.toLocaleString('en')} battles in ${r.cells.toLocaleString('en')} cells, ${r.models} models${r.flaggedVoters === null ? '' : `, ${r.flaggedVoters} voters flagged`}`);
    console.log(`  read votes         ${fmt(runs.map((x) => x.readMs))}`);
    console.log(`  fit + ${rounds} rounds ${fmt(runs.map((x) => x.computeMs))}`);
    console.log(`  total              ${fmt(runs.map((x) => x.totalMs))}`);
    console.log(`  CPU: read          ${fmt(runs.map((x) => x.readCpuMs))}`);
    console.log(`  CPU: fit + rounds  ${fmt(runs.map((x) => x.computeCpuMs))}`);
    console.log(`  CPU: whole process ${fmt(runs.map((x) => x.cpuMs))} (includes starting Node, tsx and Prisma)`);
    console.log(`  peak memory        ${Math.max(...runs.map((x) => x.maxRssMb)).toFixed(0)} MB max RSS`);
    console.log(`  recovery           max |score − truth| ${r.maxAbsError.toFixed(1)} points, 95% intervals cover ${(r.coverage * 100).toFixed(0)}% of true scores\n`);
  }
  console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

if (process.argv[2] === '--child') {
  const [, , , source, path, truth, rounds, voters] = process.argv;
  const result = await child(source as 'sqlite' | 'jsonl', path!, truth!, Number(rounds), (voters ?? 'off') as 'off' | 'flag');
  console.log(JSON.stringify(result));
} else {
  await main();
}

// `npm run status`: the operator's one page, without Grafana.
//   npm run status -- --url http://127.0.0.1:3000   what a running process reports (its /metrics and /readyz)
//   npm run status                                  today's figures from DATABASE_URL, with no process running
//   add --json for scripts.
// Exit status: 0 when the figures were read (a process that is not ready still reports), 1 when they could not be,
// 2 for bad arguments.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseDatabaseUrl } from '../core/store/url';
import { hidePassword, readDatabase } from './status/database';
import { readProcess } from './status/metrics';
import { renderDatabase, renderProcess } from './status/render';

const USAGE = `usage: npm run status -- [--url http://HOST:PORT] [--json]
  --url    read a running process (its WEB_HOST:WEB_PORT) instead of the database
  --json   print JSON instead of text
With no --url, today's figures are read from DATABASE_URL (default file:./data/pnyx.db).
`;

async function fromDatabase(url: string) {
  const target = parseDatabaseUrl(url);
  // Opening a SQLite file that is not there would create an empty one: say what is wrong instead.
  if (target.provider === 'sqlite' && !existsSync(target.file)) {
    throw new Error(`no database at ${target.file}: set DATABASE_URL to the one Pnyx uses, or pass --url to ask a running process`);
  }
  const { openDatabase } = await import('../core/store/database');
  const db = await openDatabase(url, { migrate: false });
  try {
    return await readDatabase(db, url);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let values: { url?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { url: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const databaseUrl = process.env.DATABASE_URL?.trim() || 'file:./data/pnyx.db';
  try {
    if (values.url !== undefined) {
      if (!/^https?:\/\//.test(values.url)) {
        process.stderr.write(`--url must be an http(s) address such as http://127.0.0.1:3000\n${USAGE}`);
        return 2;
      }
      const status = await readProcess(values.url);
      process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : renderProcess(status));
    } else {
      const status = await fromDatabase(databaseUrl);
      process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : renderDatabase(status));
    }
    return 0;
  } catch (error) {
    const where = values.url ?? hidePassword(databaseUrl);
    const cause = error instanceof Error ? (error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message) : String(error);
    process.stderr.write(`pnyx status: could not read ${where}: ${cause}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

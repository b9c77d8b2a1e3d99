// `npm run purge [-- --days N]`: applies retention now (core/privacy/retention.ts), with privacy.retentionDays from the
// configuration or --days. Screens new battles first, so nothing publishable is purged for want of a verdict.
// Exit codes: 0 done, 1 unexpected failure, 2 no retention window configured or bad option.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfigFile, parseEnv } from '../core/config/load';
import { createLogger } from '../core/log';
import { screenBattles } from '../core/privacy/pii/screen-battles';
import { purgeExpired } from '../core/privacy/retention';

export async function run(argv: string[], io = { stdout: process.stdout, stderr: process.stderr }, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let days: number | null = null;
  try {
    const { values } = parseArgs({ args: argv, options: { days: { type: 'string' } }, strict: true });
    if (values.days !== undefined) {
      days = Number(values.days);
      if (!Number.isInteger(days) || days < 1) throw new Error(`--days must be a whole number of days (1 or more), got "${values.days}"`);
    }
  } catch (error) {
    io.stderr.write(`purge: ${(error as Error).message}\n`);
    return 2;
  }
  const pnyxEnv = parseEnv(env);
  const config = existsSync(pnyxEnv.PNYX_CONFIG) ? loadConfigFile(pnyxEnv.PNYX_CONFIG) : null;
  days ??= config?.privacy.retentionDays ?? null;
  if (days === null) {
    io.stderr.write('purge: no retention window: set privacy.retentionDays in the configuration or pass --days N\n');
    return 2;
  }
  const log = createLogger({ level: pnyxEnv.LOG_LEVEL === 'info' ? 'warn' : pnyxEnv.LOG_LEVEL });
  const { openDatabase } = await import('../core/store/database');
  const db = await openDatabase(pnyxEnv.DATABASE_URL, { log });
  try {
    const screened = await screenBattles(db.kysely);
    const s = await purgeExpired(db.kysely, { retentionDays: days });
    io.stdout.write(
      `purge: ${days}-day window: screened ${screened.screened} new battle(s); removed the platform ids of ${s.people} person(s), ` +
        `the texts of ${s.conversations} unpublished conversation(s), ${s.messageRefs} message reference(s) and ${s.deliveries} delivery record(s)\n`,
    );
    return 0;
  } catch (error) {
    io.stderr.write(`purge: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await run(process.argv.slice(2));
}

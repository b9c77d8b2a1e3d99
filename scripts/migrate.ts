// `npm run db:migrate`: applies pending migrations to DATABASE_URL (default: the local SQLite file) and says what it did.
// The bot does the same at start; this is for deploys that migrate before starting, and for checking a database.
import { MigrationError, migrate } from '../core/store/migrate';

const DEFAULT_URL = 'file:./data/pnyx.db';

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL?.trim() || DEFAULT_URL;
  try {
    const result = await migrate(url);
    const where = `${result.provider} database ${redact(url)}`;
    if (result.applied.length === 0) {
      console.log(`${where} is up to date (${result.alreadyApplied} migration(s) applied before).`);
    } else {
      console.log(`Applied ${result.applied.length} migration(s) to ${where}:`);
      for (const name of result.applied) console.log(`  ${name}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof MigrationError) {
      console.error(`db:migrate refused: ${error.message}`);
      return 1;
    }
    console.error(`db:migrate failed on ${redact(url)}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();

// Fresh databases for tests, so any test file can run the same suite on SQLite and on PostgreSQL:
//
//   for (const db of databaseCases()) {
//     describe.skipIf(db.skip)(`store on ${db.name}`, () => {
//       beforeAll(async () => { url = await db.fresh(); ... });
//
// SQLite: a new file in a temporary folder. PostgreSQL (only when TEST_DATABASE_URL is set): a new schema with a
// random name in that database, passed as `?schema=`. Everything a file created is removed after its tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { quoteIdent } from './url';

export interface DatabaseCase {
  name: 'sqlite' | 'postgresql';
  /** Why this case cannot run here (give it to describe.skipIf), or false. */
  skip: string | false;
  /** A URL to a new, empty database of this kind; dropped after the file's tests. */
  fresh(): Promise<string>;
}

const PG_SKIP = 'PostgreSQL tests skipped: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run them';

function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

let warned = false;

/** Call at the top of a test file (it registers the clean-up hook there). */
export function databaseCases(): DatabaseCase[] {
  const folders: string[] = [];
  const schemas: string[] = [];
  const pgUrl = process.env.TEST_DATABASE_URL?.trim() || null;
  if (!pgUrl && !warned) {
    warned = true;
    console.warn(PG_SKIP);
  }

  afterAll(async () => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    if (pgUrl && schemas.length > 0) {
      const client = new pg.Client({ connectionString: pgUrl });
      client.on('notice', () => {});
      await client.connect();
      try {
        for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      } finally {
        await client.end();
      }
    }
  });

  return [
    {
      name: 'sqlite',
      skip: false,
      async fresh() {
        const folder = mkdtempSync(join(tmpdir(), 'pnyx-test-'));
        folders.push(folder);
        return `file:${join(folder, 'pnyx.db')}`;
      },
    },
    {
      name: 'postgresql',
      skip: pgUrl ? false : PG_SKIP,
      async fresh() {
        if (!pgUrl) throw new Error(PG_SKIP);
        const schema = `pnyx_test_${randomBytes(6).toString('hex')}`;
        schemas.push(schema);
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        try {
          await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
        } finally {
          await client.end();
        }
        return withSchema(pgUrl, schema);
      },
    },
  ];
}

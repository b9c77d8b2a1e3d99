// Prisma 6.19 configuration used only to WRITE migration SQL; scripts/db-diff.ts calls this folder's CLI by path.
// Why Prisma 6.19: it runs its Wasm schema engine through a driver adapter, so `migrate diff` needs no native engine
// download. A schema-to-schema diff needs no database either: SQLite gets an in-memory database, and PostgreSQL gets
// `noDatabase` below, which only answers the version probe the engine sends on connect and refuses everything else.
// PNYX_DIFF_PROVIDER and PNYX_DIFF_SCHEMA are set by scripts/db-diff.ts.
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

const BOOLEAN = 5;
const TEXT = 7;
const INT32 = 0;

interface Query {
  sql: string;
}

function refuse(what: string): never {
  throw new Error(`pnyx db-diff: ${what} needs a database, but schema-to-schema diffs run without one`);
}

const noDatabaseConnection = {
  provider: 'postgres' as const,
  adapterName: '@pnyx/no-database',
  async queryRaw(query: Query) {
    if (/\bversion\(\)/.test(query.sql)) {
      return {
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [BOOLEAN, TEXT, INT32],
        rows: [[true, 'PostgreSQL 15.0 (pnyx offline diff)', 150000]],
      };
    }
    return refuse(`the query "${query.sql.slice(0, 80)}"`);
  },
  async executeRaw(query: Query): Promise<number> {
    return refuse(`the statement "${query.sql.slice(0, 80)}"`);
  },
  async executeScript(): Promise<void> {
    refuse('a script');
  },
  async startTransaction(): Promise<never> {
    return refuse('a transaction');
  },
  getConnectionInfo: () => ({ supportsRelationJoins: true }),
  async dispose() {},
};

const noDatabase = {
  provider: 'postgres' as const,
  adapterName: '@pnyx/no-database',
  connect: async () => noDatabaseConnection,
  connectToShadowDb: async () => noDatabaseConnection,
};

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: process.env.PNYX_DIFF_SCHEMA ?? 'schema.prisma',
  async adapter() {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- structural stand-in for a driver adapter
    return process.env.PNYX_DIFF_PROVIDER === 'sqlite' ? new PrismaBetterSQLite3({ url: ':memory:' }) : (noDatabase as any);
  },
});

// Kysely on node-postgres, with what Kysely's own PostgresDriver lacks for the engine's hot path:
// - the store's statements (registered by prepared.ts) run as named prepared statements: PostgreSQL parses and plans
//   each once per connection instead of on every call;
// - dates are sent as UTC text: Prisma's DateTime columns are `timestamp(3)` without a time zone holding UTC, and pg
//   would send a Date in the process's local zone, which such a column silently drops;
// - read back, those columns are taken as UTC (pg would read them as local time), and 64-bit integers (COUNT, SUM)
//   as numbers (counts here stay far below 2^53) rather than strings.
import pg from 'pg';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { statementName } from './prepared';

const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

/** Type parsers for this pool only (pg's global ones stay as they are for any other user of pg). */
export const PG_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP_OID && format !== 'binary') return (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
    if (oid === INT8_OID && format !== 'binary') return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function encode(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}

class PgConnection implements DatabaseConnection {
  /** Set when a ROLLBACK failed: the session's state is unknown, so the pool must not hand it out again. */
  broken = false;

  constructor(readonly client: pg.PoolClient) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const values = compiled.parameters.map(encode);
    const name = statementName(compiled.sql);
    const result = await this.client.query(name === undefined ? { text: compiled.sql, values } : { name, text: compiled.sql, values });
    const { command, rowCount, rows } = result;
    if (command === 'ROLLBACK' || command === 'COMMIT') return { rows: [{ command }] as R[] };
    const counted = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
    return { ...(counted ? { numAffectedRows: BigInt(rowCount ?? 0) } : {}), rows: (rows ?? []) as R[] };
  }

  // eslint-disable-next-line require-yield -- the store never streams
  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('streaming is not supported here');
  }
}

class NamedStatementPgDriver implements Driver {
  readonly #connections = new WeakMap<pg.PoolClient, PgConnection>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly end: () => Promise<void>,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    let connection = this.#connections.get(client);
    if (!connection) this.#connections.set(client, (connection = new PgConnection(client)));
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` ISOLATION LEVEL ${settings.isolationLevel.toUpperCase()}` : '';
    await connection.executeQuery(CompiledQuery.raw(`BEGIN${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const { rows } = await connection.executeQuery<{ command: string }>(CompiledQuery.raw('COMMIT'));
    // PostgreSQL answers COMMIT with ROLLBACK when an earlier statement had aborted the transaction.
    if (rows[0]?.command === 'ROLLBACK') throw new Error('the transaction was rolled back by an earlier error');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
    } catch (error) {
      (connection as PgConnection).broken = true;
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const { client, broken } = connection as PgConnection;
    if (broken) this.#connections.delete(client);
    client.release(broken);
  }

  async destroy(): Promise<void> {
    await this.end();
  }
}

/** A Kysely dialect over a pg pool; Kysely's destroy() calls `end` (which ends the pool). */
export function namedStatementPgDialect(pool: pg.Pool, end: () => Promise<void>): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new NamedStatementPgDriver(pool, end),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

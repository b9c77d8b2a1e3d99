// Kysely on node-postgres, built for the engine's many small statements:
// - the store's statements (registered by prepared.ts) run as named prepared statements on a few PIPELINED
//   connections: they are sent without waiting for the answer to the one before, and the statements issued in one tick
//   go on one connection and leave in one write (the socket is corked until the next tick). Each keeps its own implicit transaction (its own
//   Sync), so one failing does not touch the others. Against a pool with one statement per connection at a time, this
//   halved the process's CPU per battle and raised throughput by ~75% (bench/engine.ts, BENCHMARKS.md);
// - transactions, and every other query (the ranking's aggregates, the scheduler, scripts), take a connection of their
//   own from a pool: a transaction must not share its session, and a long query must not hold up the statements
//   queued behind it on a pipelined connection;
// - dates are sent as UTC text: Prisma's DateTime columns are `timestamp(3)` without a time zone holding UTC, and pg
//   would send a Date in the process's local zone, which such a column silently keeps as if it were UTC;
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

const parseUtcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
const parseInt8 = (text: string) => Number(text);

/**
 * Type parsers for these connections only (pg's global ones stay as they are for any other user of pg). pg asks for
 * every column of every result (a prepared statement's too), so the parsers are made once, not per column.
 */
export const PG_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP_OID && format !== 'binary') return parseUtcTimestamp;
    if (oid === INT8_OID && format !== 'binary') return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface PgConnections {
  /** Settings of every connection (URL, types, session options). */
  config: pg.ClientConfig;
  /** Pipelined connections for the store's prepared statements. */
  pipelines: number;
  /** The pool for transactions and other queries; ended by the driver's destroy(). */
  pool: pg.Pool;
  endPool(): Promise<void>;
}

function encode(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}

async function run<R>(client: pg.ClientBase, compiled: CompiledQuery, name: string | undefined): Promise<QueryResult<R>> {
  const values = compiled.parameters.map(encode);
  const result = await client.query(name === undefined ? { text: compiled.sql, values } : { name, text: compiled.sql, values });
  const { command, rowCount, rows } = result;
  if (command === 'ROLLBACK' || command === 'COMMIT') return { rows: [{ command }] as R[] };
  const counted = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
  return { ...(counted ? { numAffectedRows: BigInt(rowCount ?? 0) } : {}), rows: (rows ?? []) as R[] };
}

/** The connection is gone (the server ended it, the network dropped it): its statements fail, later ones need a new one. */
function connectionLost(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
  if (code === 'ECONNRESET' || code === 'EPIPE') return true;
  return error instanceof Error && /Connection terminated|not queryable/.test(error.message);
}

interface Corkable {
  connection: { stream: { cork(): void; uncork(): void } };
}

/** Pipelined connections, opened on first use and replaced when one fails. */
function createPipelines(config: pg.ClientConfig, count: number) {
  const clients: Array<pg.Client | null> = new Array(count).fill(null);
  const corked = new WeakSet<pg.Client>();
  let next = 0;
  /** The current tick has picked its connection (`next`). */
  let tickSlot = false;

  const drop = (slot: number, client: pg.Client) => {
    if (clients[slot] !== client) return;
    clients[slot] = null;
    void client.end().catch(() => undefined);
  };

  const open = (slot: number): pg.Client => {
    const client = new pg.Client({ ...config, pipeline: true });
    // A failed connection rejects the statements queued on it; the next statement opens a new one.
    client.on('error', () => drop(slot, client));
    client.on('end', () => drop(slot, client));
    client.connect().catch(() => drop(slot, client));
    return client;
  };

  return {
    run<R>(compiled: CompiledQuery, name: string): Promise<QueryResult<R>> {
      // Perf (bench/engine.ts): the statements of one tick go on one connection, the next tick's on the next. Spread
      // statement by statement, every tick wrote to every connection: a write to 127.0.0.1 (a syscall, plus the
      // kernel's loopback delivery to the server) was the largest single cost in the process's profile.
      if (!tickSlot) {
        tickSlot = true;
        next = (next + 1) % count;
        process.nextTick(() => (tickSlot = false));
      }
      const slot = next;
      const client = (clients[slot] ??= open(slot));
      // Statements sent in the same tick go out in one write: pg corks per statement, and corks nest.
      if (!corked.has(client)) {
        const { stream } = (client as unknown as Corkable).connection;
        corked.add(client);
        stream.cork();
        process.nextTick(() => {
          corked.delete(client);
          stream.uncork();
        });
      }
      return run<R>(client, compiled, name).catch((error: unknown) => {
        // Before pg notices the socket closing, more statements could be sent on it: stop using it at the first sign.
        if (connectionLost(error)) drop(slot, client);
        throw error;
      });
    },
    async end(): Promise<void> {
      await Promise.all(clients.splice(0).map((client) => client?.end().catch(() => undefined)));
    },
  };
}

/** What Kysely gets from acquireConnection: a pool client is taken only when it begins a transaction. */
class Session implements DatabaseConnection {
  client: pg.PoolClient | null = null;
  /** Set when a ROLLBACK failed: the session's state is unknown, so the pool must not hand it out again. */
  broken = false;

  constructor(private readonly driver: PipelinedPgDriver) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return this.client ? run<R>(this.client, compiled, statementName(compiled.sql)) : this.driver.outsideTransaction<R>(compiled);
  }

  // eslint-disable-next-line require-yield -- nothing here streams
  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('streaming is not supported here');
  }
}

class PipelinedPgDriver implements Driver {
  readonly #pipelines: ReturnType<typeof createPipelines>;

  constructor(private readonly connections: PgConnections) {
    this.#pipelines = createPipelines(connections.config, connections.pipelines);
  }

  async init(): Promise<void> {}

  async outsideTransaction<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const name = statementName(compiled.sql);
    if (name !== undefined) return this.#pipelines.run<R>(compiled, name);
    const client = await this.connections.pool.connect();
    try {
      return await run<R>(client, compiled, undefined);
    } finally {
      client.release();
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Session(this);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const session = connection as Session;
    session.client = await this.connections.pool.connect();
    const isolation = settings.isolationLevel ? ` ISOLATION LEVEL ${settings.isolationLevel.toUpperCase()}` : '';
    await session.executeQuery(CompiledQuery.raw(`BEGIN${isolation}`));
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
      (connection as Session).broken = true;
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const session = connection as Session;
    session.client?.release(session.broken);
    session.client = null;
  }

  async destroy(): Promise<void> {
    await this.#pipelines.end();
    await this.connections.endPool();
  }
}

/** A Kysely dialect over pipelined connections and a pool; Kysely's destroy() ends them all. */
export function pipelinedPgDialect(connections: PgConnections): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PipelinedPgDriver(connections),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

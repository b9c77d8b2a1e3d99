// Queries built and compiled by Kysely once, then run many times with new values. Building and compiling a query
// costs 20–60 µs (an immutable operation tree, then a walk over it), several times per battle; a prepared query only
// fills its parameter array. Its SQL text is also registered so that the PostgreSQL driver runs it as a named
// prepared statement (pg-driver.ts); the SQLite driver caches every statement by its text anyway.
//
//   const byToken = prepare((p: { token: string }) => db.selectFrom('Battle').selectAll().where('token', '=', p.token));
//   const { rows } = await db.executeQuery(byToken({ token }));
//
// While building, each `p.name` is a placeholder that Kysely compiles to an ordinary parameter; the placeholders'
// positions in the compiled parameters are then filled from the values given at each call. Only values may be
// parameters: whatever changes the SQL text (a column chosen at run time, the length of a list) needs a query of its
// own (see `variants`).
import type { Compilable, CompiledQuery, Kysely, RawBuilder } from 'kysely';

const PLACEHOLDER = '\u0000pnyx-parameter:';

/** SQL text → statement name, for the queries prepared here; bounded by the queries written in the code. */
const names = new Map<string, string>();

/** The name to run this SQL under as a prepared statement, when it was prepared here. */
export function statementName(sql: string): string | undefined {
  return names.get(sql);
}

/** Every SQL text prepared so far (a test checks their plans). */
export function preparedSql(): string[] {
  return [...names.keys()];
}

export type PreparedQuery<P, R> = (values: P) => CompiledQuery<R>;

/** Compiles `build`'s query (for the dialect of the Kysely instance it uses) once. */
export function prepare<P extends object, R>(build: (p: P) => Compilable<R>): PreparedQuery<P, R> {
  return fromCompiled(build(placeholders<P>()).compile());
}

/** The same for a query written as Kysely's `sql` template (dialect-specific SQL), compiled for `db`'s dialect. */
export function prepareSql<P extends object, R>(db: Kysely<any>, build: (p: P) => RawBuilder<R>): PreparedQuery<P, R> {
  return fromCompiled(build(placeholders<P>()).compile(db));
}

function placeholders<P>(): P {
  return new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? `${PLACEHOLDER}${key}` : undefined) }) as P;
}

function fromCompiled<P extends object, R>(compiled: CompiledQuery<R>): PreparedQuery<P, R> {
  const count = compiled.parameters.length;
  const slots = new Array<string | undefined>(count);
  const constants = new Array<unknown>(count);
  for (let i = 0; i < count; i++) {
    const value = compiled.parameters[i];
    if (typeof value === 'string' && value.startsWith(PLACEHOLDER)) slots[i] = value.slice(PLACEHOLDER.length);
    else constants[i] = value;
  }
  if (!names.has(compiled.sql)) names.set(compiled.sql, `pnyx_${names.size}`);
  const { sql, query, queryId } = compiled;
  return (values) => {
    const parameters = new Array<unknown>(count);
    for (let i = 0; i < count; i++) {
      const slot = slots[i];
      parameters[i] = slot === undefined ? constants[i] : (values as Record<string, unknown>)[slot];
    }
    return { sql, query, queryId, parameters };
  };
}

/**
 * Prepared queries that differ by a key known only at call time (a column, a list's length, which fields a patch
 * sets), each built on first use and kept: the keys are a small finite set in practice.
 */
export function variants<K extends string, Q>(build: (key: K) => Q): (key: K) => Q {
  const built = new Map<K, Q>();
  return (key) => {
    let query = built.get(key);
    if (query === undefined) built.set(key, (query = build(key)));
    return query;
  };
}

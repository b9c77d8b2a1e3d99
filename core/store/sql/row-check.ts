// Conditions checked on the row a statement already found by its primary key ("the battle, if it is still open").
import { sql, type RawBuilder } from 'kysely';

/**
 * A text column as a condition on the row found by id, in a form no index can serve, so the planner keeps to the
 * primary key. On a table it has no statistics for (a new deployment, or a server with autovacuum off, as this
 * project's machines have), PostgreSQL's cached generic plan for `id = $1 AND "leaseOwner" = $2` chose the lease
 * index, and for `id = $1 AND status IN (…)` the (status, piiVerdict, id) index: every release then walked the index
 * entries of every battle the process had leased, dead ones included (227 a release in bench/engine.ts), and every
 * status move those of every battle in that status. `coalesce` leaves the meaning alone (the columns compared are
 * never compared with '').
 */
export function onFoundRow(column: string): RawBuilder<string> {
  return sql<string>`coalesce(${sql.ref(column)}, '')`;
}

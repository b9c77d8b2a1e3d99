// Reads DATABASE_URL-style strings: `file:<path>` → SQLite, `postgres(ql)://…[?schema=name]` → PostgreSQL.
import { resolve } from 'node:path';
import { z } from 'zod';

export type DatabaseTarget =
  | { provider: 'sqlite'; file: string }
  | {
      provider: 'postgresql';
      connectionString: string;
      schema: string | null;
      connectionLimit: number | null;
      /** The URL's `options` (server settings for each session, `-c name=value ...`), kept apart to be merged. */
      sessionOptions: string | null;
    };

// Schema names reach SQL as quoted identifiers and the server's `search_path` option; keep them plain.
const SchemaName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'use letters, digits and underscores (at most 63)');
const PoolSize = z.coerce.number().int().min(2).max(100);

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).replace(/\?.*$/, '');
    if (path === '' || path === ':memory:') {
      throw new Error(`database URL "${url}": give SQLite a file path (file:./data/pnyx.db); in-memory databases are not supported`);
    }
    // Relative paths are relative to the working directory, like every other path the CLI takes.
    return { provider: 'sqlite', file: resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('database URL is not a valid PostgreSQL URL (postgresql://user:password@host:5432/db)');
    }
    const schemaParam = parsed.searchParams.get('schema');
    parsed.searchParams.delete('schema');
    let schema: string | null = null;
    if (schemaParam !== null && schemaParam !== '') {
      const checked = SchemaName.safeParse(schemaParam);
      if (!checked.success) throw new Error(`database URL: schema "${schemaParam}" is not allowed: ${checked.error.issues[0]?.message}`);
      schema = checked.data;
    }
    // Prisma's name for the connections per process, so URLs written for the Prisma era keep their meaning.
    const limitParam = parsed.searchParams.get('connection_limit');
    parsed.searchParams.delete('connection_limit');
    let connectionLimit: number | null = null;
    if (limitParam !== null) {
      const checked = PoolSize.safeParse(limitParam);
      if (!checked.success) throw new Error(`database URL: connection_limit "${limitParam}" must be a whole number from 2 to 100`);
      connectionLimit = checked.data;
    }
    // libpq's `options`: taken out so the schema's search_path can be added to it rather than replace it.
    const sessionOptions = parsed.searchParams.get('options')?.trim() || null;
    parsed.searchParams.delete('options');
    return { provider: 'postgresql', connectionString: parsed.toString(), schema, connectionLimit, sessionOptions };
  }
  throw new Error('database URL must start with file: (SQLite) or postgresql:// (PostgreSQL)');
}

/** Quotes an identifier for PostgreSQL and SQLite. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

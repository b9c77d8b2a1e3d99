// What is left of a person in the database, for the erasure tests of every adapter: every row of every table is read
// and searched for the person's platform id, name and the texts they wrote, and their id is looked up where their
// prompts, votes and reactions would be.
import type { Kysely } from 'kysely';
import type { DB } from '../core/store/db';

export interface Traces {
  /** "Table: matched text" for each row that still holds one of the needles. */
  rows: string[];
  prompts: number;
  votes: number;
  reactions: number;
}

export async function personTraces(db: Kysely<DB>, userId: string, needles: readonly string[]): Promise<Traces> {
  const rows: string[] = [];
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((name) => !name.startsWith('_') && !name.startsWith('sqlite_'));
  for (const table of tables) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const all = await (db as Kysely<any>).selectFrom(table).selectAll().execute();
    for (const row of all) {
      const text = JSON.stringify(row);
      for (const needle of needles) if (needle && text.includes(needle)) rows.push(`${table}: ${needle}`);
    }
  }
  const count = async (table: 'Turn' | 'Vote' | 'Reaction', column: 'authorId' | 'voterId' | 'userId') =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    Number(((await (db as Kysely<any>).selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where(column, '=', userId).executeTakeFirst()) as { n: number | string }).n);
  return { rows, prompts: await count('Turn', 'authorId'), votes: await count('Vote', 'voterId'), reactions: await count('Reaction', 'userId') };
}

// The one BattleStore (core/store/types.ts), on SQLite and on PostgreSQL alike: every query is written once with
// Kysely against the tables of the Prisma schema (core/store/db.ts) and compiled for the database's dialect. The few
// places where the two databases differ are named branches inside the parts below (a battle and its first turn, and
// a vote and its count, are one statement on PostgreSQL and one transaction on SQLite). The contract suite
// (battle-store.test.ts) runs on both.
import type { Db } from './database';
import { battleStore } from './sql/battles';
import { chatStore, peopleStore } from './sql/chats';
import { deliveryStore, leaseStore } from './sql/leases';
import { refStore } from './sql/refs';
import { turnStore } from './sql/turns';
import { reactionStore, voteStore } from './sql/votes';
import type { BattleStore } from './types';

/** The store on an open database (core/store/database.ts `openDatabase`); closing the store closes the database. */
export function createStore(db: Db): BattleStore {
  return {
    ...chatStore(db),
    ...peopleStore(db),
    ...battleStore(db),
    ...turnStore(db),
    ...refStore(db),
    ...voteStore(db),
    ...reactionStore(db),
    ...leaseStore(db),
    ...deliveryStore(db),
    close: () => db.close(),
  };
}

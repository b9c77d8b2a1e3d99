-- AlterTable
-- Written by hand: SQLite adds a NOT NULL column with a constant default in place; the generated script rebuilt the
-- whole Battle table, which on a large arena is minutes of downtime for one counter.
ALTER TABLE "Battle" ADD COLUMN "resumes" INTEGER NOT NULL DEFAULT 0;

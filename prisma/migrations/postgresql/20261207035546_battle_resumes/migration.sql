-- AlterTable
ALTER TABLE "Battle" ADD COLUMN     "resumes" INTEGER NOT NULL DEFAULT 0;


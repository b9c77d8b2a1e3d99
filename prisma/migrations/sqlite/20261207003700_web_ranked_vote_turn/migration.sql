-- AlterTable
ALTER TABLE "Vote" ADD COLUMN "blindChoice" TEXT;
ALTER TABLE "Vote" ADD COLUMN "changedAt" DATETIME;
ALTER TABLE "Vote" ADD COLUMN "turn" INTEGER;

-- AlterTable (hand-written: SQLite adds a NOT NULL column with a default in place; Prisma's diff would copy the whole
-- Battle table for it)
ALTER TABLE "Battle" ADD COLUMN "ranked" BOOLEAN NOT NULL DEFAULT true;

-- The leaderboard's covering index now includes the ranked flag
DROP INDEX "Battle_identityLeak_modelAId_modelBId_votesA_votesB_votesTie_votesBothBad_idx";
CREATE INDEX "Battle_identityLeak_ranked_modelAId_modelBId_votesA_votesB_votesTie_votesBothBad_idx" ON "Battle"("identityLeak", "ranked", "modelAId", "modelBId", "votesA", "votesB", "votesTie", "votesBothBad");

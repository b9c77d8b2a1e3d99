-- DropIndex
DROP INDEX "Battle_identityLeak_modelAId_modelBId_votesA_votesB_votesTi_idx";

-- AlterTable
ALTER TABLE "Battle" ADD COLUMN     "ranked" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "blindChoice" TEXT,
ADD COLUMN     "changedAt" TIMESTAMP(3),
ADD COLUMN     "turn" INTEGER;

-- CreateIndex
CREATE INDEX "Battle_identityLeak_ranked_modelAId_modelBId_votesA_votesB__idx" ON "Battle"("identityLeak", "ranked", "modelAId", "modelBId", "votesA", "votesB", "votesTie", "votesBothBad");


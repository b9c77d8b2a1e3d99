-- DropIndex
DROP INDEX "Battle_identityLeak_ranked_modelAId_modelBId_votesA_votesB__idx";

-- CreateIndex
CREATE INDEX "Battle_identityLeak_ranked_modelAId_modelBId_votesA_votesB__idx" ON "Battle"("identityLeak", "ranked", "modelAId", "modelBId", "votesA", "votesB", "votesTie", "votesBothBad", "mode");


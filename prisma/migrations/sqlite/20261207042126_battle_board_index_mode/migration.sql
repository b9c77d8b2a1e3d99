-- DropIndex
DROP INDEX "Battle_identityLeak_ranked_modelAId_modelBId_votesA_votesB_votesTie_votesBothBad_idx";

-- CreateIndex
CREATE INDEX "Battle_identityLeak_ranked_modelAId_modelBId_votesA_votesB_votesTie_votesBothBad_mode_idx" ON "Battle"("identityLeak", "ranked", "modelAId", "modelBId", "votesA", "votesB", "votesTie", "votesBothBad", "mode");


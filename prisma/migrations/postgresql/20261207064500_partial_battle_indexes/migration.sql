-- Written by hand: Prisma's schema language (and the 6.19 diff that writes these files) has no partial indexes.
-- A battle's row is rewritten four or more times in its life (opened, its lease given back, voted on, closed), and
-- on PostgreSQL every one of those updates adds an entry to every index of the table. These indexes serve lookups
-- that only ever ask for rows where the column is set (a lease, a deadline, a thread, a campaign, a battle with
-- votes), so they now hold only those rows: the updates of every other battle skip them. The queries that use them
-- state the same condition (a comparison on the column implies it is not null; the board's filter names the vote sum).
-- prisma/schema.prisma keeps the plain @@index lines and says which are partial here.

DROP INDEX "Battle_identityLeak_ranked_modelAId_modelBId_votesA_votesB__idx";
CREATE INDEX "Battle_identityLeak_ranked_modelAId_modelBId_votesA_votesB__idx" ON "Battle"("identityLeak", "ranked", "modelAId", "modelBId", "votesA", "votesB", "votesTie", "votesBothBad", "mode") WHERE "votesA" + "votesB" + "votesTie" + "votesBothBad" > 0;

DROP INDEX "Battle_leaseOwner_idx";
CREATE INDEX "Battle_leaseOwner_idx" ON "Battle"("leaseOwner") WHERE "leaseOwner" IS NOT NULL;

DROP INDEX "Battle_leaseUntil_idx";
CREATE INDEX "Battle_leaseUntil_idx" ON "Battle"("leaseUntil") WHERE "leaseUntil" IS NOT NULL;

DROP INDEX "Battle_status_closesAt_idx";
CREATE INDEX "Battle_status_closesAt_idx" ON "Battle"("status", "closesAt") WHERE "closesAt" IS NOT NULL;

DROP INDEX "Battle_chatId_thread_idx";
CREATE INDEX "Battle_chatId_thread_idx" ON "Battle"("chatId", "thread") WHERE "thread" IS NOT NULL;

DROP INDEX "Battle_campaignId_idx";
CREATE INDEX "Battle_campaignId_idx" ON "Battle"("campaignId") WHERE "campaignId" IS NOT NULL;

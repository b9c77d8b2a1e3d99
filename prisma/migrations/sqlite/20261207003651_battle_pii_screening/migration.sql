-- AlterTable
ALTER TABLE "Battle" ADD COLUMN "piiCheckedAt" DATETIME;
ALTER TABLE "Battle" ADD COLUMN "piiModel" TEXT;
ALTER TABLE "Battle" ADD COLUMN "piiReason" TEXT;
ALTER TABLE "Battle" ADD COLUMN "piiVerdict" TEXT;
ALTER TABLE "Battle" ADD COLUMN "purgedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Battle_status_piiVerdict_id_idx" ON "Battle"("status", "piiVerdict", "id");


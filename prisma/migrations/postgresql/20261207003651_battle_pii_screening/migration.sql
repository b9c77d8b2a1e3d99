-- AlterTable
ALTER TABLE "Battle" ADD COLUMN     "piiCheckedAt" TIMESTAMP(3),
ADD COLUMN     "piiModel" TEXT,
ADD COLUMN     "piiReason" TEXT,
ADD COLUMN     "piiVerdict" TEXT,
ADD COLUMN     "purgedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Battle_status_piiVerdict_id_idx" ON "Battle"("status", "piiVerdict", "id");


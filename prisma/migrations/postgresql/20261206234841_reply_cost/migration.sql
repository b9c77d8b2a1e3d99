-- AlterTable
ALTER TABLE "Reply" ADD COLUMN     "costUsd" DOUBLE PRECISION;

-- CreateIndex
CREATE INDEX "Reply_createdAt_idx" ON "Reply"("createdAt");


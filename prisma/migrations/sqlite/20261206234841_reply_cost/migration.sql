-- AlterTable
ALTER TABLE "Reply" ADD COLUMN "costUsd" REAL;

-- CreateIndex
CREATE INDEX "Reply_createdAt_idx" ON "Reply"("createdAt");


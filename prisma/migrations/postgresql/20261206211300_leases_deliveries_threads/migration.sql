-- AlterTable
ALTER TABLE "Chat" ADD COLUMN     "space" TEXT;

-- AlterTable
ALTER TABLE "Battle" ADD COLUMN     "categories" TEXT,
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "thread" TEXT;

-- AlterTable
ALTER TABLE "MessageRef" ADD COLUMN     "part" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "turn" INTEGER;

-- CreateTable
CREATE TABLE "Delivery" (
    "key" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "ack" TEXT,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Delivery_claimedAt_idx" ON "Delivery"("claimedAt");

-- CreateIndex
CREATE INDEX "Battle_chatId_thread_idx" ON "Battle"("chatId", "thread");

-- CreateIndex
CREATE INDEX "Battle_leaseUntil_idx" ON "Battle"("leaseUntil");

-- CreateIndex
CREATE INDEX "Battle_leaseOwner_idx" ON "Battle"("leaseOwner");


-- AlterTable
ALTER TABLE "Battle" ADD COLUMN     "delivery" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "owner" TEXT,
ADD COLUMN     "payload" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Battle_delivery_key" ON "Battle"("delivery");

-- CreateIndex
CREATE INDEX "Delivery_completedAt_leaseUntil_idx" ON "Delivery"("completedAt", "leaseUntil");


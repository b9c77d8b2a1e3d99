-- AlterTable
ALTER TABLE "Chat" ADD COLUMN "space" TEXT;

-- AlterTable
ALTER TABLE "Battle" ADD COLUMN "categories" TEXT;
ALTER TABLE "Battle" ADD COLUMN "leaseOwner" TEXT;
ALTER TABLE "Battle" ADD COLUMN "leaseUntil" DATETIME;
ALTER TABLE "Battle" ADD COLUMN "thread" TEXT;

-- CreateTable
CREATE TABLE "Delivery" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "claimedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "ack" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MessageRef" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "battleId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "turn" INTEGER,
    "part" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MessageRef_battleId_fkey" FOREIGN KEY ("battleId") REFERENCES "Battle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MessageRef" ("battleId", "chatId", "createdAt", "id", "ref", "role") SELECT "battleId", "chatId", "createdAt", "id", "ref", "role" FROM "MessageRef";
DROP TABLE "MessageRef";
ALTER TABLE "new_MessageRef" RENAME TO "MessageRef";
CREATE INDEX "MessageRef_battleId_idx" ON "MessageRef"("battleId");
CREATE UNIQUE INDEX "MessageRef_chatId_ref_key" ON "MessageRef"("chatId", "ref");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Delivery_claimedAt_idx" ON "Delivery"("claimedAt");

-- CreateIndex
CREATE INDEX "Battle_chatId_thread_idx" ON "Battle"("chatId", "thread");

-- CreateIndex
CREATE INDEX "Battle_leaseUntil_idx" ON "Battle"("leaseUntil");

-- CreateIndex
CREATE INDEX "Battle_leaseOwner_idx" ON "Battle"("leaseOwner");


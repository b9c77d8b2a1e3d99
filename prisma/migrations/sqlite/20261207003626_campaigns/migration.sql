-- AlterTable
ALTER TABLE "Battle" ADD COLUMN "stanceA" TEXT;
ALTER TABLE "Battle" ADD COLUMN "stanceB" TEXT;
ALTER TABLE "Battle" ADD COLUMN "topic" TEXT;

-- CreateTable
CREATE TABLE "CampaignChat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'code',
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" DATETIME,
    "milestone" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CampaignChat_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CampaignChat_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "languages" TEXT NOT NULL DEFAULT '[]',
    "goalVotes" INTEGER,
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'running',
    "spec" TEXT NOT NULL DEFAULT '{}',
    "joinCode" TEXT,
    "closedAt" DATETIME
);
INSERT INTO "new_Campaign" ("createdAt", "description", "endsAt", "goalVotes", "id", "languages", "slug", "startsAt", "title") SELECT "createdAt", "description", "endsAt", "goalVotes", "id", "languages", "slug", "startsAt", "title" FROM "Campaign";
DROP TABLE "Campaign";
ALTER TABLE "new_Campaign" RENAME TO "Campaign";
CREATE UNIQUE INDEX "Campaign_slug_key" ON "Campaign"("slug");
CREATE UNIQUE INDEX "Campaign_joinCode_key" ON "Campaign"("joinCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CampaignChat_chatId_idx" ON "CampaignChat"("chatId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignChat_campaignId_chatId_key" ON "CampaignChat"("campaignId", "chatId");


-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "joinCode" TEXT,
ADD COLUMN     "spec" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'running';

-- AlterTable
ALTER TABLE "Battle" ADD COLUMN     "stanceA" TEXT,
ADD COLUMN     "stanceB" TEXT,
ADD COLUMN     "topic" TEXT;

-- CreateTable
CREATE TABLE "CampaignChat" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'code',
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" TIMESTAMP(3),
    "milestone" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CampaignChat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CampaignChat_chatId_idx" ON "CampaignChat"("chatId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignChat_campaignId_chatId_key" ON "CampaignChat"("campaignId", "chatId");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_joinCode_key" ON "Campaign"("joinCode");

-- AddForeignKey
ALTER TABLE "CampaignChat" ADD CONSTRAINT "CampaignChat_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignChat" ADD CONSTRAINT "CampaignChat_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat"("id") ON DELETE CASCADE ON UPDATE CASCADE;


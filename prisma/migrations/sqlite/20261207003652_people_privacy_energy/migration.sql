-- AlterTable
ALTER TABLE "Reply" ADD COLUMN "co2eG" REAL;
ALTER TABLE "Reply" ADD COLUMN "energyMethod" TEXT;
ALTER TABLE "Reply" ADD COLUMN "energyWh" REAL;

-- AlterTable (erasedAt and publishOptOut come with 20261207003641_user_privacy_flags)
ALTER TABLE "User" ADD COLUMN "consentedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "profile" TEXT;
ALTER TABLE "User" ADD COLUMN "profileAskedAt" DATETIME;

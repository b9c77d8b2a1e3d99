-- AlterTable (erasedAt and publishOptOut come with 20261207003641_user_privacy_flags)
ALTER TABLE "User" ADD COLUMN     "consentedAt" TIMESTAMP(3),
ADD COLUMN     "profile" TEXT,
ADD COLUMN     "profileAskedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Reply" ADD COLUMN     "co2eG" DOUBLE PRECISION,
ADD COLUMN     "energyMethod" TEXT,
ADD COLUMN     "energyWh" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "consentedAt" TIMESTAMP(3),
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "profile" TEXT,
ADD COLUMN     "profileAskedAt" TIMESTAMP(3),
ADD COLUMN     "publishOptOut" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Reply" ADD COLUMN     "co2eG" DOUBLE PRECISION,
ADD COLUMN     "energyMethod" TEXT,
ADD COLUMN     "energyWh" DOUBLE PRECISION;


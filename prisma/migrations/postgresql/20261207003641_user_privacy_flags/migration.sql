-- AlterTable
ALTER TABLE "User" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "publishOptOut" BOOLEAN NOT NULL DEFAULT false;


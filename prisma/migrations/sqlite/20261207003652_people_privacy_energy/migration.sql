-- AlterTable
ALTER TABLE "Reply" ADD COLUMN "co2eG" REAL;
ALTER TABLE "Reply" ADD COLUMN "energyMethod" TEXT;
ALTER TABLE "Reply" ADD COLUMN "energyWh" REAL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "displayName" TEXT,
    "locale" TEXT,
    "consent" TEXT NOT NULL DEFAULT 'unknown',
    "consentAt" DATETIME,
    "consentedAt" DATETIME,
    "publishOptOut" BOOLEAN NOT NULL DEFAULT false,
    "erasedAt" DATETIME,
    "profile" TEXT,
    "profileAskedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("consent", "consentAt", "createdAt", "displayName", "externalId", "id", "locale", "platform", "updatedAt") SELECT "consent", "consentAt", "createdAt", "displayName", "externalId", "id", "locale", "platform", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_platform_externalId_key" ON "User"("platform", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


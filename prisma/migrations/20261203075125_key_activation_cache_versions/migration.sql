-- CreateTable
CREATE TABLE "CacheVersion" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SigningKey" (
    "kid" TEXT NOT NULL PRIMARY KEY,
    "alg" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "privateJwkEncrypted" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" DATETIME,
    "publishUntil" DATETIME,
    "activatesAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Keys that exist already have been signing since they were created.
INSERT INTO "new_SigningKey" ("alg", "createdAt", "kid", "privateJwkEncrypted", "publicJwk", "publishUntil", "retiredAt", "activatesAt") SELECT "alg", "createdAt", "kid", "privateJwkEncrypted", "publicJwk", "publishUntil", "retiredAt", "createdAt" FROM "SigningKey";
DROP TABLE "SigningKey";
ALTER TABLE "new_SigningKey" RENAME TO "SigningKey";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Hand-written: every write to a client or its secrets moves the "clients" counter, which each
-- instance reads once per event-loop turn to drop its cached clients (lib/db/stores/clients.ts).
INSERT INTO "CacheVersion" ("name", "version") VALUES ('clients', 0);
CREATE TRIGGER "Client_changed_insert" AFTER INSERT ON "Client" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'clients'; END;
CREATE TRIGGER "Client_changed_update" AFTER UPDATE ON "Client" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'clients'; END;
CREATE TRIGGER "Client_changed_delete" AFTER DELETE ON "Client" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'clients'; END;
CREATE TRIGGER "ClientSecret_changed_insert" AFTER INSERT ON "ClientSecret" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'clients'; END;
CREATE TRIGGER "ClientSecret_changed_update" AFTER UPDATE ON "ClientSecret" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'clients'; END;
CREATE TRIGGER "ClientSecret_changed_delete" AFTER DELETE ON "ClientSecret" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'clients'; END;

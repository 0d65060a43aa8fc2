-- AlterTable
ALTER TABLE "Client" ADD COLUMN "expiresAt" DATETIME;
ALTER TABLE "Client" ADD COLUMN "metadataFetchedAt" DATETIME;

-- AlterTable
ALTER TABLE "Consent" ADD COLUMN "resources" TEXT;

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN "resources" TEXT;

-- AlterTable
ALTER TABLE "Token" ADD COLUMN "audience" TEXT;

-- CreateTable
CREATE TABLE "ApiResource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT,
    "identifier" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "tokenFormat" TEXT NOT NULL DEFAULT 'jwt',
    "accessTokenTtl" INTEGER NOT NULL DEFAULT 3600,
    "openAccess" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ApiResource_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiScope" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "resourceId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiScope_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "ApiResource" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiAccess" (
    "resourceId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "requestedScope" TEXT NOT NULL,
    "approvedScope" TEXT NOT NULL DEFAULT '',
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,

    PRIMARY KEY ("resourceId", "clientId"),
    CONSTRAINT "ApiAccess_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "ApiResource" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiAccess_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiResourceServer" (
    "resourceId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("resourceId", "clientId"),
    CONSTRAINT "ApiResourceServer_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "ApiResource" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiResourceServer_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DeviceAuthorization" (
    "deviceCodeHash" TEXT NOT NULL PRIMARY KEY,
    "userCodeHash" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "resources" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "interval" INTEGER NOT NULL,
    "lastPolledAt" DATETIME,
    "userId" TEXT,
    "authTime" INTEGER,
    "amr" TEXT,
    "acr" TEXT,
    "sid" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiResource_identifier_key" ON "ApiResource"("identifier");

-- CreateIndex
CREATE INDEX "ApiResource_teamId_idx" ON "ApiResource"("teamId");

-- CreateIndex
CREATE INDEX "ApiScope_resourceId_idx" ON "ApiScope"("resourceId");

-- CreateIndex
CREATE INDEX "ApiAccess_clientId_idx" ON "ApiAccess"("clientId");

-- CreateIndex
CREATE INDEX "ApiResourceServer_clientId_idx" ON "ApiResourceServer"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceAuthorization_userCodeHash_key" ON "DeviceAuthorization"("userCodeHash");

-- CreateIndex
CREATE INDEX "DeviceAuthorization_expiresAt_idx" ON "DeviceAuthorization"("expiresAt");

-- Hand-written: the cache counters (see the "CacheVersion" model). An app's API access changes
-- what it may request, so it moves "clients"; APIs, their scopes and servers move "resources";
-- operator settings move "settings".
INSERT INTO "CacheVersion" ("name", "version") VALUES ('resources', 0), ('settings', 0);
CREATE TRIGGER "ApiAccess_changed_insert" AFTER INSERT ON "ApiAccess" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'clients'; END;
CREATE TRIGGER "ApiAccess_changed_update" AFTER UPDATE ON "ApiAccess" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'clients'; END;
CREATE TRIGGER "ApiAccess_changed_delete" AFTER DELETE ON "ApiAccess" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'clients'; END;
CREATE TRIGGER "ApiResource_changed_insert" AFTER INSERT ON "ApiResource" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'resources'; END;
CREATE TRIGGER "ApiResource_changed_update" AFTER UPDATE ON "ApiResource" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'resources'; END;
CREATE TRIGGER "ApiResource_changed_delete" AFTER DELETE ON "ApiResource" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'resources'; END;
CREATE TRIGGER "ApiScope_changed_insert" AFTER INSERT ON "ApiScope" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'resources'; END;
CREATE TRIGGER "ApiScope_changed_update" AFTER UPDATE ON "ApiScope" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'resources'; END;
CREATE TRIGGER "ApiScope_changed_delete" AFTER DELETE ON "ApiScope" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'resources'; END;
CREATE TRIGGER "ApiResourceServer_changed_insert" AFTER INSERT ON "ApiResourceServer" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'resources'; END;
CREATE TRIGGER "ApiResourceServer_changed_update" AFTER UPDATE ON "ApiResourceServer" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'resources'; END;
CREATE TRIGGER "ApiResourceServer_changed_delete" AFTER DELETE ON "ApiResourceServer" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'resources'; END;
CREATE TRIGGER "Setting_changed_insert" AFTER INSERT ON "Setting" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'settings'; END;
CREATE TRIGGER "Setting_changed_update" AFTER UPDATE ON "Setting" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'settings'; END;
CREATE TRIGGER "Setting_changed_delete" AFTER DELETE ON "Setting" BEGIN UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'settings'; END;

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "metadataFetchedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Consent" ADD COLUMN "resources" TEXT;

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "resources" TEXT;

-- AlterTable
ALTER TABLE "Token" ADD COLUMN     "audience" TEXT;

-- CreateTable
CREATE TABLE "ApiResource" (
    "id" TEXT NOT NULL,
    "teamId" TEXT,
    "identifier" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "tokenFormat" TEXT NOT NULL DEFAULT 'jwt',
    "accessTokenTtl" INTEGER NOT NULL DEFAULT 3600,
    "openAccess" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiScope" (
    "name" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiScope_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "ApiAccess" (
    "resourceId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "requestedScope" TEXT NOT NULL,
    "approvedScope" TEXT NOT NULL DEFAULT '',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ApiAccess_pkey" PRIMARY KEY ("resourceId","clientId")
);

-- CreateTable
CREATE TABLE "ApiResourceServer" (
    "resourceId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiResourceServer_pkey" PRIMARY KEY ("resourceId","clientId")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "DeviceAuthorization" (
    "deviceCodeHash" TEXT NOT NULL,
    "userCodeHash" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "resources" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "interval" INTEGER NOT NULL,
    "lastPolledAt" TIMESTAMP(3),
    "userId" TEXT,
    "authTime" INTEGER,
    "amr" TEXT,
    "acr" TEXT,
    "sid" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeviceAuthorization_pkey" PRIMARY KEY ("deviceCodeHash")
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

-- AddForeignKey
ALTER TABLE "ApiResource" ADD CONSTRAINT "ApiResource_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiScope" ADD CONSTRAINT "ApiScope_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "ApiResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiAccess" ADD CONSTRAINT "ApiAccess_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "ApiResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiAccess" ADD CONSTRAINT "ApiAccess_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiResourceServer" ADD CONSTRAINT "ApiResourceServer_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "ApiResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiResourceServer" ADD CONSTRAINT "ApiResourceServer_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the cache counters (see the "CacheVersion" model). An app's API access changes
-- what it may request, so it moves "clients"; APIs, their scopes and servers move "resources";
-- operator settings move "settings".
INSERT INTO "CacheVersion" ("name", "version") VALUES ('resources', 0), ('settings', 0);

CREATE FUNCTION "portico_resources_changed"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'resources';
  RETURN NULL;
END
$$;

CREATE FUNCTION "portico_settings_changed"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'settings';
  RETURN NULL;
END
$$;
CREATE TRIGGER "ApiAccess_changed" AFTER INSERT OR UPDATE OR DELETE ON "ApiAccess"
  FOR EACH STATEMENT EXECUTE FUNCTION "portico_clients_changed"();
CREATE TRIGGER "ApiResource_changed" AFTER INSERT OR UPDATE OR DELETE ON "ApiResource"
  FOR EACH STATEMENT EXECUTE FUNCTION "portico_resources_changed"();
CREATE TRIGGER "ApiScope_changed" AFTER INSERT OR UPDATE OR DELETE ON "ApiScope"
  FOR EACH STATEMENT EXECUTE FUNCTION "portico_resources_changed"();
CREATE TRIGGER "ApiResourceServer_changed" AFTER INSERT OR UPDATE OR DELETE ON "ApiResourceServer"
  FOR EACH STATEMENT EXECUTE FUNCTION "portico_resources_changed"();
CREATE TRIGGER "Setting_changed" AFTER INSERT OR UPDATE OR DELETE ON "Setting"
  FOR EACH STATEMENT EXECUTE FUNCTION "portico_settings_changed"();

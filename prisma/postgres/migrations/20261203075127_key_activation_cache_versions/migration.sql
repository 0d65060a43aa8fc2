-- AlterTable
ALTER TABLE "SigningKey" ADD COLUMN     "activatesAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- Keys that exist already have been signing since they were created.
UPDATE "SigningKey" SET "activatesAt" = "createdAt";

-- CreateTable
CREATE TABLE "CacheVersion" (
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CacheVersion_pkey" PRIMARY KEY ("name")
);

-- Hand-written: every write to a client or its secrets moves the "clients" counter, which each
-- instance reads once per event-loop turn to drop its cached clients (lib/db/stores/clients.ts).
INSERT INTO "CacheVersion" ("name", "version") VALUES ('clients', 0);

CREATE FUNCTION "portico_clients_changed"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'clients';
  RETURN NULL;
END
$$;

CREATE TRIGGER "Client_changed" AFTER INSERT OR UPDATE OR DELETE ON "Client"
  FOR EACH STATEMENT EXECUTE FUNCTION "portico_clients_changed"();
CREATE TRIGGER "ClientSecret_changed" AFTER INSERT OR UPDATE OR DELETE ON "ClientSecret"
  FOR EACH STATEMENT EXECUTE FUNCTION "portico_clients_changed"();

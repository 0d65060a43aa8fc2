-- AlterTable
ALTER TABLE "AuthorizationCode" ADD COLUMN "dpopJkt" TEXT;

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN "claims" TEXT;

-- AlterTable
ALTER TABLE "Token" ADD COLUMN "cnfJkt" TEXT;

-- CreateTable
CREATE TABLE "PushedAuthorizationRequest" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "UsedJti" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- AlterTable (added in place, not rebuilt: a rebuilt "Client" would lose its cache-version triggers)
ALTER TABLE "Client" ADD COLUMN "responseTypes" TEXT NOT NULL DEFAULT '["code"]';
ALTER TABLE "Client" ADD COLUMN "jwks" TEXT;
ALTER TABLE "Client" ADD COLUMN "jwksUri" TEXT;
ALTER TABLE "Client" ADD COLUMN "tokenEndpointAuthSigningAlg" TEXT;
ALTER TABLE "Client" ADD COLUMN "requestObjectSigningAlg" TEXT;
ALTER TABLE "Client" ADD COLUMN "requirePushedAuthorizationRequests" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Client" ADD COLUMN "dpopBoundAccessTokens" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Client" ADD COLUMN "subjectType" TEXT NOT NULL DEFAULT 'public';
ALTER TABLE "Client" ADD COLUMN "sectorIdentifierUri" TEXT;
ALTER TABLE "Client" ADD COLUMN "frontchannelLogoutUri" TEXT;
ALTER TABLE "Client" ADD COLUMN "frontchannelLogoutSessionRequired" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "passwordExpiresAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "passwordChangeRequired" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "UsedJti_expiresAt_idx" ON "UsedJti"("expiresAt");

-- AlterTable
ALTER TABLE "ClientSecret" ADD COLUMN "sealed" TEXT;

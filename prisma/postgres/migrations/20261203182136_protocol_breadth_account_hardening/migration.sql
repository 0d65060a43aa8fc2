-- AlterTable
ALTER TABLE "AuthorizationCode" ADD COLUMN     "dpopJkt" TEXT;

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "dpopBoundAccessTokens" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "frontchannelLogoutSessionRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "frontchannelLogoutUri" TEXT,
ADD COLUMN     "jwks" TEXT,
ADD COLUMN     "jwksUri" TEXT,
ADD COLUMN     "requestObjectSigningAlg" TEXT,
ADD COLUMN     "requirePushedAuthorizationRequests" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "responseTypes" TEXT NOT NULL DEFAULT '["code"]',
ADD COLUMN     "sectorIdentifierUri" TEXT,
ADD COLUMN     "subjectType" TEXT NOT NULL DEFAULT 'public',
ADD COLUMN     "tokenEndpointAuthSigningAlg" TEXT;

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "claims" TEXT;

-- AlterTable
ALTER TABLE "Token" ADD COLUMN     "cnfJkt" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "passwordChangeRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passwordExpiresAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PushedAuthorizationRequest" (
    "hash" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PushedAuthorizationRequest_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "UsedJti" (
    "key" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsedJti_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "UsedJti_expiresAt_idx" ON "UsedJti"("expiresAt");

-- AlterTable
ALTER TABLE "ClientSecret" ADD COLUMN "sealed" TEXT;

-- CreateTable
CREATE TABLE "ClientActivity" (
    "clientId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "signIns" INTEGER NOT NULL DEFAULT 0,
    "tokens" INTEGER NOT NULL DEFAULT 0,
    "lastUsedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClientActivity_pkey" PRIMARY KEY ("clientId","day")
);


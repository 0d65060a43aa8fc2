-- CreateTable
CREATE TABLE "ClientLogo" (
    "clientId" TEXT NOT NULL PRIMARY KEY,
    "bytes" BLOB NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ClientLogo_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- AlterTable
ALTER TABLE "Client" ADD COLUMN "registrationTokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Client_registrationTokenHash_key" ON "Client"("registrationTokenHash");


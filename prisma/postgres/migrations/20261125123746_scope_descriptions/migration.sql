-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "scopeDescriptions" TEXT;


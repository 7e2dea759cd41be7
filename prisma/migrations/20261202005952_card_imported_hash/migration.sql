-- AlterTable
ALTER TABLE "Card" ADD COLUMN "importedHash" TEXT;

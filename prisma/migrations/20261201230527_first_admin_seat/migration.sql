-- AlterTable
ALTER TABLE "User" ADD COLUMN "firstAdmin" BOOLEAN;

-- CreateIndex
CREATE UNIQUE INDEX "User_firstAdmin_key" ON "User"("firstAdmin");

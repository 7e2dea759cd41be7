-- CreateTable
CREATE TABLE "OptimizerRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "result" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OptimizerRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OptimizerRun_userId_createdAt_idx" ON "OptimizerRun"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "OptimizerRun" ADD CONSTRAINT "OptimizerRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

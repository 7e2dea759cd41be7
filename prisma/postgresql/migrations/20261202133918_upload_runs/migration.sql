-- CreateTable
CREATE TABLE "UploadRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "payload" BYTEA,
    "payloadType" TEXT,
    "result" JSONB,
    "errorCode" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UploadRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UploadRun_userId_createdAt_idx" ON "UploadRun"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "UploadRun" ADD CONSTRAINT "UploadRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The JSON columns take Prisma's Json type (a JSONB-declared column; the rows keep their JSON text).
-- Edited by hand: the schema engine writes a Json default unquoted (DEFAULT [] is an empty
-- identifier to SQLite, DEFAULT {} a syntax error; prisma/orm#26571), so both defaults are quoted.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Card" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deckId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "front" TEXT NOT NULL,
    "back" TEXT NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '[]',
    "noteKey" TEXT NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "sourceLine" INTEGER NOT NULL,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "importedHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Card_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Card" ("back", "createdAt", "deckId", "front", "id", "importedHash", "key", "kind", "noteKey", "scope", "sourceFile", "sourceLine", "suspended", "tags", "updatedAt") SELECT "back", "createdAt", "deckId", "front", "id", "importedHash", "key", "kind", "noteKey", "scope", "sourceFile", "sourceLine", "suspended", "tags", "updatedAt" FROM "Card";
DROP TABLE "Card";
ALTER TABLE "new_Card" RENAME TO "Card";
CREATE INDEX "Card_deckId_idx" ON "Card"("deckId");
CREATE INDEX "Card_scope_sourceFile_sourceLine_idx" ON "Card"("scope", "sourceFile", "sourceLine");
CREATE UNIQUE INDEX "Card_scope_key_key" ON "Card"("scope", "key");
CREATE TABLE "new_OptimizerRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OptimizerRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OptimizerRun" ("createdAt", "done", "error", "id", "result", "status", "total", "updatedAt", "userId") SELECT "createdAt", "done", "error", "id", "result", "status", "total", "updatedAt", "userId" FROM "OptimizerRun";
DROP TABLE "OptimizerRun";
ALTER TABLE "new_OptimizerRun" RENAME TO "OptimizerRun";
CREATE INDEX "OptimizerRun_userId_createdAt_idx" ON "OptimizerRun"("userId", "createdAt");
CREATE TABLE "new_QuizAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "choice" JSONB NOT NULL,
    "revision" INTEGER NOT NULL,
    "correct" BOOLEAN,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QuizAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QuizQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_QuizAnswer" ("attemptId", "choice", "correct", "id", "questionId", "revision", "updatedAt") SELECT "attemptId", "choice", "correct", "id", "questionId", "revision", "updatedAt" FROM "QuizAnswer";
DROP TABLE "QuizAnswer";
ALTER TABLE "new_QuizAnswer" RENAME TO "QuizAnswer";
CREATE INDEX "QuizAnswer_questionId_idx" ON "QuizAnswer"("questionId");
CREATE UNIQUE INDEX "QuizAnswer_attemptId_questionId_key" ON "QuizAnswer"("attemptId", "questionId");
CREATE TABLE "new_QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quizId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" DATETIME,
    "submittedAt" DATETIME,
    "score" INTEGER,
    "maxScore" INTEGER NOT NULL,
    "paper" JSONB NOT NULL,
    CONSTRAINT "QuizAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_QuizAttempt" ("deadline", "id", "maxScore", "paper", "quizId", "score", "startedAt", "submittedAt", "userId") SELECT "deadline", "id", "maxScore", "paper", "quizId", "score", "startedAt", "submittedAt", "userId" FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE INDEX "QuizAttempt_userId_idx" ON "QuizAttempt"("userId");
CREATE UNIQUE INDEX "QuizAttempt_quizId_userId_key" ON "QuizAttempt"("quizId", "userId");
CREATE TABLE "new_QuizQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quizId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 1,
    "kind" TEXT NOT NULL,
    "cardId" TEXT,
    "scenarioSource" TEXT,
    "scenarioQuestion" INTEGER NOT NULL DEFAULT 0,
    "template" BOOLEAN NOT NULL DEFAULT false,
    "prompt" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "answer" TEXT NOT NULL,
    "explanation" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizQuestion_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizQuestion_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_QuizQuestion" ("answer", "cardId", "createdAt", "explanation", "id", "kind", "options", "points", "position", "prompt", "quizId", "scenarioQuestion", "scenarioSource", "template") SELECT "answer", "cardId", "createdAt", "explanation", "id", "kind", "options", "points", "position", "prompt", "quizId", "scenarioQuestion", "scenarioSource", "template" FROM "QuizQuestion";
DROP TABLE "QuizQuestion";
ALTER TABLE "new_QuizQuestion" RENAME TO "QuizQuestion";
CREATE INDEX "QuizQuestion_quizId_position_idx" ON "QuizQuestion"("quizId", "position");
CREATE INDEX "QuizQuestion_cardId_idx" ON "QuizQuestion"("cardId");
CREATE TABLE "new_ReviewEvent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rating" INTEGER,
    "at" DATETIME NOT NULL,
    "durationMs" INTEGER,
    "deviceId" TEXT NOT NULL,
    "undoes" TEXT,
    "base" JSONB,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "id"),
    CONSTRAINT "ReviewEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewEvent_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewEvent" ("at", "base", "cardId", "deviceId", "durationMs", "id", "kind", "rating", "receivedAt", "undoes", "userId") SELECT "at", "base", "cardId", "deviceId", "durationMs", "id", "kind", "rating", "receivedAt", "undoes", "userId" FROM "ReviewEvent";
DROP TABLE "ReviewEvent";
ALTER TABLE "new_ReviewEvent" RENAME TO "ReviewEvent";
CREATE INDEX "ReviewEvent_userId_cardId_at_idx" ON "ReviewEvent"("userId", "cardId", "at");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'learner',
    "firstAdmin" BOOLEAN,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "schedulerSettings" JSONB NOT NULL DEFAULT '{}',
    "emailVerified" DATETIME,
    "image" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_User" ("createdAt", "email", "emailVerified", "firstAdmin", "id", "image", "name", "passwordHash", "role", "schedulerSettings", "sessionVersion", "timeZone", "updatedAt") SELECT "createdAt", "email", "emailVerified", "firstAdmin", "id", "image", "name", "passwordHash", "role", "schedulerSettings", "sessionVersion", "timeZone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_firstAdmin_key" ON "User"("firstAdmin");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- The JSON columns become jsonb. Written by hand from the schema engine's diff, which dropped and
-- re-added each column (losing its rows): here each column's text is converted where it stands.
-- A text default has no cast to jsonb, so the two defaults are dropped first and set again after.

-- AlterTable
ALTER TABLE "Card" ALTER COLUMN "tags" DROP DEFAULT,
ALTER COLUMN "tags" SET DATA TYPE JSONB USING "tags"::jsonb,
ALTER COLUMN "tags" SET DEFAULT '[]';

-- AlterTable
ALTER TABLE "OptimizerRun" ALTER COLUMN "result" SET DATA TYPE JSONB USING "result"::jsonb;

-- AlterTable
ALTER TABLE "QuizAnswer" ALTER COLUMN "choice" SET DATA TYPE JSONB USING "choice"::jsonb;

-- AlterTable
ALTER TABLE "QuizAttempt" ALTER COLUMN "paper" SET DATA TYPE JSONB USING "paper"::jsonb;

-- AlterTable
ALTER TABLE "QuizQuestion" ALTER COLUMN "options" SET DATA TYPE JSONB USING "options"::jsonb;

-- AlterTable
ALTER TABLE "ReviewEvent" ALTER COLUMN "base" SET DATA TYPE JSONB USING "base"::jsonb;

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "schedulerSettings" DROP DEFAULT,
ALTER COLUMN "schedulerSettings" SET DATA TYPE JSONB USING "schedulerSettings"::jsonb,
ALTER COLUMN "schedulerSettings" SET DEFAULT '{}';

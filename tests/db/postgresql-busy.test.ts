// On PostgreSQL a write waits inside its statement for another transaction's lock. Past the busy
// wait (lock_timeout on the app's connections) it must end as on SQLite, with DatabaseBusyError,
// whether it came through Prisma or through the engine's bulk writes, and leave nothing written.
// The lock is held as the CLI importer would hold SQLite's (DatabaseHandle.holdWriteLock). A server
// that cannot be reached is named, with DATABASE_URL, by the engine's own reads and writes. Runs
// on PostgreSQL only (npm run test:db:postgresql).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseAt } from "../support/database.ts";
import { createLearner, importDeck, type TestUser } from "../support/learners.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { PrismaClient } = await import("@/lib/db/generated-postgresql/client.ts");
const { BusyErrorsFactory } = await import("@/lib/db/engine/postgresql/busy-adapter.ts");
const { restoreInTransaction } = await import("@/lib/db/engine/postgresql/bulk-restore.ts");
const { DatabaseUnavailableError, isDatabaseBusy, isDatabaseUnavailable } = await import("@/lib/db/database-busy.ts");
const { postgresqlEngine } = await import("@/lib/db/engine/postgresql/index.ts");

/** The app's connections, but giving up after a short wait, so the bound can be tested quickly. */
const SHORT_WAIT_MS = 800;
const shortPool = new pg.Pool({ connectionString: database.url, lock_timeout: SHORT_WAIT_MS });
// Dropping the test's database at the end ends its idle connections: not an error of the test's.
shortPool.on("error", () => {});
const shortWait = new PrismaClient({
  adapter: new BusyErrorsFactory(new PrismaPg(shortPool), { waitMs: SHORT_WAIT_MS, databaseUrl: database.url }),
});
const other = databaseAt(database.url).open();

let learner: TestUser;
let cardKey: string;

beforeAll(async () => {
  learner = await createLearner("pg-busy@example.com");
  await importDeck(learner.id, "Busy", ["k1"]);
  cardKey = "k1";
});

afterAll(async () => {
  await shortWait.$disconnect();
  await shortPool.end();
  await prisma.$disconnect();
  await other.close();
  await database.cleanup();
});

async function whileLocked<T>(work: () => Promise<T>): Promise<PromiseSettledResult<T>> {
  const lock = await other.holdWriteLock();
  try {
    const [result] = await Promise.allSettled([work()]);
    return result;
  } finally {
    await lock.release();
  }
}

describe("writes that wait for another transaction's lock on PostgreSQL", () => {
  it("ends a Prisma write that waited past the busy wait with DatabaseBusyError, writing nothing", async () => {
    const result = await whileLocked(() => shortWait.user.update({ where: { id: learner.id }, data: { name: "changed" } }));
    expect(result.status).toBe("rejected");
    if (result.status === "rejected") expect(isDatabaseBusy(result.reason)).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: learner.id } })).name).toBeNull();
  });

  it("ends a Prisma transaction the same way, and the next one after the lock goes succeeds", async () => {
    const change = () =>
      shortWait.$transaction(async (tx) => {
        await tx.user.findUniqueOrThrow({ where: { id: learner.id } });
        await tx.user.update({ where: { id: learner.id }, data: { name: "in a transaction" } });
      });
    const result = await whileLocked(change);
    expect(result.status === "rejected" && isDatabaseBusy(result.reason)).toBe(true);
    await change();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: learner.id } })).name).toBe("in a transaction");
  });

  it("ends a bulk restore that waited past the busy wait with DatabaseBusyError, writing nothing", async () => {
    const now = new Date("2026-12-02T10:00:00Z");
    const state = {
      due: now,
      stability: 1,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 2 as const,
      lastReview: now,
      suspended: false,
      buriedUntil: null,
    };
    const rows = {
      userId: learner.id,
      cards: new Map([[cardKey, { scope: learner.id, key: cardKey }]]),
      states: { [cardKey]: state },
      logs: [],
      settingsJson: "{}",
      now,
    };
    const result = await whileLocked(() => restoreInTransaction(shortPool, rows));
    expect(result.status === "rejected" && isDatabaseBusy(result.reason)).toBe(true);
    expect(await prisma.cardState.count({ where: { userId: learner.id } })).toBe(0);
    expect(await restoreInTransaction(shortPool, rows)).toEqual({ ok: true, cards: 1, reviews: 0 });
  });
});

describe("a PostgreSQL server that cannot be reached", () => {
  // Port 1 on loopback: nothing listens there, so every connection is refused at once.
  const engine = postgresqlEngine("postgresql://postgres:secret@127.0.0.1:1/iam_recall");
  const unreachable = /^PostgreSQL at 127\.0\.0\.1:1 \(DATABASE_URL\) cannot be reached: .*(ECONNREFUSED|DatabaseNotReachable)/;

  it("fails the engine's reads and writes and Prisma's queries as unavailable, with a line naming the server and DATABASE_URL, never the password", async () => {
    const { PrismaClient: Client } = await import("@/lib/db/generated-postgresql/client.ts");
    const unreachablePrisma = new Client({ adapter: engine.prismaAdapter() });
    const failures = await Promise.allSettled([
      engine.queueReads.dueLearningStates("someone", new Date()),
      engine.statsReads.reviewCount("someone"),
      engine.bulkWrites.readImportBaseline({ scope: "someone", ownerId: "someone" }, "anki:"),
      unreachablePrisma.user.count(),
      unreachablePrisma.$transaction(async (tx) => tx.user.count()),
    ]);
    await unreachablePrisma.$disconnect().catch(() => undefined);
    // The engine's own reads and writes throw the app's error itself, with the operator's line.
    expect(failures.slice(0, 3).every((f) => f.status === "rejected" && f.reason instanceof DatabaseUnavailableError)).toBe(true);
    for (const failure of failures) {
      expect(failure.status).toBe("rejected");
      if (failure.status === "rejected") {
        // Through Prisma the error is Prisma's, keeping the code, which is what routes answer from.
        expect(isDatabaseUnavailable(failure.reason)).toBe(true);
        if (failure.reason instanceof DatabaseUnavailableError) {
          expect(failure.reason.detail).toMatch(unreachable);
          expect(failure.reason.detail).not.toContain("secret");
          // The learner's words name no server.
          expect(failure.reason.message).not.toContain("127.0.0.1");
        }
      }
    }
  });

  it("passes the server's own refusals through unchanged", async () => {
    const refused = postgresqlEngine(database.url).bulkWrites.restoreInTransaction({
      userId: "no-such-learner",
      cards: new Map(),
      states: {},
      logs: [],
      settingsJson: "{}",
      now: new Date(),
    });
    await expect(refused).rejects.toThrow(/^restore: no user no-such-learner$/);
  });
});

// Another connection holding the write lock (the CLI importer in BEGIN IMMEDIATE) must neither
// freeze the server's event loop nor make a write fail half-way. These drive Prisma
// through the app's adapter wrapper against a real SQLite file and a second, lock-holding connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { databaseAt } from "../support/database.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { PrismaClient } = await import("@/lib/db/generated/client.ts");
const { ImmediateTransactionsFactory } = await import("@/lib/db/engine/sqlite/immediate-adapter.ts");
const { DatabaseBusyError, isDatabaseBusy } = await import("@/lib/db/database-busy.ts");

/** A client like the app's, but giving up after `maxWaitMs`, so the bound can be tested quickly. */
function clientWaitingAtMost(maxWaitMs: number) {
  const driver = new PrismaBetterSqlite3({ url: `file:${database.file}`, timeout: 0 });
  return new PrismaClient({
    adapter: new ImmediateTransactionsFactory(driver, { maxWaitMs }),
    transactionOptions: { maxWait: maxWaitMs + 2_000 },
  });
}
const SHORT_WAIT_MS = 1_500;
const shortWait = clientWaitingAtMost(SHORT_WAIT_MS);
/** Long enough for the lock waits below to tell a synchronous busy wait from CPU contention on a loaded machine. */
const LOCK_HOLD_MS = 2_000;
/** A synchronous busy wait stops the loop for the whole hold; other work on a busy 2-core machine stalled it up to ~0.7 s. */
const STALL_LIMIT_MS = 900;

/** Another process's connection: takes the write lock and keeps it until released. */
const other = databaseAt(database.url).open();
const holdWriteLock = () => other.holdWriteLock();

/** The longest the event loop went without running a 5 ms timer while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; stallMs: number; elapsedMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const [result] = await Promise.allSettled([work()]);
  const elapsedMs = performance.now() - started;
  clearInterval(ticker);
  return { result, stallMs: Math.max(stallMs, performance.now() - last), elapsedMs };
}

let userId = "";
beforeAll(async () => {
  userId = (await prisma.user.create({ data: { email: "locked@example.com" } })).id;
});
afterAll(async () => {
  await prisma.$disconnect();
  await shortWait.$disconnect();
  await other.close();
  await database.cleanup();
});

describe("10.7: a held write lock", () => {
  it("10.7: a transaction holds the write lock from its start (BEGIN IMMEDIATE), before its first write", async () => {
    let otherCouldLock: boolean | null = null;
    await prisma.$transaction(async (tx) => {
      await tx.user.findUniqueOrThrow({ where: { id: userId } });
      // A deferred BEGIN would only hold a read snapshot here, and the other connection would win the lock.
      try {
        await (await holdWriteLock()).release();
        otherCouldLock = true;
      } catch (error) {
        expect((error as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
        otherCouldLock = false;
      }
      await tx.user.update({ where: { id: userId }, data: { name: "first" } });
    });
    expect(otherCouldLock).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("first");
  });

  it("10.7: a read-then-write transaction waits on a timer for the lock and then commits once", async () => {
    const lock = await holdWriteLock();
    setTimeout(() => void lock.release(), LOCK_HOLD_MS);
    const { result, stallMs, elapsedMs } = await longestStall(() =>
      prisma.$transaction(async (tx) => {
        const row = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
        return tx.user.update({ where: { id: userId }, data: { name: `${row.name}+second` } });
      }),
    );
    await lock.release();
    expect(result.status).toBe("fulfilled");
    expect(elapsedMs).toBeGreaterThanOrEqual(LOCK_HOLD_MS - 50);
    // better-sqlite3's own busy wait would sleep the whole hold inside one call.
    expect(stallMs).toBeLessThan(STALL_LIMIT_MS);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("first+second");
  });

  it("10.7: reads go on while the lock is held and a transaction waits for it", async () => {
    const lock = await holdWriteLock();
    try {
      const waiting = prisma.$transaction(async (tx) => tx.user.update({ where: { id: userId }, data: { name: "third" } }));
      const started = performance.now();
      for (let i = 0; i < 5; i++) await prisma.user.findUniqueOrThrow({ where: { id: userId } });
      expect(performance.now() - started).toBeLessThan(200);
      await lock.release();
      await waiting;
    } finally {
      await lock.release();
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("third");
  });

  it("10.7: a single write outside a transaction also waits for the lock instead of failing", async () => {
    const lock = await holdWriteLock();
    setTimeout(() => void lock.release(), LOCK_HOLD_MS);
    const { result, stallMs } = await longestStall(() => prisma.user.update({ where: { id: userId }, data: { name: "fourth" } }));
    await lock.release();
    expect(result.status).toBe("fulfilled");
    expect(stallMs).toBeLessThan(STALL_LIMIT_MS);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("fourth");
  });

  it("10.7: the wait is bounded and ends in DatabaseBusyError, for transactions and single writes, writing nothing", async () => {
    const lock = await holdWriteLock();
    try {
      const transaction = await longestStall(() =>
        shortWait.$transaction(async (tx) => tx.user.update({ where: { id: userId }, data: { name: "never" } })),
      );
      expect(transaction.result.status).toBe("rejected");
      const reason = (transaction.result as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(DatabaseBusyError);
      expect(isDatabaseBusy(reason)).toBe(true);
      expect(transaction.elapsedMs).toBeGreaterThanOrEqual(SHORT_WAIT_MS - 10);
      expect(transaction.elapsedMs).toBeLessThan(SHORT_WAIT_MS + 1_500);
      expect(transaction.stallMs).toBeLessThan(STALL_LIMIT_MS);

      const single = await longestStall(() => shortWait.user.update({ where: { id: userId }, data: { name: "never" } }));
      expect(single.result.status).toBe("rejected");
      expect(isDatabaseBusy((single.result as PromiseRejectedResult).reason)).toBe(true);
      expect(single.stallMs).toBeLessThan(STALL_LIMIT_MS);
    } finally {
      await lock.release();
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("fourth");
    // The client gave up cleanly: it writes again once the lock is free.
    await shortWait.$transaction(async (tx) => tx.user.update({ where: { id: userId }, data: { name: "fifth" } }));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("fifth");
  });

  it("10.7: waiting behind the process's own long transaction counts against the same bound", async () => {
    const long = shortWait.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { name: "long" } });
      await new Promise((resolve) => setTimeout(resolve, 2 * SHORT_WAIT_MS));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const behind = shortWait.$transaction(async (tx) => tx.user.update({ where: { id: userId }, data: { name: "behind" } }));
    await expect(behind).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(performance.now() - started).toBeLessThan(2 * SHORT_WAIT_MS - 100);
    await long;
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("long");
  });
});

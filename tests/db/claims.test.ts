// Claims (one restore, one optimizer run per learner at a time) on the engine under test: in this
// process's memory on SQLite, session advisory locks on PostgreSQL, where a claim must hold across
// app servers and be freed by the database when the server holding it dies.
import { afterAll, describe, expect, it } from "vitest";
import { testEngine, withDatabase } from "../support/database.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { databaseCoordination } = await import("@/lib/db/engine/coordination.ts");
const claims = databaseCoordination().claims;

afterAll(async () => {
  await database.cleanup();
});

describe(`claims on ${testEngine()}`, () => {
  it("refuses a second claim of a held key, not another key or kind, and grants it again once released", async () => {
    const first = await claims.tryClaim("restore", "learner-a");
    expect(first).not.toBeNull();
    expect(await claims.tryClaim("restore", "learner-a")).toBeNull();
    const otherKey = await claims.tryClaim("restore", "learner-b");
    const otherKind = await claims.tryClaim("optimize", "learner-a");
    expect(otherKey).not.toBeNull();
    expect(otherKind).not.toBeNull();
    await first!.release();
    const again = await claims.tryClaim("restore", "learner-a");
    expect(again).not.toBeNull();
    await Promise.all([again!.release(), otherKey!.release(), otherKind!.release()]);
  });

  it("gives exactly one of many concurrent claims of one key", async () => {
    const all = await Promise.all(Array.from({ length: 12 }, () => claims.tryClaim("restore", "learner-c")));
    const granted = all.filter((claim) => claim !== null);
    expect(granted).toHaveLength(1);
    await granted[0]!.release();
  });

  it("frees the claim when the work under it fails", async () => {
    const work = async () => {
      const claim = await claims.tryClaim("restore", "learner-d");
      if (!claim) throw new Error("not claimed");
      try {
        throw new Error("the restore failed");
      } finally {
        await claim.release();
      }
    };
    await expect(work()).rejects.toThrow("the restore failed");
    const after = await claims.tryClaim("restore", "learner-d");
    expect(after).not.toBeNull();
    await after!.release();
  });

  it.runIf(testEngine() === "postgresql")(
    "holds across servers, and frees a claim whose connection dies, as when its server does",
    async () => {
      // Another app server: claims of its own, on the same database.
      const { postgresClaims } = await import("@/lib/db/engine/postgresql/claims.ts");
      const otherServer = postgresClaims(database.url);
      const held = await claims.tryClaim("optimize", "learner-e");
      expect(held).not.toBeNull();
      expect(await otherServer.tryClaim("optimize", "learner-e")).toBeNull();
      const ended = await withDatabase(database.url, (db) =>
        db.all<{ ended: boolean }>(
          "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
          "iam-recall-claim",
        ),
      );
      expect(ended).toEqual([{ ended: true }]);
      // The server frees the lock when the ended session is gone, a moment after the signal.
      let after = null;
      for (let i = 0; i < 50 && !after; i++) {
        after = await otherServer.tryClaim("optimize", "learner-e");
        if (!after) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(after).not.toBeNull();
      await after!.release();
      await held!.release();
    },
  );
});

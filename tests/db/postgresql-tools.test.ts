// The PostgreSQL engine's tooling: the one-line problems that stop start-up, the database setup
// creates, and the handle tests seed and read through (numbered parameters, a held write lock).
import { createServer } from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { engineNameOf } from "@/lib/db/engine/select.ts";
import { urlOnDatabase } from "@/lib/db/engine/postgresql/connection-url.ts";
import { databaseAt, migrationsDirOf, numbered, withDatabase } from "../support/database.ts";
import { freshDatabase } from "../support/temp-database.ts";

const adminUrl = inject("postgresAdminUrl");
const database = freshDatabase("postgresql");
afterAll(() => database.cleanup());

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 1;
}

describe("16: PostgreSQL tooling", () => {
  it("16: takes postgresql:// and postgres:// URLs as PostgreSQL, and still refuses other schemes", () => {
    expect(engineNameOf("postgresql://u@h/db")).toBe("postgresql");
    expect(engineNameOf("postgres://u@h/db")).toBe("postgresql");
    expect(() => engineNameOf("mysql://u:secret@h/db")).toThrow(/mysql:.*postgresql:\/\//);
    expect(() => engineNameOf("mysql://u:secret@h/db")).not.toThrow(/secret/);
  });

  it("16: a server that does not answer is one line naming DATABASE_URL, without the password", async () => {
    const url = `postgresql://someone:hunter2@127.0.0.1:${await closedPort()}/iam_recall`;
    for (const mustExist of [true, false]) {
      const problem = await databaseAt(url).problem({ mustExist });
      expect(problem).toMatch(/does not answer.*DATABASE_URL/);
      expect(problem).not.toMatch(/hunter2/);
      expect(problem).not.toMatch(/\n/);
    }
  });

  it("16: a missing database stops the app but not setup, which creates it and applies the migrations", async () => {
    const tools = databaseAt(database.url);
    expect(await tools.problem({ mustExist: true })).toMatch(/database iam_recall_t_\w+ does not exist.*DATABASE_URL/);
    expect(await tools.problem({ mustExist: false })).toBeNull();
    const applied = await tools.applyMigrations(migrationsDirOf("postgresql"));
    expect(applied.length).toBeGreaterThan(0);
    expect(await tools.problem({ mustExist: true })).toBeNull();
    expect(tools.location).toBe(database.url);
  });

  it("16: a URL without a database name is refused with a clear line", async () => {
    expect(await databaseAt(urlOnDatabase(adminUrl, "").replace(/\/$/, "")).problem({ mustExist: false })).toMatch(/names no database/);
  });

  it("16: the handle takes numbered parameters; `numbered` writes them from ?", async () => {
    expect(numbered(`SELECT '?' AS q, "a?" FROM t WHERE x = ? AND y = ?`, "postgresql")).toBe(
      `SELECT '?' AS q, "a?" FROM t WHERE x = $1 AND y = $2`,
    );
    expect(numbered("SELECT ?", "sqlite")).toBe("SELECT ?");
    await withDatabase(database.url, async (db) => {
      const now = new Date("2026-12-02T10:00:00.123Z");
      const insert = numbered(`INSERT INTO "User" (id, email, "updatedAt", "firstAdmin") VALUES (?, ?, ?, ?)`, "postgresql");
      expect(await db.run(insert, "u1", "one@example.com", now, true)).toBe(1);
      expect(
        await db.runMany(insert, [["u2", "two@example.com", now, null] as const, ["u3", "three@example.com", now, null] as const]),
      ).toBe(2);
      const row = await db.get<{ updatedAt: Date; firstAdmin: boolean }>(
        `SELECT "updatedAt", "firstAdmin" FROM "User" WHERE id = $1`,
        "u1",
      );
      expect(row).toEqual({ updatedAt: now, firstAdmin: true });
      expect(await db.get<{ n: number }>(`SELECT count(*) AS n FROM "User"`)).toEqual({ n: 3 });
      // A failing row rolls back the rows before it.
      await expect(
        db.runMany(insert, [["u4", "four@example.com", now, null] as const, ["u5", "one@example.com", now, null] as const]),
      ).rejects.toThrow();
      expect(await db.get<{ n: number }>(`SELECT count(*) AS n FROM "User"`)).toEqual({ n: 3 });
    });
  });

  it("16: a held write lock lets reads through and makes writes wait, until released", async () => {
    await withDatabase(database.url, async (db) => {
      const lock = await db.holdWriteLock();
      try {
        expect(await db.get<{ n: number }>(`SELECT count(*) AS n FROM "User"`)).toEqual({ n: 3 });
        await expect(db.holdWriteLock()).rejects.toMatchObject({ code: "55P03" });
        const write = db.run(`UPDATE "User" SET name = $1 WHERE id = $2`, "waited", "u1");
        const first = await Promise.race([
          write.then(() => "written"),
          new Promise((resolve) => setTimeout(() => resolve("waiting"), 300)),
        ]);
        expect(first).toBe("waiting");
        await lock.release();
        expect(await write).toBe(1);
      } finally {
        await lock.release();
      }
    });
  });

  it("16: a read-only handle refuses writes", async () => {
    await withDatabase(
      database.url,
      async (db) => {
        await expect(db.run(`UPDATE "User" SET name = $1`, "x")).rejects.toThrow(/read-only/);
      },
      { readonly: true },
    );
  });
});

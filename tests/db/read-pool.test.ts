// The read threads the stats reads run on inside the server (lib/db/engine/sqlite/read-pool.ts):
// started here with a TypeScript loader, as the built server starts them with its bundled worker.
import { afterAll, describe, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { workerFromSource } from "../support/source-worker.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { threadedReadPool } from "@/lib/db/engine/sqlite/read-pool.ts";

const database = await setUpTempDatabase();
const writer = new Database(database.file);
writer.exec(`CREATE TABLE numbers (n INTEGER NOT NULL)`);
writer.prepare(`INSERT INTO numbers (n) SELECT value FROM json_each(?)`).run(JSON.stringify(Array.from({ length: 5_000 }, (_, i) => i)));
const spawn = (file: string) =>
  workerFromSource(new URL("../../lib/db/engine/sqlite/read.worker.ts", import.meta.url), { workerData: { file } });
const pool = threadedReadPool(database.file, spawn);

afterAll(async () => {
  await pool.close();
  writer.close();
  await database.cleanup();
});

describe("read threads", () => {
  it("answers each query with its own rows when several run at once", async () => {
    const answers = await Promise.all(
      [10, 20, 30, 40, 50].map((limit) => pool.all<{ total: number }>(`SELECT SUM(n) AS total FROM numbers WHERE n < ?`, [limit])),
    );
    expect(answers.map(([row]) => row!.total)).toEqual([45, 190, 435, 780, 1225]);
  });

  it("takes named parameters", async () => {
    const rows = await pool.all<{ n: number }>(`SELECT n FROM numbers WHERE n BETWEEN @from AND @to ORDER BY n`, [{ from: 3, to: 5 }]);
    expect(rows).toEqual([{ n: 3 }, { n: 4 }, { n: 5 }]);
  });

  it("refuses a bad query with the database's reason and keeps serving", async () => {
    await expect(pool.all(`SELECT nope FROM numbers`, [])).rejects.toThrow(/Database read failed: no such column: nope/);
    const [row] = await pool.all<{ count: number }>(`SELECT COUNT(*) AS count FROM numbers`, []);
    expect(row!.count).toBe(5_000);
  });

  it("reads what was committed after the thread opened its connection", async () => {
    writer.prepare(`INSERT INTO numbers (n) VALUES (?)`).run(-1);
    const [row] = await pool.all<{ count: number }>(`SELECT COUNT(*) AS count FROM numbers`, []);
    expect(row!.count).toBe(5_001);
  });

  it("fails the query a thread was running when the thread dies, and starts another for the next", async () => {
    let spawned = 0;
    const dying = threadedReadPool(database.file, (file) => {
      spawned++;
      return spawned === 1
        ? new Worker(`require("node:worker_threads").parentPort.once("message", () => process.exit(3));`, { eval: true })
        : spawn(file);
    });
    try {
      await expect(dying.all(`SELECT 1 AS one`, [])).rejects.toThrow("A database read thread stopped: exit code 3");
      await expect(dying.all<{ one: number }>(`SELECT 1 AS one`, [])).resolves.toEqual([{ one: 1 }]);
      expect(spawned).toBe(2);
    } finally {
      await dying.close();
    }
  });
});

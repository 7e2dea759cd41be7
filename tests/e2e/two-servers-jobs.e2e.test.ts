// A server killed in the middle of an optimizer run, on PostgreSQL: the run is a pg-boss job, and the
// other app server finishes it. Its own database, served by two servers started here (C and D), so
// that the run's server, which works every job on the run's database, cannot take the job instead.
// Which server trains is made certain rather than left to whichever polls first: a server starts
// its job workers with the first signed-in request it serves (lib/db/job-workers.ts), so until D
// serves one, C is the only worker.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateBackup } from "../../bench/support/backup-fixture.ts";
import { databaseNameOf, urlOnDatabase } from "../../lib/db/engine/postgresql/connection-url.ts";
import { dropDatabase } from "../../lib/db/engine/postgresql/database-check.node.ts";
import { numbered, withDatabase, type SqlValue } from "../support/database.ts";
import { createAccounts, PASSWORD } from "./support/accounts.ts";
import { appServerEnv, startAppServer, type AppServer } from "./support/app-server.ts";
import { e2eEngine } from "./support/database.ts";
import { signInOverHttp } from "./support/http-session.ts";
import { followRun } from "./support/upload-runs.ts";
import { until } from "../support/until.ts";

const root = resolve(import.meta.dirname, "../..");
const runDatabaseUrl = inject("databaseUrl");
const EMAIL = "trainer@two-servers.example";
/** Enough reviews that training takes about a second on this machine: time to kill the server that runs it. */
const LOGS = 30_000;

const databaseUrl = e2eEngine === "postgresql" ? urlOnDatabase(runDatabaseUrl, `${databaseNameOf(runDatabaseUrl)}_jobs`) : "";
let serverC: AppServer | undefined;
let serverD: AppServer | undefined;

const rows = <T>(sql: string, ...params: SqlValue[]) =>
  withDatabase(databaseUrl, (db) => db.all<T>(numbered(sql, "postgresql"), ...params), { readonly: true });

type RunRow = { status: string; done: number; total: number; result: string | null };
const runsOf = (userId: string) =>
  rows<RunRow>(`SELECT status, done, total, result::text AS result FROM "OptimizerRun" WHERE "userId" = ? ORDER BY "createdAt"`, userId);

describe.skipIf(e2eEngine !== "postgresql")("a server killed in the middle of an optimizer run", () => {
  beforeAll(async () => {
    const env = appServerEnv(databaseUrl);
    const setup = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/setup.ts"], { cwd: root, env, stdio: "inherit" });
    expect(setup.status, "setup of the second database").toBe(0);
    [serverC, serverD] = await Promise.all([startAppServer(env), startAppServer(env)]);
  });
  afterAll(async () => {
    await Promise.all([serverC?.kill(), serverD?.kill()]);
    if (databaseUrl) await dropDatabase(databaseUrl);
  });

  it("leaves the run to the other server, which finishes it once", { timeout: 180_000 }, async () => {
    const c = serverC!.baseUrl;
    const [cookie] = (await createAccounts(c, [EMAIL])) as [string];
    const [{ id: userId }] = (await rows<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, EMAIL)) as [{ id: string }];
    const starterKeys = (await rows<{ key: string }>(`SELECT key FROM "Card" WHERE scope = 'starter' ORDER BY key`)).map(
      (row) => `starter:${row.key}`,
    );
    const backup = generateBackup(starterKeys, LOGS, new Date());
    // The restore is a job as well: C, the only worker yet, runs it.
    const accepted = await fetch(`${c}/api/export/backup`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(backup),
    });
    const restored = await followRun(c, accepted, cookie);
    expect(restored.status, await restored.clone().text()).toBe(200);

    // Started on C, which is the only worker: C trains.
    const optimizing = fetch(`${c}/api/optimize`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: "{}" });
    await until(
      () => runsOf(userId),
      (runs) => runs[0]?.status === "running",
      "the run to start on C",
    );
    await serverC!.kill();
    await optimizing.then((response) => response.text()).catch(() => undefined);
    const cutShort = await runsOf(userId);
    expect(cutShort, "the run was cut short, not finished, by the kill").toMatchObject([{ status: "running", result: null }]);

    // D serves its first signed-in request, starts its workers and, once the queue sees that C's
    // heartbeat stopped, takes the job and runs it to the end.
    const onD = await signInOverHttp(serverD!.baseUrl, EMAIL, PASSWORD);
    expect((await fetch(`${serverD!.baseUrl}/api/review/day`, { headers: { cookie: onD } })).status).toBe(200);
    const finished = await until(
      () => runsOf(userId),
      (runs) => runs[0]?.status === "done",
      "D to finish the run",
      { timeoutMs: 120_000, everyMs: 500 },
    );
    expect(finished).toHaveLength(1);
    const result = JSON.parse(finished[0]!.result!) as { reviewsUsed: number };
    expect(result.reviewsUsed).toBe(LOGS);
  });
});

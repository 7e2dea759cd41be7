// The end-to-end run's database: a SQLite file in the run's folder, or, for PostgreSQL, a database
// of its own on TEST_POSTGRES_URL's server when given, else on a throwaway cluster started for the
// run. Only named here; scripts/setup.ts creates, migrates and seeds it.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { urlOnDatabase } from "../../../lib/db/engine/postgresql/connection-url.ts";
import { dropDatabase } from "../../../lib/db/engine/postgresql/database-check.node.ts";
import { startThrowawayCluster } from "../../../lib/db/engine/postgresql/throwaway-cluster.node.ts";

export interface E2eDatabase {
  url: string;
  /** Drops the database and stops a cluster started for it (a SQLite file goes with the run's folder). */
  remove(): Promise<void>;
}

export async function e2eDatabase(engine: string | undefined, workDir: string): Promise<E2eDatabase> {
  const named = engine?.trim() || "sqlite";
  if (named === "sqlite") return { url: `file:${join(workDir, "e2e.db")}`, remove: async () => undefined };
  if (named !== "postgresql") {
    throw new Error(`E2E_DATABASE_ENGINE=${named} names no engine: use sqlite (the default) or postgresql`);
  }
  const given = process.env.TEST_POSTGRES_URL?.trim();
  const cluster = given ? null : await startThrowawayCluster();
  const serverUrl = given ?? cluster!.adminUrl;
  const url = urlOnDatabase(serverUrl, `iam_recall_e2e_${randomBytes(6).toString("hex")}`);
  return {
    url,
    async remove() {
      if (cluster) return cluster.stop();
      await dropDatabase(url);
    },
  };
}

// Vitest globalSetup for runs on PostgreSQL (npm run test:db:postgresql): the server tests make
// their databases on. TEST_POSTGRES_URL names one when given (any database of a server where the
// user may create and drop databases); otherwise a throwaway cluster of Debian's PostgreSQL is
// started for the run and removed after it.
import type { TestProject } from "vitest/node";
import { startThrowawayCluster } from "../../lib/db/engine/postgresql/throwaway-cluster.node.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser URL of the run's PostgreSQL server. */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const given = process.env.TEST_POSTGRES_URL?.trim();
  if (given) {
    project.provide("postgresAdminUrl", given);
    return;
  }
  const cluster = await startThrowawayCluster();
  project.provide("postgresAdminUrl", cluster.adminUrl);
  return () => cluster.stop();
}

// A PostgreSQL server that goes away while the app runs (issue 16, "Bad input and faults"): requests
// fail with the app's DatabaseUnavailableError (a 503 with Retry-After through the error contract),
// nothing half-written, and once the server is back the same process serves again, with every
// review it acknowledged before the outage still stored. The test runs its own server, since it
// stops it; PostgreSQL only (npm run test:db:postgresql).
import { afterAll, describe, expect, it } from "vitest";
import { urlOnDatabase } from "@/lib/db/engine/postgresql/connection-url.ts";
import { startThrowawayCluster } from "@/lib/db/engine/postgresql/throwaway-cluster.node.ts";
import { domainErrorResponse } from "@/lib/http/index.ts";
import { migratedDatabase } from "../support/database.ts";
import { createLearner, importDeck } from "../support/learners.ts";

const cluster = await startThrowawayCluster();
const url = urlOnDatabase(cluster.adminUrl, "iam_recall_outage");
await migratedDatabase(url);
process.env.DATABASE_URL = url;
const { prisma } = await import("@/lib/db/client.ts");
const { recordGrade } = await import("@/lib/db/review/index.ts");
const { isDatabaseUnavailable } = await import("@/lib/db/index.ts");

afterAll(async () => {
  await prisma.$disconnect();
  await cluster.stop();
});

describe("PostgreSQL going away while the app runs", () => {
  it("refuses requests as unavailable while it is down, and serves again without losing an acknowledged review", async () => {
    const learner = await createLearner("outage@example.com");
    const [first, second] = await importDeck(learner.id, "Outage", ["a", "b"]);
    const now = new Date("2026-12-02T09:00:00Z");
    const grade = (cardId: string, clientReviewId: string) =>
      recordGrade(learner, { cardId, rating: 3, version: 0, clientReviewId, durationMs: 1200 }, now);

    const acknowledged = await grade(first!, "before-outage");
    expect(acknowledged.ok).toBe(true);

    await cluster.pause();
    const during = await grade(second!, "during-outage").then(
      () => null,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(during)).toBe(true);
    const answer = domainErrorResponse(during);
    expect(answer.status).toBe(503);
    expect(answer.headers.get("Retry-After")).not.toBeNull();
    expect(((await answer.json()) as { code: string }).code).toBe("database_unavailable");

    await cluster.resume();
    // The pool's broken connections are dropped as they fail; the next request gets a new one.
    let after = await grade(second!, "after-outage").catch((error: unknown) => error);
    if (isDatabaseUnavailable(after)) after = await grade(second!, "after-outage");
    expect(after).toMatchObject({ ok: true });

    const stored = await prisma.reviewLog.findMany({ where: { userId: learner.id }, select: { clientReviewId: true } });
    expect(stored.map((row) => row.clientReviewId).sort()).toEqual(["after-outage", "before-outage"]);
  }, 60_000);
});

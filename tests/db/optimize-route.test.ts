// POST /api/optimize on the engine under test: the request queues a run and streams its progress
// and result as NDJSON from the run's row, the stream the settings page reads; a second request
// while the run goes is refused; a finished run frees the learner's slot.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testEngine } from "../support/database.ts";
import { createLearner, importDeck, type TestUser } from "../support/learners.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { simulateReviews } from "../srs/fixtures/simulated-reviews.ts";

const session = vi.hoisted(() => ({ user: null as TestUser | null }));
vi.mock("@/lib/auth/index.ts", () => ({ currentUser: async () => session.user }));

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { databaseCoordination } = await import("@/lib/db/engine/coordination.ts");
const { POST } = await import("@/app/api/optimize/route.ts");

let learner: TestUser;

beforeAll(async () => {
  learner = await createLearner("route@example.com");
  const simulated = simulateReviews({ totalReviews: 1500, seed: 7 });
  const simIds = [...new Set(simulated.map((l) => l.cardId))];
  const cardIds = await importDeck(learner.id, "Simulated", simIds);
  const idOf = new Map(simIds.map((s, i) => [s, cardIds[i]!]));
  await prisma.reviewLog.createMany({
    data: simulated.map(({ cardId, ...log }) => ({ ...log, userId: learner.id, cardId: idOf.get(cardId)! })),
  });
});

afterAll(async () => {
  await databaseCoordination().jobs.stop();
  await prisma.$disconnect();
  await database.cleanup();
});

const post = () =>
  POST(new Request("http://localhost/api/optimize", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }));

async function eventsOf(response: Response): Promise<Array<Record<string, unknown>>> {
  const text = await response.text();
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe(`POST /api/optimize on ${testEngine()}`, () => {
  it("asks for a session first", async () => {
    session.user = null;
    expect((await post()).status).toBe(401);
  });

  it("streams progress then the result, refusing a second run meanwhile", { timeout: 90_000 }, async () => {
    session.user = learner;
    const response = await post();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const second = await post();
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ code: "already_running" });

    const events = await eventsOf(response);
    const last = events.at(-1);
    expect(last).toMatchObject({ type: "result", result: { tooFewReviews: false, better: true, applied: true } });
    const progress = events.slice(0, -1);
    expect(progress.every((e) => e.type === "progress" && (e.done as number) <= (e.total as number))).toBe(true);

    // Finished, the learner may run it again, and the stream ends with that run's result.
    const again = await post();
    expect(again.status).toBe(200);
    expect((await eventsOf(again)).at(-1)).toMatchObject({ type: "result" });
  });
});

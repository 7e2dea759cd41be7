// Export and restore against a real database: backup -> wipe -> restore gives back the same
// rows; only the learner's own data is read or written; a bad backup writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failWrites, stopFailing } from "../support/forced-failure.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { createLearner, importDeck, type TestUser } from "../support/learners.ts";
import type { CsvReview } from "@/lib/srs/index.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { exportBackup, restoreBackup, RestoreRunningError } = await import("@/lib/db/backup.ts");
const { reviewLogPages } = await import("@/lib/db/review-export.ts");
const { recordGrade, applyCardAction } = await import("@/lib/db/review/index.ts");
const { saveDeckOverrides, saveGeneralSettings } = await import("@/lib/db/settings.ts");
const { parseBackup, reviewsToCsv, REVIEW_CSV_HEADER } = await import("@/lib/srs/index.ts");

const t0 = new Date("2026-04-06T08:00:00Z");
const MIN = 60_000;
let learner: TestUser;
let outsider: TestUser;
const own: Record<string, string> = {};
const starter: Record<string, string> = {};
let outsiderCard: string;

let counter = 0;
async function grade(user: TestUser, cardId: string, rating: 1 | 2 | 3 | 4, at: Date): Promise<void> {
  const row = await prisma.cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId } }, select: { version: true } });
  const outcome = await recordGrade(
    user,
    { cardId, rating, version: row?.version ?? 0, clientReviewId: `backup-test-${++counter}`, durationMs: 1000 + counter },
    at,
  );
  expect(outcome.ok).toBe(true);
}

/** Every row that makes up a learner's study state, without row ids and bookkeeping columns. */
async function snapshot(user: TestUser) {
  const [states, logs, row] = await Promise.all([
    prisma.cardState.findMany({
      where: { userId: user.id },
      orderBy: { cardId: "asc" },
      omit: { id: true, version: true, updatedAt: true },
    }),
    prisma.reviewLog.findMany({
      where: { userId: user.id },
      orderBy: [{ review: "asc" }, { cardId: "asc" }],
      omit: { id: true, clientReviewId: true },
    }),
    prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { schedulerSettings: true } }),
  ]);
  return { states, logs, settings: row.schedulerSettings };
}

async function wipe(user: TestUser): Promise<void> {
  await prisma.reviewLog.deleteMany({ where: { userId: user.id } });
  await prisma.cardState.deleteMany({ where: { userId: user.id } });
  await prisma.user.update({ where: { id: user.id }, data: { schedulerSettings: {} } });
}

/** What a browser uploads: the downloaded file, parsed from JSON text. */
const asUploaded = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

beforeAll(async () => {
  learner = await createLearner("backup@example.com", "Europe/Berlin");
  outsider = await createLearner("backup-outsider@example.com");
  // "shared" exists both in the learner's library and in the starter decks, as after importing the starter notes.
  const [k1, k2, k3, sharedOwn] = await importDeck(learner.id, "Mine", ["k1", "k2", "k3", "shared"]);
  const [sharedStarter, s2] = await importDeck("starter", "Starter", ["shared", "s2"]);
  outsiderCard = (await importDeck(outsider.id, "Theirs", ["k1"]))[0]!;
  Object.assign(own, { k1, k2, k3, shared: sharedOwn });
  Object.assign(starter, { shared: sharedStarter, s2 });

  await grade(learner, own.k1!, 3, t0);
  await grade(learner, own.k1!, 3, new Date(t0.getTime() + 10 * MIN));
  await grade(learner, own.k1!, 3, new Date(t0.getTime() + 3 * 1440 * MIN));
  await grade(learner, own.k2!, 1, t0);
  await grade(learner, own.shared!, 3, t0);
  await grade(learner, starter.shared!, 4, new Date(t0.getTime() + MIN));
  await grade(learner, starter.s2!, 2, new Date(t0.getTime() + 2 * MIN));
  expect((await applyCardAction(learner, own.k3!, "suspend", 0, t0)).ok).toBe(true);
  // After its grade: a card's events are replayed in time order, and a grade lifts a burial.
  expect((await applyCardAction(learner, starter.s2!, "bury", 1, new Date(t0.getTime() + 3 * MIN))).ok).toBe(true);
  await saveGeneralSettings(
    learner,
    {
      desiredRetention: 0.87,
      newPerDay: 9,
      reviewsPerDay: 99,
      learningSteps: ["2m"],
      relearningSteps: [],
      maximumInterval: 400,
      fuzz: false,
    },
    "Europe/Berlin",
  );
  const ownDeck = (await prisma.card.findUniqueOrThrow({ where: { id: own.k1! }, select: { deckId: true } })).deckId;
  await saveDeckOverrides(learner, ownDeck, { newPerDay: 4 });

  // The outsider studies the same starter card and their own "k1".
  await grade(outsider, starter.shared!, 1, t0);
  await grade(outsider, outsiderCard, 3, t0);
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("backup and restore", () => {
  it("exports the learner's own states and logs keyed by card key, starter cards told apart", async () => {
    const backup = await exportBackup(learner, t0);
    expect(Object.keys(backup.cardStates).sort()).toEqual(["k1", "k2", "k3", "shared", "starter:s2", "starter:shared"]);
    expect(backup.reviewLogs).toHaveLength(7);
    expect(backup.cardStates.k3).toMatchObject({ state: 0, suspended: true });
    expect(backup.cardStates["starter:s2"]!.buriedUntil).toBeInstanceOf(Date);
    expect(backup.settings).toMatchObject({ desiredRetention: 0.87, fuzz: false });
    expect(parseBackup(asUploaded(backup))).toEqual({ ok: true, value: backup });
  });

  it("gives back identical rows after backup, wipe and restore, and leaves the outsider alone", async () => {
    const before = await snapshot(learner);
    const outsiderBefore = await snapshot(outsider);
    const file = asUploaded(await exportBackup(learner, t0));
    await wipe(learner);
    expect((await snapshot(learner)).logs).toHaveLength(0);

    expect(await restoreBackup(learner, file)).toEqual({ ok: true, cards: 6, reviews: 7 });
    expect(await snapshot(learner)).toEqual(before);
    expect(await snapshot(outsider)).toEqual(outsiderBefore);
  });

  it("replaces what is there; a grade from an older screen then counts on top of the restored state", async () => {
    const before = await snapshot(learner);
    const file = asUploaded(await exportBackup(learner, t0));
    const stale = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId: own.k2! } } });
    await grade(learner, own.k2!, 3, new Date(t0.getTime() + 20 * MIN)); // studied on after the backup

    expect((await restoreBackup(learner, file)).ok).toBe(true);
    expect(await snapshot(learner)).toEqual(before);
    const restored = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId: own.k2! } } });
    expect(restored.version).toBeGreaterThan(stale.version + 1);
    // Grades are events replayed over the card's state (docs/scheduling.md, "Reviews as events"):
    // the restore dropped the card's events, so this grade is replayed over the restored state.
    const outcome = await recordGrade(
      learner,
      { cardId: own.k2!, rating: 3, version: stale.version, clientReviewId: "from-old-tab", durationMs: 1 },
      new Date(t0.getTime() + 30 * MIN),
    );
    expect(outcome).toMatchObject({ ok: true });
    const graded = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner.id, cardId: own.k2! } } });
    expect(graded.reps).toBe(restored.reps + 1);
    expect((await restoreBackup(learner, file)).ok).toBe(true); // as it was, for the tests below
    expect(await snapshot(learner)).toEqual(before);
  });

  it("refuses a malformed backup with the JSON path of each problem and writes nothing", async () => {
    const before = await snapshot(learner);
    const file = asUploaded(await exportBackup(learner, t0)) as {
      reviewLogs: Array<Record<string, unknown>>;
      cardStates: Record<string, Record<string, unknown>>;
    };
    file.reviewLogs[2]!.rating = 5;
    file.cardStates["starter:shared"]!.due = "yesterday";
    const result = await restoreBackup(learner, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(['cardStates["starter:shared"].due', "reviewLogs[2].rating"]);
    expect(result.issues.find((i) => i.path === "reviewLogs[2].rating")?.message).toBe(
      "reviewLogs[2].rating: must be 1 (Again) to 4 (Easy)",
    );
    expect(await restoreBackup(learner, { format: "something-else" })).toMatchObject({ ok: false });
    expect(await snapshot(learner)).toEqual(before);
  });

  it("refuses cards the learner cannot read, naming them, and writes nothing", async () => {
    const before = await snapshot(learner);
    const outsiderBefore = await snapshot(outsider);
    // The learner's backup names their own "k1"; in the outsider's hands, "k1" means the outsider's
    // own card, so that part restores there; "k2" exists nowhere the outsider can read.
    const file = asUploaded(await exportBackup(learner, t0));
    const result = await restoreBackup(outsider, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(["cardStates.k2", "cardStates.k3", "cardStates.shared"]);
    expect(await snapshot(outsider)).toEqual(outsiderBefore);
    expect(await snapshot(learner)).toEqual(before);
  });

  it("10.2: refuses a second restore by the same learner while one runs, not another learner's, and frees the slot after", async () => {
    const before = await snapshot(learner);
    const outsiderBefore = await snapshot(outsider);
    const file = asUploaded(await exportBackup(learner, t0));
    const outsiderFile = asUploaded(await exportBackup(outsider, t0));
    const [first, second, theirs] = await Promise.allSettled([
      restoreBackup(learner, file),
      restoreBackup(learner, file),
      restoreBackup(outsider, outsiderFile),
    ]);
    expect(first).toEqual({ status: "fulfilled", value: { ok: true, cards: 6, reviews: 7 } });
    expect(second.status).toBe("rejected");
    if (second.status === "rejected") {
      expect(second.reason).toBeInstanceOf(RestoreRunningError);
      expect((second.reason as Error).message).toBe(
        "A restore is already running for your account; wait for it to finish, then try again if needed.",
      );
    }
    expect(theirs).toMatchObject({ status: "fulfilled", value: { ok: true } });
    expect(await snapshot(learner)).toEqual(before);
    // The outsider's stored "{}" comes back written out as the defaults it stands for.
    const outsiderAfter = await snapshot(outsider);
    expect({ states: outsiderAfter.states, logs: outsiderAfter.logs }).toEqual({
      states: outsiderBefore.states,
      logs: outsiderBefore.logs,
    });
    expect((await exportBackup(outsider, t0)).settings).toEqual((outsiderFile as { settings: unknown }).settings);
    // Finished restores, refused ones included, give the slot back.
    expect(await restoreBackup(learner, { format: "something-else" })).toMatchObject({ ok: false });
    expect(await restoreBackup(learner, file)).toEqual({ ok: true, cards: 6, reviews: 7 });
  });

  it("10.2: a restore that fails part-way through writing leaves every row as it was", async () => {
    const versions = () =>
      prisma.cardState.findMany({ where: { userId: learner.id }, orderBy: { cardId: "asc" }, select: { cardId: true, version: true } });
    const before = await snapshot(learner);
    const versionsBefore = await versions();
    const outsiderBefore = await snapshot(outsider);
    const file = asUploaded(await exportBackup(learner, t0)) as {
      reviewLogs: Array<Record<string, unknown>>;
      settings: Record<string, unknown>;
    };
    file.settings.newPerDay = 1;
    // The last log row is written after every state and every other log row; the trigger makes
    // the database refuse that one row, as a full disk or a vanished card would.
    file.reviewLogs.at(-1)!.durationMs = 424_242;
    await failWrites(database.url, {
      name: "restore_test_failure",
      event: "INSERT",
      table: "ReviewLog",
      message: "injected write failure",
      when: { column: "durationMs", equals: 424_242 },
    });
    try {
      await expect(restoreBackup(learner, file)).rejects.toThrow(/injected write failure/);
    } finally {
      await stopFailing(database.url, "restore_test_failure");
    }
    expect(await snapshot(learner)).toEqual(before);
    expect(await versions()).toEqual(versionsBefore);
    expect(await snapshot(outsider)).toEqual(outsiderBefore);
    // The failed restore did not keep the learner's slot.
    expect((await restoreBackup(learner, asUploaded(await exportBackup(learner, t0)))).ok).toBe(true);
  });

  it("exports the review log as CSV rows of this learner only, oldest first", async () => {
    const rows: CsvReview[] = [];
    for await (const page of reviewLogPages(learner)) rows.push(...page);
    expect(rows).toHaveLength(await prisma.reviewLog.count({ where: { userId: learner.id } }));
    expect(rows.every((r, i) => i === 0 || rows[i - 1]!.review.getTime() <= r.review.getTime())).toBe(true);
    const lines = reviewsToCsv(rows).trimEnd().split("\n");
    expect(lines[0]).toBe(REVIEW_CSV_HEADER);
    // k1's first grade: Good on a new card, the first grade of the run (duration 1001 ms).
    expect(lines).toContain(`${own.k1},${t0.getTime()},3,0,1001`);
    const outsiderIds = new Set([outsiderCard]);
    expect(rows.some((r) => outsiderIds.has(r.cardId))).toBe(false);
  });
});

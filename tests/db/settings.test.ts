// Settings, per-deck overrides and "Optimize my parameters" against a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTempDatabase } from "../support/temp-database.ts";
import { createLearner, importDeck, type TestUser } from "../support/learners.ts";
import { simulateReviews } from "../srs/fixtures/simulated-reviews.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { loadLearnerSettings, saveGeneralSettings, saveDeckOverrides, saveParameters } = await import("@/lib/db/settings.ts");
const { optimizeForLearner } = await import("@/lib/db/optimize.ts");
const { loadSchedulerSettings } = await import("@/lib/db/review/index.ts");
const { DEFAULT_SETTINGS, DEFAULT_PARAMETERS } = await import("@/lib/srs/index.ts");
const { formatJsonPath } = await import("@/lib/errors/index.ts");
const { fieldErrors } = await import("@/app/settings/form-input.ts");

let learner: TestUser;
let outsider: TestUser;
let ownDeckId: string;
let starterDeckId: string;
let outsiderDeckId: string;

const deckOf = async (cardId: string) => (await prisma.card.findUniqueOrThrow({ where: { id: cardId }, select: { deckId: true } })).deckId;
const stored = async (user: TestUser) =>
  prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { schedulerSettings: true, timeZone: true } });

const general = {
  desiredRetention: 0.85,
  newPerDay: 10,
  reviewsPerDay: 150,
  learningSteps: ["1m", "10m", "1h"],
  relearningSteps: ["5m"],
  maximumInterval: 3650,
  fuzz: false,
};

beforeAll(async () => {
  learner = await createLearner("settings@example.com", "Europe/Paris");
  outsider = await createLearner("settings-outsider@example.com");
  ownDeckId = await deckOf((await importDeck(learner.id, "Own", ["o1"]))[0]!);
  starterDeckId = await deckOf((await importDeck("starter", "Starter", ["s1"]))[0]!);
  outsiderDeckId = await deckOf((await importDeck(outsider.id, "Theirs", ["t1"]))[0]!);
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("learner settings", () => {
  it("start from the defaults and offer only decks the learner can read", async () => {
    const loaded = await loadLearnerSettings(learner);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.settings.fuzz).toBe(true);
    expect(loaded.timeZone).toBe("Europe/Paris");
    expect(loaded.decks.map((d) => d.id).sort()).toEqual([ownDeckId, starterDeckId].sort());
  });

  it("saves the general settings and the time zone together", async () => {
    const saved = await saveGeneralSettings(learner, general, "America/Chicago");
    expect(saved.ok).toBe(true);
    expect(await loadSchedulerSettings(learner.id)).toMatchObject(general);
    expect((await stored(learner)).timeZone).toBe("America/Chicago");
  });

  it("refuses invalid values with one issue per field and writes nothing, time zone included", async () => {
    const before = await stored(learner);
    const saved = await saveGeneralSettings(
      learner,
      { ...general, desiredRetention: 1.2, newPerDay: -1, learningSteps: ["1m", "5x"] },
      "Asia/Tokyo",
    );
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.issues.map((i) => i.path).sort()).toEqual(["desiredRetention", "learningSteps[1]", "newPerDay"]);
    expect(fieldErrors(saved.issues, ["desiredRetention", "newPerDay", "learningSteps"] as const)).toEqual({
      desiredRetention: ["must be between 0.70 and 0.99"],
      newPerDay: ["cannot be negative"],
      learningSteps: ['Step 2: must be a whole number followed by m, h or d, like "1m", "6h" or "1d"'],
    });
    expect(await stored(learner)).toEqual(before);
  });

  it("refuses a time zone the server does not know", async () => {
    const before = await stored(learner);
    const saved = await saveGeneralSettings(learner, general, "Mars/Olympus_Mons");
    expect(saved).toMatchObject({ ok: false, issues: [{ path: "timeZone" }] });
    expect(await stored(learner)).toEqual(before);
  });
});

describe("per-deck overrides", () => {
  it("are stored under decks[deckId] for own and starter decks, and survive a save of the general settings", async () => {
    expect((await saveDeckOverrides(learner, ownDeckId, { desiredRetention: 0.95, learningSteps: ["2m"] })).ok).toBe(true);
    expect((await saveDeckOverrides(learner, starterDeckId, { newPerDay: 3 })).ok).toBe(true);
    await saveGeneralSettings(learner, { ...general, newPerDay: 12 }, "America/Chicago");
    const settings = await loadSchedulerSettings(learner.id);
    expect(settings.newPerDay).toBe(12);
    expect(settings.decks).toEqual({ [ownDeckId]: { desiredRetention: 0.95, learningSteps: ["2m"] }, [starterDeckId]: { newPerDay: 3 } });
  });

  it("cannot name another learner's deck, and nothing is written", async () => {
    const before = await stored(learner);
    expect(await saveDeckOverrides(learner, outsiderDeckId, { newPerDay: 1 })).toEqual({ ok: false, notFound: true });
    expect(await saveDeckOverrides(learner, "no-such-deck", { newPerDay: 1 })).toEqual({ ok: false, notFound: true });
    expect(await stored(learner)).toEqual(before);
    expect((await stored(outsider)).schedulerSettings).toEqual({});
  });

  it("refuses invalid overrides with the field named, keeping what was stored", async () => {
    const before = await stored(learner);
    const saved = await saveDeckOverrides(learner, ownDeckId, { desiredRetention: 0.5, newPerDay: 5 });
    expect(saved.ok).toBe(false);
    if (saved.ok || "notFound" in saved) return;
    expect(saved.issues.map((i) => i.path)).toEqual([`${formatJsonPath(["decks", ownDeckId], "(root)")}.desiredRetention`]);
    expect(fieldErrors(saved.issues, ["desiredRetention", "newPerDay"] as const, formatJsonPath(["decks", ownDeckId], "(root)"))).toEqual({
      desiredRetention: ["must be between 0.70 and 0.99"],
    });
    expect(await stored(learner)).toEqual(before);
  });

  it("are removed when cleared, or when every field is left empty", async () => {
    await saveDeckOverrides(learner, ownDeckId, null);
    await saveDeckOverrides(learner, starterDeckId, { newPerDay: undefined });
    expect((await loadSchedulerSettings(learner.id)).decks).toEqual({});
  });
});

describe("optimizing parameters", () => {
  let fresh: TestUser;

  beforeAll(async () => {
    fresh = await createLearner("optimizer@example.com");
  });

  it("says how many more reviews are needed and leaves the settings alone", async () => {
    const cardIds = await importDeck(fresh.id, "Few", ["f1", "f2"]);
    const day = 86_400_000;
    const t0 = Date.parse("2026-03-02T09:00:00Z");
    const log = (cardId: string, at: number, rating: number, state: number) => ({
      userId: fresh.id,
      cardId,
      rating,
      state,
      due: new Date(at),
      stability: 1,
      difficulty: 5,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      review: new Date(at),
    });
    await prisma.reviewLog.createMany({
      data: cardIds.flatMap((id) => [log(id, t0, 3, 0), log(id, t0 + 2 * day, 3, 2), log(id, t0 + 7 * day, 3, 2)]),
    });
    const before = await stored(fresh);
    const result = await optimizeForLearner(fresh);
    // Two cards, two reviews each on a later day: 4 training items of the 400 needed.
    expect(result).toMatchObject({ tooFewReviews: true, needed: 396, items: 4, applied: false });
    expect(await stored(fresh)).toEqual(before);
  });

  it("applies fitted parameters only when they predict this learner's reviews better", async () => {
    const learnerWithHistory = await createLearner("history@example.com");
    const simulated = simulateReviews({ totalReviews: 1500, seed: 7 });
    const simIds = [...new Set(simulated.map((l) => l.cardId))];
    const cardIds = await importDeck(learnerWithHistory.id, "Simulated", simIds);
    const idOf = new Map(simIds.map((s, i) => [s, cardIds[i]!]));
    await prisma.reviewLog.createMany({
      data: simulated.map(({ cardId, ...log }) => ({ ...log, userId: learnerWithHistory.id, cardId: idOf.get(cardId)! })),
    });
    // Another learner's log must play no part: the same cards graded all Again.
    await prisma.reviewLog.createMany({
      data: simulated.map(({ cardId, ...log }) => ({ ...log, rating: 1, userId: outsider.id, cardId: idOf.get(cardId)! })),
    });
    await saveDeckOverrides(learnerWithHistory, await deckOf(cardIds[0]!), { newPerDay: 7 });

    const progress: Array<[number, number]> = [];
    const first = await optimizeForLearner(learnerWithHistory, { onProgress: (done, total) => progress.push([done, total]) });
    expect(first.tooFewReviews).toBe(false);
    if (first.tooFewReviews) return;
    // The simulated learner's memory differs from the defaults, so fitting it wins (as in tests/srs/optimize).
    expect(first.better).toBe(true);
    expect(first.applied).toBe(true);
    expect(first.after.rmse).toBeLessThan(first.before.rmse);
    // Progress is polled every 100 ms, so a run this small may finish before the first report.
    for (const [done, total] of progress) expect(done).toBeLessThanOrEqual(total);
    const settings = await loadSchedulerSettings(learnerWithHistory.id);
    expect(settings.parameters).toEqual(first.parameters);
    expect(settings.parameters).not.toEqual([...DEFAULT_PARAMETERS]);
    expect(Object.values(settings.decks)).toEqual([{ newPerDay: 7 }]);

    // Now the fitted parameters are the current ones: a second fit is kept only if it beats them.
    const second = await optimizeForLearner(learnerWithHistory);
    if (second.tooFewReviews) throw new Error("unexpected");
    expect(second.before.rmse).toBeCloseTo(first.after.rmse, 6);
    expect(second.applied).toBe(second.better);
    expect((await loadSchedulerSettings(learnerWithHistory.id)).parameters).toEqual(second.applied ? second.parameters : first.parameters);
  });

  it("keeps other settings when parameters are saved", async () => {
    await saveGeneralSettings(fresh, general, "UTC");
    const parameters = [...DEFAULT_PARAMETERS].map((w) => Math.round(w * 1000) / 1000);
    expect((await saveParameters(fresh, parameters)).ok).toBe(true);
    expect(await loadSchedulerSettings(fresh.id)).toMatchObject({ ...general, parameters });
  });
});

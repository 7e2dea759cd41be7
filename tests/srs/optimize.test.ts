import { convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { describe, expect, it } from "vitest";
import { reviewsToCsv } from "@/lib/srs/index.ts";
import { MIN_TRAINING_ITEMS, optimizeParameters, relearningStepsInDay } from "@/lib/srs/optimize.ts";
import { trainingData, type OptimizerLog } from "@/lib/srs/optimizer-data.ts";
import { simulateReviews } from "./fixtures/simulated-reviews.ts";

const log = (cardId: string, iso: string, rating: number, state: number): OptimizerLog => ({
  cardId,
  review: new Date(iso),
  rating,
  state,
});

describe("trainingData: review log to optimizer histories", () => {
  it("counts gaps in learner days and predicts only reviews on a later day", () => {
    const data = trainingData([
      log("a", "2026-01-10T09:00:00Z", 3, 0),
      log("a", "2026-01-10T09:10:00Z", 3, 1),
      log("a", "2026-01-12T20:00:00Z", 3, 2),
      log("a", "2026-01-13T03:00:00Z", 1, 2), // 03:00 is still the 12th's learner day
      log("a", "2026-01-13T03:10:00Z", 3, 3),
      log("a", "2026-01-18T09:00:00Z", 4, 2),
    ]);
    expect(data.histories).toEqual([
      {
        cardId: "a",
        reviews: [
          { rating: 3, deltaT: 0 },
          { rating: 3, deltaT: 0 },
          { rating: 3, deltaT: 2 },
          { rating: 1, deltaT: 0 },
          { rating: 3, deltaT: 0 },
          { rating: 4, deltaT: 6 },
        ],
        targets: [2, 5],
      },
    ]);
    expect(data.items).toBe(2);
    expect(data.reviewsUsed).toBe(6);
  });

  it("uses the learner's time zone for the day boundary", () => {
    const logs = [log("a", "2026-01-10T12:00:00Z", 3, 0), log("a", "2026-01-11T07:00:00Z", 3, 2)];
    // 07:00Z is 02:00 in New York: the same learner day as the first review, so no item.
    expect(trainingData(logs, { timeZone: "America/New_York" }).items).toBe(0);
    expect(trainingData(logs, { timeZone: "UTC" }).items).toBe(1);
  });

  it("keeps only the card's last run from learning onwards (after a reset)", () => {
    const data = trainingData([
      log("r", "2026-01-01T09:00:00Z", 3, 0),
      log("r", "2026-01-05T09:00:00Z", 3, 2),
      log("r", "2026-02-01T09:00:00Z", 3, 0), // reset to new, learned again
      log("r", "2026-02-03T09:00:00Z", 2, 2),
    ]);
    expect(data.histories[0]!.reviews).toEqual([
      { rating: 3, deltaT: 0 },
      { rating: 2, deltaT: 2 },
    ]);
  });

  it("leaves out cards whose learning is missing, single reviews, same-day-only cards and manual ratings", () => {
    const data = trainingData([
      log("no-start", "2026-01-01T09:00:00Z", 3, 2),
      log("no-start", "2026-01-09T09:00:00Z", 3, 2),
      log("single", "2026-01-01T09:00:00Z", 3, 0),
      log("same-day", "2026-01-01T09:00:00Z", 3, 0),
      log("same-day", "2026-01-01T09:10:00Z", 3, 1),
      log("manual", "2026-01-01T09:00:00Z", 3, 0),
      log("manual", "2026-01-04T09:00:00Z", 0, 2),
    ]);
    expect(data).toEqual({ histories: [], items: 0, reviewsUsed: 0 });
  });
});

describe("optimizeParameters", () => {
  it("says how many more reviews are needed when there are too few", async () => {
    const logs = simulateReviews({ totalReviews: 300 });
    const { items } = trainingData(logs);
    const result = await optimizeParameters(logs);
    expect(result).toMatchObject({ tooFewReviews: true, needed: MIN_TRAINING_ITEMS - items, items });
    expect(items).toBeGreaterThan(0);
    expect(items).toBeLessThan(MIN_TRAINING_ITEMS);
  });

  it("needs all 400 with no reviews at all", async () => {
    expect(await optimizeParameters([])).toEqual({ tooFewReviews: true, needed: MIN_TRAINING_ITEMS, items: 0, reviewsUsed: 0 });
  });

  it("fits 21 finite parameters to a simulated learner and compares them with the defaults", async () => {
    const logs = simulateReviews({ totalReviews: 1500, seed: 7 });
    const result = await optimizeParameters(logs, { timeZone: "UTC", relearningSteps: ["10m"] });
    expect(result.tooFewReviews).toBe(false);
    if (result.tooFewReviews) return;
    expect(result.parameters).toHaveLength(21);
    expect(result.parameters.every(Number.isFinite)).toBe(true);
    for (const fit of [result.before, result.after]) {
      expect(fit.logLoss).toBeGreaterThan(0);
      expect(fit.rmse).toBeGreaterThanOrEqual(0);
    }
    expect(result.better).toBe(result.after.rmse < result.before.rmse);
    expect(result.items).toBeGreaterThanOrEqual(MIN_TRAINING_ITEMS);
    expect(result.reviewsUsed).toBeLessThanOrEqual(1500);
    // Fitting the simulated learner beats the generic defaults on its own reviews.
    expect(result.better).toBe(true);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(optimizeParameters(simulateReviews({ totalReviews: 1000 }), { signal: controller.signal })).rejects.toThrow();
  });

  it("counts relearning steps within a day as Anki does", () => {
    expect(relearningStepsInDay(["10m"])).toBe(1);
    expect(relearningStepsInDay(["10m", "1h", "1d"])).toBe(2);
    expect(relearningStepsInDay([])).toBe(0);
  });
});

describe("CSV export feeds the binding's own CSV reader", () => {
  it("parses into FSRS items", () => {
    const logs = simulateReviews({ totalReviews: 400, seed: 3 });
    const csv = reviewsToCsv(
      logs.map((l) => ({ cardId: l.cardId, review: l.review, rating: l.rating, state: l.state, durationMs: l.durationMs })),
    );
    const items = convertCsvToFsrsItems(new TextEncoder().encode(csv), 4, "UTC", () => 0);
    // The binding keeps items with any cross-day review in their history, a superset of ours.
    expect(items.length).toBeGreaterThanOrEqual(trainingData(logs).items);
    expect(items.length).toBeGreaterThan(0);
  });
});

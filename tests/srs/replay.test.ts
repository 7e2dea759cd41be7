// The replay rule on its own: events in review-time order (ties by id) over a base, with undo,
// bury and suspend; the states compared with ts-fsrs called directly.
import { describe, expect, it } from "vitest";
import { createEmptyCard, fsrs, GenSeedStrategyWithCardId, Rating, StrategyMode } from "ts-fsrs";
import { DEFAULT_SETTINGS, replayCard, settingsForDeck, type ReplayEvent } from "@/lib/srs/index.ts";

const settings = settingsForDeck({ ...DEFAULT_SETTINGS, fuzz: false }, "deck");
const scheduler = fsrs({ enable_fuzz: false }).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId("card_id"));
const t = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 9, minutes));
const context = { cardId: "card-1", settings, timeZone: "UTC", now: t(120) };
const empty = { schedule: null, buriedUntil: null, suspended: false };
const grade = (id: string, at: Date, rating: number): ReplayEvent => ({ id, kind: "grade", at, rating, durationMs: 1000 });

describe("replayCard", () => {
  it("orders grades by review time, not by arrival", () => {
    const events = [grade("b", t(30), Rating.Again), grade("a", t(0), Rating.Good)];
    const { standing, grades } = replayCard(empty, events, context);
    const first = {
      ...scheduler.next(Object.assign(createEmptyCard(t(0)), { card_id: "card-1" }), t(0), Rating.Good).card,
      card_id: "card-1",
    };
    const second = scheduler.next(first, t(30), Rating.Again).card;
    expect(grades.map((g) => g.eventId)).toEqual(["a", "b"]);
    expect(standing.schedule?.due.toISOString()).toBe(second.due.toISOString());
    expect(standing.schedule?.stability).toBeCloseTo(second.stability, 10);
  });

  it("breaks a tie in time by event id", () => {
    const [x, y] = [grade("x", t(5), Rating.Again), grade("y", t(5), Rating.Easy)];
    expect(replayCard(empty, [y, x], context).grades.map((g) => g.eventId)).toEqual(["x", "y"]);
  });

  it("leaves an undone grade out wherever it sits, and keeps its undo out of the grades", () => {
    const events: ReplayEvent[] = [
      grade("a", t(0), Rating.Good),
      grade("b", t(10), Rating.Good),
      { id: "u", kind: "undo", at: t(20), undoes: "a" },
    ];
    const { standing, grades } = replayCard(empty, events, context);
    const only = scheduler.next(Object.assign(createEmptyCard(t(10)), { card_id: "card-1" }), t(10), Rating.Good).card;
    expect(grades.map((g) => g.eventId)).toEqual(["b"]);
    expect(standing.schedule?.due.toISOString()).toBe(only.due.toISOString());
    expect(replayCard(empty, [grade("a", t(0), 3), { id: "u", kind: "undo", at: t(1), undoes: "a" }], context).standing).toEqual(empty);
  });

  it("buries until the end of the day of the bury, lifts it on a grade, and drops one already over", () => {
    const bury: ReplayEvent = { id: "b", kind: "bury", at: t(100) };
    // The default rollover is 4 a.m. in the learner's zone (UTC here): the next day starts at 4:00.
    expect(replayCard(empty, [bury], context).standing.buriedUntil?.toISOString()).toBe("2026-11-23T04:00:00.000Z");
    expect(replayCard(empty, [bury, grade("g", t(110), 3)], context).standing.buriedUntil).toBeNull();
    expect(replayCard(empty, [bury], { ...context, now: new Date("2026-11-23T05:00:00Z") }).standing.buriedUntil).toBeNull();
  });

  it("starts from the base and applies suspend and unsuspend in order", () => {
    const base = { schedule: null, buriedUntil: null, suspended: true };
    const events: ReplayEvent[] = [
      { id: "1", kind: "unsuspend", at: t(1) },
      { id: "2", kind: "suspend", at: t(2) },
    ];
    expect(replayCard(base, events.slice(0, 1), context).standing.suspended).toBe(false);
    expect(replayCard(base, events, context).standing.suspended).toBe(true);
  });

  it("takes a grade older than the base's last review as made at that review", () => {
    const base = replayCard(empty, [grade("a", t(60), Rating.Good)], context).standing;
    const { grades } = replayCard(base, [grade("late", t(10), Rating.Good)], context);
    expect(grades[0]!.log.review.toISOString()).toBe(t(60).toISOString());
  });

  it("refuses a rating outside 1-4", () => {
    expect(() => replayCard(empty, [grade("a", t(0), 7)], context)).toThrow(/rating 7/);
  });
});

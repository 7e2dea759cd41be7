// "Study N more today" (issue 14): a raise of the new-card limit that lasts until the learner's day
// ends, applied through the settings every queue reads (queueLimits), and dropped after its day.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, parseSettings, queueLimits, settingsAt, withRaisedNew, type SchedulerSettings } from "@/lib/srs/index.ts";

const UNTIL = "2026-03-02T04:00:00.000Z";
const before = new Date("2026-03-02T03:59:59.000Z");
const after = new Date("2026-03-02T04:00:00.000Z");
const withDeckLimit: SchedulerSettings = { ...DEFAULT_SETTINGS, decks: { d1: { newPerDay: 5 }, d2: { newPerDay: 7 } } };

describe("a one-day raise of the new-card limit", () => {
  it("adds to the overall limit and to the raised deck's own limit until the day ends", () => {
    const raised = withRaisedNew(withDeckLimit, { deckId: "d1", extra: 10, until: UNTIL }, before);
    expect(queueLimits(settingsAt(raised, before))).toEqual({
      newPerDay: 30,
      reviewsPerDay: 200,
      decks: { d1: { newPerDay: 15, reviewsPerDay: 200 }, d2: { newPerDay: 7, reviewsPerDay: 200 } },
    });
    expect(queueLimits(settingsAt(raised, after))).toEqual(queueLimits(withDeckLimit));
  });

  it("raises every deck's own limit when asked for all decks", () => {
    const raised = withRaisedNew(withDeckLimit, { deckId: null, extra: 3, until: UNTIL }, before);
    const limits = queueLimits(settingsAt(raised, before));
    expect(limits.newPerDay).toBe(23);
    expect(limits.decks?.d1?.newPerDay).toBe(8);
    expect(limits.decks?.d2?.newPerDay).toBe(10);
  });

  it("adds a second raise of the same deck and day to the first, and forgets raises of past days", () => {
    const yesterday = withRaisedNew(
      DEFAULT_SETTINGS,
      { deckId: "d1", extra: 4, until: "2026-03-01T04:00:00.000Z" },
      new Date("2026-03-01T00:00:00Z"),
    );
    const once = withRaisedNew(yesterday, { deckId: "d1", extra: 10, until: UNTIL }, before);
    const twice = withRaisedNew(once, { deckId: "d1", extra: 5, until: UNTIL }, before);
    expect(twice.raisedNew).toEqual([{ deckId: "d1", extra: 15, until: UNTIL }]);
    expect(settingsAt(twice, before).newPerDay).toBe(35);
  });

  it("survives storage: the stored settings parse back with the raise, and bad raises name the field", () => {
    const raised = withRaisedNew(DEFAULT_SETTINGS, { deckId: null, extra: 20, until: UNTIL }, before);
    const parsed = parseSettings(JSON.parse(JSON.stringify(raised)));
    expect(parsed.ok && parsed.value).toEqual(raised);
    const bad = parseSettings({ raisedNew: [{ deckId: "d1", extra: 0, until: UNTIL }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]?.path).toBe("raisedNew[0].extra");
    const noDate = parseSettings({ raisedNew: [{ deckId: "d1", extra: 2, until: "tonight" }] });
    expect(noDate.ok).toBe(false);
  });

  it("leaves settings without a raise as they are", () => {
    expect(settingsAt(withDeckLimit, before)).toBe(withDeckLimit);
  });
});

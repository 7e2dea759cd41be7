// The device's day: grades computed by lib/srs, bury and undo applied, settings read from the day.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, gradeCard } from "@/lib/srs/index.ts";
import { studyQueue, withPending, buttonIntervals, withStoredEvents, type PendingEvent } from "@/lib/offline-review/index.ts";
import { readDay, readSyncResult } from "@/lib/offline-review/responses.ts";
import { dayCard, NOW, reviewDay } from "./fixtures.ts";

const deviceId = "device-0001";
const grade = (n: number, cardId: string, rating: 1 | 2 | 3 | 4, at: Date): PendingEvent => ({
  event: { id: `00000000-0000-4000-8000-00000000000${n}`, kind: "grade", cardId, rating, durationMs: 1000, at: at.toISOString(), deviceId },
  deckId: "deck-1",
  noteKey: `note-${cardId.slice(5)}`,
  before: { schedule: null, buriedUntil: null, suspended: false },
});

describe("the day on the device", () => {
  const day = reviewDay([dayCard(1), dayCard(2), dayCard(3)]);

  it("shows new cards in position order with the intervals lib/srs gives", () => {
    const local = withPending(day, []);
    const queue = studyQueue(local, NOW);
    expect(queue.items.map((i) => i.cardId)).toEqual(["card-1", "card-2", "card-3"]);
    expect(queue.counts).toEqual({ learning: 0, review: 0, new: 3 });
    expect(buttonIntervals(local, local.cards.get("card-1")!, NOW)).toEqual(["1m", "6m", "10m", "8d"]);
  });

  it("applies a pending grade with ts-fsrs and moves the card out of the way", () => {
    const local = withPending(day, [grade(1, "card-1", 3, NOW)]);
    const expected = gradeCard(null, 3, NOW, DEFAULT_SETTINGS, "card-1").next;
    expect(local.cards.get("card-1")!.schedule).toEqual(expected);
    const queue = studyQueue(local, NOW);
    expect(queue.items[0]!.cardId).toBe("card-2");
    expect(queue.counts).toEqual({ learning: 1, review: 0, new: 2 });
  });

  it("buries until the learner's day ends and undo puts the card back", () => {
    const bury: PendingEvent = {
      event: { id: "00000000-0000-4000-8000-0000000000b1", kind: "bury", cardId: "card-1", at: NOW.toISOString(), deviceId },
      deckId: "deck-1",
      noteKey: "note-1",
      before: { schedule: null, buriedUntil: null, suspended: false },
    };
    const buried = withPending(day, [bury]);
    expect(buried.cards.get("card-1")!.buriedUntil).toEqual(new Date("2026-03-11T04:00:00Z"));
    expect(studyQueue(buried, NOW).items.map((i) => i.cardId)).toEqual(["card-2", "card-3"]);
    const undo: PendingEvent = {
      event: {
        id: "00000000-0000-4000-8000-0000000000c1",
        kind: "undo",
        undoes: bury.event.id,
        cardId: "card-1",
        at: NOW.toISOString(),
        deviceId,
      },
      deckId: "deck-1",
      noteKey: "note-1",
      before: { schedule: null, buriedUntil: "2026-03-11T04:00:00.000Z", suspended: false },
      restore: bury.before,
    };
    expect(studyQueue(withPending(day, [bury, undo]), NOW).items[0]!.cardId).toBe("card-1");
  });

  it("counts stored grades against the new-card limit", () => {
    const limited = { ...reviewDay([dayCard(1), dayCard(2), dayCard(3)]), settings: { newPerDay: 2 } };
    expect(studyQueue(withPending(limited, []), NOW).counts.new).toBe(2);
    const afterOne = withStoredEvents(limited, [grade(1, "card-1", 3, NOW)]);
    expect(afterOne.todayLogs).toHaveLength(1);
    // card-1 is now learning; one new card is left of the two.
    const withGrade = { ...afterOne, cards: afterOne.cards.map((c) => (c.cardId === "card-1" ? { ...c, suspended: true } : c)) };
    expect(studyQueue(withPending(withGrade, []), NOW).counts.new).toBe(1);
  });

  it("reads the settings a checked day carries, with the defaults under them", () => {
    const local = withPending({ ...day, settings: { ...DEFAULT_SETTINGS, newPerDay: 1 } }, []);
    expect(local.settings).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 1 });
    expect(studyQueue(local, NOW).counts.new).toBe(1);
  });
});

describe("the server's answers, checked before the device keeps them", () => {
  const day = reviewDay([dayCard(1)]);

  it("refuses a day whose settings it cannot read, naming the field", () => {
    const read = readDay({ ...day, settings: { newPerDay: -1 } });
    expect(read).toEqual({ ok: false, problem: "settings.newPerDay: cannot be negative" });
  });

  it("fills in the settings' defaults, so the device never parses them again", () => {
    const read = readDay({ ...day, settings: { newPerDay: 5 } });
    expect(read.ok && read.value.settings).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 5 });
  });

  it("names where a day is malformed", () => {
    const read = readDay({ ...day, cards: [{ ...dayCard(1), frontHtml: 7 }] });
    expect(read.ok ? "" : read.problem).toMatch(/^cards\[0\]\.frontHtml: /);
  });

  it("refuses a sync result that is not one", () => {
    expect(readSyncResult({ accepted: [] }).ok).toBe(false);
  });
});

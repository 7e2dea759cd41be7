// Deck counts with the daily limits applied, as lib/srs/queue.ts applies them (Anki's v3 rules:
// new cards count against the review limit too; a deck's own limits sit under the overall ones).
import { describe, expect, it } from "vitest";
import { deckToday, totalToday } from "@/lib/decks/index.ts";
import type { QueueLimits, TodayActivity } from "@/lib/srs/index.ts";

const limits: QueueLimits = { newPerDay: 20, reviewsPerDay: 200, decks: { small: { newPerDay: 5 } } };
const fresh: TodayActivity = { newIntroduced: 0, reviewsDone: 0, byDeck: {}, reviewedNoteKeys: [] };
const waiting = (deckId: string, unstudied: number, review = 0, learning = 0) => ({ deckId, unstudied, review, learning });

describe("deckToday", () => {
  it.each([
    ["a deck under its limits shows everything", waiting("d", 3, 4, 1), fresh, { new: 3, review: 4, learning: 1, held: null }],
    [
      "66 cards just imported show the 20 of today's new-card limit, and why",
      waiting("d", 66),
      fresh,
      { new: 20, review: 0, learning: 0, held: { kind: "new", scope: "all", perDay: 20, waiting: 46 } },
    ],
    [
      "after 20 new cards today nothing new is left",
      waiting("d", 46),
      { ...fresh, newIntroduced: 20, byDeck: { d: { newIntroduced: 20, reviewsDone: 0 } } },
      { new: 0, held: { kind: "new", scope: "all", perDay: 20, waiting: 46 } },
    ],
    [
      "a deck's own new-card limit holds before the overall one",
      waiting("small", 30),
      fresh,
      { new: 5, held: { kind: "new", scope: "deck", perDay: 5, waiting: 25 } },
    ],
    [
      "a full review load leaves no room for new cards",
      waiting("d", 10, 250),
      fresh,
      { new: 0, review: 200, held: { kind: "review", scope: "all", perDay: 200, waiting: 50 } },
    ],
  ])("%s", (_name, deck, today, expected) => {
    expect(deckToday(deck, limits, today)).toMatchObject(expected);
  });
});

describe("totalToday", () => {
  it("caps the sum of the decks by the overall limits they share", () => {
    // Each deck alone is within the limit of 20 new cards a day; together they are not.
    const decks = [deckToday(waiting("a", 15, 2), limits, fresh), deckToday(waiting("b", 15, 3, 2), limits, fresh)];
    expect(totalToday(decks, limits, fresh)).toEqual({
      new: 20,
      learning: 2,
      review: 5,
      held: { kind: "new", scope: "all", perDay: 20, waiting: 10 },
    });
  });

  it("names no limit when every waiting card fits in the day", () => {
    const decks = [deckToday(waiting("a", 5, 2), limits, fresh)];
    expect(totalToday(decks, limits, fresh).held).toBeNull();
  });
});

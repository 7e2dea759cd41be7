import { describe, expect, it } from "vitest";
import {
  activityToday,
  buildQueue,
  DEFAULT_SETTINGS,
  gradeCard,
  learnerDay,
  type QueueCandidate,
  type QueueInput,
  type SchedulingState,
  type TodayActivity,
} from "@/lib/srs/index.ts";

const NOW = new Date("2026-05-10T12:00:00Z");
const DAY = learnerDay(NOW, "UTC"); // 2026-05-10T04:00Z .. 2026-05-11T04:00Z
const MIN = 60_000;
const H = 60 * MIN;

function state(code: number, due: Date, extra: Partial<SchedulingState> = {}): SchedulingState {
  return {
    due,
    stability: code === 0 ? 0 : 5,
    difficulty: code === 0 ? 0 : 5,
    elapsedDays: 0,
    scheduledDays: code === 2 ? 5 : 0,
    learningSteps: 0,
    reps: code === 0 ? 0 : 3,
    lapses: 0,
    state: code,
    lastReview: code === 0 ? null : new Date(due.getTime() - 5 * 24 * H),
    ...extra,
  };
}
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const review = (cardId: string, dueOffset: number, more: Partial<QueueCandidate> = {}): QueueCandidate => ({
  cardId,
  deckId: "iam",
  noteKey: `note-${cardId}`,
  state: state(2, at(dueOffset)),
  ...more,
});
const learning = (cardId: string, dueOffset: number, more: Partial<QueueCandidate> = {}): QueueCandidate => ({
  cardId,
  deckId: "iam",
  noteKey: `note-${cardId}`,
  state: state(1, at(dueOffset)),
  ...more,
});
const fresh = (cardId: string, more: Partial<QueueCandidate> = {}): QueueCandidate => ({
  cardId,
  deckId: "iam",
  noteKey: `note-${cardId}`,
  state: null,
  ...more,
});
const nothingToday: TodayActivity = { newIntroduced: 0, reviewsDone: 0, reviewedNoteKeys: [] };

function queue(candidates: QueueCandidate[], over: Partial<QueueInput> = {}) {
  return buildQueue({ candidates, now: NOW, day: DAY, limits: { newPerDay: 20, reviewsPerDay: 200 }, today: nothingToday, ...over });
}
const ids = (q: ReturnType<typeof queue>) => q.items.map((i) => i.cardId);

describe("queue order", () => {
  it("learning due now, then reviews (most overdue first), then new cards, then learn-ahead", () => {
    const q = queue([
      fresh("n1", { position: 2 }),
      review("r-today", 6 * H),
      learning("l-ahead", 15 * MIN),
      review("r-overdue", -3 * 24 * H),
      fresh("n0", { position: 1 }),
      learning("l-now-2", -1 * MIN),
      review("r-yesterday", -20 * H),
      learning("l-now-1", -30 * MIN),
      learning("l-later", 2 * H),
      review("r-tomorrow", 17 * H),
    ]);
    expect(ids(q)).toEqual(["l-now-1", "l-now-2", "r-overdue", "r-yesterday", "r-today", "n0", "n1", "l-ahead"]);
    expect(q.items.map((i) => i.kind)).toEqual(["learning", "learning", "review", "review", "review", "new", "new", "learning"]);
    expect(q.counts).toEqual({ learning: 4, review: 3, new: 2 });
    expect(q.nextLearningDue).toEqual(at(15 * MIN));
    expect(q.items.find((i) => i.kind === "new")!.due).toBeNull();
  });

  it("keeps new cards in input order when no positions are given", () => {
    expect(ids(queue([fresh("c"), fresh("a"), fresh("b")]))).toEqual(["c", "a", "b"]);
  });

  it("treats a stored state-0 row as a new card", () => {
    const q = queue([{ cardId: "s0", deckId: "iam", noteKey: "k", state: state(0, at(-H)) }]);
    expect(q.items.map((i) => [i.cardId, i.kind])).toEqual([["s0", "new"]]);
  });
});

describe("learn-ahead", () => {
  const cases: Array<{ name: string; due: number; inQueue: boolean; learnAheadMinutes?: number }> = [
    { name: "due a minute ago", due: -MIN, inQueue: true },
    { name: "due in 19 minutes (inside 20)", due: 19 * MIN, inQueue: true },
    { name: "due in exactly 20 minutes", due: 20 * MIN, inQueue: true },
    { name: "due in 21 minutes", due: 21 * MIN, inQueue: false },
    { name: "due in 10 minutes with learn-ahead off", due: 10 * MIN, inQueue: false, learnAheadMinutes: 0 },
  ];
  for (const c of cases) {
    it(`a learning card ${c.name} ${c.inQueue ? "is" : "is not"} shown`, () => {
      const q = queue([learning("l", c.due)], c.learnAheadMinutes === undefined ? {} : { learnAheadMinutes: c.learnAheadMinutes });
      expect(ids(q)).toEqual(c.inQueue ? ["l"] : []);
      expect(q.counts.learning).toBe(1);
    });
  }

  it("does not count a learning step that falls after the end of the day", () => {
    const q = queue([learning("late", 17 * H)]);
    expect(q.counts.learning).toBe(0);
    expect(q.nextLearningDue).toBeNull();
  });
});

describe("a card rated Again comes back in the same session", () => {
  const settings = { ...DEFAULT_SETTINGS, fuzz: false };
  const lapsed = gradeCard(
    state(2, at(-H), { stability: 10, difficulty: 5, scheduledDays: 10, lastReview: at(-10 * 24 * H - H) }),
    1,
    NOW,
    settings,
    "x",
  ).next;
  const others = [review("r1", -2 * H), review("r2", -H)];
  const withLapse = (): QueueCandidate[] => [{ cardId: "x", deckId: "iam", noteKey: "note-x", state: lapsed }, ...others];
  const reviewedToday: TodayActivity = { newIntroduced: 0, reviewsDone: 1, reviewedNoteKeys: ["note-x"] };

  it("is in relearning, due after its 10-minute step", () => {
    expect(lapsed.state).toBe(3);
    expect(lapsed.due).toEqual(at(10 * MIN));
  });

  it("waits behind the other reviews while its step is not due", () => {
    const q = buildQueue({
      candidates: withLapse(),
      now: at(MIN),
      day: DAY,
      limits: { newPerDay: 20, reviewsPerDay: 200 },
      today: reviewedToday,
    });
    expect(ids(q)).toEqual(["r1", "r2", "x"]);
  });

  it("comes first once its step is due", () => {
    const q = buildQueue({
      candidates: withLapse(),
      now: at(10 * MIN),
      day: DAY,
      limits: { newPerDay: 20, reviewsPerDay: 200 },
      today: reviewedToday,
    });
    expect(ids(q)).toEqual(["x", "r1", "r2"]);
    expect(q.items[0]!.kind).toBe("learning");
  });
});

describe("daily limits", () => {
  const many = (prefix: string, n: number, make: (id: string, i: number) => QueueCandidate) =>
    Array.from({ length: n }, (_, i) => make(`${prefix}${i}`, i));

  it("introduces only what is left of the new-card limit", () => {
    const q = queue(
      many("n", 10, (id) => fresh(id)),
      {
        limits: { newPerDay: 5, reviewsPerDay: 200 },
        today: { newIntroduced: 2, reviewsDone: 0, reviewedNoteKeys: [] },
      },
    );
    expect(ids(q)).toEqual(["n0", "n1", "n2"]);
    expect(q.counts.new).toBe(3);
  });

  it("caps reviews at what is left of the review limit, most overdue kept", () => {
    const q = queue(
      many("r", 10, (id, i) => review(id, -i * H)),
      {
        limits: { newPerDay: 20, reviewsPerDay: 5 },
        today: { newIntroduced: 0, reviewsDone: 2, reviewedNoteKeys: [] },
      },
    );
    expect(ids(q)).toEqual(["r9", "r8", "r7"]);
  });

  it("counts new cards against the review limit, as Anki does", () => {
    const q = queue([...many("r", 8, (id) => review(id, -H)), ...many("n", 5, (id) => fresh(id))], {
      limits: { newPerDay: 20, reviewsPerDay: 10 },
    });
    expect(q.counts).toEqual({ learning: 0, review: 8, new: 2 });
  });

  it("never limits (re)learning cards", () => {
    const q = queue(
      many("l", 6, (id) => learning(id, -MIN)),
      { limits: { newPerDay: 0, reviewsPerDay: 0 } },
    );
    expect(q.items).toHaveLength(6);
  });

  it("applies per-deck limits on top of the overall ones", () => {
    const candidates = [
      ...many("sts-n", 4, (id) => fresh(id, { deckId: "sts" })),
      ...many("iam-n", 4, (id) => fresh(id, { deckId: "iam" })),
      ...many("sts-r", 4, (id, i) => review(id, -i * H - H, { deckId: "sts" })),
      ...many("iam-r", 2, (id) => review(id, -H, { deckId: "iam" })),
    ];
    const q = queue(candidates, {
      limits: { newPerDay: 4, reviewsPerDay: 200, decks: { sts: { newPerDay: 2, reviewsPerDay: 3 } } },
      today: { newIntroduced: 1, reviewsDone: 1, byDeck: { sts: { newIntroduced: 1, reviewsDone: 1 } }, reviewedNoteKeys: [] },
    });
    const sts = q.items.filter((i) => i.deckId === "sts");
    // sts: 3 reviews allowed, 1 done and 1 new introduced today -> 1 slot left, taken by its most overdue review.
    expect(sts.map((i) => i.cardId)).toEqual(["sts-r3"]);
    // Overall: 4 new per day, 1 introduced -> 3 new, all from iam since sts has no room.
    expect(q.items.filter((i) => i.kind === "new").map((i) => i.cardId)).toEqual(["iam-n0", "iam-n1", "iam-n2"]);
    expect(q.counts).toEqual({ learning: 0, review: 3, new: 3 });
  });

  it("gives a deck with its own new-card limit no more than that", () => {
    const q = queue([...many("a", 5, (id) => fresh(id, { deckId: "a" })), ...many("b", 5, (id) => fresh(id, { deckId: "b" }))], {
      limits: { newPerDay: 6, reviewsPerDay: 200, decks: { a: { newPerDay: 2 } } },
    });
    expect(ids(q)).toEqual(["a0", "a1", "b0", "b1", "b2", "b3"]);
  });
});

describe("siblings are not shown on the same day", () => {
  it("shows only the most overdue of two sibling reviews", () => {
    const q = queue([review("a", -H, { noteKey: "n" }), review("b", -5 * H, { noteKey: "n" }), review("c", -2 * H)]);
    expect(ids(q)).toEqual(["b", "c"]);
  });

  it("leaves a sibling of a card reviewed today for another day", () => {
    const q = queue([review("a", -H, { noteKey: "n" }), fresh("b", { noteKey: "n" }), fresh("c")], {
      today: { newIntroduced: 0, reviewsDone: 1, reviewedNoteKeys: new Set(["n"]) },
    });
    expect(ids(q)).toEqual(["c"]);
  });

  it("skips a new card whose sibling review is already queued", () => {
    expect(ids(queue([fresh("new-sib", { noteKey: "n" }), review("rev-sib", -H, { noteKey: "n" })]))).toEqual(["rev-sib"]);
  });

  it("keeps a sibling of a learning card out, but still shows the learning card", () => {
    const q = queue([learning("l", -MIN, { noteKey: "n" }), review("r", -H, { noteKey: "n" }), fresh("f", { noteKey: "n" })]);
    expect(ids(q)).toEqual(["l"]);
  });

  it("does not spend limits on skipped siblings", () => {
    const q = queue([fresh("a", { noteKey: "n" }), fresh("b", { noteKey: "n" }), fresh("c")], {
      limits: { newPerDay: 2, reviewsPerDay: 200 },
    });
    expect(ids(q)).toEqual(["a", "c"]);
  });
});

describe("suspended and buried cards", () => {
  it("hides suspended cards and cards buried until later", () => {
    const q = queue([
      review("s", -H, { suspended: true }),
      review("b", -H, { buriedUntil: DAY.end }),
      review("unburied", -H, { buriedUntil: at(-MIN) }),
      learning("lb", -MIN, { buriedUntil: DAY.end }),
      fresh("nb", { buriedUntil: DAY.end }),
    ]);
    expect(ids(q)).toEqual(["unburied"]);
    expect(q.counts).toEqual({ learning: 0, review: 1, new: 0 });
  });
});

describe("activityToday", () => {
  it("counts new cards introduced, reviews done, per deck, and notes touched, within the day only", () => {
    const activity = activityToday(
      [
        { deckId: "iam", noteKey: "n1", state: 0, review: at(-H) },
        { deckId: "iam", noteKey: "n1", state: 1, review: at(-50 * MIN) },
        { deckId: "sts", noteKey: "n2", state: 2, review: at(-2 * H) },
        { deckId: "sts", noteKey: "n3", state: 3, review: at(-2 * H) },
        { deckId: "sts", noteKey: "n4", state: 2, review: new Date(DAY.start.getTime() - 1) },
      ],
      DAY,
    );
    expect(activity.newIntroduced).toBe(1);
    expect(activity.reviewsDone).toBe(1);
    expect(activity.byDeck).toEqual({ iam: { newIntroduced: 1, reviewsDone: 0 }, sts: { newIntroduced: 0, reviewsDone: 1 } });
    expect([...activity.reviewedNoteKeys].sort()).toEqual(["n1", "n2", "n3"]);
  });
});

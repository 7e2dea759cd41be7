import { describe, expect, it } from "vitest";
import {
  createEmptyCard,
  fsrs,
  GenSeedStrategyWithCardId,
  Rating as FsrsRating,
  StrategyMode,
  type Card,
  type Grade as FsrsGrade,
} from "ts-fsrs";
import {
  DEFAULT_SETTINGS,
  gradeCard,
  previewGrades,
  retrievability,
  undoGrade,
  type CardSettings,
  type Rating,
  type SchedulingState,
} from "@/lib/srs/index.ts";

const noFuzz: CardSettings = { ...DEFAULT_SETTINGS, fuzz: false };
const at = (iso: string) => new Date(iso);
const MIN = 60_000;
const DAY = 86_400_000;

// A learner's history for one card: first seen, a lapse after two months, relearned, reviewed on.
const SEQUENCE: Array<{ at: string; rating: Rating }> = [
  { at: "2026-01-05T09:00:00Z", rating: 3 },
  { at: "2026-01-05T09:10:00Z", rating: 3 },
  { at: "2026-01-07T18:30:00Z", rating: 3 },
  { at: "2026-01-20T07:45:00Z", rating: 2 },
  { at: "2026-03-01T12:00:00Z", rating: 1 },
  { at: "2026-03-01T12:11:00Z", rating: 3 },
  { at: "2026-03-04T08:00:00Z", rating: 4 },
  { at: "2026-04-10T21:15:00Z", rating: 3 },
];

function replayDirect(params: Parameters<typeof fsrs>[0], cardId: string, seeded: boolean) {
  const f = fsrs(params);
  if (seeded) f.useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId("card_id"));
  let card: Card & { card_id: string } = { ...createEmptyCard(at(SEQUENCE[0]!.at)), card_id: cardId };
  const out: Card[] = [];
  for (const step of SEQUENCE) {
    const { card: next } = f.next(card, at(step.at), step.rating as FsrsGrade);
    out.push(next);
    card = { ...next, card_id: cardId };
  }
  return out;
}

function replayOurs(settings: CardSettings, cardId: string) {
  let state: SchedulingState | null = null;
  const out: SchedulingState[] = [];
  for (const step of SEQUENCE) {
    state = gradeCard(state, step.rating, at(step.at), settings, cardId).next;
    out.push(state);
  }
  return out;
}

describe("grading matches ts-fsrs called directly", () => {
  it("with fuzz off: same due, stability and difficulty at every step", () => {
    const direct = replayDirect(
      { enable_fuzz: false, request_retention: 0.9, maximum_interval: 36500, learning_steps: ["1m", "10m"], relearning_steps: ["10m"] },
      "card-1",
      false,
    );
    const ours = replayOurs(noFuzz, "card-1");
    expect(ours).toHaveLength(direct.length);
    ours.forEach((state, i) => {
      const expected = direct[i]!;
      expect(state.due.toISOString(), `step ${i}`).toBe(expected.due.toISOString());
      expect(state.stability).toBe(expected.stability);
      expect(state.difficulty).toBe(expected.difficulty);
      expect(state).toEqual({
        due: expected.due,
        stability: expected.stability,
        difficulty: expected.difficulty,
        elapsedDays: expected.elapsed_days,
        scheduledDays: expected.scheduled_days,
        learningSteps: expected.learning_steps,
        reps: expected.reps,
        lapses: expected.lapses,
        state: expected.state,
        lastReview: expected.last_review ?? null,
      });
    });
    // The sequence really exercises learning, review, a lapse and relearning.
    expect(ours.map((s) => s.state)).toEqual([1, 2, 2, 2, 3, 2, 2, 2]);
    expect(ours.at(-1)!.lapses).toBe(1);
  });

  it("with fuzz on and the card-id seed: same result as ts-fsrs with GenSeedStrategyWithCardId", () => {
    const direct = replayDirect({ enable_fuzz: true }, "cmabc123", true);
    const ours = replayOurs({ ...DEFAULT_SETTINGS }, "cmabc123");
    ours.forEach((state, i) => expect(state.due.toISOString(), `step ${i}`).toBe(direct[i]!.due.toISOString()));
  });

  it("honours desired retention, steps, maximum interval and custom parameters like ts-fsrs", () => {
    const w = [0.3, 1.1, 2.9, 9.5, 6.2, 0.8, 2.8, 0.01, 1.7, 0.15, 0.8, 1.5, 0.06, 0.27, 1.6, 0.55, 1.9, 0.5, 0.1, 0.06, 0.2];
    const settings: CardSettings = {
      desiredRetention: 0.8,
      learningSteps: ["5m"],
      relearningSteps: [],
      maximumInterval: 30,
      fuzz: false,
      parameters: w,
    };
    const direct = replayDirect(
      { request_retention: 0.8, learning_steps: ["5m"], relearning_steps: [], maximum_interval: 30, enable_fuzz: false, w },
      "x",
      false,
    );
    const ours = replayOurs(settings, "x");
    ours.forEach((state, i) => {
      expect(state.due.getTime(), `step ${i}`).toBe(direct[i]!.due.getTime());
      expect(state.stability).toBe(direct[i]!.stability);
      expect(state.difficulty).toBe(direct[i]!.difficulty);
      // ts-fsrs keeps Easy at least a day beyond Good, even past the maximum interval.
      expect(state.scheduledDays).toBeLessThanOrEqual(state.state === 2 ? 31 : 0);
    });
  });
});

describe("previewGrades", () => {
  const now = at("2026-05-01T10:00:00Z");

  it("labels each grade of a new card with the learning steps", () => {
    const preview = previewGrades(null, now, noFuzz, "n1");
    expect(preview.map((p) => [p.name, p.rating, p.interval, p.next.state])).toEqual([
      ["Again", 1, "1m", 1],
      ["Hard", 2, "6m", 1],
      ["Good", 3, "10m", 1],
      ["Easy", 4, "8d", 2],
    ]);
  });

  it("agrees with what grading then does, fuzz included", () => {
    const state = gradeCard(
      gradeCard(null, 3, at("2026-04-01T10:00:00Z"), DEFAULT_SETTINGS, "p1").next,
      3,
      at("2026-04-01T10:10:00Z"),
      DEFAULT_SETTINGS,
      "p1",
    ).next;
    const later = at("2026-04-20T10:00:00Z");
    const preview = previewGrades(state, later, DEFAULT_SETTINGS, "p1");
    for (const p of preview) {
      expect(gradeCard(state, p.rating, later, DEFAULT_SETTINGS, "p1").next).toEqual(p.next);
    }
    expect(preview[0].interval).toBe("10m");
    expect(preview[3].next.scheduledDays).toBeGreaterThan(preview[2].next.scheduledDays);
    expect(preview[2].next.scheduledDays).toBeGreaterThan(preview[1].next.scheduledDays);
  });
});

describe("fuzz is deterministic per card", () => {
  const first = at("2026-01-01T09:00:00Z");
  const review = (cardId: string) => {
    let s = gradeCard(null, 3, first, DEFAULT_SETTINGS, cardId).next;
    s = gradeCard(s, 3, new Date(first.getTime() + 10 * MIN), DEFAULT_SETTINGS, cardId).next;
    return gradeCard(s, 3, new Date(first.getTime() + 40 * DAY), DEFAULT_SETTINGS, cardId);
  };

  it("a retried grade computes exactly the same state and log", () => {
    expect(review("card-42")).toEqual(review("card-42"));
  });

  it("different cards spread over the fuzz range", () => {
    const dues = new Set(Array.from({ length: 12 }, (_, i) => review(`card-${i}`).next.due.getTime()));
    expect(dues.size).toBeGreaterThan(1);
  });
});

describe("the review log", () => {
  it("records the rating, the state before the grade and the review time", () => {
    const now = at("2026-02-02T08:00:00Z");
    const { next, log } = gradeCard(null, 2, now, noFuzz, "l1");
    expect(log).toEqual({
      rating: 2,
      state: 0,
      due: now,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      review: now,
    });
    expect(next.reps).toBe(1);
    expect(next.lastReview).toEqual(now);
  });

  it("refuses a rating outside 1-4 and an invalid date", () => {
    expect(() => gradeCard(null, 0 as Rating, new Date(), noFuzz, "x")).toThrow(/rating/);
    expect(() => gradeCard(null, 3, new Date("nope"), noFuzz, "x")).toThrow(/valid Date/);
  });
});

describe("undoGrade", () => {
  function history(ratings: Array<[string, Rating]>) {
    let state: SchedulingState | null = null;
    const states: Array<SchedulingState | null> = [null];
    for (const [time, rating] of ratings) {
      state = gradeCard(state, rating, at(time), DEFAULT_SETTINGS, "u1").next;
      states.push(state);
    }
    return states;
  }
  const path: Array<[string, Rating]> = [
    ["2026-01-05T09:00:00Z", 3],
    ["2026-01-05T09:10:00Z", 3],
    ["2026-01-08T09:00:00Z", 3],
    ["2026-01-20T09:00:00Z", 1],
  ];
  const states = history(path);

  const exactCases: Array<{ name: string; before: SchedulingState | null; at: string; rating: Rating }> = [
    { name: "a new card's first grade", before: null, at: "2026-01-05T09:00:00Z", rating: 3 },
    { name: "Good on a review card", before: states[3]!, at: "2026-01-20T09:00:00Z", rating: 3 },
    { name: "Again on a review card (a lapse)", before: states[3]!, at: "2026-01-20T09:00:00Z", rating: 1 },
    { name: "Easy on an overdue review card", before: states[3]!, at: "2026-06-01T09:00:00Z", rating: 4 },
  ];
  for (const c of exactCases) {
    it(`restores the exact prior state after ${c.name}`, () => {
      const now = at(c.at);
      const { next, log } = gradeCard(c.before, c.rating, now, DEFAULT_SETTINGS, "u1");
      const undone = undoGrade(next, log);
      if (c.before) expect(undone).toEqual(c.before);
      // A card that was new comes back as a state-0 card due when it was first shown.
      else
        expect(undone).toEqual({
          due: now,
          stability: 0,
          difficulty: 0,
          elapsedDays: 0,
          scheduledDays: 0,
          learningSteps: 0,
          reps: 0,
          lapses: 0,
          state: 0,
          lastReview: null,
        });
    });
  }

  it("restores a learning card's memory and step, due at the time it was answered", () => {
    const before = states[1]!;
    const now = at("2026-01-05T09:10:00Z");
    const { next, log } = gradeCard(before, 1, now, DEFAULT_SETTINGS, "u1");
    const undone = undoGrade(next, log);
    expect({ ...undone, due: before.due }).toEqual(before);
    expect(undone.due).toEqual(now);
  });

  it("undoes a lapse's lapse count and relearning state", () => {
    const after = states[4]!;
    expect(after.state).toBe(3);
    expect(after.lapses).toBe(1);
    const { log } = gradeCard(states[3]!, 1, at("2026-01-20T09:00:00Z"), DEFAULT_SETTINGS, "u1");
    const undone = undoGrade(after, log);
    expect(undone.lapses).toBe(0);
    expect(undone.state).toBe(2);
  });
});

describe("retrievability", () => {
  it("is 0 for a new card, about 0.9 when a review falls due at 90% retention, lower later", () => {
    expect(retrievability(null, new Date(), noFuzz)).toBe(0);
    let state = gradeCard(null, 3, at("2026-01-01T09:00:00Z"), noFuzz, "r").next;
    state = gradeCard(state, 3, at("2026-01-01T09:10:00Z"), noFuzz, "r").next;
    state = gradeCard(state, 3, state.due, noFuzz, "r").next;
    const dueR = retrievability(state, state.due, noFuzz);
    expect(dueR).toBeGreaterThan(0.86);
    expect(dueR).toBeLessThan(0.94);
    const later = retrievability(state, new Date(state.due.getTime() + 60 * DAY), noFuzz);
    expect(later).toBeLessThan(dueR);
    expect(retrievability(state, state.lastReview!, noFuzz)).toBe(1);
  });
});

describe("ts-fsrs enum values line up with ours", () => {
  it("Again..Easy are 1..4", () => {
    expect([FsrsRating.Again, FsrsRating.Hard, FsrsRating.Good, FsrsRating.Easy]).toEqual([1, 2, 3, 4]);
  });
});

// A note's review history (Logseq card-* properties, Obsidian SR <!--SR:...--> comments) as an FSRS state.
// Sources for the expected values:
// - fsrs-rs, src/inference.rs, FSRS::memory_state_from_sm2 (the SM-2 -> FSRS bridge Anki uses):
//   S = interval * factor / (r^(-1/decay) - 1), D = 11 - (ease - 1) / (e^w8 * S^-w9 * (e^((1-r)*w10) - 1)).
// - fsrs4anki wiki, "ABC of FSRS": stability is the time for recall to fall from 100% to 90%.
// - Logseq, src/main/frontend/extensions/srs.cljs: ease 2.5 when absent; a score below 3 resets the
//   interval to -1 and schedules the card at once.
// - obsidian-spaced-repetition, docs "Data Storage": <!--SR:!2024-08-16,51,230--> is due date, interval
//   in days, ease in percent.
// Numbers below use ts-fsrs 5's default FSRS-6 parameters (w8 = 1.8722, w9 = 0.1666, w10 = 0.796).
import { describe, expect, it } from "vitest";
import {
  CardStateCode,
  convertHistory,
  DEFAULT_SETTINGS,
  difficultyFromEase,
  gradeCard,
  stabilityFromInterval,
  stateFromHistory,
  DEFAULT_PARAMETERS,
  type CardSettings,
} from "@/lib/srs/index.ts";
import type { ReviewHistory } from "@/lib/notes/types.ts";

const now = new Date("2024-03-10T12:00:00Z");
const at = (iso: string) => new Date(iso);
const noFuzz: CardSettings = { ...DEFAULT_SETTINGS, fuzz: false };

describe("stabilityFromInterval and difficultyFromEase", () => {
  it.each([
    // [interval, ease, stability, difficulty]
    [12, 2.5, 12, 6.788],
    [51, 2.3, 51, 6.3546],
    [4, 2.5, 4, 7.4925],
    [100, 2.5, 100, 5.0036],
    [30, 3.0, 30, 4.4579],
  ])("an interval of %s days at ease %s gives S = %s, D = %s", (interval, ease, stability, difficulty) => {
    const s = stabilityFromInterval(interval, DEFAULT_PARAMETERS);
    expect(s).toBeCloseTo(stability, 6);
    expect(difficultyFromEase(ease, s, DEFAULT_PARAMETERS)).toBeCloseTo(difficulty, 3);
  });

  it("gives a stability above the interval when the old scheduler is taken to have kept more than 90%", () => {
    expect(stabilityFromInterval(10, DEFAULT_PARAMETERS, 0.95)).toBeGreaterThan(10);
    expect(stabilityFromInterval(10, DEFAULT_PARAMETERS, 0.85)).toBeLessThan(10);
  });

  it("clamps to ts-fsrs's ranges: stability at least 0.001 days, difficulty within 1..10", () => {
    expect(stabilityFromInterval(0.00001, DEFAULT_PARAMETERS)).toBeCloseTo(0.001, 6);
    expect(difficultyFromEase(1.3, 3, DEFAULT_PARAMETERS)).toBe(10); // 10.33 before clamping
    expect(difficultyFromEase(20, 3, DEFAULT_PARAMETERS)).toBe(1);
  });
});

describe("convertHistory", () => {
  const cases: Array<{ name: string; history: ReviewHistory; expected: Record<string, unknown> }> = [
    {
      name: "Obsidian SR <!--SR:!2024-03-05,12,250-->: review, due on its date, last review 12 days before",
      history: { source: "obsidian-sr", due: "2024-03-05", interval: 12, ease: 250 },
      expected: {
        state: CardStateCode.Review,
        due: at("2024-03-05T00:00:00Z"),
        lastReview: at("2024-02-22T00:00:00Z"),
        stability: expect.closeTo(12, 9),
        scheduledDays: 12,
        reps: 1,
        lapses: 0,
        learningSteps: 0,
      },
    },
    {
      name: "Logseq card remembered (score 5): reps from card-repeats, dates as written",
      history: {
        source: "logseq",
        interval: 10.24,
        repeats: 4,
        ease: 2.6,
        due: "2024-03-12T08:30:00.000Z",
        lastReviewed: "2024-03-02T02:44:24.000Z",
        lastScore: 5,
      },
      expected: {
        state: CardStateCode.Review,
        due: at("2024-03-12T08:30:00.000Z"),
        lastReview: at("2024-03-02T02:44:24.000Z"),
        stability: expect.closeTo(10.24, 9),
        scheduledDays: 10,
        reps: 4,
      },
    },
    {
      name: "Logseq card without card-last-reviewed: last review = due - interval",
      history: { source: "logseq", interval: 4, repeats: 1, due: "2024-03-08T10:00:00Z" },
      expected: { state: CardStateCode.Review, lastReview: at("2024-03-04T10:00:00Z"), reps: 1, stability: expect.closeTo(4, 9) },
    },
    {
      name: "Logseq card without card-next-schedule: due = last review + interval",
      history: { source: "logseq", interval: 6, repeats: 2, ease: 2.5, lastReviewed: "2024-03-01T09:00:00Z" },
      expected: { due: at("2024-03-07T09:00:00Z"), lastReview: at("2024-03-01T09:00:00Z") },
    },
    {
      name: "Logseq card forgotten (score 1, interval -1): relearning, due when Logseq would show it",
      history: {
        source: "logseq",
        interval: -1,
        repeats: 1,
        ease: 2.5,
        due: "2024-03-09T18:00:00Z",
        lastReviewed: "2024-03-09T18:00:00Z",
        lastScore: 1,
      },
      expected: {
        state: CardStateCode.Relearning,
        due: at("2024-03-09T18:00:00Z"),
        lastReview: at("2024-03-09T18:00:00Z"),
        stability: DEFAULT_PARAMETERS[0],
        scheduledDays: 0,
        reps: 1,
        lapses: 1,
      },
    },
    {
      name: "a time without a zone is UTC, whatever the server's zone",
      history: { source: "logseq", interval: 2, repeats: 1, due: "2024-03-08 10:00", lastReviewed: "2024-03-06T10:00:00+02:00" },
      expected: { due: at("2024-03-08T10:00:00Z"), lastReview: at("2024-03-06T08:00:00Z") },
    },
  ];

  it.each(cases)("$name", ({ history, expected }) => {
    const result = convertHistory(history, now);
    expect(result).toMatchObject({ ok: true, state: expected });
  });

  const refused: Array<{ name: string; history: ReviewHistory; reason: RegExp }> = [
    {
      name: "Logseq's defaults on a card never reviewed",
      history: { source: "logseq", interval: -1, repeats: 0, ease: 2.5 },
      reason: /never reviewed/,
    },
    { name: "Logseq properties without an interval", history: { source: "logseq", repeats: 3, due: "2024-03-08" }, reason: /no interval/ },
    { name: "a zero interval", history: { source: "obsidian-sr", due: "2024-03-05", interval: 0, ease: 250 }, reason: /not positive/ },
    {
      name: "an interval of a thousand years",
      history: { source: "obsidian-sr", due: "2024-03-05", interval: 365_000, ease: 250 },
      reason: /100 years/,
    },
    { name: "a negative ease", history: { source: "obsidian-sr", due: "2024-03-05", interval: 3, ease: -250 }, reason: /ease/ },
    {
      name: "a due date that is not a day",
      history: { source: "obsidian-sr", due: "2024-02-31", interval: 3, ease: 250 },
      reason: /not a date/,
    },
    { name: "a due date in words", history: { source: "obsidian-sr", due: "March 5th", interval: 3, ease: 250 }, reason: /not a date/ },
    {
      name: "a review count that is not whole",
      history: { source: "logseq", interval: 3, repeats: 2.5, due: "2024-03-08" },
      reason: /whole/,
    },
    { name: "no date at all", history: { source: "logseq", interval: 3, repeats: 2 }, reason: /no date/ },
    {
      name: "a last review in the future",
      history: { source: "logseq", interval: 3, repeats: 2, lastReviewed: "2025-01-01T00:00:00Z" },
      reason: /future/,
    },
    {
      name: "due before the last review",
      history: { source: "logseq", interval: 3, repeats: 2, lastReviewed: "2024-03-05T00:00:00Z", due: "2024-03-01T00:00:00Z" },
      reason: /before its last review/,
    },
  ];

  it.each(refused)("refuses $name, saying why", ({ history, reason }) => {
    const result = convertHistory(history, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
    expect(stateFromHistory(history, now)).toBeUndefined();
  });

  it("uses the learner's own parameters when given", () => {
    const history: ReviewHistory = { source: "obsidian-sr", due: "2024-03-05", interval: 12, ease: 250 };
    const own = [...DEFAULT_PARAMETERS];
    own[8] = 1.5;
    const withDefaults = stateFromHistory(history, now)!;
    const withOwn = stateFromHistory(history, now, { parameters: own })!;
    expect(withOwn.stability).toBe(withDefaults.stability);
    expect(withOwn.difficulty).not.toBeCloseTo(withDefaults.difficulty, 2);
  });
});

describe("an imported state under ts-fsrs", () => {
  it("continues the old schedule: Good on the due day multiplies the interval by the ease, as SM-2 would", () => {
    // D was solved so that FSRS's stability growth after a Good recall at R = 0.9 equals the ease.
    const state = stateFromHistory({ source: "obsidian-sr", due: "2024-03-05", interval: 12, ease: 250 }, now)!;
    const { next, log } = gradeCard(state, 3, at("2024-03-05T00:00:00Z"), noFuzz, "card-1");
    expect(next.state).toBe(CardStateCode.Review);
    expect(next.stability).toBeCloseTo(30, 1);
    expect(next.scheduledDays).toBe(30);
    expect(log.state).toBe(CardStateCode.Review);
  });

  it("relearns a card forgotten in Logseq with the relearning steps", () => {
    const state = stateFromHistory(
      { source: "logseq", interval: -1, repeats: 1, due: "2024-03-09T18:00:00Z", lastReviewed: "2024-03-09T18:00:00Z", lastScore: 1 },
      now,
    )!;
    const { next } = gradeCard(state, 3, now, noFuzz, "card-2");
    expect([CardStateCode.Relearning, CardStateCode.Review]).toContain(next.state);
    expect(next.reps).toBe(2);
  });
});

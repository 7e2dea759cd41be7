// Papers from a template scenario: each learner's names, the answer recomputed by lib/scenarios for the
// variant (not copied), a stable shuffled order; scoring; quiz windows (the attempt rules have a file of their own).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  attemptDeadline,
  buildPaper,
  cardQuestion,
  isCorrectChoice,
  playScenario,
  quizWindowState,
  scoreAttempt,
  type QuizQuestionInput,
} from "@/lib/classroom/index.ts";
import { parseScenario } from "@/lib/scenarios/index.ts";

const NOW = "2025-01-15T12:00:00Z";
const source = (file: string) => readFileSync(new URL(`../../seeds/scenarios/${file}`, import.meta.url), "utf8");
const DENIES = source("iam-and-bucket-example-2-bucket-denies-role.yaml");

function questions(text: string, template: boolean): QuizQuestionInput[] {
  const played = playScenario(text, { now: NOW, seed: "quiz:q1" });
  return played.quizQuestions.map((draft, i) => ({
    ...draft,
    id: `q${i}`,
    points: i + 1,
    cardId: null,
    scenarioSource: text,
    scenarioQuestion: i,
    template,
    playedAt: NOW,
  }));
}

describe("papers", () => {
  it("vary the names per learner and recompute the answer, which stays what the policies decide", () => {
    const input = questions(DENIES, true);
    const a = buildPaper(input, { quizId: "q1", learnerId: "ana", shuffle: false });
    const b = buildPaper(input, { quizId: "q1", learnerId: "ben", shuffle: false });
    const bucketA = a.questions[0]!.names.bucket!;
    const bucketB = b.questions[0]!.names.bucket!;
    expect(bucketA).not.toBe(bucketB);
    expect(a.questions[0]!.prompt).toContain(bucketA);
    expect(a.questions[0]!.prompt).not.toContain(bucketB);
    // The variant's answers come from playing the renamed scenario: its explanation names its bucket,
    // and the decision (the bucket policy's explicit deny) is the same as the reference's.
    const reference = input[2]!;
    const deciding = a.questions[2]!;
    expect(deciding.explanation).toContain(bucketA);
    expect(deciding.options.find((o) => o.correct)!.text).toBe(reference.options.find((o) => o.correct)!.text);
    // The review card holds Ana's variant reduced to this one question, and it parses as a scenario.
    const review = parseScenario(deciding.reviewSource!);
    expect(review.document.questions).toHaveLength(1);
    expect(JSON.stringify(review.resolved)).toContain(bucketA);
  });

  it("keep the reference names when the scenario is not a template", () => {
    const paper = buildPaper(questions(DENIES, false), { quizId: "q1", learnerId: "ana", shuffle: false });
    expect(paper.questions[0]!.names).toEqual({});
    expect(paper.questions[0]!.prompt).toContain("my_bucket");
  });

  it("shuffle questions and options per learner, the same way every time", () => {
    const cards = ["a", "b", "c", "d", "e"].map((w, i) => ({ id: `c${i}`, kind: "basic", front: `F ${w}`, back: `B ${w}` }));
    const input: QuizQuestionInput[] = cards.map((c, i) => ({
      ...cardQuestion(c, cards),
      id: `card${i}`,
      points: 1,
      cardId: c.id,
      scenarioSource: null,
      scenarioQuestion: 0,
      template: false,
      playedAt: NOW,
    }));
    const once = buildPaper(input, { quizId: "q", learnerId: "ana", shuffle: true });
    expect(buildPaper(input, { quizId: "q", learnerId: "ana", shuffle: true })).toEqual(once);
    expect(once.questions.map((q) => q.questionId).sort()).toEqual(input.map((q) => q.id).sort());
    const orders = new Set(
      ["ana", "ben", "chen", "dana", "emeka"].map((l) =>
        buildPaper(input, { quizId: "q", learnerId: l, shuffle: true })
          .questions.map((q) => q.questionId)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("scoring", () => {
  it("counts a question right only when the choice is exactly the correct set", () => {
    const options = [
      { id: "a", correct: true },
      { id: "b", correct: false },
      { id: "c", correct: true },
    ];
    expect(isCorrectChoice(options, ["c", "a"])).toBe(true);
    expect(isCorrectChoice(options, ["a"])).toBe(false);
    expect(isCorrectChoice(options, ["a", "b", "c"])).toBe(false);
    expect(isCorrectChoice(options, [])).toBe(false);
  });

  it("adds the points of right answers; unanswered questions score nothing", () => {
    const paper = buildPaper(questions(DENIES, false), { quizId: "q1", learnerId: "ana", shuffle: false });
    const right = (i: number) => paper.questions[i]!.options.filter((o) => o.correct).map((o) => o.id);
    const wrong = (i: number) => [paper.questions[i]!.options.find((o) => !o.correct)!.id];
    const result = scoreAttempt(
      paper,
      new Map([
        ["q0", right(0)],
        ["q1", wrong(1)],
      ]),
    );
    expect(result).toMatchObject({ score: 1, maxScore: 6 });
    expect(result.marks.map((m) => m.correct)).toEqual([true, false, false]);
  });
});

describe("quiz windows and deadlines", () => {
  const at = (iso: string) => new Date(iso);
  it("opens and closes at the set times", () => {
    const quiz = { opensAt: at("2026-01-10T09:00:00Z"), closesAt: at("2026-01-10T10:00:00Z") };
    expect(quizWindowState(quiz, at("2026-01-10T08:59:59Z"))).toBe("upcoming");
    expect(quizWindowState(quiz, at("2026-01-10T09:00:00Z"))).toBe("open");
    expect(quizWindowState(quiz, at("2026-01-10T10:00:00Z"))).toBe("closed");
    expect(quizWindowState({ opensAt: null, closesAt: null }, at("2030-01-01T00:00:00Z"))).toBe("open");
  });

  it("end an attempt at the time limit or the close, whichever comes first", () => {
    const start = at("2026-01-10T09:50:00Z");
    expect(attemptDeadline({ timeLimitMinutes: 20, opensAt: null, closesAt: at("2026-01-10T10:00:00Z") }, start)).toEqual(
      at("2026-01-10T10:00:00Z"),
    );
    expect(attemptDeadline({ timeLimitMinutes: 5, opensAt: null, closesAt: at("2026-01-10T10:00:00Z") }, start)).toEqual(
      at("2026-01-10T09:55:00Z"),
    );
    expect(attemptDeadline({ timeLimitMinutes: null, opensAt: null, closesAt: null }, start)).toBeNull();
  });
});

it("a scenario's questions without options are left out rather than asked", () => {
  const played = playScenario(DENIES, { now: NOW, seed: "s" });
  expect(played.quizQuestions.length).toBeLessThanOrEqual(played.answered.questions.length);
  expect(played.quizQuestions.every((q) => q.options.length >= 2)).toBe(true);
});

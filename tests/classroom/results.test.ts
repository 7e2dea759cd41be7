// The class's results and their CSV, from answer rows.
import { describe, expect, it } from "vitest";
import {
  csvCell,
  resultsCsv,
  summariseResults,
  type ResultAnswer,
  type ResultAttempt,
  type ResultQuestion,
} from "@/lib/classroom/index.ts";

const options = [
  { id: "a", text: "Allowed", correct: true },
  { id: "b", text: "Denied", correct: false },
  { id: "c", text: "Refused", correct: false },
];
const questions: ResultQuestion[] = [
  { id: "q1", position: 0, points: 2, options },
  { id: "q2", position: 1, points: 1, options },
];
const learner = (id: string, name: string | null) => ({ id, name, email: `${id}@example.com` });
const submitted = new Date("2026-01-10T09:30:00Z");
const attempts: ResultAttempt[] = [
  { id: "t1", learner: learner("zoe", "Zoe"), submittedAt: submitted, score: 2, maxScore: 3 },
  { id: "t2", learner: learner("adam", '=HYPERLINK("x")'), submittedAt: submitted, score: 1, maxScore: 3 },
  { id: "t3", learner: learner("bob", null), submittedAt: null, score: null, maxScore: 3 },
];
const answers: ResultAnswer[] = [
  { attemptId: "t1", questionId: "q1", choice: ["a"], correct: true },
  { attemptId: "t1", questionId: "q2", choice: ["b"], correct: false },
  { attemptId: "t2", questionId: "q1", choice: ["b"], correct: false },
  { attemptId: "t2", questionId: "q2", choice: ["b"], correct: false },
  // Bob has not submitted: his answer shows in his row but not in the class's figures.
  { attemptId: "t3", questionId: "q1", choice: ["c"], correct: null },
];

describe("results", () => {
  const results = summariseResults(questions, attempts, answers);
  it("count submitted answers per question, with the most common wrong answers named", () => {
    expect(results.questions.map((q) => [q.answered, q.correct])).toEqual([
      [2, 1],
      [2, 0],
    ]);
    expect(results.questions[1]!.wrong).toEqual([{ choice: ["b"], text: "Denied", count: 2 }]);
    expect(results.submitted).toBe(2);
    expect(results.averageScore).toBe(1.5);
  });

  it("list learners with their marks and choices", () => {
    const zoe = results.learners.find((l) => l.learner.id === "zoe")!;
    expect(zoe.marks).toEqual({ q1: true, q2: false });
    const bob = results.learners.find((l) => l.learner.id === "bob")!;
    expect(bob.marks).toEqual({});
    expect(bob.choices).toEqual({ q1: ["c"] });
  });

  it("export one CSV row per learner, naming each choice by its option's text, with formulas defused and quotes escaped", () => {
    const lines = resultsCsv(results).trimEnd().split("\r\n");
    expect(lines[0]).toBe("learner,email,status,submitted_at,score,max_score,q1_answer,q1_points,q2_answer,q2_points");
    expect(lines).toContain(`"'=HYPERLINK(""x"")",adam@example.com,submitted,2026-01-10T09:30:00.000Z,1,3,Denied,0,Denied,0`);
    expect(lines).toContain(",bob@example.com,in progress,,,3,Refused,,,");
    expect(lines).toContain("Zoe,zoe@example.com,submitted,2026-01-10T09:30:00.000Z,2,3,Allowed,2,Denied,0");
    expect(csvCell("-1+2")).toBe("'-1+2");
    // Markdown in an option reads as plain text in a spreadsheet; several options join with " + ".
    const markdown: ResultQuestion[] = [
      {
        id: "m",
        position: 0,
        points: 1,
        options: [
          { id: "a", text: "`s3:GetObject` on **the bucket**", correct: true },
          { id: "b", text: "`s3:PutObject`, then\nnothing", correct: true },
        ],
      },
    ];
    const both = summariseResults(markdown, [attempts[0]!], [{ attemptId: "t1", questionId: "m", choice: ["a", "b"], correct: true }]);
    expect(resultsCsv(both).split("\r\n")[1]).toContain(`,"s3:GetObject on the bucket + s3:PutObject, then nothing",1`);
    expect(csvCell(-1)).toBe("-1");
  });
});

// The quiz tables' Json columns as this code writes them, checked where they are read
// (lib/db/json-column.ts): a question's options, a learner's paper, an answer's choice.
import { z } from "zod";
import type { Choice, Paper } from "../../classroom/index.ts";
import { storedJson } from "../json-column.ts";

const choiceSchema = z.object({ id: z.string(), text: z.string(), correct: z.boolean() });

const paperSchema = z.object({
  questions: z.array(
    z.object({
      questionId: z.string(),
      kind: z.enum(["card", "scenario"]),
      points: z.number(),
      prompt: z.string(),
      options: z.array(choiceSchema),
      multiple: z.boolean(),
      answer: z.string(),
      explanation: z.string(),
      cardId: z.string().nullable(),
      reviewSource: z.string().nullable(),
      names: z.record(z.string(), z.string()),
    }),
  ),
});

const choiceIdsSchema = z.array(z.string());

/** QuizQuestion.options: the instructor's reference options. */
export const storedOptions = (value: unknown): Choice[] => storedJson(z.array(choiceSchema), value, "QuizQuestion.options");

/** QuizAttempt.paper: the questions as one learner sees them. */
export const storedPaper = (value: unknown): Paper => storedJson(paperSchema, value, "QuizAttempt.paper");

/** QuizAnswer.choice: the option ids the learner ticked. */
export const storedChoice = (value: unknown): string[] => storedJson(choiceIdsSchema, value, "QuizAnswer.choice");

// What quiz pages send to the classroom endpoints: one answer as it is chosen, and the instructor's
// live scenario check. The routes validate with these schemas; the pages build bodies of these types.
import { z } from "zod";

export const ClassroomIdSchema = z.string().min(1).max(64);

export const AnswerSaveSchema = z.object({
  attemptId: ClassroomIdSchema,
  questionId: ClassroomIdSchema,
  choice: z.array(z.string().min(1).max(8)).max(26),
  revision: z.number().int().min(1).max(2_000_000_000),
});
export type AnswerSave = z.input<typeof AnswerSaveSchema>;

export const ScenarioPreviewRequestSchema = z.object({ source: z.string().max(200_000), template: z.boolean().default(false) });
export type ScenarioPreviewRequest = z.input<typeof ScenarioPreviewRequestSchema>;

export interface AnswerSaved {
  saved: true;
  revision: number;
}
export interface AttemptStarted {
  attemptId: string;
}
export interface AttemptSubmitted {
  submitted: true;
  alreadySubmitted: boolean;
}

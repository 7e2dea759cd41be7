// What the quiz page hands the taking screen: the learner's paper without the answers.

export interface TakerQuestion {
  questionId: string;
  points: number;
  promptHtml: string;
  multiple: boolean;
  /** In the order shown; `letter` is by that position (A, B, C…), whatever the shuffle did to the ids. */
  options: Array<{ id: string; letter: string; html: string }>;
}

export interface TakerAttempt {
  attemptId: string;
  /** ISO 8601; null: no time limit. */
  deadline: string | null;
  questions: TakerQuestion[];
  saved: Record<string, { choice: string[]; revision: number }>;
}

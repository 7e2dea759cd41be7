// When a quiz can be taken and until when an attempt accepts answers. `now` is always passed in.

export type QuizWindow = "upcoming" | "open" | "closed";

export interface QuizTimes {
  opensAt: Date | null;
  closesAt: Date | null;
  timeLimitMinutes: number | null;
}

export function quizWindow(quiz: Pick<QuizTimes, "opensAt" | "closesAt">, now: Date): QuizWindow {
  if (quiz.opensAt && now < quiz.opensAt) return "upcoming";
  if (quiz.closesAt && now >= quiz.closesAt) return "closed";
  return "open";
}

/** The end of an attempt started at `startedAt`: the time limit or the close, whichever is first. */
export function attemptDeadline(quiz: QuizTimes, startedAt: Date): Date | null {
  const limit = quiz.timeLimitMinutes ? new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60_000) : null;
  if (limit && quiz.closesAt) return limit < quiz.closesAt ? limit : quiz.closesAt;
  return limit ?? quiz.closesAt;
}

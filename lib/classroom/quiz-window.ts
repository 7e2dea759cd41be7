// When a quiz can be taken and until when an attempt accepts answers. `now` is always passed in.

export type QuizWindowState = "upcoming" | "open" | "closed";

export interface QuizWindowTimes {
  opensAt: Date | null;
  closesAt: Date | null;
  timeLimitMinutes: number | null;
}

export function quizWindowState(quiz: Pick<QuizWindowTimes, "opensAt" | "closesAt">, now: Date): QuizWindowState {
  if (quiz.opensAt && now < quiz.opensAt) return "upcoming";
  if (quiz.closesAt && now >= quiz.closesAt) return "closed";
  return "open";
}

/** The end of an attempt started at `startedAt`: the time limit or the close, whichever is first. */
export function attemptDeadline(quiz: QuizWindowTimes, startedAt: Date): Date | null {
  const limit = quiz.timeLimitMinutes ? new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60_000) : null;
  if (limit && quiz.closesAt) return limit < quiz.closesAt ? limit : quiz.closesAt;
  return limit ?? quiz.closesAt;
}

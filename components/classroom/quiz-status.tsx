import { quizWindowState } from "@/lib/classroom/index.ts";

interface QuizRow {
  opensAt: Date | null;
  closesAt: Date | null;
  attempts: Array<{ submittedAt: Date | null; score: number | null; maxScore: number }>;
}

/** Where the learner stands with a quiz, in a word or two. */
export function QuizStatus({ quiz, now }: { quiz: QuizRow; now: Date }) {
  const attempt = quiz.attempts[0];
  if (attempt?.submittedAt) return <span className="badge">submitted</span>;
  if (attempt) return <span className="badge">in progress</span>;
  const window = quizWindowState(quiz, now);
  return (
    <span className="badge">
      {window === "open"
        ? "open"
        : window === "upcoming"
          ? `opens ${quiz.opensAt?.toISOString().slice(0, 16).replace("T", " ")} UTC`
          : "closed"}
    </span>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/index.ts";
import { findLearnerQuiz } from "@/lib/db/classroom/index.ts";
import { attemptEnd, optionLetter, quizWindowState, withinGrace } from "@/lib/classroom/index.ts";
import { renderCardMarkdown } from "@/lib/notes/index.ts";
import { QuizTaker } from "@/components/classroom/quiz-taker.tsx";
import { StartQuizButton } from "@/components/classroom/start-quiz-button.tsx";
import { AttemptReview } from "@/components/classroom/attempt-review.tsx";
import { LandHere } from "@/components/classroom/land-here.tsx";
import type { TakerAttempt } from "@/components/classroom/taker-types.ts";

export const metadata = { title: "Quiz" };

export default async function QuizPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const learner = await requireUser(`/quizzes/${quizId}`);
  const quiz = await findLearnerQuiz(learner, quizId);
  if (!quiz) notFound();
  const now = new Date();
  const attempt = quiz.attempt;
  const head = (
    <>
      <p className="muted">
        <Link href={`/classes/${quiz.classroom.id}`}>{quiz.classroom.name}</Link> › {quiz.title}
      </p>
      <h1>{quiz.title}</h1>
    </>
  );

  if (attempt?.submittedAt) {
    const answers = new Map(attempt.answers.map((a) => [a.questionId, a]));
    return (
      <div className="quiz-page">
        {head}
        {quiz.showResults ? (
          <>
            <LandHere testId="quiz-landing">
              <p className="quiz-score" data-testid="quiz-score">
                Your score:{" "}
                <strong>
                  {attempt.score} / {attempt.maxScore}
                </strong>
              </p>
              <p className="muted">
                Questions you missed are in your review queue now (<Link href="/review">review</Link>).
              </p>
            </LandHere>
            <AttemptReview questions={attempt.paper.questions} answers={answers} />
          </>
        ) : (
          <LandHere testId="quiz-landing">
            <p data-testid="quiz-submitted">
              Submitted. Your instructor has not released the results yet. Questions you missed are in your review queue.
            </p>
          </LandHere>
        )}
      </div>
    );
  }

  if (attempt) {
    // The quiz's close as it is now: an instructor who closes early ends attempts already running.
    const end = attemptEnd({ deadline: attempt.deadline, closesAt: quiz.closesAt });
    const taking: TakerAttempt = {
      attemptId: attempt.id,
      deadline: end?.toISOString() ?? null,
      questions: attempt.paper.questions.map((q) => ({
        questionId: q.questionId,
        points: q.points,
        multiple: q.multiple,
        promptHtml: renderCardMarkdown(q.prompt),
        options: q.options.map((o, i) => ({ id: o.id, letter: optionLetter(i), html: renderCardMarkdown(o.text) })),
      })),
      saved: Object.fromEntries(attempt.answers.map((a) => [a.questionId, { choice: a.choice, revision: a.revision }])),
    };
    return (
      <div className="quiz-page">
        {head}
        {withinGrace(end, now) ? null : <p className="form-error">Time is up: submit to record the answers you saved.</p>}
        <QuizTaker attempt={taking} />
      </div>
    );
  }

  const window = quizWindowState(quiz, now);
  return (
    <div className="quiz-page narrow panel">
      {head}
      <dl className="facts">
        <dt>Questions</dt>
        <dd>{quiz._count.questions}</dd>
        <dt>Time limit</dt>
        <dd>{quiz.timeLimitMinutes ? `${quiz.timeLimitMinutes} minutes from the start` : "none"}</dd>
        <dt>Closes</dt>
        <dd>{quiz.closesAt ? `${quiz.closesAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never"}</dd>
      </dl>
      <p className="muted">Answers are saved as you choose them. You submit once.</p>
      {window === "open" ? (
        <StartQuizButton quizId={quiz.id} />
      ) : (
        <p>{window === "upcoming" ? "This quiz has not opened yet." : "This quiz has closed."}</p>
      )}
    </div>
  );
}

import { optionLetter, withoutOptionIds, type PaperQuestion } from "@/lib/classroom/index.ts";
import { Markdown } from "./markdown.tsx";

/** After submitting, when the instructor allows: each question with the learner's choice, the right one and why. */
export function AttemptReview({
  questions,
  answers,
}: {
  questions: PaperQuestion[];
  answers: Map<string, { choice: string[]; correct: boolean | null }>;
}) {
  return (
    <ol className="quiz-questions">
      {questions.map((q, i) => {
        const answer = answers.get(q.questionId);
        const chosen = new Set(answer?.choice ?? []);
        return (
          <li key={q.questionId} className="panel quiz-question" data-testid="reviewed-question">
            <div className="question-head">
              <h2 className="question-title">Question {i + 1}</h2>{" "}
              <span className={answer?.correct ? "mark-right" : "mark-wrong"}>{answer?.correct ? "✓ right" : "✗ missed"}</span>
            </div>
            <Markdown text={q.prompt} />
            <ul className="option-preview">
              {q.options.map((o, index) => (
                <li key={o.id} className={o.correct ? "correct" : chosen.has(o.id) ? "wrong" : undefined}>
                  <span className="option-letter">{optionLetter(index)}.</span> <Markdown className="inline-md" text={o.text} />
                  {chosen.has(o.id) ? " ← your answer" : ""}
                  {o.correct ? " ✓ right answer" : ""}
                </li>
              ))}
            </ul>
            {q.explanation ? (
              <details open={!answer?.correct}>
                <summary>Explanation</summary>
                <Markdown text={withoutOptionIds(q.explanation)} />
              </details>
            ) : (
              <p className="muted">Answer: {q.answer}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

import { optionLetter, questionLine, type Choice } from "@/lib/classroom/index.ts";
import { Markdown } from "./markdown.tsx";

interface Question {
  id: string;
  position: number;
  kind: string;
  points: number;
  template: boolean;
  prompt: string;
  options: Choice[];
}

/** The quiz's questions in order, with the controls to reorder, weigh and remove them. */
export function QuestionList({
  quizId,
  questions,
  locked,
  edit,
}: {
  quizId: string;
  questions: Question[];
  locked: boolean;
  edit: (data: FormData) => Promise<void>;
}) {
  if (questions.length === 0) return <p className="muted">No questions yet: add cards or scenarios below.</p>;
  return (
    <ol className="question-list" aria-label="Questions">
      {questions.map((q, i) => {
        const options = q.options;
        return (
          <li key={q.id} className="panel" data-testid="quiz-question">
            <p className="muted">
              {q.kind === "scenario" ? "Scenario" : "Card"}
              {q.template ? " · template (names vary per learner)" : ""} · {q.points} point{q.points === 1 ? "" : "s"}
            </p>
            {/* A div, not a p: the rendered markdown is a div, which a p cannot hold (the parser would end the p before it). */}
            <div className="question-line" data-testid="question-text">
              <strong>{i + 1}.</strong> <Markdown className="inline-md" text={questionLine(q.prompt)} />
            </div>
            {questionLine(q.prompt) !== q.prompt.trim() ? (
              <details>
                <summary>
                  The whole question {i + 1}
                  {q.kind === "scenario" ? ", with its world" : ""}
                </summary>
                <Markdown text={q.prompt} />
              </details>
            ) : null}
            <ul className="option-preview">
              {options.map((o, index) => (
                <li key={o.id} className={o.correct ? "correct" : undefined}>
                  {optionLetter(index)}. <Markdown className="inline-md" text={o.text} />
                  {o.correct ? <span className="visually-hidden"> (correct)</span> : null}
                </li>
              ))}
            </ul>
            {locked ? null : (
              <div className="question-tools">
                <form action={edit} className="inline-form">
                  <input type="hidden" name="quizId" value={quizId} />
                  <input type="hidden" name="questionId" value={q.id} />
                  <input type="hidden" name="intent" value="points" />
                  <label htmlFor={`points-${q.id}`}>Points</label>
                  <input
                    id={`points-${q.id}`}
                    name="points"
                    type="number"
                    min={0}
                    max={100}
                    defaultValue={q.points}
                    className="points-input"
                  />
                  <button className="button small secondary" type="submit">
                    Set
                  </button>
                </form>
                <form action={edit} className="inline-form">
                  <input type="hidden" name="quizId" value={quizId} />
                  <input type="hidden" name="questionId" value={q.id} />
                  <button
                    className="button small secondary"
                    name="intent"
                    value="up"
                    type="submit"
                    disabled={i === 0}
                    aria-label={`Move question ${i + 1} up`}
                  >
                    ↑
                  </button>
                  <button
                    className="button small secondary"
                    name="intent"
                    value="down"
                    type="submit"
                    disabled={i === questions.length - 1}
                    aria-label={`Move question ${i + 1} down`}
                  >
                    ↓
                  </button>
                  <button className="button small secondary" name="intent" value="remove" type="submit">
                    Remove
                  </button>
                </form>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

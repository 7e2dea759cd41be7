import { choiceText, optionLetter, type Choice, type LearnerResult, type QuestionResult } from "@/lib/classroom/index.ts";
import { Markdown } from "./markdown.tsx";

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "—");

/** Per question: how many answered, how many right, and the wrong answers most often chosen. */
export function QuestionResultsTable({ questions, labels }: { questions: QuestionResult[]; labels: Map<string, string> }) {
  return (
    <div className="table-wrap" role="region" aria-label="Results per question (scrolls sideways)" tabIndex={0}>
      <table className="history classroom-table">
        <thead>
          <tr>
            <th>#</th>
            <th>Question</th>
            <th>Right</th>
            <th>Most common wrong answers</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q, i) => (
            <tr key={q.questionId} data-testid="question-result">
              <td>{i + 1}</td>
              <td className="question-cell">
                <Markdown className="inline-md" text={labels.get(q.questionId) ?? ""} />
              </td>
              <td>
                {q.correct}/{q.answered} ({percent(q.correct, q.answered)})
              </td>
              <td>
                {q.wrong.length === 0 ? (
                  "—"
                ) : (
                  <ul className="wrong-answers">
                    {q.wrong.map((w) => (
                      <li key={w.choice.join(",")}>
                        <Markdown className="inline-md" text={w.text} /> <span className="muted">× {w.count}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The letters of a choice, by the options' places in the quiz builder's list (a learner's shuffle aside). */
function letters(options: readonly Choice[], choice: readonly string[]): string {
  return choice
    .map((id) =>
      optionLetter(
        Math.max(
          0,
          options.findIndex((o) => o.id === id),
        ),
      ),
    )
    .join("+");
}

/** Per learner: status, score, and a mark per question (the chosen options' letters, their text on hover). */
export function LearnerResultsTable({ learners, questions }: { learners: LearnerResult[]; questions: QuestionResult[] }) {
  const questionIds = questions.map((q) => q.questionId);
  const optionsOf = new Map(questions.map((q) => [q.questionId, q.options]));
  return (
    <div className="table-wrap" role="region" aria-label="Results per learner (scrolls sideways)" tabIndex={0}>
      <table className="history classroom-table">
        <thead>
          <tr>
            <th>Learner</th>
            <th>Score</th>
            {questionIds.map((id, i) => (
              <th key={id}>Q{i + 1}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {learners.map((l) => (
            <tr key={l.attemptId} data-testid="learner-result">
              <td>
                {l.learner.name ?? l.learner.email}
                <br />
                <span className="muted">{l.learner.email}</span>
              </td>
              <td>{l.submittedAt ? `${l.score}/${l.maxScore}` : <span className="muted">in progress</span>}</td>
              {questionIds.map((id) => {
                const mark = l.marks[id];
                const options = optionsOf.get(id) ?? [];
                const chosen = l.choices[id] ?? [];
                const choice = letters(options, chosen);
                return (
                  <td
                    key={id}
                    className={mark === undefined ? undefined : mark ? "mark-right" : "mark-wrong"}
                    title={chosen.length ? choiceText(options, chosen) : undefined}
                  >
                    {mark === undefined ? choice || "·" : `${mark ? "✓" : "✗"} ${choice}`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { QuestionResult, LearnerResult } from "@/lib/classroom/index.ts";

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "—");

/** Per question: how many answered, how many right, and the wrong answers most often chosen. */
export function QuestionResultsTable({ questions, labels }: { questions: QuestionResult[]; labels: Map<string, string> }) {
  return (
    <div className="table-wrap">
      <table className="history classroom-table" aria-label="Results per question">
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
              <td>{labels.get(q.questionId)}</td>
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
                        {w.text} <span className="muted">× {w.count}</span>
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

/** Per learner: status, score, and a mark per question (the chosen option ids). */
export function LearnerResultsTable({ learners, questionIds }: { learners: LearnerResult[]; questionIds: string[] }) {
  return (
    <div className="table-wrap">
      <table className="history classroom-table" aria-label="Results per learner">
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
                const choice = (l.choices[id] ?? []).join("+");
                return (
                  <td key={id} className={mark === undefined ? undefined : mark ? "mark-right" : "mark-wrong"}>
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

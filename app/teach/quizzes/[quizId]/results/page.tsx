import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/index.ts";
import { quizResults } from "@/lib/db/classroom/index.ts";
import { questionLine } from "@/lib/classroom/index.ts";
import { LearnerResultsTable, QuestionResultsTable } from "@/components/classroom/results-tables.tsx";

export const metadata = { title: "Quiz results" };

export default async function QuizResultsPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const instructor = await requireRole(["instructor", "admin"], `/teach/quizzes/${quizId}/results`);
  const view = await quizResults(instructor, quizId);
  if (!view) notFound();
  const { results } = view;
  const labels = new Map(view.questions.map((q) => [q.id, `${q.kind === "scenario" ? "Scenario: " : ""}${questionLine(q.prompt)}`]));
  const max = view.questions.reduce((s, q) => s + q.points, 0);
  return (
    <>
      <p className="muted">
        <Link href={`/teach/classes/${view.quiz.classroom.id}`}>{view.quiz.classroom.name}</Link> ›{" "}
        <Link href={`/teach/quizzes/${view.quiz.id}`}>{view.quiz.title}</Link> › Results
      </p>
      <div className="page-head">
        <h1>Results: {view.quiz.title}</h1>
        <a className="button secondary" href={`/teach/quizzes/${view.quiz.id}/results/export`} download>
          Download CSV
        </a>
      </div>
      <p data-testid="results-summary">
        {results.submitted} submitted of {results.learners.length} started
        {results.averageScore === null ? "" : ` · average ${results.averageScore.toFixed(1)} / ${max}`}
      </p>
      <h2>By question</h2>
      <QuestionResultsTable questions={results.questions} labels={labels} />
      <h2>By learner</h2>
      <LearnerResultsTable learners={results.learners} questions={results.questions} />
    </>
  );
}

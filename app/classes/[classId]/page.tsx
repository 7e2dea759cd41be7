import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/index.ts";
import { findJoinedClass } from "@/lib/db/classroom/index.ts";
import { QuizStatus } from "@/components/classroom/quiz-status.tsx";

export const metadata = { title: "Class" };

export default async function JoinedClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const learner = await requireUser(`/classes/${classId}`);
  const found = await findJoinedClass(learner, classId);
  if (!found) notFound();
  const now = new Date();
  return (
    <>
      <p className="muted">
        <Link href="/classes">Classes</Link> › {found.name}
      </p>
      <h1>{found.name}</h1>
      <p className="muted">Taught by {found.instructor.name ?? found.instructor.email}</p>
      {found.quizzes.length === 0 ? (
        <p className="muted">No quizzes yet.</p>
      ) : (
        <ul className="deck-list" aria-label="Quizzes">
          {found.quizzes.map((q) => {
            const attempt = q.attempts[0];
            return (
              <li key={q.id} className="panel deck-item">
                <Link className="deck-name" href={`/quizzes/${q.id}`}>
                  {q.title}
                </Link>
                <QuizStatus quiz={q} now={now} />
                {attempt?.submittedAt && q.showResults ? (
                  <span className="muted">
                    {attempt.score}/{attempt.maxScore}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

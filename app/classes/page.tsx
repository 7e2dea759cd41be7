import Link from "next/link";
import { requireUser } from "@/lib/auth/index.ts";
import { listJoinedClasses } from "@/lib/db/classroom/index.ts";
import { quizWindowState } from "@/lib/classroom/index.ts";
import { JoinForm } from "@/components/classroom/join-form.tsx";
import { QuizStatus } from "@/components/classroom/quiz-status.tsx";
import { joinClassAction } from "./actions.ts";

export const metadata = { title: "Classes" };

export default async function ClassesPage() {
  const learner = await requireUser("/classes");
  const classes = await listJoinedClasses(learner);
  const now = new Date();
  const open = classes.flatMap((c) =>
    c.quizzes.filter((q) => !q.attempts[0]?.submittedAt && quizWindowState(q, now) === "open").map((q) => ({ ...q, className: c.name })),
  );
  return (
    <>
      <h1>Classes</h1>
      <section>
        <h2>Open quizzes</h2>
        {open.length === 0 ? (
          <p className="muted">Nothing to take right now.</p>
        ) : (
          <ul className="deck-list" aria-label="Open quizzes">
            {open.map((q) => (
              <li key={q.id} className="panel deck-item" data-testid="open-quiz">
                <Link className="deck-name" href={`/quizzes/${q.id}`}>
                  {q.title}
                </Link>
                <span className="deck-path">
                  {q.className}
                  {q.timeLimitMinutes ? ` · ${q.timeLimitMinutes} min` : ""}
                </span>
                <QuizStatus quiz={q} now={now} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>Your classes</h2>
        {classes.length === 0 ? (
          <p className="muted">You have not joined a class yet.</p>
        ) : (
          <ul className="deck-list" aria-label="Joined classes">
            {classes.map((c) => (
              <li key={c.id} className="panel deck-item">
                <Link className="deck-name" href={`/classes/${c.id}`}>
                  {c.name}
                </Link>
                <span className="deck-path">
                  {c.instructor.name ?? c.instructor.email} · {c.quizzes.length} quizzes
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="panel narrow">
        <h2>Join a class</h2>
        <JoinForm action={joinClassAction} />
      </div>
    </>
  );
}

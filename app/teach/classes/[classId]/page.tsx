import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/index.ts";
import { findTaughtClass } from "@/lib/db/classroom/index.ts";
import { formatJoinCode } from "@/lib/classroom/index.ts";
import { createQuizAction, removeLearnerAction } from "@/app/actions/class-roster.ts";

export const metadata = { title: "Class" };

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—");

export default async function TaughtClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const instructor = await requireRole(["instructor", "admin"], `/teach/classes/${classId}`);
  const found = await findTaughtClass(instructor, classId);
  if (!found) notFound();
  const host = (await headers()).get("host") ?? "localhost:3000";
  const joinPath = `/join/${found.joinCode}`;
  return (
    <>
      <p className="muted">
        <Link href="/teach">Your classes</Link> › {found.name}
      </p>
      <h1>{found.name}</h1>
      <div className="panel">
        <h2>Join</h2>
        <p>
          Code:{" "}
          <strong className="join-code" data-testid="join-code">
            {formatJoinCode(found.joinCode)}
          </strong>
        </p>
        <p>
          Link: <a href={joinPath} data-testid="join-link">{`http://${host}${joinPath}`}</a>
        </p>
      </div>
      <div className="panel">
        <h2>Quizzes</h2>
        {found.quizzes.length === 0 ? (
          <p className="muted">No quizzes yet.</p>
        ) : (
          <ul className="classroom-list">
            {found.quizzes.map((q) => (
              <li key={q.id}>
                <Link href={`/teach/quizzes/${q.id}`}>{q.title}</Link> <span className="badge">{q.published ? "published" : "draft"}</span>{" "}
                <span className="muted">
                  {q._count.questions} questions · {q._count.attempts} attempts · closes {when(q.closesAt)}
                </span>{" "}
                <Link href={`/teach/quizzes/${q.id}/results`}>Results</Link>
              </li>
            ))}
          </ul>
        )}
        <form action={createQuizAction} className="inline-form">
          <input type="hidden" name="classId" value={found.id} />
          <label htmlFor="quiz-title">New quiz title</label>
          <input id="quiz-title" name="title" maxLength={160} required />
          <button className="button small" type="submit">
            Create quiz
          </button>
        </form>
      </div>
      <div className="panel">
        <h2>Learners ({found.members.length})</h2>
        {found.members.length === 0 ? (
          <p className="muted">Nobody has joined yet.</p>
        ) : (
          <ul className="classroom-list" aria-label="Learners">
            {found.members.map((m) => (
              <li key={m.user.id} data-testid="member">
                {m.user.name ?? m.user.email} <span className="muted">{m.user.email}</span>
                <form action={removeLearnerAction} className="inline-form">
                  <input type="hidden" name="classId" value={found.id} />
                  <input type="hidden" name="learnerId" value={m.user.id} />
                  <button className="linklike" type="submit" aria-label={`Remove ${m.user.email}`}>
                    Remove
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

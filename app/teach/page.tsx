import Link from "next/link";
import { requireRole } from "@/lib/auth/index.ts";
import { listTaughtClasses } from "@/lib/db/classroom/index.ts";
import { formatJoinCode } from "@/lib/classroom/index.ts";
import { CreateClassForm } from "@/components/classroom/create-class-form.tsx";
import { createClassAction } from "./actions.ts";

export const metadata = { title: "Teach" };

export default async function TeachPage() {
  const instructor = await requireRole(["instructor", "admin"], "/teach");
  const classes = await listTaughtClasses(instructor);
  return (
    <>
      <h1>Your classes</h1>
      {classes.length === 0 ? (
        <p className="muted">No classes yet. Create one, then share its join link with your learners.</p>
      ) : (
        <ul className="deck-list" aria-label="Classes">
          {classes.map((c) => (
            <li key={c.id} className="panel deck-item">
              <Link className="deck-name" href={`/teach/classes/${c.id}`}>
                {c.name}
              </Link>
              <span className="badge">code {formatJoinCode(c.joinCode)}</span>
              <span className="muted">
                {c._count.members} learners · {c._count.quizzes} quizzes
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="panel narrow">
        <h2>New class</h2>
        <CreateClassForm action={createClassAction} />
      </div>
    </>
  );
}

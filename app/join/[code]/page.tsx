import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/index.ts";
import { findClassByJoinCode } from "@/lib/db/classroom/index.ts";
import { JoinForm } from "@/components/classroom/join-form.tsx";
import { joinClassAction } from "@/app/classes/actions.ts";

export const metadata = { title: "Join a class" };

export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requireUser(`/join/${encodeURIComponent(code)}`);
  const found = code.length <= 32 ? await findClassByJoinCode(code) : null;
  if (!found) notFound();
  return (
    <div className="panel narrow">
      <h1>Join {found.name}</h1>
      <p className="muted">
        Taught by {found.instructor.name ?? found.instructor.email}. Your instructor will see your quiz answers and scores in this class.
      </p>
      <JoinForm action={joinClassAction} code={code} />
    </div>
  );
}

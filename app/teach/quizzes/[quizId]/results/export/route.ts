// The quiz's results as a CSV download, for the instructor who owns it; 404 for anyone else.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/index.ts";
import { quizResults } from "@/lib/db/classroom/index.ts";
import { resultsCsv } from "@/lib/classroom/index.ts";

export async function GET(_request: Request, { params }: { params: Promise<{ quizId: string }> }) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in first.", code: "unauthenticated" }, { status: 401 });
  const { quizId } = await params;
  const view = quizId.length <= 64 ? await quizResults(user, quizId) : null;
  if (!view) return NextResponse.json({ error: "Not found.", code: "not_found" }, { status: 404 });
  const name = view.quiz.title.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "quiz";
  return new NextResponse(resultsCsv(view.results), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-results.csv"`,
      "cache-control": "no-store",
    },
  });
}

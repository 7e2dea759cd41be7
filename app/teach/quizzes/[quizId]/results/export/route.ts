// The quiz's results as a CSV download, for the instructor who owns it; 404 for anyone else.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/index.ts";
import { errorResponse, unauthenticatedResponse } from "@/lib/http/index.ts";
import { quizResults } from "@/lib/db/classroom/index.ts";
import { resultsCsv } from "@/lib/classroom/index.ts";

export async function GET(_request: Request, { params }: { params: Promise<{ quizId: string }> }) {
  const user = await currentUser();
  if (!user) return unauthenticatedResponse();
  const { quizId } = await params;
  const view = quizId.length <= 64 ? await quizResults(user, quizId) : null;
  if (!view) return errorResponse("not_found", "Not found.");
  const name = view.quiz.title.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "quiz";
  return new NextResponse(resultsCsv(view.results), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-results.csv"`,
      "cache-control": "no-store",
    },
  });
}

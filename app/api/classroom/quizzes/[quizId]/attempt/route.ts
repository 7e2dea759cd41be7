// Starts (or returns) the learner's attempt at a quiz: the time limit runs from here.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/index.ts";
import { startAttempt } from "@/lib/db/classroom/index.ts";
import { refuseCrossOrigin } from "@/lib/security/request-guard.ts";
import { invalid, refused, refusedRequest, unauthenticated } from "../../../json-error.ts";

const Params = z.object({ quizId: z.string().min(1).max(64) });

export async function POST(request: Request, { params }: { params: Promise<{ quizId: string }> }) {
  const refusal = refuseCrossOrigin(request);
  if (refusal) return refusedRequest(refusal);
  const user = await currentUser();
  if (!user) return unauthenticated();
  const parsed = Params.safeParse(await params);
  if (!parsed.success) return invalid(parsed.error);
  const outcome = await startAttempt(user, parsed.data.quizId, new Date());
  if (!outcome.ok) return refused(outcome.code, outcome.message);
  return NextResponse.json({ attemptId: outcome.attemptId });
}

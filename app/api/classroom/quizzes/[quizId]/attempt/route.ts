// Starts (or returns) the learner's attempt at a quiz: the time limit runs from here.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/index.ts";
import { ClassroomIdSchema, type AttemptStarted } from "@/lib/contracts/index.ts";
import { startAttempt } from "@/lib/db/classroom/index.ts";
import { errorResponse, invalidBodyResponse, refusalResponse, unauthenticatedResponse } from "@/lib/http/index.ts";
import { refuseCrossOrigin } from "@/lib/security/index.ts";

const Params = z.object({ quizId: ClassroomIdSchema });

export async function POST(request: Request, { params }: { params: Promise<{ quizId: string }> }) {
  const refusal = refuseCrossOrigin(request);
  if (refusal) return refusalResponse(refusal);
  const user = await currentUser();
  if (!user) return unauthenticatedResponse();
  const parsed = Params.safeParse(await params);
  if (!parsed.success) return invalidBodyResponse(parsed.error, "params");
  const outcome = await startAttempt(user, parsed.data.quizId, new Date());
  if (!outcome.ok) return errorResponse(outcome.code, outcome.message);
  return NextResponse.json({ attemptId: outcome.attemptId } satisfies AttemptStarted);
}

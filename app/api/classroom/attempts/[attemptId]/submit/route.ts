// Submits the learner's attempt. Only the first submit scores it; a repeated one reports the same.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/index.ts";
import { ClassroomIdSchema, type AttemptSubmitted } from "@/lib/contracts/index.ts";
import { submitAttempt } from "@/lib/db/classroom/index.ts";
import { errorResponse, invalidBodyResponse, refusalResponse, unauthenticatedResponse } from "@/lib/http/index.ts";
import { refuseCrossOrigin } from "@/lib/security/index.ts";

const Params = z.object({ attemptId: ClassroomIdSchema });

export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  const refusal = refuseCrossOrigin(request);
  if (refusal) return refusalResponse(refusal);
  const user = await currentUser();
  if (!user) return unauthenticatedResponse();
  const parsed = Params.safeParse(await params);
  if (!parsed.success) return invalidBodyResponse(parsed.error, "params");
  const outcome = await submitAttempt(user, parsed.data.attemptId, new Date());
  if (!outcome.ok) return errorResponse(outcome.code, outcome.message);
  return NextResponse.json({ submitted: true, alreadySubmitted: outcome.alreadySubmitted } satisfies AttemptSubmitted);
}

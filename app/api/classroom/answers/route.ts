// Saves one answer as the learner chooses it. The page sends every change at once and retries
// until it is stored; the revision makes retries and late arrivals harmless.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/index.ts";
import { AnswerSaveSchema, type AnswerSaved } from "@/lib/contracts/index.ts";
import { saveAnswer } from "@/lib/db/classroom/index.ts";
import { errorResponse, invalidBodyResponse, refusalResponse, unauthenticatedResponse } from "@/lib/http/index.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/index.ts";

export async function POST(request: Request) {
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return refusalResponse(refusal);
  const user = await currentUser();
  if (!user) return unauthenticatedResponse();
  const parsed = AnswerSaveSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return invalidBodyResponse(parsed.error);
  const outcome = await saveAnswer(user, parsed.data, new Date());
  if (!outcome.ok) return errorResponse(outcome.code, outcome.message);
  return NextResponse.json({ saved: true, revision: outcome.revision } satisfies AnswerSaved);
}

// Saves one answer as the learner chooses it. The page sends every change at once and retries
// until it is stored; the revision makes retries and late arrivals harmless.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/index.ts";
import { saveAnswer } from "@/lib/db/classroom/index.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/request-guard.ts";
import { invalid, refused, refusedRequest, unauthenticated } from "../json-error.ts";

const id = z.string().min(1).max(64);
const AnswerSchema = z.object({
  attemptId: id,
  questionId: id,
  choice: z.array(z.string().min(1).max(8)).max(26),
  revision: z.number().int().min(1).max(2_000_000_000),
});

export async function POST(request: Request) {
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return refusedRequest(refusal);
  const user = await currentUser();
  if (!user) return unauthenticated();
  const parsed = AnswerSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return invalid(parsed.error);
  const outcome = await saveAnswer(user, parsed.data, new Date());
  if (!outcome.ok) return refused(outcome.code, outcome.message);
  return NextResponse.json({ saved: true, revision: outcome.revision });
}

// The scenario editor's live check: validates the text and answers it with lib/scenarios, as the quiz
// will. Only for instructors; everyone else gets 404 like any page not theirs.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/index.ts";
import { ScenarioPreviewRequestSchema } from "@/lib/contracts/index.ts";
import { teaches } from "@/lib/db/classroom/index.ts";
import { previewScenario } from "@/lib/db/classroom/preview.ts";
import { errorResponse, invalidBodyResponse, refusalResponse, unauthenticatedResponse } from "@/lib/http/index.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/index.ts";

export async function POST(request: Request) {
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return refusalResponse(refusal);
  const user = await currentUser();
  if (!user) return unauthenticatedResponse();
  if (!teaches(user)) return errorResponse("not_found", "Not found.");
  const parsed = ScenarioPreviewRequestSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return invalidBodyResponse(parsed.error);
  return NextResponse.json(await previewScenario(parsed.data.source, parsed.data.template, new Date()));
}

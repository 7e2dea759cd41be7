// The scenario editor's live check: validates the text and answers it with lib/quiz, as the quiz
// will. Only for instructors; everyone else gets 404 like any page not theirs.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/index.ts";
import { teaches } from "@/lib/db/classroom/index.ts";
import { previewScenario } from "@/lib/db/classroom/preview.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/request-guard.ts";
import { invalid, refusedRequest, unauthenticated } from "../json-error.ts";

const PreviewSchema = z.object({ source: z.string().max(200_000), template: z.boolean().default(false) });

export async function POST(request: Request) {
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return refusedRequest(refusal);
  const user = await currentUser();
  if (!user) return unauthenticated();
  if (!teaches(user)) return NextResponse.json({ error: "Not found.", code: "not_found" }, { status: 404 });
  const parsed = PreviewSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return invalid(parsed.error);
  return NextResponse.json(await previewScenario(parsed.data.source, parsed.data.template, new Date()));
}

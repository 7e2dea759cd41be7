// "Make a scenario card" from the playground: the scenario is validated, then stored as cards in
// the signed-in learner's own library.
import { NextResponse } from "next/server";
import { errorResponse, refusalResponse, unauthenticatedResponse, readBoundedJson } from "@/lib/http/index.ts";
import { currentUser } from "@/lib/auth/index.ts";
import { ScenarioCardRequestSchema, type ScenarioCardsSaved } from "@/lib/contracts/index.ts";
import { saveScenarioCards } from "@/lib/db/index.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/index.ts";

/** A scenario is a few kilobytes; this bound keeps a single request from filling the database. */
const MAX_SCENARIO_CHARACTERS = 200_000;
/** Room for the indentation the stored form adds back; anything larger is refused unread. */
const MAX_BODY_BYTES = 2 * MAX_SCENARIO_CHARACTERS;
/** Policies nest a handful of levels; deep nesting only serves to exhaust the stack. */
const MAX_NESTING = 64;

export async function POST(request: Request) {
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return refusalResponse(refusal);
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to save scenario cards.");
  const body = await readBoundedJson(request, { maxBytes: MAX_BODY_BYTES, maxDepth: MAX_NESTING });
  if (!body.ok) return errorResponse(body.status === 413 ? "too_large" : "invalid", body.message);
  const parsed = ScenarioCardRequestSchema.safeParse(body.value);
  if (!parsed.success) return errorResponse("invalid", 'The body must be { "scenario": { ... } }.');
  const text = JSON.stringify(parsed.data.scenario, null, 2);
  if (text.length > MAX_SCENARIO_CHARACTERS) {
    return errorResponse("too_large", `The scenario is over ${MAX_SCENARIO_CHARACTERS} characters.`);
  }
  const saved = await saveScenarioCards(user, text);
  if (!saved.ok) return errorResponse("invalid", saved.problem.message);
  return NextResponse.json(saved satisfies ScenarioCardsSaved, { status: saved.created > 0 ? 201 : 200 });
}

// "Make a scenario card" from the playground: the scenario is validated, then stored as cards in
// the signed-in learner's own library.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/index.ts";
import { saveScenarioCards } from "@/lib/db/scenario-cards.ts";
import { readBoundedJson } from "@/lib/http/bounded-json.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/request-guard.ts";

/** A scenario is a few kilobytes; this bound keeps a single request from filling the database. */
const MAX_SCENARIO_CHARACTERS = 200_000;
/** Room for the indentation the stored form adds back; anything larger is refused unread. */
const MAX_BODY_BYTES = 2 * MAX_SCENARIO_CHARACTERS;
/** Policies nest a handful of levels; deep nesting only serves to exhaust the stack. */
const MAX_NESTING = 64;

const BodySchema = z.object({ scenario: z.record(z.string(), z.unknown()) });

export async function POST(request: Request) {
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return NextResponse.json({ error: refusal.message }, { status: refusal.status });
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to save scenario cards." }, { status: 401 });
  const body = await readBoundedJson(request, { maxBytes: MAX_BODY_BYTES, maxDepth: MAX_NESTING });
  if (!body.ok) return NextResponse.json({ error: body.message }, { status: body.status });
  const parsed = BodySchema.safeParse(body.value);
  if (!parsed.success) return NextResponse.json({ error: "The body must be { \"scenario\": { ... } }." }, { status: 400 });
  const text = JSON.stringify(parsed.data.scenario, null, 2);
  if (text.length > MAX_SCENARIO_CHARACTERS) {
    return NextResponse.json({ error: `The scenario is over ${MAX_SCENARIO_CHARACTERS} characters.` }, { status: 413 });
  }
  const saved = await saveScenarioCards(user, text);
  if (!saved.ok) return NextResponse.json({ error: saved.problem.message }, { status: 400 });
  return NextResponse.json(saved, { status: saved.created > 0 ? 201 : 200 });
}

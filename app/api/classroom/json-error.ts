// The classroom endpoints' error answers: a refusal names the field that is wrong, and anything
// that is not the caller's answers 404, as if it did not exist. A learner removed from a class is
// in that case too (404), though told why, since they knew the quiz; a quiz withdrawn from its
// learners is forbidden (403); a quiz or attempt whose time is over is a conflict with its state (409).
import { NextResponse } from "next/server";
import type { RequestRefusal } from "@/lib/security/request-guard.ts";
import type { z } from "zod";

export function invalid(error: z.ZodError): NextResponse {
  const issue = error.issues[0];
  return NextResponse.json({ error: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`, code: "invalid" }, { status: 400 });
}

const STATUS: Record<string, number> = { not_found: 404, not_member: 404, invalid: 400, unpublished: 403 };

export function refused(code: string, message: string): NextResponse {
  return NextResponse.json({ error: message, code }, { status: STATUS[code] ?? 409 });
}

/** The answer to a request refused before it was read (another site's, or not JSON). */
export const refusedRequest = (refusal: RequestRefusal) => NextResponse.json({ error: refusal.message }, { status: refusal.status });

export const unauthenticated = () => NextResponse.json({ error: "Sign in first.", code: "unauthenticated" }, { status: 401 });

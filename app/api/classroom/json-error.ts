// The classroom endpoints' error answers: a refusal names the field that is wrong, and anything
// that is not the caller's answers 404, as if it did not exist.
import { NextResponse } from "next/server";
import type { z } from "zod";

export function invalid(error: z.ZodError): NextResponse {
  const issue = error.issues[0];
  return NextResponse.json({ error: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`, code: "invalid" }, { status: 400 });
}

export function refused(code: string, message: string): NextResponse {
  const status = code === "not_found" ? 404 : code === "invalid" ? 400 : 409;
  return NextResponse.json({ error: message, code }, { status });
}

export const unauthenticated = () => NextResponse.json({ error: "Sign in first.", code: "unauthenticated" }, { status: 401 });

// The HTTP side of an upload's run: a run still going is answered 202 with where to follow it, and
// an ended one with what the upload's own route answered before it ran as a job (the result, or the
// error contract's refusal), so a client handles the last answer of the run as it did that one.
import { NextResponse } from "next/server";
import type { UploadOutcome } from "@/lib/db/index.ts";
import { errorResponse } from "@/lib/http/index.ts";

/** What a client polls: GET /api/upload-runs/<runId>. */
export function uploadRunPath(runId: string): string {
  return `/api/upload-runs/${encodeURIComponent(runId)}`;
}

export function runAcceptedResponse(runId: string, status: "queued" | "running"): Response {
  return NextResponse.json({ runId, status }, { status: 202, headers: { Location: uploadRunPath(runId), "Cache-Control": "no-store" } });
}

export function outcomeResponse(outcome: UploadOutcome): Response {
  return outcome.ok ? NextResponse.json(outcome.body) : errorResponse(outcome.code, outcome.message, outcome.extra);
}

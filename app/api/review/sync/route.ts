// A device's pending review events, stored once each and replayed into card state
// (lib/contracts/review-sync.ts is the protocol; docs/scheduling.md, "Reviews as events").
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/index.ts";
import { SyncRequestSchema } from "@/lib/contracts/index.ts";
import { isDatabaseBusy, isDatabaseUnavailable } from "@/lib/db/index.ts";
import { syncReviewEvents } from "@/lib/db/review/index.ts";
import { errorResponse, invalidBodyResponse, readBoundedJson, refusalResponse, unauthenticatedResponse } from "@/lib/http/index.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/index.ts";

/** A full batch (MAX_SYNC_BATCH events of about 250 bytes) fits several times over. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_NESTING = 8;

export async function POST(request: Request) {
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return refusalResponse(refusal);
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to sync your reviews.");
  const body = await readBoundedJson(request, { maxBytes: MAX_BODY_BYTES, maxDepth: MAX_NESTING });
  if (!body.ok) return errorResponse(body.status === 413 ? "too_large" : "invalid", body.message);
  const parsed = SyncRequestSchema.safeParse(body.value);
  if (!parsed.success) return invalidBodyResponse(parsed.error);
  try {
    return NextResponse.json(await syncReviewEvents(user, parsed.data.events, new Date()));
  } catch (error) {
    // Nothing was stored; the device keeps its events and sends the same batch again.
    if (isDatabaseBusy(error)) return errorResponse("database_busy", "Not synced: the database is busy, the device will try again.");
    if (isDatabaseUnavailable(error))
      return errorResponse("database_unavailable", "Not synced: the database cannot be reached, the device will try again.");
    throw error;
  }
}

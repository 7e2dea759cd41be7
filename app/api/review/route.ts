// The review screen's one endpoint: grade, undo, bury, suspend, or just fetch the next card.
// Every answer is the next step of the session, so the screen never needs a second round trip.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/index.ts";
import { ReviewActionSchema } from "@/lib/contracts/index.ts";
import { isDatabaseBusy } from "@/lib/db/index.ts";
import { applyCardAction, recordGrade, reviewScreenState, undoReview, type ReviewOutcome } from "@/lib/db/review/index.ts";
import { domainErrorResponse, errorResponse, invalidBodyResponse, refusalResponse, unauthenticatedResponse } from "@/lib/http/index.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/index.ts";

/** What the review screen shows when a change could not be written; the same request may be sent again. */
const NOT_SAVED_BUSY = "Not saved: the database is busy, try again.";

export async function POST(request: Request) {
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return refusalResponse(refusal);
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to review.");
  const parsed = ReviewActionSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return invalidBodyResponse(parsed.error);
  const action = parsed.data;
  const now = new Date();
  let outcome: ReviewOutcome | null = null;
  try {
    if (action.type === "grade") outcome = await recordGrade(user, action, now);
    else if (action.type === "undo") outcome = await undoReview(user, action.reviewLogId, now);
    else if (action.type === "bury" || action.type === "suspend")
      outcome = await applyCardAction(user, action.cardId, action.type, action.version, now);
  } catch (error) {
    // Nothing was written; a grade sent again with the same clientReviewId still counts once.
    if (isDatabaseBusy(error)) return errorResponse("database_busy", NOT_SAVED_BUSY);
    return domainErrorResponse(error);
  }

  if (outcome && !outcome.ok) {
    return errorResponse(outcome.code, outcome.message);
  }
  const undo = action.type === "grade" && outcome?.ok ? { reviewLogId: outcome.reviewLogId, cardId: outcome.cardId } : null;
  return NextResponse.json(await reviewScreenState(user, action.deckId ?? null, now, undo));
}

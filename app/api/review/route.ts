// The review screen's one endpoint: grade, undo, bury, suspend, or just fetch the next card.
// Every answer is the next step of the session, so the screen never needs a second round trip.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/index.ts";
import { DATABASE_BUSY_RETRY_AFTER_S, isDatabaseBusy } from "@/lib/db/database-busy.ts";
import { applyCardAction, recordGrade, reviewStep, undoReview, type ReviewOutcome } from "@/lib/db/review/index.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/request-guard.ts";

/** What the review screen shows when a change could not be written; the same request may be sent again. */
const NOT_SAVED_BUSY = "Not saved: the database is busy, try again.";

const id = z.string().min(1).max(64);
const deckId = id.nullable().optional();

const ActionSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("grade"),
    deckId,
    cardId: id,
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    version: z.number().int().min(0),
    clientReviewId: z.string().min(8).max(64),
    durationMs: z.number().int().min(0).max(24 * 60 * 60 * 1000),
  }),
  z.object({ type: z.literal("undo"), deckId, reviewLogId: id }),
  z.object({ type: z.enum(["bury", "suspend"]), deckId, cardId: id, version: z.number().int().min(0) }),
  z.object({ type: z.literal("next"), deckId }),
]);

export async function POST(request: Request) {
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return NextResponse.json({ error: refusal.message }, { status: refusal.status });
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to review.", code: "unauthenticated" }, { status: 401 });
  const parsed = ActionSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return NextResponse.json({ error: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`, code: "invalid" }, { status: 400 });
  }
  const action = parsed.data;
  const now = new Date();
  let outcome: ReviewOutcome | null = null;
  try {
    if (action.type === "grade") outcome = await recordGrade(user, action, now);
    else if (action.type === "undo") outcome = await undoReview(user, action.reviewLogId);
    else if (action.type === "bury" || action.type === "suspend") outcome = await applyCardAction(user, action.cardId, action.type, action.version, now);
  } catch (error) {
    // Nothing was written; a grade sent again with the same clientReviewId still counts once.
    if (!isDatabaseBusy(error)) throw error;
    return NextResponse.json(
      { error: NOT_SAVED_BUSY, code: "busy" },
      { status: 503, headers: { "retry-after": String(DATABASE_BUSY_RETRY_AFTER_S) } },
    );
  }

  if (outcome && !outcome.ok) {
    return NextResponse.json({ error: outcome.message, code: outcome.code }, { status: outcome.code === "not_found" ? 404 : 409 });
  }
  const undo = action.type === "grade" && outcome?.ok ? { reviewLogId: outcome.reviewLogId, cardId: outcome.cardId } : null;
  return NextResponse.json(await reviewStep(user, action.deckId ?? null, now, undo));
}

import "server-only";
import type { Rating } from "../../srs/index.ts";
import { prisma } from "../client.ts";
import type { SessionUser } from "../users.ts";
import { recordEvents } from "./record-events.ts";
import { loadSchedulerSettings } from "./settings.ts";
import { SERVER_DEVICE_ID } from "./stored-events.ts";

export interface GradeInput {
  cardId: string;
  rating: Rating;
  /**
   * The state version the learner saw. No longer a reason to refuse: a grade from a stale screen
   * (a second tab) is one more event, and the card's state is the replay of all of them.
   */
  version: number;
  /** Chosen by the browser for this showing of the card: the event's id, so the same grade sent twice counts once. */
  clientReviewId: string;
  durationMs: number;
}

export type ReviewOutcome = { ok: true; reviewLogId: string; cardId: string } | { ok: false; code: "stale" | "not_found"; message: string };

export const STALE_MESSAGE = "This card was already graded elsewhere (another tab or device); here is where it stands now.";

const NOT_FOUND = "That card does not exist or is not yours to review.";

/** Records one grade made now as a review event, and replays the card (lib/db/review/record-events.ts). */
export async function recordGrade(user: SessionUser, input: GradeInput, now: Date): Promise<ReviewOutcome> {
  // A grade recorded before grades were events: its row carries the same id. Read beside the
  // settings the replay needs: on a server engine two reads at once cost one round trip.
  const [earlier, settings] = await Promise.all([
    prisma.reviewLog.findUnique({
      where: { userId_clientReviewId: { userId: user.id, clientReviewId: input.clientReviewId } },
      select: { id: true, cardId: true },
    }),
    loadSchedulerSettings(user.id),
  ]);
  if (earlier) return { ok: true, reviewLogId: earlier.id, cardId: earlier.cardId };

  const event = {
    id: input.clientReviewId,
    kind: "grade" as const,
    cardId: input.cardId,
    rating: input.rating,
    durationMs: input.durationMs,
    at: now.toISOString(),
    deviceId: SERVER_DEVICE_ID,
  };
  const outcome = await recordEvents(user, [{ index: 0, event, deviceId: SERVER_DEVICE_ID }], now, settings);
  const refusal = outcome.refused[0];
  if (refusal)
    return {
      ok: false,
      code: refusal.code === "not_found" ? "not_found" : "stale",
      message: refusal.code === "not_found" ? NOT_FOUND : refusal.message,
    };
  // No row: this grade was sent before and undone since; there is nothing left to undo.
  return { ok: true, reviewLogId: outcome.logIds.get(input.clientReviewId) ?? "", cardId: input.cardId };
}

import "server-only";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "../users.ts";
import type { ReviewOutcome } from "./grade.ts";
import { recordEvents } from "./record-events.ts";
import { SERVER_DEVICE_ID } from "./stored-events.ts";

export type CardAction = "bury" | "suspend" | "unsuspend";

/**
 * Burying hides a card until the end of the learner's day; suspending hides it until unsuspended.
 * Both are the learner's own events: the card itself, which others may study, is untouched.
 * `expectedVersion` is no longer checked: the replay orders a bury from a stale screen among the
 * card's other events by its time.
 */
export async function applyCardAction(
  user: SessionUser,
  cardId: string,
  action: CardAction,
  expectedVersion: number | null,
  now: Date,
): Promise<ReviewOutcome> {
  void expectedVersion;
  const event = { id: randomUUID(), kind: action, cardId, at: now.toISOString(), deviceId: SERVER_DEVICE_ID };
  const outcome = await recordEvents(user, [{ index: 0, event }], now);
  if (outcome.refused.length > 0) return { ok: false, code: "not_found", message: "That card does not exist or is not yours." };
  return { ok: true, reviewLogId: "", cardId };
}

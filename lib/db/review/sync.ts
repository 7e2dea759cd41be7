// POST /api/review/sync's work: check each event of a device's batch on its own, so one bad event
// is refused and reported while the rest are stored, then record the good ones and answer with the
// state of every card they touched.
import "server-only";
import { MAX_CLOCK_SKEW_MS, ReviewEventSchema, type RefusedEvent, type SyncResult } from "../../contracts/index.ts";
import { formatJsonPath } from "../../errors/index.ts";
import type { SessionUser } from "../users.ts";
import { recordEvents, type CheckedEvent } from "./record-events.ts";
import { wireStanding } from "./standing-wire.ts";

/** `events` is the request's array, already bounded by SyncRequestSchema (MAX_SYNC_BATCH). */
export async function syncReviewEvents(user: SessionUser, events: readonly unknown[], now: Date): Promise<SyncResult> {
  const refused: RefusedEvent[] = [];
  const checked: CheckedEvent[] = [];
  events.forEach((raw, index) => {
    const parsed = ReviewEventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = formatJsonPath(["events", index, ...(issue?.path ?? [])]);
      refused.push({ id: readableId(raw), index, code: "invalid", message: `${path}: ${issue?.message ?? "invalid"}` });
      return;
    }
    const event = parsed.data;
    const ahead = Date.parse(event.at) - now.getTime();
    if (ahead > MAX_CLOCK_SKEW_MS) {
      const minutes = Math.round(ahead / 60_000);
      refused.push({
        id: event.id,
        index,
        code: "future",
        message: `events[${index}].at: ${event.at} is ${minutes} minutes ahead of the server's clock (at most ${MAX_CLOCK_SKEW_MS / 60_000} allowed); check the device's clock`,
      });
      return;
    }
    checked.push({ index, event });
  });
  const outcome = checked.length > 0 ? await recordEvents(user, checked, now) : { accepted: [], refused: [], standings: new Map() };
  return {
    accepted: outcome.accepted,
    refused: [...refused, ...outcome.refused].sort((a, b) => a.index - b.index),
    cards: [...outcome.standings].map(([cardId, standing]) => wireStanding(cardId, standing)),
    syncedAt: now.toISOString(),
  };
}

function readableId(raw: unknown): string | null {
  const id = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === "string" && id.length <= 64 ? id : null;
}

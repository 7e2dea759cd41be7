// The one way a learner's review state changes: store their events once each, then replay every
// card the events touch. The sync endpoint and the one-grade-per-request endpoint both come here.
import "server-only";
import type { RefusedEvent, ReviewEvent } from "../../contracts/index.ts";
import type { ReplayStanding, SchedulerSettings } from "../../srs/index.ts";
import { prisma } from "../client.ts";
import { databaseCoordination } from "../engine/coordination.ts";
import { databaseEngine } from "../engine/index.ts";
import type { NewReviewEvent } from "../engine/ports.ts";
import { readableScopes } from "../library-scope.ts";
import type { SessionUser } from "../users.ts";
import { replayCards, type TouchedCard } from "./replay-cards.ts";
import { loadSchedulerSettings } from "./settings.ts";
import { BASE_KIND } from "./stored-events.ts";

/** An event that passed the schema and the clock check, with its place in the request. */
export interface CheckedEvent {
  index: number;
  event: ReviewEvent;
  /** Who made it, as stored: the device, or "server" for the one-grade endpoint. */
  deviceId?: string;
}

export interface RecordOutcome {
  accepted: string[];
  refused: RefusedEvent[];
  /** Every card an accepted event touched, in the order first touched. */
  standings: Map<string, ReplayStanding>;
  /** The review-log row of each grade of the touched cards that counts, by the grade's event id. */
  logIds: Map<string, string>;
}

/** A batch of up to MAX_SYNC_BATCH events replays its cards in one transaction; this bounds its time. */
const TRANSACTION_TIMEOUT_MS = 60_000;

const UNDOABLE = new Set(["grade", "bury", "suspend", "unsuspend"]);

/**
 * Stores the events the learner may make (their readable cards; undo of their own event of the same
 * card) once each, and replays the cards touched, all in one transaction: a request counts whole
 * or not at all, and two identical requests store each event once: the learner's transactions here
 * run one at a time (the engine's transaction lock), so the second one sees the first one's rows,
 * and the event's primary key refuses a second row should anything else write one. Inside it, the
 * engine reads what the batch needs at once and writes the replay at once (ReviewEventStore): on a
 * server engine every statement is a round trip. `settings` saves reading them again when the
 * caller has them.
 */
export async function recordEvents(
  user: SessionUser,
  checked: readonly CheckedEvent[],
  now: Date,
  settings?: SchedulerSettings,
): Promise<RecordOutcome> {
  const inForce = settings ?? (await loadSchedulerSettings(user.id));
  const store = databaseEngine().reviewEvents;
  return prisma.$transaction(
    async (tx) => {
      await databaseCoordination().transactionLocks.lock(tx, "review-events", [user.id]);
      const cardIds = [...new Set(checked.map((c) => c.event.cardId))];
      const undoTargets = checked.flatMap((c) => (c.event.kind === "undo" ? [c.event.undoes] : []));
      const eventIds = new Set([...checked.map((c) => c.event.id), ...undoTargets]);
      const rows = await store.readForEvents(tx, { userId: user.id, cardIds, scopes: readableScopes(user), eventIds: [...eventIds] });
      const readable = new Map(rows.cards.map((card) => [card.id, card]));
      const known = new Map(rows.events.filter((row) => eventIds.has(row.id)).map((row) => [row.id, row]));

      const accepted: string[] = [];
      const refused: RefusedEvent[] = [];
      const touched = new Map<string, TouchedCard>();
      const fresh: NewReviewEvent[] = [];
      const refuse = (c: CheckedEvent, code: RefusedEvent["code"], message: string) =>
        refused.push({ id: c.event.id, index: c.index, code, message: `events[${c.index}]${message}` });

      for (const c of checked) {
        const { event } = c;
        const card = readable.get(event.cardId);
        if (!card) {
          refuse(c, "not_found", `.cardId: no card "${event.cardId}" that you can review`);
          continue;
        }
        const same = known.get(event.id);
        if (same) {
          // Sent before (a resend, or a batch that was stored but whose answer was lost): it counts once.
          if (same.cardId !== event.cardId || same.kind !== event.kind) {
            refuse(c, "invalid", `.id: "${event.id}" is already the id of another event`);
            continue;
          }
          accepted.push(event.id);
          touched.set(card.id, card);
          continue;
        }
        if (event.kind === "undo") {
          const target = known.get(event.undoes);
          if (!target || target.cardId !== event.cardId || !UNDOABLE.has(target.kind)) {
            const why = !target
              ? "is not an event of yours"
              : target.cardId !== event.cardId
                ? "is an event of another card"
                : `is ${target.kind === BASE_KIND ? "not an event" : `an ${target.kind}`}, which cannot be undone`;
            refuse(c, "undo_target", `.undoes: "${event.undoes}" ${why}`);
            continue;
          }
        }
        const row: NewReviewEvent = {
          id: event.id,
          cardId: event.cardId,
          kind: event.kind,
          rating: event.kind === "grade" ? event.rating : null,
          at: new Date(event.at),
          durationMs: event.kind === "grade" ? event.durationMs : null,
          deviceId: c.deviceId ?? event.deviceId,
          undoes: event.kind === "undo" ? event.undoes : null,
          base: null,
        };
        known.set(event.id, row);
        fresh.push(row);
        accepted.push(event.id);
        touched.set(card.id, card);
      }

      // The replay sees the batch's new events beside the stored ones, as if they had been read back.
      const plan = replayCards(user, [...touched.values()], { ...rows, events: [...rows.events, ...fresh] }, inForce, now);
      await store.writeReplay(tx, user.id, { ...plan.writes, events: [...fresh, ...plan.writes.events] }, now);
      return { accepted, refused, standings: plan.standings, logIds: plan.logIds };
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}

// The one way a learner's review state changes: store their events once each, then replay every
// card the events touch. The sync endpoint and the one-grade-per-request endpoint both come here.
import "server-only";
import type { RefusedEvent, ReviewEvent } from "../../contracts/index.ts";
import type { ReplayStanding } from "../../srs/index.ts";
import { prisma } from "../client.ts";
import { databaseCoordination } from "../engine/coordination.ts";
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
}

/** A batch of up to MAX_SYNC_BATCH events replays its cards in one transaction; this bounds its time. */
const TRANSACTION_TIMEOUT_MS = 60_000;

const UNDOABLE = new Set(["grade", "bury", "suspend", "unsuspend"]);

/**
 * Stores the events the learner may make (their readable cards; undo of their own event of the same
 * card) once each, and replays the cards touched, all in one transaction: a request counts whole
 * or not at all, and two identical requests store each event once: the learner's transactions here
 * run one at a time (the engine's transaction lock), so the second one sees the first one's rows,
 * and the event's primary key refuses a second row should anything else write one.
 */
export async function recordEvents(user: SessionUser, checked: readonly CheckedEvent[], now: Date): Promise<RecordOutcome> {
  const settings = await loadSchedulerSettings(user.id);
  return prisma.$transaction(
    async (tx) => {
      await databaseCoordination().transactionLocks.lock(tx, "review-events", [user.id]);
      const cardIds = [...new Set(checked.map((c) => c.event.cardId))];
      const undoTargets = checked.flatMap((c) => (c.event.kind === "undo" ? [c.event.undoes] : []));
      const [cards, stored] = await Promise.all([
        tx.card.findMany({ where: { id: { in: cardIds }, scope: { in: readableScopes(user) } }, select: { id: true, deckId: true } }),
        tx.reviewEvent.findMany({
          where: { userId: user.id, id: { in: [...new Set([...checked.map((c) => c.event.id), ...undoTargets])] } },
          select: { id: true, cardId: true, kind: true },
        }),
      ]);
      const readable = new Map(cards.map((card) => [card.id, card]));
      const known = new Map(stored.map((row) => [row.id, row]));

      const accepted: string[] = [];
      const refused: RefusedEvent[] = [];
      const touched = new Map<string, TouchedCard>();
      const fresh: CheckedEvent[] = [];
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
        known.set(event.id, { id: event.id, cardId: event.cardId, kind: event.kind });
        fresh.push(c);
        accepted.push(event.id);
        touched.set(card.id, card);
      }

      if (fresh.length > 0) {
        await tx.reviewEvent.createMany({
          data: fresh.map(({ event, deviceId }) => ({
            id: event.id,
            userId: user.id,
            cardId: event.cardId,
            kind: event.kind,
            rating: event.kind === "grade" ? event.rating : null,
            at: new Date(event.at),
            durationMs: event.kind === "grade" ? event.durationMs : null,
            deviceId: deviceId ?? event.deviceId,
            undoes: event.kind === "undo" ? event.undoes : null,
            receivedAt: now,
          })),
        });
      }
      const standings = await replayCards(tx, user, [...touched.values()], settings, now);
      return { accepted, refused, standings };
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}

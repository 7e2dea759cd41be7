// The day as the device sees it: the server's day (cards, standings, today's stored grades) with the
// device's pending events applied on top, in the order they were made. Pure: every function takes
// the data and `now`; IndexedDB and the network live in store.ts and sync.ts.
import type { CardStanding, DayCard, ReviewDay, ReviewEvent, WireSchedulingState } from "@/lib/contracts/review-sync.ts";
import {
  activityToday,
  buildQueue,
  DEFAULT_SETTINGS,
  gradeCard,
  learnerDay,
  previewGrades,
  queueLimits,
  settingsAt,
  settingsForDeck,
  type Queue,
  type SchedulerSettings,
  type SchedulingState,
} from "@/lib/srs/index.ts";
import { fromWire, toWire } from "./wire.ts";

/** Where a card stands, as JSON (what an undo puts back). */
export interface Standing {
  schedule: WireSchedulingState | null;
  buriedUntil: string | null;
  suspended: boolean;
}

/** An event made on this device and not yet stored by the server, with what undo and sync need. */
export interface PendingEvent {
  /** Outbox order (IndexedDB key); absent until stored. */
  seq?: number;
  event: ReviewEvent;
  deckId: string;
  noteKey: string;
  /** The card's standing just before this event. */
  before: Standing;
  /** For an undo: the standing it puts back (the `before` of the event it takes back). */
  restore?: Standing;
}

export interface LocalCard extends Omit<DayCard, "schedule" | "buriedUntil"> {
  schedule: SchedulingState | null;
  buriedUntil: Date | null;
}

export interface LocalLog {
  eventId: string;
  cardId: string;
  deckId: string;
  noteKey: string;
  /** The card's state before the grade. */
  state: number;
  at: Date;
}

export interface LocalDay {
  deckId: string | null;
  timeZone: string;
  settings: SchedulerSettings;
  generatedAt: Date;
  cards: Map<string, LocalCard>;
  logs: LocalLog[];
}

export function standingOf(card: LocalCard): Standing {
  return {
    schedule: card.schedule ? toWire(card.schedule) : null,
    buriedUntil: card.buriedUntil ? card.buriedUntil.toISOString() : null,
    suspended: card.suspended,
  };
}

function setStanding(card: LocalCard, standing: Standing): void {
  card.schedule = standing.schedule ? fromWire(standing.schedule) : null;
  card.buriedUntil = standing.buriedUntil ? new Date(standing.buriedUntil) : null;
  card.suspended = standing.suspended;
}

/**
 * The learner's settings from a stored day. They were parsed, defaults filled in, when the day was
 * fetched (responses.ts), so they are read as they are; the defaults under them only cover a day
 * stored by an older version of the app.
 */
function daySettings(day: ReviewDay): SchedulerSettings {
  return { ...DEFAULT_SETTINGS, ...(day.settings as Partial<SchedulerSettings>) };
}

export function localDayFrom(day: ReviewDay): LocalDay {
  const cards = new Map<string, LocalCard>();
  for (const card of day.cards) {
    cards.set(card.cardId, {
      ...card,
      schedule: card.schedule ? fromWire(card.schedule) : null,
      buriedUntil: card.buriedUntil ? new Date(card.buriedUntil) : null,
    });
  }
  return {
    deckId: day.deckId,
    timeZone: day.timeZone,
    settings: daySettings(day),
    generatedAt: new Date(day.generatedAt),
    cards,
    logs: day.todayLogs.map((log) => ({ ...log, at: new Date(log.at) })),
  };
}

/** Applies one pending event to the local day (in place). Events for cards outside the day change nothing. */
export function applyEvent(day: LocalDay, pending: PendingEvent): void {
  const { event } = pending;
  const card = day.cards.get(event.cardId);
  if (!card) return;
  const at = new Date(event.at);
  switch (event.kind) {
    case "grade": {
      const settings = settingsForDeck(day.settings, card.deckId);
      const stateBefore = card.schedule?.state ?? 0;
      card.schedule = gradeCard(card.schedule, event.rating, at, settings, card.cardId).next;
      day.logs.push({ eventId: event.id, cardId: card.cardId, deckId: card.deckId, noteKey: card.noteKey, state: stateBefore, at });
      break;
    }
    case "bury":
      card.buriedUntil = learnerDay(at, day.timeZone).end;
      break;
    case "suspend":
      card.suspended = true;
      break;
    case "unsuspend":
      card.suspended = false;
      break;
    case "undo": {
      if (pending.restore) setStanding(card, pending.restore);
      day.logs = day.logs.filter((log) => log.eventId !== event.undoes);
      break;
    }
  }
}

/** The server's day with the pending events applied in order. */
export function withPending(day: ReviewDay, pending: readonly PendingEvent[]): LocalDay {
  const local = localDayFrom(day);
  for (const each of pending) applyEvent(local, each);
  return local;
}

/** Today's queue on the device, built by lib/srs exactly as the server builds it. */
export function studyQueue(day: LocalDay, now: Date): Queue {
  const window = learnerDay(now, day.timeZone);
  const candidates = [];
  for (const card of day.cards.values()) {
    candidates.push({
      cardId: card.cardId,
      deckId: card.deckId,
      noteKey: card.noteKey,
      state: card.schedule,
      suspended: card.suspended,
      buriedUntil: card.buriedUntil,
      ...(card.position === null ? {} : { position: card.position }),
    });
  }
  const today = activityToday(
    day.logs.map((log) => ({ deckId: log.deckId, noteKey: log.noteKey, state: log.state, review: log.at })),
    window,
  );
  return buildQueue({ candidates, now, day: window, limits: queueLimits(settingsAt(day.settings, now)), today });
}

/** Anki's custom study "review ahead" offers 100 cards by default; the device's day holds tomorrow's. */
export const REVIEW_AHEAD_LIMIT = 100;

/**
 * Review ahead: studied cards not due yet that fall due before tomorrow's end (all the day holds),
 * soonest first, at most REVIEW_AHEAD_LIMIT, one card per note, none graded today (a card failed
 * ahead comes back through today's queue when its step is due, not at once). FSRS schedules an early review from
 * the real time elapsed, so grading them now is sound; today's limits do not apply, as in Anki's
 * filtered decks.
 */
export function reviewAheadQueue(day: LocalDay, now: Date): Queue {
  const today = learnerDay(now, day.timeZone);
  const until = learnerDay(today.end, day.timeZone).end.getTime();
  const gradedToday = new Set(day.logs.filter((log) => log.at >= today.start).map((log) => log.cardId));
  const ahead = [...day.cards.values()]
    .filter((card) => {
      if (gradedToday.has(card.cardId)) return false;
      const due = card.schedule?.due.getTime();
      const buried = card.buriedUntil !== null && card.buriedUntil.getTime() > now.getTime();
      return due !== undefined && due > now.getTime() && due < until && !card.suspended && !buried && card.schedule!.state !== 0;
    })
    .sort((a, b) => a.schedule!.due.getTime() - b.schedule!.due.getTime());
  const notes = new Set<string>();
  const items: Queue["items"] = [];
  for (const card of ahead) {
    if (items.length >= REVIEW_AHEAD_LIMIT) break;
    if (notes.has(card.noteKey)) continue;
    notes.add(card.noteKey);
    const kind = card.schedule!.state === 2 ? "review" : "learning";
    items.push({ cardId: card.cardId, deckId: card.deckId, noteKey: card.noteKey, kind, state: card.schedule, due: card.schedule!.due });
  }
  const review = items.filter((item) => item.kind === "review").length;
  return { items, counts: { learning: items.length - review, review, new: 0 }, nextLearningDue: null };
}

/** The wait each grade would give the card now, Again to Easy ("1m", "10m", "3d"). */
export function buttonIntervals(day: LocalDay, card: LocalCard, now: Date): [string, string, string, string] {
  const settings = settingsForDeck(day.settings, card.deckId);
  const [again, hard, good, easy] = previewGrades(card.schedule, now, settings, card.cardId);
  return [again.interval, hard.interval, good.interval, easy.interval];
}

/** The server's day with the standings a sync returned written over its cards. */
export function withStandings(day: ReviewDay, standings: readonly CardStanding[]): ReviewDay {
  if (standings.length === 0) return day;
  const byId = new Map(standings.map((s) => [s.cardId, s]));
  return {
    ...day,
    cards: day.cards.map((card) => {
      const standing = byId.get(card.cardId);
      return standing ? { ...card, schedule: standing.schedule, buriedUntil: standing.buriedUntil, suspended: standing.suspended } : card;
    }),
  };
}

/** The server's day with stored events counted in today's grades (for limits and siblings) until the next refresh. */
export function withStoredEvents(day: ReviewDay, stored: readonly PendingEvent[]): ReviewDay {
  if (stored.length === 0) return day;
  const undone = new Set(stored.flatMap((p) => (p.event.kind === "undo" ? [p.event.undoes] : [])));
  const known = new Set(day.todayLogs.map((log) => log.eventId));
  const added = stored.flatMap((p) =>
    p.event.kind === "grade" && !known.has(p.event.id)
      ? [
          {
            eventId: p.event.id,
            cardId: p.event.cardId,
            deckId: p.deckId,
            noteKey: p.noteKey,
            state: p.before.schedule?.state ?? 0,
            at: p.event.at,
          },
        ]
      : [],
  );
  return { ...day, todayLogs: [...day.todayLogs, ...added].filter((log) => !undone.has(log.eventId)) };
}

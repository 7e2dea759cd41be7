// GET /api/review/day's work: everything a device needs to review until the end of tomorrow with no
// network. Cut like today's queue (lib/db/review/queue.ts), over two days: studied cards due by
// the end of tomorrow, and enough new cards for what is left of today's limit plus tomorrow's, with
// headroom for siblings and burials the device will skip. Faces are rendered here, once.
import "server-only";
import type { DayCard, ReviewDay } from "../../contracts/index.ts";
import { renderStoredCardFacesOnServer } from "../../card-faces/server.ts";
import { activityToday, learnerDay, settingsAt, type SchedulingState } from "../../srs/index.ts";
import { prisma } from "../client.ts";
import { deckIdsWithin } from "../decks.ts";
import { databaseEngine, type NewCardRow } from "../engine/index.ts";
import { readableScopes } from "../library-scope.ts";
import type { SessionUser } from "../users.ts";
import { loadSchedulerSettings } from "./settings.ts";
import { wireSchedule } from "./standing-wire.ts";

/**
 * At most this many cards in a day. Past it the most urgent are kept (learning, then the most
 * overdue reviews, then new cards in note order) and the rest arrive with a later refresh; a
 * learner with more than this due in two days is catching up, not finishing a day offline.
 */
export const MAX_DAY_CARDS = 2_000;
/** New cards beyond two days' limits, so siblings and burials can be skipped on the device. */
const NEW_CARD_HEADROOM = 200;
/** Review cards beyond two days' limits, for siblings, burials and other decks. */
const REVIEW_HEADROOM = 100;
/** Sub-decks read one by one for new cards; a deeper tree is cut here. */
const MAX_SUB_DECKS = 200;
/** Faces rendered between two yields to the event loop, so other requests are served meanwhile. */
const RENDER_SLICE = 50;

export class DeckNotFound extends Error {}

export async function reviewDay(user: SessionUser, deckId: string | null, now: Date): Promise<ReviewDay> {
  const settings = await loadSchedulerSettings(user.id);
  const scopes = readableScopes(user);
  const today = learnerDay(now, user.timeZone);
  const tomorrow = learnerDay(today.end, user.timeZone);
  const decks = deckId ? await deckWithSubDecks(user, deckId) : null;
  const inDecks = (id: string) => !decks || decks.has(id);

  const reads = databaseEngine().queueReads;
  // Today's raise ("study N more") counts in how many new cards travel; the device applies it itself.
  const inForce = settingsAt(settings, now);
  const perDeckLimits = Object.values(inForce.decks);
  const newPerDay = Math.max(inForce.newPerDay, ...perDeckLimits.map((d) => d.newPerDay ?? 0));
  const reviewsPerDay = Math.max(inForce.reviewsPerDay, ...perDeckLimits.map((d) => d.reviewsPerDay ?? 0));
  // Every read at once: on a server engine each is a round trip. New cards are read for the most
  // today's count could leave (a full day's limit) and cut to what it leaves; in note order, the
  // cut keeps the same cards.
  const mostNew = 2 * newPerDay + NEW_CARD_HEADROOM;
  const [logs, burials, learning, reviews, newCards] = await Promise.all([
    todayLogs(user, today),
    reads.buriedNewCards(user.id, now),
    reads.dueLearningStates(user.id, tomorrow.end),
    reads.dueReviewStates(user.id, tomorrow.end, Math.min(MAX_DAY_CARDS, 2 * reviewsPerDay + REVIEW_HEADROOM)),
    firstNewCards(user, decks, scopes, mostNew),
  ]);
  const done = activityToday(
    logs.map((log) => ({ ...log, review: new Date(log.at) })),
    today,
  );
  const newWanted = Math.max(0, newPerDay - done.newIntroduced) + newPerDay + NEW_CARD_HEADROOM;
  const readable = new Set(scopes);
  const studied = [...learning, ...reviews].filter((row) => !row.cardSuspended && readable.has(row.scope) && inDecks(row.deckId));
  const fresh = newCards.slice(0, Math.min(newWanted, Math.max(0, MAX_DAY_CARDS - studied.length)));

  const picked: Array<{ cardId: string; schedule: SchedulingState | null; buriedUntil: Date | null; position: number | null }> = [
    ...studied
      .slice(0, MAX_DAY_CARDS)
      .map((row) => ({ cardId: row.cardId, schedule: row.state, buriedUntil: row.buriedUntil, position: null })),
    ...fresh.map((card, position) => ({ cardId: card.id, schedule: null, buriedUntil: burials.get(card.id) ?? null, position })),
  ];
  const texts = await cardTexts(picked.map((p) => p.cardId));
  const cards: DayCard[] = [];
  for (const [i, p] of picked.entries()) {
    const text = texts.get(p.cardId);
    if (!text) continue;
    if (i % RENDER_SLICE === RENDER_SLICE - 1) await new Promise<void>((resolve) => setImmediate(resolve));
    const faces = await renderStoredCardFacesOnServer(text, now, user.timeZone);
    cards.push({
      cardId: p.cardId,
      schedule: p.schedule ? wireSchedule(p.schedule) : null,
      buriedUntil: p.buriedUntil && p.buriedUntil > now ? p.buriedUntil.toISOString() : null,
      suspended: false,
      deckId: text.deckId,
      deckPath: text.deck.path,
      noteKey: text.noteKey,
      kind: text.kind,
      frontHtml: faces.frontHtml,
      backHtml: faces.backHtml,
      position: p.position,
    });
  }
  return {
    generatedAt: now.toISOString(),
    deckId,
    timeZone: user.timeZone,
    settings: settings as unknown as Record<string, unknown>,
    cards,
    todayLogs: logs,
  };
}

/** The chosen deck and the decks under it, each with its library (scope), as the deck list shows them. */
type DeckSet = Map<string, string>;

async function deckWithSubDecks(user: SessionUser, deckId: string): Promise<DeckSet> {
  const ids = (await deckIdsWithin(user, deckId)).slice(0, MAX_SUB_DECKS);
  if (ids.length === 0) throw new DeckNotFound(deckId);
  const rows = await prisma.deck.findMany({ where: { id: { in: ids } }, select: { id: true, scope: true } });
  return new Map(rows.map((d) => [d.id, d.scope]));
}

/** New cards in note order: each scope (or each deck of the chosen tree) read along its index, then merged. */
async function firstNewCards(user: SessionUser, decks: DeckSet | null, scopes: string[], take: number): Promise<NewCardRow[]> {
  const reads = databaseEngine().queueReads;
  const lists = decks
    ? await Promise.all([...decks].map(([id, scope]) => reads.firstUnstudiedCards(user.id, scope, id, take)))
    : await Promise.all(scopes.map((scope) => reads.firstUnstudiedCards(user.id, scope, null, take)));
  return lists
    .flat()
    .sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : a.sourceLine - b.sourceLine))
    .slice(0, take);
}

/** Grades stored since the learner's day began, with what the queue's limits and sibling rule read. */
async function todayLogs(user: SessionUser, day: { start: Date; end: Date }): Promise<ReviewDay["todayLogs"]> {
  const rows = await prisma.reviewLog.findMany({
    where: { userId: user.id, review: { gte: day.start, lt: day.end } },
    orderBy: [{ review: "asc" }, { id: "asc" }],
    select: { id: true, clientReviewId: true, cardId: true, state: true, review: true, card: { select: { deckId: true, noteKey: true } } },
  });
  return rows.map((row) => ({
    eventId: row.clientReviewId ?? row.id,
    cardId: row.cardId,
    deckId: row.card.deckId,
    noteKey: row.card.noteKey,
    state: row.state,
    at: row.review.toISOString(),
  }));
}

const ID_CHUNK = 500;

async function cardTexts(ids: string[]) {
  const select = { id: true, kind: true, front: true, back: true, deckId: true, noteKey: true, deck: { select: { path: true } } } as const;
  const out = new Map<string, Awaited<ReturnType<typeof prisma.card.findMany<{ select: typeof select }>>>[number]>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await prisma.card.findMany({ where: { id: { in: ids.slice(i, i + ID_CHUNK) } }, select });
    for (const row of rows) out.set(row.id, row);
  }
  return out;
}

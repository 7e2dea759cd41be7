import "server-only";
import {
  activityToday,
  buildQueue,
  learnerDay,
  queueLimits,
  newCardRoom,
  settingsAt,
  type Queue,
  type QueueCandidate,
  type QueueLimits,
  type SchedulerSettings,
  type TodayActivity,
} from "../../srs/index.ts";
import { deckIdsWithin } from "../decks.ts";
import { readableScopes } from "../library-scope.ts";
import { databaseEngine, type NewCardRow } from "../engine/index.ts";
import type { SessionUser } from "../users.ts";

/** New cards fetched beyond the daily limit, so siblings and buried cards can be skipped. */
const NEW_CARD_HEADROOM = 200;
/**
 * The first read of new cards takes twice the day's limit and this many more: enough on most days,
 * at a fraction of the headroom's cost (each new card read is a check against the learner's states).
 */
const FIRST_READ_EXTRA = 20;
/** Review cards read beyond what the daily limit leaves, so siblings, burials and other decks can be skipped. */
const REVIEW_HEADROOM = 100;
/** Learning cards due this long after now are fetched too, for the learn-ahead window. */
const LEARN_AHEAD_MS = 60 * 60_000;

export interface QueueSelection {
  user: SessionUser;
  /** Limit the queue to one deck; null for every deck the learner can read. */
  deckId: string | null;
}

/**
 * Today's queue for a learner. Only what can be due today is read: studied cards due before the
 * day ends (an indexed range on CardState), and the first new cards in note order; so the cost
 * follows the day's work, not the size of the collection.
 */
export async function todaysQueue({ user, deckId }: QueueSelection, stored: SchedulerSettings, now: Date): Promise<Queue> {
  const settings = settingsAt(stored, now);
  const day = learnerDay(now, user.timeZone);
  // A parent deck is studied with its sub-decks, as in Anki.
  const decks = deckId ? new Set(await deckIdsWithin(user, deckId)) : null;
  const scopes = readableScopes(user);
  const horizon = new Date(Math.max(day.end.getTime(), now.getTime() + LEARN_AHEAD_MS));
  const newLimit = Math.max(settings.newPerDay, ...Object.values(settings.decks).map((d) => d.newPerDay ?? 0));
  const reviewsPerDay = Math.max(settings.reviewsPerDay, ...Object.values(settings.decks).map((d) => d.reviewsPerDay ?? 0));

  // New cards in note order: each scope (or deck) read along its index, then merged. The first
  // read takes a few more than the day's limit; only when siblings, burials or deck limits leave
  // the queue short of what the limits allow are the rest read (see enoughNewCards).
  const reads = databaseEngine().queueReads;
  const newCards = async (take: number) => {
    const lists = await Promise.all(
      decks
        ? scopes.flatMap((scope) => [...decks].map((id) => reads.firstUnstudiedCards(user.id, scope, id, take)))
        : scopes.map((scope) => reads.firstUnstudiedCards(user.id, scope, null, take)),
    );
    const merged = lists
      .flat()
      .sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : a.sourceLine - b.sourceLine));
    // Every list came back short and nothing was cut: a larger read would find no other card.
    return { cards: merged.slice(0, take), all: merged.length <= take && lists.every((list) => list.length < take) };
  };
  const fullTake = newLimit + NEW_CARD_HEADROOM;
  const firstTake = Math.min(fullTake, 2 * newLimit + FIRST_READ_EXTRA);

  // Every read at once: on a server engine each is a round trip, and waiting for today's count
  // before the due reviews would add one. The reviews are read up to the full daily limit and cut
  // to what is left once the count is known; ordered by due, the cut keeps the same rows.
  const [logs, burials, learning, reviews, firstNew] = await Promise.all([
    reads.logsBetween(user.id, day.start, day.end),
    reads.buriedNewCards(user.id, now),
    reads.dueLearningStates(user.id, horizon),
    reads.dueReviewStates(user.id, day.end, reviewsPerDay + REVIEW_HEADROOM),
    newCards(firstTake),
  ]);
  const today = activityToday(logs, day);
  const reviewsLeft = Math.max(0, reviewsPerDay - today.reviewsDone);
  const readable = new Set(scopes);
  const studied: QueueCandidate[] = [];
  for (const row of [...learning, ...reviews.slice(0, reviewsLeft + REVIEW_HEADROOM)]) {
    if (row.cardSuspended || !readable.has(row.scope) || (decks && !decks.has(row.deckId))) continue;
    studied.push({ cardId: row.cardId, deckId: row.deckId, noteKey: row.noteKey, state: row.state, buriedUntil: row.buriedUntil });
  }
  const limits = queueLimits(settings);
  const build = (fresh: NewCardRow[]) =>
    buildQueue({
      candidates: [
        ...studied,
        ...fresh.map((card, position) => ({
          cardId: card.id,
          deckId: card.deckId,
          noteKey: card.noteKey,
          state: null,
          buriedUntil: burials.get(card.id) ?? null,
          position,
        })),
      ],
      now,
      day,
      limits,
      today,
    });
  const queue = build(firstNew.cards);
  if (firstTake >= fullTake || firstNew.all || enoughNewCards(queue, limits, today)) return queue;
  return build((await newCards(fullTake)).cards);
}

/**
 * Whether the queue holds as many new cards as the day's limits leave room for (newCardRoom, as
 * buildQueue counts it). buildQueue takes new cards in note order and stops when the room is used
 * up, so then cards past the ones read could not have joined the queue, and reading them changes nothing.
 */
function enoughNewCards(queue: Queue, limits: QueueLimits, today: TodayActivity): boolean {
  return queue.counts.new >= newCardRoom(limits, today, queue.counts.review);
}

import "server-only";
import {
  activityToday,
  buildQueue,
  learnerDay,
  queueLimits,
  settingsAt,
  type Queue,
  type QueueCandidate,
  type SchedulerSettings,
} from "../../srs/index.ts";
import { deckIdsWithin } from "../decks.ts";
import { readableScopes } from "../library-scope.ts";
import { databaseEngine } from "../engine/index.ts";
import type { SessionUser } from "../users.ts";

/** New cards fetched beyond the daily limit, so siblings and buried cards can be skipped. */
const NEW_CARD_HEADROOM = 200;
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

  const reads = databaseEngine().queueReads;
  const [logs, burials, learning] = await Promise.all([
    reads.logsBetween(user.id, day.start, day.end),
    reads.buriedNewCards(user.id, now),
    reads.dueLearningStates(user.id, horizon),
  ]);
  const today = activityToday(logs, day);
  const reviewsLeft = Math.max(
    0,
    Math.max(settings.reviewsPerDay, ...Object.values(settings.decks).map((d) => d.reviewsPerDay ?? 0)) - today.reviewsDone,
  );
  const readable = new Set(scopes);
  const candidates: QueueCandidate[] = [];
  const due = [...learning, ...(await reads.dueReviewStates(user.id, day.end, reviewsLeft + REVIEW_HEADROOM))];
  for (const row of due) {
    if (row.cardSuspended || !readable.has(row.scope) || (decks && !decks.has(row.deckId))) continue;
    candidates.push({ cardId: row.cardId, deckId: row.deckId, noteKey: row.noteKey, state: row.state, buriedUntil: row.buriedUntil });
  }
  // New cards in note order: each scope read along its index, then merged.
  const perScope = await Promise.all(
    decks
      ? scopes.flatMap((scope) => [...decks].map((id) => reads.firstUnstudiedCards(user.id, scope, id, newLimit + NEW_CARD_HEADROOM)))
      : scopes.map((scope) => reads.firstUnstudiedCards(user.id, scope, null, newLimit + NEW_CARD_HEADROOM)),
  );
  const fresh = perScope
    .flat()
    .sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : a.sourceLine - b.sourceLine))
    .slice(0, newLimit + NEW_CARD_HEADROOM);
  fresh.forEach((card, position) => {
    candidates.push({
      cardId: card.id,
      deckId: card.deckId,
      noteKey: card.noteKey,
      state: null,
      buriedUntil: burials.get(card.id) ?? null,
      position,
    });
  });
  return buildQueue({ candidates, now, day, limits: queueLimits(settings), today });
}

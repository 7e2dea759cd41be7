// Today's study queue, built the way Anki's v3 scheduler orders it:
//   1. (re)learning cards whose step is due now,
//   2. review cards due before the end of the learner's day, most overdue first,
//   3. new cards, up to what is left of the daily new-card limit,
//   4. (re)learning cards due within the learn-ahead window (only reached when 1-3 are empty).
// Build it again after every grade: it is cheap, and a card rated Again then moves from 4 to 1
// once its step is due.

import type { DeckActivity, TodayActivity } from "./activity.ts";
import { IndexHeap } from "./min-heap.ts";
import { settingsForDeck, type SchedulerSettings } from "./settings.ts";
import { CardStateCode, type DayWindow, type SchedulingState } from "./types.ts";

/** Anki's default "learn ahead limit": (re)learning cards due this soon are shown when nothing else is left. */
export const DEFAULT_LEARN_AHEAD_MINUTES = 20;

export interface QueueCandidate {
  cardId: string;
  deckId: string;
  /** Cards from the same note share it; only one of them is studied per day. */
  noteKey: string;
  /** null for a card the learner has never studied. */
  state: SchedulingState | null;
  suspended?: boolean;
  /** Hidden while `now` is before this instant (set to the end of the day when burying). */
  buriedUntil?: Date | null;
  /** Order in which new cards are introduced (lower first); input order when absent. */
  position?: number;
}

export interface DailyLimits {
  newPerDay: number;
  reviewsPerDay: number;
}

export interface QueueLimits extends DailyLimits {
  /** Per-deck limits, applied on top of the overall ones. */
  decks?: Readonly<Record<string, Partial<DailyLimits>>>;
}

export interface QueueInput {
  candidates: readonly QueueCandidate[];
  now: Date;
  /** The learner's current day, from `learnerDay(now, timeZone)`. */
  day: DayWindow;
  limits: QueueLimits;
  today: TodayActivity;
  learnAheadMinutes?: number;
}

export type QueueKind = "learning" | "review" | "new";

export interface QueueItem {
  cardId: string;
  deckId: string;
  noteKey: string;
  kind: QueueKind;
  state: SchedulingState | null;
  /** null for new cards. */
  due: Date | null;
}

export interface QueueCounts {
  /** (Re)learning cards due before the day ends, including those still waiting for their step. */
  learning: number;
  review: number;
  new: number;
}

export interface Queue {
  items: QueueItem[];
  counts: QueueCounts;
  /** When the next (re)learning card that is not in `items` yet becomes due today, if any. */
  nextLearningDue: Date | null;
}

/** Overall and per-deck daily limits from a learner's settings. */
export function queueLimits(settings: SchedulerSettings): QueueLimits {
  const decks: Record<string, Partial<DailyLimits>> = {};
  for (const deckId of Object.keys(settings.decks)) {
    const merged = settingsForDeck(settings, deckId);
    decks[deckId] = { newPerDay: merged.newPerDay, reviewsPerDay: merged.reviewsPerDay };
  }
  return { newPerDay: settings.newPerDay, reviewsPerDay: settings.reviewsPerDay, decks };
}

/** Remaining allowance per deck, computed lazily for the decks that appear. */
class DeckBudget {
  private readonly left = new Map<string, number>();
  constructor(
    private readonly limitOf: (deckId: string) => number | undefined,
    private readonly usedOf: (deckId: string) => number,
  ) {}
  has(deckId: string): boolean {
    return this.remaining(deckId) > 0;
  }
  take(deckId: string): void {
    this.left.set(deckId, this.remaining(deckId) - 1);
  }
  private remaining(deckId: string): number {
    let value = this.left.get(deckId);
    if (value === undefined) {
      const limit = this.limitOf(deckId);
      value = limit === undefined ? Number.POSITIVE_INFINITY : limit - this.usedOf(deckId);
      this.left.set(deckId, value);
    }
    return value;
  }
}

/** Candidates sorted into groups, by index; typed arrays keep 50,000 of them cheap. */
interface Groups {
  dues: Float64Array;
  /** Each group is the first `…Count` entries of its array. */
  learningNow: Uint32Array;
  learningNowCount: number;
  learningAhead: Uint32Array;
  learningAheadCount: number;
  reviews: Uint32Array;
  reviewCount: number;
  fresh: Uint32Array;
  freshCount: number;
  learningToday: number;
  nextLearningDue: number;
  positioned: boolean;
}

// Candidates are classified in chunks by a small function: V8 then optimises it whole, with type
// feedback for every line, instead of compiling the hot loop alone on the first call and throwing
// that code away at the function's end on every later call (which cost 20 ms for 50,000 cards).
const CHUNK = 2048;

function classify(candidates: readonly QueueCandidate[], now: number, dayEnd: number, learnAheadUntil: number): Groups {
  const n = candidates.length;
  const groups: Groups = {
    dues: new Float64Array(n),
    learningNow: new Uint32Array(n),
    learningNowCount: 0,
    learningAhead: new Uint32Array(n),
    learningAheadCount: 0,
    reviews: new Uint32Array(n),
    reviewCount: 0,
    fresh: new Uint32Array(n),
    freshCount: 0,
    learningToday: 0,
    nextLearningDue: Number.POSITIVE_INFINITY,
    positioned: false,
  };
  for (let from = 0; from < n; from += CHUNK)
    classifyRange(candidates, from, Math.min(n, from + CHUNK), now, dayEnd, learnAheadUntil, groups);
  return groups;
}

function classifyRange(
  candidates: readonly QueueCandidate[],
  from: number,
  to: number,
  now: number,
  dayEnd: number,
  learnAheadUntil: number,
  g: Groups,
): void {
  const { dues, learningNow, learningAhead, reviews, fresh } = g;
  let nowCount = g.learningNowCount;
  let aheadCount = g.learningAheadCount;
  let reviewCount = g.reviewCount;
  let freshCount = g.freshCount;
  let learningToday = g.learningToday;
  let nextLearningDue = g.nextLearningDue;
  let positioned = g.positioned;
  for (let i = from; i < to; i++) {
    const candidate = candidates[i]!;
    if (candidate.suspended) continue;
    const buriedUntil = candidate.buriedUntil;
    if (buriedUntil && buriedUntil.getTime() > now) continue;
    const state = candidate.state;
    if (!state || state.state === CardStateCode.New) {
      fresh[freshCount++] = i;
      if (candidate.position !== undefined) positioned = true;
      continue;
    }
    const due = state.due.getTime();
    dues[i] = due;
    if (state.state === CardStateCode.Review) {
      if (due < dayEnd) reviews[reviewCount++] = i;
      continue;
    }
    // (Re)learning: steps are shorter than a day in ts-fsrs (a step of a day or more moves the
    // card to Review), so these are intraday and never limited, as in Anki.
    if (due >= dayEnd) continue;
    learningToday++;
    if (due <= now) learningNow[nowCount++] = i;
    else {
      if (due <= learnAheadUntil) learningAhead[aheadCount++] = i;
      if (due < nextLearningDue) nextLearningDue = due;
    }
  }
  g.learningNowCount = nowCount;
  g.learningAheadCount = aheadCount;
  g.reviewCount = reviewCount;
  g.freshCount = freshCount;
  g.learningToday = learningToday;
  g.nextLearningDue = nextLearningDue;
  g.positioned = positioned;
}

function byDue(candidates: readonly QueueCandidate[], dues: Float64Array): (a: number, b: number) => boolean {
  return (a, b) => {
    const da = dues[a]!;
    const db = dues[b]!;
    if (da !== db) return da < db;
    return candidates[a]!.cardId < candidates[b]!.cardId;
  };
}

function byPosition(candidates: readonly QueueCandidate[]): (a: number, b: number) => boolean {
  return (a, b) => {
    const pa = candidates[a]!.position ?? Number.MAX_SAFE_INTEGER;
    const pb = candidates[b]!.position ?? Number.MAX_SAFE_INTEGER;
    return pa !== pb ? pa < pb : a < b;
  };
}

function toItem(candidate: QueueCandidate, kind: QueueKind): QueueItem {
  return {
    cardId: candidate.cardId,
    deckId: candidate.deckId,
    noteKey: candidate.noteKey,
    kind,
    state: candidate.state,
    due: kind === "new" ? null : (candidate.state?.due ?? null),
  };
}

/**
 * How many new cards a day's queue may take once it holds `reviewsTaken` reviews: what the new-card
 * limit leaves, and what the review limit leaves, since Anki counts new cards against that too.
 */
export function newCardRoom(limits: QueueLimits, today: TodayActivity, reviewsTaken: number): number {
  return Math.min(limits.newPerDay - today.newIntroduced, limits.reviewsPerDay - today.reviewsDone - today.newIntroduced - reviewsTaken);
}

export function buildQueue(input: QueueInput): Queue {
  const now = input.now.getTime();
  const learnAheadUntil = now + (input.learnAheadMinutes ?? DEFAULT_LEARN_AHEAD_MINUTES) * 60_000;
  const { limits, today, candidates } = input;
  const groups = classify(candidates, now, input.day.end.getTime(), learnAheadUntil);
  const reviewedNotes: ReadonlySet<string> =
    today.reviewedNoteKeys instanceof Set ? today.reviewedNoteKeys : new Set(today.reviewedNoteKeys);
  const dueFirst = byDue(candidates, groups.dues);
  const items: QueueItem[] = [];
  const takenNotes = new Set<string>();

  const learningHeap = new IndexHeap(groups.learningNow, groups.learningNowCount, dueFirst);
  for (let i = learningHeap.pop(); i >= 0; i = learningHeap.pop()) {
    const candidate = candidates[i]!;
    items.push(toItem(candidate, "learning"));
    takenNotes.add(candidate.noteKey);
  }
  for (let k = 0; k < groups.learningAheadCount; k++) takenNotes.add(candidates[groups.learningAhead[k]!]!.noteKey);

  const deckUsed = (field: keyof DeckActivity) => (deckId: string) => today.byDeck?.[deckId]?.[field] ?? 0;
  const blocked = (candidate: QueueCandidate) => reviewedNotes.has(candidate.noteKey) || takenNotes.has(candidate.noteKey);

  // Anki counts new cards against the review limit too, so a day with a full review load
  // introduces nothing new.
  let reviewsLeft = limits.reviewsPerDay - today.reviewsDone - today.newIntroduced;
  const reviewBudget = new DeckBudget(
    (deckId) => limits.decks?.[deckId]?.reviewsPerDay,
    (deckId) => deckUsed("reviewsDone")(deckId) + deckUsed("newIntroduced")(deckId),
  );
  let reviewCount = 0;
  if (reviewsLeft > 0 && groups.reviewCount > 0) {
    const heap = new IndexHeap(groups.reviews, groups.reviewCount, dueFirst);
    for (let i = heap.pop(); i >= 0 && reviewsLeft > 0; i = heap.pop()) {
      const candidate = candidates[i]!;
      if (blocked(candidate) || !reviewBudget.has(candidate.deckId)) continue;
      reviewBudget.take(candidate.deckId);
      reviewsLeft--;
      reviewCount++;
      takenNotes.add(candidate.noteKey);
      items.push(toItem(candidate, "review"));
    }
  }

  let newLeft = newCardRoom(limits, today, reviewCount);
  const newBudget = new DeckBudget((deckId) => limits.decks?.[deckId]?.newPerDay, deckUsed("newIntroduced"));
  let newCount = 0;
  if (newLeft > 0 && groups.freshCount > 0) {
    const { fresh, freshCount } = groups;
    const heap = groups.positioned ? new IndexHeap(fresh, freshCount, byPosition(candidates)) : null;
    let k = 0;
    const next = heap ? () => heap.pop() : () => (k < freshCount ? fresh[k++]! : -1);
    for (let i = next(); i >= 0 && newLeft > 0; i = next()) {
      const candidate = candidates[i]!;
      // The review limit of a deck caps its new cards as well.
      if (blocked(candidate) || !newBudget.has(candidate.deckId) || !reviewBudget.has(candidate.deckId)) continue;
      newBudget.take(candidate.deckId);
      reviewBudget.take(candidate.deckId);
      newLeft--;
      newCount++;
      takenNotes.add(candidate.noteKey);
      items.push(toItem(candidate, "new"));
    }
  }

  const aheadHeap = new IndexHeap(groups.learningAhead, groups.learningAheadCount, dueFirst);
  for (let i = aheadHeap.pop(); i >= 0; i = aheadHeap.pop()) items.push(toItem(candidates[i]!, "learning"));

  return {
    items,
    counts: { learning: groups.learningToday, review: reviewCount, new: newCount },
    nextLearningDue: groups.nextLearningDue === Number.POSITIVE_INFINITY ? null : new Date(groups.nextLearningDue),
  };
}

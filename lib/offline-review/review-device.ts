// The review session on the device: grades, buries, suspends and undoes against the local day at
// once (no network in the path from a grade to the next card), writes each action to the outbox in
// order, and syncs and refreshes when it can. The screen renders `view()` and calls the actions.
import type { QueueCounts } from "@/lib/srs/index.ts";
import type { ReviewEvent } from "@/lib/contracts/review-sync.ts";
import {
  applyEvent,
  buttonIntervals,
  standingOf,
  reviewAheadQueue,
  studyQueue,
  withPending,
  type LocalCard,
  type LocalDay,
  type PendingEvent,
} from "./local-day.ts";
import { storageJournal, type Journal, type UnwrittenAction } from "./journal.ts";
import { afterNextPaint } from "./next-paint.ts";
import { DeviceStore, type HistoryEntry, type RefusedEntry, type StoredDay } from "./store.ts";
import { inFlight, refreshDay, syncPending, type Fetcher, type SyncStatus } from "./sync.ts";

export type Rating = 1 | 2 | 3 | 4;

export interface SessionTally {
  cards: number;
  /** Milliseconds spent on the cards graded. */
  timeMs: number;
  /** Grades of cards that were in review (not new or learning), and how many of them were not Again. */
  reviewed: number;
  recalled: number;
}

export interface ReviewView {
  /** "empty": no day on this device yet and no network to fetch one. */
  status: "ready" | "empty";
  card: LocalCard | null;
  /** The card after this one as the queue stands (the screen prepares it while the learner reads). */
  upcoming: LocalCard | null;
  intervals: [string, string, string, string] | null;
  counts: QueueCounts;
  nextLearningDue: Date | null;
  /** Cards that could be reviewed ahead (due by tomorrow's end), when today's queue is empty. */
  aheadCount: number;
  /** True once the learner chose to review ahead: the queue then shows those cards. */
  reviewingAhead: boolean;
  pendingCount: number;
  lastSyncAt: string | null;
  dayFetchedAt: string | null;
  refused: RefusedEntry[];
  canUndo: boolean;
  network: SyncStatus | null;
  message: string | null;
  session: SessionTally;
}

const EMPTY_COUNTS: QueueCounts = { learning: 0, review: 0, new: 0 };

export class ReviewDevice {
  private stored: StoredDay | null = null;
  private local: LocalDay | null = null;
  private pendingCount = 0;
  private lastSyncAt: string | null = null;
  private refused: RefusedEntry[] = [];
  private canUndo = false;
  private network: SyncStatus | null = null;
  private message: string | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private session: SessionTally = { cards: 0, timeMs: 0, reviewed: 0, recalled: 0 };
  private cache: { at: number; view: ReviewView } | null = null;
  private ahead = false;
  /** Writes waiting for the next paint; `flushWrites` starts them at once. */
  private readonly waiting = new Set<() => void>();
  /** Actions applied in memory whose IndexedDB write has not finished, by event id. */
  private readonly unwritten = new Map<string, UnwrittenAction>();
  /** True while the journal holds this page's copy of `unwritten`. */
  private journaled = false;

  private constructor(
    readonly store: DeviceStore,
    readonly userId: string,
    readonly deckId: string | null,
    readonly deviceId: string,
    private readonly fetcher: Fetcher,
    private readonly journal: Journal | null,
  ) {}

  /**
   * `journal` keeps the actions a page hidden mid-write had not written yet (journal.ts); by
   * default localStorage, where there is one.
   */
  static async open(
    userId: string,
    deckId: string | null,
    fetcher: Fetcher = (input, init) => fetch(input, init),
    journal: Journal | null = typeof localStorage === "undefined" ? null : storageJournal(localStorage, userId),
  ): Promise<ReviewDevice> {
    const store = await DeviceStore.open(userId);
    if (journal) {
      const left = journal.collect();
      await store.recover(left.actions);
      left.forget();
    }
    const device = new ReviewDevice(store, userId, deckId, await store.deviceId(), fetcher, journal);
    await device.reload();
    return device;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.cache = null;
    for (const listener of this.listeners) listener();
  }

  /** Reads everything back from IndexedDB (after a sync, a refresh, an undo, or on open). */
  private async reload(): Promise<void> {
    this.stored = await this.store.day(this.deckId);
    const pending = await this.store.pending();
    this.local = this.stored ? withPending(this.stored.day, pending) : null;
    this.pendingCount = pending.length;
    this.lastSyncAt = await this.store.lastSyncAt();
    this.refused = await this.store.refused();
    this.canUndo = await this.store.hasHistory();
    this.changed();
  }

  view(now: Date): ReviewView {
    if (this.cache && this.cache.at === now.getTime()) return this.cache.view;
    const base = {
      pendingCount: this.pendingCount,
      lastSyncAt: this.lastSyncAt,
      dayFetchedAt: this.stored?.fetchedAt ?? null,
      refused: this.refused,
      canUndo: this.canUndo,
      network: this.network,
      message: this.message,
      session: this.session,
    };
    let view: ReviewView;
    if (!this.local) {
      view = {
        ...base,
        status: "empty",
        card: null,
        upcoming: null,
        intervals: null,
        counts: EMPTY_COUNTS,
        nextLearningDue: null,
        aheadCount: 0,
        reviewingAhead: false,
      };
    } else {
      const today = studyQueue(this.local, now);
      // Today's cards due now come first, always. Once none is left, and the learner asked, the
      // cards ahead come before a learning card shown early (Anki's learn-ahead), so a card failed
      // ahead waits for its step while the others are reviewed.
      const dueNow = today.items.some((item) => item.due === null || item.due.getTime() <= now.getTime());
      const ahead = dueNow ? null : reviewAheadQueue(this.local, now);
      const queue = ahead && this.ahead && ahead.items.length > 0 ? ahead : today;
      const first = queue.items[0];
      const card = first ? (this.local.cards.get(first.cardId) ?? null) : null;
      const second = queue.items[1];
      view = {
        ...base,
        status: "ready",
        card,
        upcoming: second ? (this.local.cards.get(second.cardId) ?? null) : null,
        intervals: card ? buttonIntervals(this.local, card, now) : null,
        counts: queue.counts,
        nextLearningDue: today.nextLearningDue,
        aheadCount: ahead?.items.length ?? 0,
        reviewingAhead: queue === ahead,
      };
    }
    this.cache = { at: now.getTime(), view };
    return view;
  }

  /** Review ahead (Anki's custom study): once today's cards are done, show those due by tomorrow's end. */
  reviewAhead(): void {
    this.ahead = true;
    this.changed();
  }

  /** Applies an action to the local day now and queues its write; the returned promise settles when it is stored. */
  private act(event: ReviewEvent, options: { undoable: boolean; restore?: PendingEvent["before"] }): Promise<void> {
    const card = this.local?.cards.get(event.cardId);
    if (!this.local || !card) return Promise.resolve();
    const pending: PendingEvent = { event, deckId: card.deckId, noteKey: card.noteKey, before: standingOf(card) };
    if (options.restore) pending.restore = options.restore;
    applyEvent(this.local, pending);
    this.pendingCount++;
    if (options.undoable) this.canUndo = true;
    this.changed();
    const history: HistoryEntry | null = options.undoable
      ? { eventId: event.id, cardId: event.cardId, kind: event.kind, deckId: card.deckId, noteKey: card.noteKey, before: pending.before }
      : null;
    // The write waits until the next card is painted: the grade is already applied in memory, and
    // IndexedDB's transaction costs a phone several milliseconds that the learner would see.
    this.unwritten.set(event.id, { pending, history });
    const painted = this.nextPaint();
    const write = this.writes.then(() => painted).then(() => this.store.record(pending, history));
    this.writes = write.catch(() => undefined);
    return write.then(
      () => {
        this.unwritten.delete(event.id);
        // Written: the journal's copy, if the page was hidden meanwhile, is no longer needed.
        if (this.journaled) this.keepUnwritten();
      },
      (error: unknown) => {
        this.message = `This grade could not be saved on the device: ${error instanceof Error ? error.message : String(error)}`;
        this.changed();
      },
    );
  }

  private nextPaint(): Promise<void> {
    return new Promise((resolve) => {
      const start = () => {
        if (this.waiting.delete(start)) resolve();
      };
      this.waiting.add(start);
      afterNextPaint(start);
    });
  }

  /**
   * The page is being hidden or closed: starts every write still waiting for a paint, and copies
   * the actions not yet written to the journal in case the page does not live to finish them.
   */
  flushWrites(): void {
    for (const start of [...this.waiting]) start();
    if (this.unwritten.size > 0) this.keepUnwritten();
  }

  private keepUnwritten(): void {
    if (!this.journal) return;
    this.journal.keep([...this.unwritten.values()]);
    this.journaled = this.unwritten.size > 0;
  }

  private base(cardId: string, now: Date) {
    return { id: crypto.randomUUID(), cardId, at: now.toISOString(), deviceId: this.deviceId };
  }

  grade(cardId: string, rating: Rating, durationMs: number, now: Date): Promise<void> {
    const card = this.local?.cards.get(cardId);
    if (!card) return Promise.resolve();
    const wasReview = card.schedule?.state === 2;
    const duration = Math.max(0, Math.min(Math.round(durationMs), 24 * 60 * 60 * 1000));
    this.session = {
      cards: this.session.cards + 1,
      timeMs: this.session.timeMs + duration,
      reviewed: this.session.reviewed + (wasReview ? 1 : 0),
      recalled: this.session.recalled + (wasReview && rating > 1 ? 1 : 0),
    };
    return this.act({ ...this.base(cardId, now), kind: "grade", rating, durationMs: duration }, { undoable: true });
  }

  bury(cardId: string, now: Date): Promise<void> {
    return this.act({ ...this.base(cardId, now), kind: "bury" }, { undoable: true });
  }

  suspend(cardId: string, now: Date): Promise<void> {
    return this.act({ ...this.base(cardId, now), kind: "suspend" }, { undoable: true });
  }

  /**
   * Takes back the last action. One still in the outbox is simply withdrawn (the server never hears
   * of it); one the server already has is taken back by an undo event, which the server replays.
   */
  async undo(now: Date): Promise<void> {
    await this.writes;
    const entry = await this.store.popHistory();
    if (!entry) {
      this.canUndo = false;
      this.changed();
      return;
    }
    const sending = inFlight.has(entry.eventId);
    const withdrawn = await this.store.withdraw(entry.eventId);
    if (entry.kind === "grade" && this.session.cards > 0) this.session = { ...this.session, cards: this.session.cards - 1 };
    await this.reload();
    if (!withdrawn || sending) {
      const event: ReviewEvent = { ...this.base(entry.cardId, now), kind: "undo", undoes: entry.eventId };
      await this.act(event, { undoable: false, restore: entry.before });
    }
  }

  /** Sends the outbox, then fetches the day again; says how it went in `network`. */
  async syncAndRefresh(now: Date): Promise<void> {
    await this.writes;
    const sync = await syncPending(this.store, this.userId, this.fetcher);
    this.network = sync.status;
    this.message = sync.message ?? null;
    if (sync.status === "synced") {
      const day = await refreshDay(this.store, this.userId, this.deckId, now, this.fetcher);
      this.network = day.status === "fresh" ? "synced" : day.status;
      if (day.status !== "fresh" && "message" in day && day.message) this.message = day.message;
    }
    await this.reload();
  }

  async dismissRefused(): Promise<void> {
    await this.store.dismissRefused();
    await this.reload();
  }

  close(): void {
    this.listeners.clear();
    this.store.close();
  }
}

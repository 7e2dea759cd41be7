"use client";
// The review screen. Everything a grade needs is on the device (lib/offline-review): grade → next
// card is a local computation and a render; the network is used only to sync and refresh, never
// waited on between cards.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { afterNextPaint, ReviewDevice, type Rating, type ReviewView } from "@/lib/offline-review/index.ts";
import { CardView } from "./card-view.tsx";
import { useCardSwap } from "./card-swap.ts";
import { CardMenu } from "./card-menu.tsx";
import { DaySummary } from "./day-summary.tsx";
import { GradeButtons } from "./grade-buttons.tsx";
import { SyncStatus } from "./sync-status.tsx";
import { useReviewKeys } from "./use-review-keys.ts";
import { requestBackgroundSync, useServiceWorker } from "./use-service-worker.ts";
import "./review.css";

const SYNC_DEBOUNCE_MS = 1500;
/** How long grades may sit unsent, while the page is open and online, before another try. */
const SYNC_RETRY_MS = 5000;

declare global {
  interface Window {
    /** Milliseconds from each grade's key or tap to the painted next card (bench/review-device.ts). */
    __reviewTimings?: number[];
  }
}

export function ReviewScreen({ userId, deckId, title }: { userId: string; deckId: string | null; title: string }) {
  useServiceWorker(userId);
  const [device, setDevice] = useState<ReviewDevice | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // Counts the learner's actions: the same card can come straight back (Again, nothing else left),
  // so a showing is the card and the turn, and the answer is revealed for one showing only.
  const [turn, setTurn] = useState(0);
  const [revealedShowing, setRevealedShowing] = useState<string | null>(null);
  const [wide, setWide] = useState(false);
  const shownAt = useRef(0);
  const cardRef = useRef<HTMLElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const syncTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Set by a grade that already focused the card element and scrolled to the top for the next card. */
  const placedForNext = useRef(false);
  const { screenRef, stagedRef, heldRef, show: showStaged, flush: flushSwap } = useCardSwap();

  useEffect(() => {
    let open: ReviewDevice | null = null;
    let unsubscribe = () => {};
    let closed = false;
    ReviewDevice.open(userId, deckId)
      .then((opened) => {
        if (closed) return opened.close();
        open = opened;
        // While a swap holds React's update, the release renders every change at once.
        unsubscribe = opened.subscribe(() => heldRef.current || setVersion((v) => v + 1));
        setDevice(opened);
        void opened.syncAndRefresh(new Date());
      })
      .catch((error: unknown) =>
        setFailure(`This browser cannot keep your cards: ${error instanceof Error ? error.message : String(error)}`),
      );
    return () => {
      closed = true;
      unsubscribe();
      open?.close();
    };
  }, [userId, deckId, heldRef]);

  useEffect(() => {
    const query = window.matchMedia("(min-width: 700px)");
    const update = () => setWide(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);

  // Sync and refresh whenever the network may be back or the learner returns to the tab.
  useEffect(() => {
    if (!device) return;
    const sync = () => void device.syncAndRefresh(new Date());
    // A hidden page may never paint again: a grade waiting for a paint is recorded and written now.
    const onHide = () => {
      flushSwap();
      device.flushWrites();
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") sync();
      else onHide();
    };
    window.addEventListener("online", sync);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("online", sync);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onHide);
    };
  }, [device, flushSwap]);

  // `version` changes whenever the device's state does; the view is recomputed from it.
  const view: ReviewView | null = useMemo(() => (device ? device.view(new Date()) : null), [device, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const card = view?.card ?? null;
  const showing = card ? `${turn}:${card.cardId}` : null;
  const revealed = showing !== null && revealedShowing === showing;

  // Grades still waiting after a sync (the server busy or failing, a sync that ran just before a
  // write) are sent again while the page is open, instead of waiting for the learner's next action.
  // Every sync reloads the view, so this tries again after each attempt until none are left.
  useEffect(() => {
    if (!device || !view || view.pendingCount === 0 || view.network === "signed-out") return;
    const timer = setTimeout(() => navigator.onLine && void device.syncAndRefresh(new Date()), SYNC_RETRY_MS);
    return () => clearTimeout(timer);
  }, [device, view]);

  // A learning card due later today: look again when it is.
  useEffect(() => {
    if (!view || card || !view.nextLearningDue) return;
    const wait = Math.max(0, view.nextLearningDue.getTime() - Date.now()) + 50;
    const timer = setTimeout(() => setVersion((v) => v + 1), Math.min(wait, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [view, card]);

  // The next card, staged in the page while the learner reads this one (card-swap.ts).
  const upcoming = view?.upcoming && view.upcoming.cardId !== card?.cardId ? view.upcoming : null;

  useEffect(() => {
    shownAt.current = performance.now();
    if (placedForNext.current) {
      placedForNext.current = false;
      return;
    }
    cardRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [showing]);

  const afterAction = useCallback(() => {
    if (!heldRef.current) setTurn((t) => t + 1);
    requestBackgroundSync();
    if (!device || !navigator.onLine) return;
    if (syncTimer.current) clearTimeout(syncTimer.current);
    syncTimer.current = setTimeout(() => void device.syncAndRefresh(new Date()), SYNC_DEBOUNCE_MS);
  }, [device, heldRef]);

  const reveal = useCallback(() => {
    if (showing) setRevealedShowing(showing);
  }, [showing]);

  useEffect(() => {
    if (!revealed) return;
    // Land on the verdict: the top of the answer, not the middle of a long explanation.
    answerRef.current?.scrollIntoView({ block: "start" });
    answerRef.current?.focus({ preventScroll: true });
  }, [revealed]);

  const grade = useCallback(
    (rating: Rating, at: number) => {
      // While a swap holds, the buttons on screen belong to the card just graded.
      if (!device || !card || !revealed || heldRef.current) return;
      // Scroll for the next card now, while the page's layout is the one on screen (afterwards it
      // would be laid out again first).
      window.scrollTo({ top: 0 });
      // Swapped or not, the next card is in the next painted frame: the swap put it there, or React
      // renders this discrete event's update before the frame. Asked first, so the clock stops as
      // the task after that frame begins, before the work waiting for it.
      afterNextPaint(() => (window.__reviewTimings ??= []).push(performance.now() - at), null);
      const durationMs = performance.now() - shownAt.current;
      const now = new Date();
      const record = () => {
        void device.grade(card.cardId, rating, durationMs, now);
        afterAction();
      };
      // With the next card already staged, the grade itself (ts-fsrs, the day's queue) is computed
      // after the frame that shows it, just before React's update, which needs it: on a phone the
      // key's task is then short enough for that frame to come sooner.
      const shown =
        upcoming !== null &&
        showStaged(upcoming.cardId, () => {
          record();
          setVersion((v) => v + 1);
          setTurn((t) => t + 1);
        });
      if (!shown) {
        cardRef.current?.focus({ preventScroll: true });
        placedForNext.current = true;
        record();
      }
    },
    [device, card, revealed, afterAction, upcoming, showStaged, heldRef],
  );

  const undo = useCallback(() => {
    if (!device) return;
    // A grade still waiting for its frame (the Undo button pressed inside a swap) is recorded
    // first, so the undo takes back that grade and not the one before it.
    flushSwap();
    void device.undo(new Date()).then(afterAction);
  }, [device, afterAction, flushSwap]);

  const bury = useCallback(() => {
    if (!device || !card) return;
    void device.bury(card.cardId, new Date());
    afterAction();
  }, [device, card, afterAction]);

  const suspend = useCallback(() => {
    if (!device || !card) return;
    void device.suspend(card.cardId, new Date());
    afterAction();
  }, [device, card, afterAction]);

  useReviewKeys({ revealed, reveal, grade, undo }, heldRef);

  return (
    <div className="review review-page" data-testid="review-screen" data-ready={view ? "true" : "false"} ref={screenRef}>
      <h1 className="visually-hidden">Review: {title}</h1>
      <div className="review-top">
        {view && (
          <p className="review-counts" data-testid="progress">
            <span className="count-new">{view.counts.new} new</span>
            <span className="count-learning">{view.counts.learning} learning</span>
            <span className="count-review">{view.counts.review} due</span>
            {view.reviewingAhead && <span className="muted">reviewing ahead</span>}
          </p>
        )}
        {card && <CardMenu card={card} onBury={bury} onSuspend={suspend} />}
      </div>

      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {view?.message && (
        <p className="form-error" role="alert">
          {view.message}
        </p>
      )}

      {!view && !failure && <p className="muted">Opening your cards…</p>}
      {view?.status === "empty" && (
        <div className="panel" data-testid="review-empty">
          <h2>No cards on this device yet</h2>
          <p>Open review once while online and today&apos;s cards are kept here for offline study.</p>
        </div>
      )}

      {card && view?.intervals && (
        <>
          {/* Keyed by card: when the staged card becomes the shown one, React keeps its element. */}
          <div className="card-stack">
            <CardView key={card.cardId} card={card} revealed={revealed} wide={wide} cardRef={cardRef} answerRef={answerRef} />
            {upcoming && <CardView key={upcoming.cardId} card={upcoming} revealed={false} wide={wide} cardRef={stagedRef} staged />}
          </div>
          <div className="review-actions">
            {revealed ? (
              <GradeButtons intervals={view.intervals} onGrade={grade} />
            ) : (
              <button className="button full reveal" type="button" onClick={reveal} aria-keyshortcuts="Space">
                Show answer
              </button>
            )}
            <div className="review-actions-row">
              <button
                className="button secondary small"
                type="button"
                onClick={undo}
                disabled={!view.canUndo}
                aria-keyshortcuts="Control+Z"
                data-testid="undo"
              >
                Undo
              </button>
            </div>
          </div>
        </>
      )}

      {view?.status === "ready" && !card && (
        <DaySummary
          view={view}
          deckId={deckId}
          onUndo={undo}
          onRefresh={() => device && device.syncAndRefresh(new Date())}
          onReviewAhead={() => device?.reviewAhead()}
        />
      )}

      {view && device && <SyncStatus view={view} onDismissRefused={() => void device.dismissRefused()} />}
    </div>
  );
}

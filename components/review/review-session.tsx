"use client";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReviewAction } from "@/lib/contracts/index.ts";
import { RATINGS, RATING_NAMES, type Rating, type ReviewError, type ReviewScreenState } from "./review-types.ts";

/** An action as the screen sends it; the deck it is studying is added to every request. */
type Action = ReviewAction extends infer Each ? (Each extends unknown ? Omit<Each, "deckId"> : never) : never;

function newReviewId(): string {
  return crypto.randomUUID();
}

export function ReviewSession({ initial, deckId }: { initial: ReviewScreenState; deckId: string | null }) {
  const [screen, setScreen] = useState<ReviewScreenState>(initial);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // When the card on screen was first shown in this browser; set after mount, since a clock read
  // while rendering would be the server's on the first card.
  const shownAt = useRef<number | null>(null);
  useEffect(() => {
    shownAt.current = performance.now();
  }, []);
  // One id per showing of a card: a retried or doubled grade request carries the same one.
  const reviewId = useRef(newReviewId());
  const revealButton = useRef<HTMLButtonElement>(null);
  const answerHeading = useRef<HTMLDivElement>(null);

  const card = screen.card;

  const show = useCallback((next: ReviewScreenState) => {
    setScreen(next);
    setRevealed(false);
    shownAt.current = performance.now();
    reviewId.current = newReviewId();
  }, []);

  const send = useCallback(
    async (action: Action) => {
      setBusy(true);
      setMessage(null);
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            const response = await fetch("/api/review", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ ...action, deckId }),
            });
            const body = (await response.json()) as ReviewScreenState | ReviewError;
            if ("error" in body) {
              setMessage(body.error);
              if (body.code === "stale") {
                const fresh = await fetch("/api/review", {
                  method: "POST",
                  headers: { "content-type": "application/json" },
                  body: JSON.stringify({ type: "next", deckId }),
                });
                if (fresh.ok) show((await fresh.json()) as ReviewScreenState);
              }
              return;
            }
            show(body);
            return;
          } catch (error) {
            // A dropped connection: the same request (same review id) is safe to send again.
            if (attempt >= 2) throw error;
            await new Promise((r) => setTimeout(r, 400 * (attempt + 1)));
          }
        }
      } catch {
        setMessage("The server could not be reached. Your last grade was not lost; try again.");
      } finally {
        setBusy(false);
      }
    },
    [deckId, show],
  );

  const grade = useCallback(
    (rating: Rating) => {
      if (!card || !revealed || busy) return;
      void send({
        type: "grade",
        cardId: card.cardId,
        rating,
        version: card.version,
        clientReviewId: reviewId.current,
        durationMs: Math.round(performance.now() - (shownAt.current ?? performance.now())),
      });
    },
    [card, revealed, busy, send],
  );

  const undo = useCallback(() => {
    if (!screen.undo || busy) return;
    void send({ type: "undo", reviewLogId: screen.undo.reviewLogId });
  }, [screen.undo, busy, send]);

  const reveal = useCallback(() => {
    if (!card || revealed) return;
    setRevealed(true);
  }, [card, revealed]);

  useEffect(() => {
    // Focus follows the session for keyboard and screen-reader users; the page itself stays put.
    if (revealed) answerHeading.current?.focus();
    else revealButton.current?.focus({ preventScroll: true });
  }, [revealed, card?.cardId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
        event.preventDefault();
        undo();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (!revealed && (event.key === " " || event.key === "Enter")) {
        event.preventDefault();
        reveal();
      } else if (revealed && /^[1-4]$/.test(event.key)) {
        event.preventDefault();
        grade(Number(event.key) as Rating);
      } else if (revealed && event.key === " ") {
        event.preventDefault();
        grade(3);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [revealed, reveal, grade, undo]);

  const { counts } = screen;
  return (
    <div className="review">
      <div className="review-bar">
        <p className="review-progress" aria-label="Left today" data-testid="progress">
          <span className="count-learning" title="Learning">
            {counts.learning}
          </span>
          <span className="count-review" title="Review">
            {counts.review}
          </span>
          <span className="count-new" title="New">
            {counts.new}
          </span>
          <span className="visually-hidden">
            {counts.learning} learning, {counts.review} to review, {counts.new} new left today
          </span>
        </p>
        <button
          className="button secondary small"
          type="button"
          onClick={undo}
          disabled={!screen.undo || busy}
          aria-keyshortcuts="Control+Z"
        >
          Undo
        </button>
      </div>

      <div aria-live="polite" className="review-message">
        {message && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
      </div>

      {card ? (
        <article className="panel review-card" aria-label="Card" data-testid="review-card" data-card-id={card.cardId}>
          <p className="card-meta">
            {card.deckPath}
            {card.isNew ? " · new" : ""}
          </p>
          <div className="card-face" data-testid="front" dangerouslySetInnerHTML={{ __html: card.frontHtml }} />
          <div aria-live="polite">
            {revealed && (
              <div className="card-answer" ref={answerHeading} tabIndex={-1} data-testid="back">
                <hr />
                <h2 className="visually-hidden">Answer</h2>
                <div className="card-face" dangerouslySetInnerHTML={{ __html: card.backHtml }} />
              </div>
            )}
          </div>
        </article>
      ) : (
        <div className="panel review-done" data-testid="review-done">
          <h2>Done for now</h2>
          {screen.nextLearningAt ? (
            <p>A learning card comes back at {new Date(screen.nextLearningAt).toLocaleTimeString()}.</p>
          ) : (
            <p>You have finished today&apos;s cards. Come back tomorrow.</p>
          )}
          <Link className="button secondary" href="/decks">
            Back to decks
          </Link>
        </div>
      )}

      {card && (
        <div className="review-actions">
          {!revealed ? (
            <button ref={revealButton} className="button full reveal" type="button" onClick={reveal} aria-keyshortcuts="Space">
              Show answer
            </button>
          ) : (
            <div className="grades" role="group" aria-label="How well did you remember?">
              {RATINGS.map((rating) => (
                <button
                  key={rating}
                  type="button"
                  className={`button grade grade-${rating}`}
                  disabled={busy}
                  onClick={() => grade(rating)}
                  aria-keyshortcuts={String(rating)}
                  data-testid={`grade-${rating}`}
                >
                  <span className="grade-interval">{card.intervals[rating]}</span>
                  <span className="grade-name">{RATING_NAMES[rating]}</span>
                  <kbd className="grade-key" aria-hidden="true">
                    {rating}
                  </kbd>
                </button>
              ))}
            </div>
          )}
          <div className="card-tools">
            <button
              className="linklike"
              type="button"
              disabled={busy}
              onClick={() => send({ type: "bury", cardId: card.cardId, version: card.version })}
            >
              Bury until tomorrow
            </button>
            <button
              className="linklike"
              type="button"
              disabled={busy}
              onClick={() => send({ type: "suspend", cardId: card.cardId, version: card.version })}
            >
              Suspend
            </button>
            <a className="linklike" href={`/cards/${card.cardId}`}>
              Card info
            </a>
            <a className="linklike" href={`/cards/${card.cardId}/edit`}>
              Edit
            </a>
          </div>
        </div>
      )}
    </div>
  );
}

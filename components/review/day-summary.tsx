"use client";
// The end of the day: what was done in this session, and what Anki offers next: more new cards,
// review ahead (the cards due by tomorrow's end, which the device already holds), or a custom study
// session for one deck (from the deck list, where each deck is studied on its own).
import Link from "next/link";
import { useState } from "react";
import { clockTime } from "./clock.ts";
import { studyMoreTodayAction } from "@/app/actions/study-more.ts";
import type { ReviewView } from "@/lib/offline-review/index.ts";

const EXTRA_NEW_CARDS = 10;

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "under a minute";
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function DaySummary({
  view,
  deckId,
  onUndo,
  onRefresh,
  onReviewAhead,
}: {
  view: ReviewView;
  deckId: string | null;
  onUndo: () => void;
  onReviewAhead: () => void;
  onRefresh: () => Promise<void> | null;
}) {
  const [note, setNote] = useState<string | null>(null);
  const { session } = view;
  const retention = session.reviewed > 0 ? `${Math.round((100 * session.recalled) / session.reviewed)}%` : null;
  const studyMore = async (form: FormData) => {
    setNote(null);
    try {
      await studyMoreTodayAction(form);
      await onRefresh();
    } catch {
      setNote("Adding new cards needs the network; try again when you are online.");
    }
  };
  return (
    <section className="panel review-done" data-testid="review-done" aria-labelledby="review-done-title">
      <h2 id="review-done-title">{view.nextLearningDue ? "Done for now" : "Done for today"}</h2>
      <p data-testid="session-summary">
        {session.cards === 1 ? "1 card" : `${session.cards} cards`} in {duration(session.timeMs)}
        {retention ? `, ${retention} of reviews recalled` : ""}.
      </p>
      {view.nextLearningDue && <p>A learning card comes back at {clockTime(view.nextLearningDue)}.</p>}
      <div className="done-actions">
        <form action={studyMore}>
          <input type="hidden" name="deckId" value={deckId ?? "all"} />
          <input type="hidden" name="extra" value={EXTRA_NEW_CARDS} />
          <button className="button" type="submit">
            Study {EXTRA_NEW_CARDS} more new cards
          </button>
        </form>
        {view.aheadCount > 0 && (
          <button className="button secondary" type="button" onClick={onReviewAhead} data-testid="review-ahead">
            Review ahead: {view.aheadCount === 1 ? "1 card" : `${view.aheadCount} cards`} due by tomorrow
          </button>
        )}
        <Link className="button secondary" href="/decks">
          Custom study: one deck
        </Link>
        {view.canUndo && (
          <button className="button secondary" type="button" onClick={onUndo}>
            Undo last
          </button>
        )}
      </div>
      {note && (
        <p className="form-error" role="alert">
          {note}
        </p>
      )}
    </section>
  );
}

"use client";
// The review screen's keys: Space or Enter shows the answer, then 1–4 grade (Space or Enter: Good),
// Ctrl+Z or ⌘Z undoes. A key acts on the screen as the last commit left it, and two moments leave
// that screen stale: a grade's swap, until React's update is in (card-swap.ts: the grade is not
// even recorded yet), and a replayed key, until the update it caused is in. Review keys pressed in
// those moments wait, in order, and are replayed one per commit; a fast typist's Space, grade and
// undo each count once, on the card they were meant for.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { Rating } from "@/lib/offline-review/index.ts";

export interface ReviewKeyActions {
  revealed: boolean;
  reveal(): void;
  /** `at`: the key's event time, from which the paint of the next card is timed. */
  grade(rating: Rating, at: number): void;
  undo(): void;
}

/** Keys on these belong to them: Space on a focused button presses it, it does not grade. */
const OWN_KEYS = "button, a, input, textarea, select, summary, details, dialog, [role=menu], [tabindex='0'], [contenteditable]";
const UNDO = "undo";

interface WaitingKey {
  key: string;
  at: number;
}

/** A key the screen acts on is its alone: no default action, and no other listener. */
function taken(event: KeyboardEvent): void {
  event.preventDefault();
  event.stopPropagation();
}

const isReviewKey = (key: string) => key === " " || key === "Enter" || /^[1-4]$/.test(key);

export function useReviewKeys(actions: ReviewKeyActions, heldRef: RefObject<boolean>): void {
  // Read by the listener: a listener re-attached by a passive effect would leave a moment, after a
  // commit and before the effect, when keys reach the previous card's handlers.
  const current = useRef(actions);
  const waiting = useRef<WaitingKey[]>([]);
  /** True from a replayed key until the next commit. */
  const replayed = useRef(false);
  const [, setReplays] = useState(0);

  useLayoutEffect(() => {
    current.current = actions;
    replayed.current = false;
  });

  /** Acts on a review key as the screen now stands; false when it means nothing here. */
  const press = useCallback((key: string, at: number): boolean => {
    const { revealed, reveal, grade, undo } = current.current;
    if (key === UNDO) {
      undo();
      return true;
    }
    if (document.querySelector("dialog[open]")) return false;
    if (key === " " || key === "Enter") {
      if (revealed) grade(3, at);
      else reveal();
      return true;
    }
    if (!revealed) return false;
    grade(Number(key) as Rating, at);
    return true;
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const typing = target?.closest("input, textarea, select, [contenteditable]");
      const undoKey = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "z" && !typing;
      if (!undoKey && (event.ctrlKey || event.metaKey || event.altKey || event.repeat || !isReviewKey(event.key))) return;
      const key = undoKey ? UNDO : event.key;
      // Before the focus check: in a swap the focus may still be on the button just pressed.
      if (heldRef.current || replayed.current || waiting.current.length > 0) {
        taken(event);
        waiting.current.push({ key, at: event.timeStamp });
        return;
      }
      if (!undoKey && target && target !== document.body && target.closest(OWN_KEYS)) return;
      if (press(key, event.timeStamp)) taken(event);
    };
    // Captured at the window, before React's own dispatch of the event, which a key the screen
    // takes does not need: on a throttled phone that dispatch is part of the task that stands
    // between the grade key and the frame showing the next card (bench/RESULTS.md, review-device).
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [heldRef, press]);

  // After each commit, the next waiting key, if the screen is not held. A key that changes nothing
  // would leave the rest waiting for a commit that never comes, hence the render asked for here;
  // each one takes a key off, so they stop.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs after every commit on purpose
  useEffect(() => {
    if (heldRef.current || waiting.current.length === 0) return;
    const { key, at } = waiting.current.shift()!;
    replayed.current = true;
    press(key, at);
    if (!heldRef.current) setReplays((n) => n + 1);
  });
}

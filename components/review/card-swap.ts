"use client";
// The next card on screen in the frame after a grade, without waiting for React. The next card is
// already in the page, laid out and transparent (CardView's staged slot); a grade sets one attribute
// on the screen, so CSS makes the staged card opaque and the graded one and the buttons transparent
// (review.css). React's own update (counts, buttons, the card after, focus) waits for that frame to
// be painted, and so does the grade's computation (review-screen.tsx). After React's update shows
// the same card in the main slot, the attribute is dropped.
import { useCallback, useLayoutEffect, useRef } from "react";
import { afterNextPaint } from "@/lib/offline-review/index.ts";

export interface CardSwap {
  screenRef: React.RefObject<HTMLDivElement | null>;
  stagedRef: React.RefObject<HTMLElement | null>;
  /**
   * True from a swap until React has committed the update `release` asked for: state changes
   * wait, and keys are not acted on (the handlers React holds still belong to the graded card).
   */
  heldRef: React.RefObject<boolean>;
  /** Shows the staged card if it is `cardId`; false (nothing done) when it is not there. */
  show(cardId: string, release: () => void): boolean;
  /** Runs a release still waiting for its frame now (the page is being hidden and may never paint). */
  flush(): void;
}

export function useCardSwap(): CardSwap {
  const screenRef = useRef<HTMLDivElement>(null);
  const stagedRef = useRef<HTMLElement>(null);
  const heldRef = useRef(false);
  const releasedRef = useRef(false);
  const waitingRelease = useRef<(() => void) | null>(null);

  const flush = useCallback(() => {
    const release = waitingRelease.current;
    if (!release) return;
    waitingRelease.current = null;
    releasedRef.current = true;
    release();
  }, []);

  const show = useCallback(
    (cardId: string, release: () => void) => {
      const screen = screenRef.current;
      const staged = stagedRef.current;
      if (!screen || !staged || staged.dataset.cardId !== cardId) return false;
      screen.dataset.swapped = "true";
      heldRef.current = true;
      waitingRelease.current = release;
      // The fallback of afterNextPaint covers a hidden tab, which paints no frame.
      afterNextPaint(flush);
      return true;
    },
    [flush],
  );

  // The first commit after the release has the shown card in React's main slot.
  useLayoutEffect(() => {
    if (!releasedRef.current) return;
    releasedRef.current = false;
    heldRef.current = false;
    delete screenRef.current?.dataset.swapped;
  });

  return { screenRef, stagedRef, heldRef, show, flush };
}

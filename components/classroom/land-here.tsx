"use client";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * Where a page lands: after a quiz is submitted the page is rendered again in place, scrolled to
 * where the submit button was; this brings the score into view and moves focus to it.
 */
export function LandHere({ children, className, testId }: { children: ReactNode; className?: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "start" });
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className={className ? `land-here ${className}` : "land-here"} data-testid={testId}>
      {children}
    </div>
  );
}

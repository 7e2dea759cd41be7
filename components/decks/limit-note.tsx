import Link from "next/link";
import type { LimitHeld } from "@/lib/decks/index.ts";
import { counted } from "@/components/ui/counted.ts";

interface Props {
  held: LimitHeld;
  /** How many of that kind are still left to study today. */
  left: number;
}

/**
 * Why a deck shows fewer cards than wait in it: a daily limit. Studying more today means raising
 * that limit in Settings (the learner's overall limit, or the deck's own); nothing else does.
 */
export function LimitNote({ held, left }: Props) {
  const limit = held.kind === "new" ? "new-card limit" : "review limit";
  const whose = held.scope === "deck" ? "This deck's daily" : "Daily";
  const n = held.waiting;
  const waiting = held.kind === "new" ? counted(n, "new card", "new cards") : counted(n, "review", "reviews");
  const more = held.kind === "new" ? counted(n, "more new card", "more new cards") : counted(n, "more review", "more reviews");
  const verb = n === 1 ? "waits" : "wait";
  const field = held.kind === "new" ? "New cards per day" : "Reviews per day";
  const href = held.scope === "deck" ? "/settings#deck-heading" : `/settings#${held.kind === "new" ? "newPerDay" : "reviewsPerDay"}`;
  return (
    <p className="limit-note" data-testid="limit-note">
      {left === 0
        ? `${whose} ${limit} reached (${held.perDay} a day): ${waiting} ${verb}. `
        : `${whose} ${limit} is ${held.perDay} a day: ${more} ${verb} for later days. `}
      <Link href={href}>Study {Math.min(held.waiting, held.perDay || 20)} more?</Link>{" "}
      <span className="muted">
        Raise “{field}”{held.scope === "deck" ? " for this deck" : ""} in Settings.
      </span>
    </p>
  );
}

import Link from "next/link";
import type { LimitHeld } from "@/lib/decks/index.ts";
import { counted } from "@/components/ui/counted.ts";
import { studyMoreTodayAction } from "@/app/actions/study-more.ts";

interface Props {
  held: LimitHeld;
  /** How many of that kind are still left to study today. */
  left: number;
  /** The deck whose own limit held cards back; absent for the learner's limit over all decks. */
  deckId?: string;
  deckName?: string;
}

/**
 * Why a deck shows fewer cards than wait in it: a daily limit. New cards can be raised for today
 * only, as Anki's custom study does ("Study N more today"); a lasting change is a setting.
 */
export function LimitNote({ held, left, deckId, deckName }: Props) {
  const limit = held.kind === "new" ? "new-card limit" : "review limit";
  const whose = held.scope === "deck" ? "This deck's daily" : "Daily";
  const n = held.waiting;
  const waiting = held.kind === "new" ? counted(n, "new card", "new cards") : counted(n, "review", "reviews");
  const more = held.kind === "new" ? counted(n, "more new card", "more new cards") : counted(n, "more review", "more reviews");
  const verb = n === 1 ? "waits" : "wait";
  const field = held.kind === "new" ? "New cards per day" : "Reviews per day";
  const href = held.scope === "deck" ? "/settings#deck-heading" : `/settings#${held.kind === "new" ? "newPerDay" : "reviewsPerDay"}`;
  const extra = Math.min(held.waiting, held.perDay || 20);
  return (
    <div className="limit-note" data-testid="limit-note">
      <p>
        {left === 0
          ? `${whose} ${limit} reached (${held.perDay} a day): ${waiting} ${verb}. `
          : `${whose} ${limit} is ${held.perDay} a day: ${more} ${verb} for later days. `}
        <span className="muted">
          Raise “{field}”{held.scope === "deck" ? " for this deck" : ""} in <Link href={href}>Settings</Link> to change it for good.
        </span>
      </p>
      {held.kind === "new" && extra > 0 && (
        <form action={studyMoreTodayAction} className="study-more">
          <input type="hidden" name="deckId" value={deckId ?? "all"} />
          <input type="hidden" name="extra" value={extra} />
          <button className="button secondary small" type="submit">
            Study {extra} more today{deckName ? ` in ${deckName}` : ""}
          </button>
        </form>
      )}
    </div>
  );
}

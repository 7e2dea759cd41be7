import type { DeckToday } from "@/lib/decks/index.ts";

type Counts = Pick<DeckToday, "new" | "learning" | "review">;

/** Today's numbers for a deck, as Anki's deck list shows them: new, learning, review; read out once, in words. */
export function TodayCounts({ counts }: { counts: Counts }) {
  return (
    <span className="today-counts">
      <span className="visually-hidden">{`: ${counts.new} new, ${counts.learning} learning, ${counts.review} to review today`}</span>
      <span className="today-count new" aria-hidden="true" title="New today">
        {counts.new}
      </span>
      <span className="today-count learning" aria-hidden="true" title="Learning">
        {counts.learning}
      </span>
      <span className="today-count review" aria-hidden="true" title="To review">
        {counts.review}
      </span>
    </span>
  );
}

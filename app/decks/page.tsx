import Link from "next/link";
import { requireUser } from "@/lib/auth/index.ts";
import { listDecksWithCounts } from "@/lib/db/index.ts";
import { DeckTree } from "@/components/decks/deck-tree.tsx";
import { LimitNote } from "@/components/decks/limit-note.tsx";
import { counted } from "@/components/ui/counted.ts";

export const metadata = { title: "Your decks" };

export default async function DecksPage({ searchParams }: { searchParams: Promise<{ deleted?: string | string[] }> }) {
  const user = await requireUser("/decks");
  const { deleted } = await searchParams;
  const { decks, tree, total } = await listDecksWithCounts(user, new Date());
  // The learner's overall limit, when it is what holds cards back, is said once for every deck.
  const held = total.held;
  const waiting = total.new + total.learning + total.review;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Your decks</h1>
          <p className="muted" data-testid="today-summary">
            Today: {total.new} new, {total.learning} learning, {counted(total.review, "review", "reviews")} across{" "}
            {counted(decks.length, "deck", "decks")}
            {decks.length > 0 && waiting === 0 && !held ? ". Nothing left to study today." : "."}
          </p>
        </div>
        {decks.length > 0 && (
          <Link className="button" href="/review">
            Study all
          </Link>
        )}
      </div>
      {typeof deleted === "string" && (
        <p className="saved-note" role="status">
          Deleted the deck “{deleted}” and its cards.
        </p>
      )}
      {held && <LimitNote held={held} left={held.kind === "new" ? total.new : total.review} />}
      {decks.length === 0 ? (
        <div className="panel">
          <p>
            No decks yet. <Link href="/import">Import your notes</Link> to make some.
          </p>
        </div>
      ) : (
        <div className="panel deck-panel">
          <p className="deck-legend muted" aria-hidden="true">
            <span className="today-count new">new</span> <span className="today-count learning">learning</span>{" "}
            <span className="today-count review">review</span> today, within your daily limits
          </p>
          <DeckTree nodes={tree} label="Decks" />
        </div>
      )}
    </>
  );
}

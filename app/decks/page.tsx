import Link from "next/link";
import { requireUser } from "@/lib/auth/index.ts";
import { listDecksWithCounts } from "@/lib/db/index.ts";
import { learnerDay } from "@/lib/srs/index.ts";

export const metadata = { title: "Your decks" };

export default async function DecksPage() {
  const user = await requireUser("/decks");
  const { end } = learnerDay(new Date(), user.timeZone);
  const decks = await listDecksWithCounts(user, end);
  const totals = decks.reduce((t, d) => ({ newCount: t.newCount + d.newCount, dueCount: t.dueCount + d.dueCount }), {
    newCount: 0,
    dueCount: 0,
  });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Your decks</h1>
          <p className="muted" data-testid="today-summary">
            Today: {totals.dueCount} due, {totals.newCount} new across {decks.length} {decks.length === 1 ? "deck" : "decks"}.
          </p>
        </div>
        {decks.length > 0 && (
          <Link className="button" href="/review">
            Study all
          </Link>
        )}
      </div>
      {decks.length === 0 ? (
        <div className="panel">
          <p>
            No decks yet. <Link href="/import">Import your notes</Link> to make some.
          </p>
        </div>
      ) : (
        <ul className="deck-list" aria-label="Decks">
          {decks.map((deck) => {
            const parent = deck.path.slice(0, Math.max(0, deck.path.length - deck.name.length - 3));
            return (
              <li key={deck.id} className="panel deck-item" data-testid="deck">
                <div>
                  <Link className="deck-name" href={`/decks/${deck.id}`}>
                    {deck.name}
                  </Link>
                  {parent && <div className="deck-path">{parent}</div>}
                  {deck.starter && <span className="badge">starter</span>}
                </div>
                <div className="deck-counts">
                  <span className="count new">
                    <strong>{deck.newCount}</strong>new
                  </span>
                  <span className="count due">
                    <strong>{deck.dueCount}</strong>due
                  </span>
                  <span className="count">
                    <strong>{deck.cards}</strong>cards
                  </span>
                </div>
                <Link className="button secondary small" href={`/review?deck=${deck.id}`} aria-label={`Study ${deck.name}`}>
                  Study
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

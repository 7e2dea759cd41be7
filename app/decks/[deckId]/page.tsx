import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/index.ts";
import { findReadableDeck } from "@/lib/db/index.ts";
import { renderStoredCardFacesOnServer } from "@/lib/card-faces/server.ts";

export const metadata = { title: "Deck" };

export default async function DeckPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await params;
  const user = await requireUser(`/decks/${deckId}`);
  const deck = await findReadableDeck(user, deckId);
  if (!deck) notFound();
  const now = new Date();
  const faces = await Promise.all(deck.cards.map((card) => renderStoredCardFacesOnServer(card, now)));
  return (
    <>
      <p className="muted">
        <Link href="/decks">Decks</Link> › {deck.path}
      </p>
      <h1>{deck.name}</h1>
      <p className="muted">
        {deck.cards.length} {deck.cards.length === 1 ? "card" : "cards"}
      </p>
      <p>
        <Link className="button" href={`/review?deck=${deck.id}`}>
          Study this deck
        </Link>
      </p>
      <ul className="card-list" aria-label="Cards">
        {deck.cards.map((card, i) => {
          const face = faces[i]!;
          return (
            <li key={card.id} className="panel" data-testid="card">
              <div className="card-face" dangerouslySetInnerHTML={{ __html: face.frontHtml }} />
              <details className="card-back">
                <summary>Show answer</summary>
                <div className="card-face" dangerouslySetInnerHTML={{ __html: face.backHtml }} />
              </details>
              <p className="card-meta">
                {card.sourceFile}, line {card.sourceLine}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}

import Link from "next/link";
import type { DeckBranch, DeckSummary } from "@/lib/db/index.ts";
import { LimitNote } from "./limit-note.tsx";
import { TodayCounts } from "./today-counts.tsx";

/** Decks nested by their paths; a deck with sub-decks folds, its counts those of everything under it. */
export function DeckTree({ nodes, label }: { nodes: DeckBranch[]; label?: string }) {
  return (
    <ul className="deck-tree" aria-label={label}>
      {nodes.map((node) => (
        <li key={node.path}>
          {node.children.length > 0 ? <Branch node={node} /> : node.decks.map((deck) => <DeckRow key={deck.id} deck={deck} />)}
        </li>
      ))}
    </ul>
  );
}

function Branch({ node }: { node: DeckBranch }) {
  return (
    <details className="deck-branch" open>
      <summary data-testid="deck-branch">
        <span className="deck-branch-name">{node.name}</span>
        <TodayCounts counts={node.sum} />
      </summary>
      {node.decks.length > 0 && (
        <ul className="deck-tree">
          {node.decks.map((deck) => (
            <li key={deck.id}>
              <DeckRow deck={deck} own />
            </li>
          ))}
        </ul>
      )}
      <DeckTree nodes={node.children} />
    </details>
  );
}

function DeckRow({ deck, own = false }: { deck: DeckSummary; own?: boolean }) {
  return (
    <div className="deck-row" data-testid="deck">
      <div className="deck-row-main">
        <Link className="deck-name" href={`/decks/${deck.id}`}>
          {deck.name}
        </Link>
        {own && <span className="muted deck-own"> its own cards</span>}
        {deck.starter && <span className="badge">starter</span>}
        <TodayCounts counts={deck.today} />
        <Link className="button secondary small" href={`/review?deck=${deck.id}`} aria-label={`Study ${deck.name}`}>
          Study
        </Link>
      </div>
      {deck.today.held?.scope === "deck" && (
        <LimitNote
          held={deck.today.held}
          left={deck.today.held.kind === "new" ? deck.today.new : deck.today.review}
          deckId={deck.id}
          deckName={deck.name}
        />
      )}
      {deck.today.held?.scope === "all" && (
        <p className="limit-hint muted">
          {deck.today.held.waiting} more {deck.today.held.kind === "new" ? "new" : "due"} past today&apos;s limit
        </p>
      )}
    </div>
  );
}

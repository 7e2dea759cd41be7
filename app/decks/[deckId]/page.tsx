import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/index.ts";
import { CardSearchSchema } from "@/lib/contracts/index.ts";
import { deckCardPage, findReadableDeck } from "@/lib/db/index.ts";
import { CardTable } from "@/components/decks/card-table.tsx";
import { RenameDeckForm } from "@/components/decks/rename-deck-form.tsx";
import { counted } from "@/components/ui/counted.ts";

export const metadata = { title: "Deck" };

interface Props {
  params: Promise<{ deckId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function DeckPage({ params, searchParams }: Props) {
  const { deckId } = await params;
  const user = await requireUser(`/decks/${deckId}`);
  const deck = await findReadableDeck(user, deckId);
  if (!deck) notFound();
  const { q, page } = CardSearchSchema.parse(await searchParams);
  const list = await deckCardPage(user, deck.id, q, page, new Date());
  const pageHref = (n: number) => `/decks/${deck.id}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  const found = counted(list.matching, "card", "cards");
  return (
    <div className="deck-page">
      <p className="muted crumbs">
        <Link href="/decks">Decks</Link> › {deck.path}
      </p>
      <h1>{deck.name}</h1>
      <p>
        <Link className="button" href={`/review?deck=${deck.id}`}>
          Study this deck
        </Link>{" "}
        <a className="button secondary" href={`/api/export/anki?deck=${encodeURIComponent(deck.id)}`} download>
          Export to Anki (.apkg)
        </a>
      </p>
      <form className="card-search" role="search" method="get" action={`/decks/${deck.id}`}>
        <label htmlFor="card-search">Find cards</label>
        <input id="card-search" name="q" type="search" defaultValue={q} maxLength={200} placeholder="Text on the front or back" />
        <button className="button secondary" type="submit">
          Search
        </button>
      </form>
      <p className="muted" data-testid="card-count" aria-live="polite">
        {q ? `${found} with “${q}”.` : `${found}.`} {q && <Link href={`/decks/${deck.id}`}>Show every card</Link>}
      </p>
      {list.rows.length > 0 && <CardTable list={list} timeZone={user.timeZone} pageHref={pageHref} />}
      {deck.editable ? (
        <details className="panel deck-manage">
          <summary>Rename or delete this deck</summary>
          <RenameDeckForm deckId={deck.id} name={deck.name} />
          <p>
            <Link className="button danger" href={`/decks/${deck.id}/delete`}>
              Delete deck…
            </Link>
          </p>
        </details>
      ) : (
        <p className="muted">A starter deck, shared by every learner: it cannot be renamed or deleted.</p>
      )}
    </div>
  );
}

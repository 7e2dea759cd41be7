import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteDeckAction } from "@/app/actions/decks.ts";
import { requireUser } from "@/lib/auth/index.ts";
import { deckDeletion } from "@/lib/db/index.ts";
import { counted } from "@/components/ui/counted.ts";

export const metadata = { title: "Delete deck" };

/** The confirmation step: what deleting removes, said before anything is removed. */
export default async function DeleteDeckPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await params;
  const user = await requireUser(`/decks/${deckId}/delete`);
  const deletion = await deckDeletion(user, deckId);
  if (!deletion) notFound();
  return (
    <>
      <p className="muted crumbs">
        <Link href="/decks">Decks</Link> › <Link href={`/decks/${deckId}`}>{deletion.path}</Link>
      </p>
      <h1>Delete this deck?</h1>
      <div className="panel">
        <p data-testid="deletion-summary">
          Deleting “{deletion.path}” removes {counted(deletion.cards, "card", "cards")}
          {deletion.subDecks > 0 ? `, in it and its ${counted(deletion.subDecks, "sub-deck", "sub-decks")},` : ""} and your review history
          for them. This cannot be undone; importing the note again brings the cards back as new.
        </p>
        <form action={deleteDeckAction} className="actions-row">
          <input type="hidden" name="deckId" value={deckId} />
          <button className="button danger" type="submit">
            Delete deck and cards
          </button>
          <Link className="button secondary" href={`/decks/${deckId}`}>
            Keep it
          </Link>
        </form>
      </div>
    </>
  );
}

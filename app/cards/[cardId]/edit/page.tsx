import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/index.ts";
import { findCardForLearner } from "@/lib/db/index.ts";
import { EditCardForm } from "@/components/cards/edit-card-form.tsx";

export const metadata = { title: "Edit card" };

export default async function EditCardPage({ params }: { params: Promise<{ cardId: string }> }) {
  const { cardId } = await params;
  const user = await requireUser(`/cards/${cardId}/edit`);
  const found = await findCardForLearner(user, cardId);
  if (!found) notFound();
  return (
    <>
      <p className="muted">
        <Link href={`/cards/${cardId}`}>Card info</Link>
      </p>
      <h1>Edit card</h1>
      {found.editable ? (
        <>
          <p className="muted">Changes here last until the note is imported again with a different text for this card.</p>
          <EditCardForm cardId={cardId} front={found.card.front} back={found.card.back} />
        </>
      ) : (
        <div className="panel">
          <p>This is a starter card, shared by every learner, so it cannot be edited. Import your own copy of the note to change it.</p>
        </div>
      )}
    </>
  );
}

import { requireUser } from "@/lib/auth/index.ts";
import { ImportForm } from "@/components/import/import-form.tsx";

export const metadata = { title: "Import notes" };

export default async function ImportPage() {
  await requireUser("/import");
  return (
    <>
      <h1>Import your notes</h1>
      <p className="muted">
        Markdown outlines, headed notes with Q&amp;A, Logseq pages with <code>#card</code> blocks and Obsidian vaults become decks of cards.
        Nothing is written until you confirm: the preview shows every card as you will study it and every block that was skipped, and you
        can untick notes and cards first. Import an edited note again and its cards are updated in place: your review history stays, and
        cards whose block is gone are suspended, not deleted.
      </p>
      <ImportForm />
    </>
  );
}

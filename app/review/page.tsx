import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/index.ts";
import { readableDeckPath } from "@/lib/db/index.ts";
import { ReviewScreen } from "@/components/review/review-screen.tsx";

export const metadata = { title: "Review" };

// A shell: the cards come from the device (IndexedDB) and from GET /api/review/day, so the same
// page works when the service worker serves it offline.
export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { deck } = await searchParams;
  const deckId = typeof deck === "string" && deck ? deck : null;
  const user = await requireUser(deckId ? `/review?deck=${encodeURIComponent(deckId)}` : "/review");
  const title = deckId ? await readableDeckPath(user, deckId) : "All decks";
  if (!title) notFound();
  return <ReviewScreen userId={user.id} deckId={deckId} title={title} />;
}

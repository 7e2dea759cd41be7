import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/index.ts";
import { readableDeckPath } from "@/lib/db/index.ts";
import { reviewScreenState } from "@/lib/db/review/index.ts";
import { ReviewSession } from "@/components/review/review-session.tsx";

export const metadata = { title: "Review" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { deck } = await searchParams;
  const deckId = typeof deck === "string" && deck ? deck : null;
  const user = await requireUser(deckId ? `/review?deck=${encodeURIComponent(deckId)}` : "/review");
  const title = deckId ? await readableDeckPath(user, deckId) : "All decks";
  if (!title) notFound();
  const screen = await reviewScreenState(user, deckId, new Date());
  return (
    <>
      <h1 className="visually-hidden">Review: {title}</h1>
      <ReviewSession initial={screen} deckId={deckId} />
    </>
  );
}

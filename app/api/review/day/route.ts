// What a device takes to review today and tomorrow without the network (lib/contracts/review-sync.ts).
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/index.ts";
import { DeckNotFound, reviewDay } from "@/lib/db/review/index.ts";
import { errorResponse, unauthenticatedResponse } from "@/lib/http/index.ts";

export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to review.");
  const deck = new URL(request.url).searchParams.get("deck");
  if (deck !== null && (deck.length === 0 || deck.length > 64)) return errorResponse("invalid", "deck: expected a deck id");
  try {
    const day = await reviewDay(user, deck, new Date());
    return NextResponse.json(day, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof DeckNotFound) return errorResponse("not_found", `deck: no deck "${deck}" that you can review`);
    throw error;
  }
}

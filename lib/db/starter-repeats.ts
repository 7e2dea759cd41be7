import "server-only";
import { DECK_SEPARATOR, type CardDraft } from "../notes/index.ts";
import { prisma } from "./client.ts";
import { STARTER_SCOPE } from "./library-scope.ts";

/** Where an import repeats the starter decks every learner already studies. */
export interface StarterRepeats {
  /** Imported deck paths whose name is a starter deck's name. */
  decks: string[];
  /** Imported cards whose front and back are a starter card's. */
  cards: number;
}

const LISTED_DECKS = 20;
const sameText = (front: string, back: string) => `${front.trim()}\u0000${back.trim()}`;

/** Null when the import repeats nothing of the starter decks. */
export async function starterRepeats(drafts: readonly CardDraft[]): Promise<StarterRepeats | null> {
  if (drafts.length === 0) return null;
  const [decks, cards] = await Promise.all([
    prisma.deck.findMany({ where: { scope: STARTER_SCOPE }, select: { name: true, path: true } }),
    prisma.card.findMany({ where: { scope: STARTER_SCOPE }, select: { front: true, back: true } }),
  ]);
  const starterNames = new Set(decks.flatMap((d) => [d.name, d.path]));
  const starterCards = new Set(cards.map((c) => sameText(c.front, c.back)));
  const repeatedDecks = new Set<string>();
  let repeatedCards = 0;
  for (const draft of drafts) {
    const path = draft.deckPath.join(DECK_SEPARATOR);
    if (starterNames.has(path) || starterNames.has(draft.deckPath.at(-1) ?? "")) repeatedDecks.add(path);
    if (starterCards.has(sameText(draft.front, draft.back))) repeatedCards++;
  }
  if (repeatedDecks.size === 0 && repeatedCards === 0) return null;
  return { decks: [...repeatedDecks].slice(0, LISTED_DECKS), cards: repeatedCards };
}

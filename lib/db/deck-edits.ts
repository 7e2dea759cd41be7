import "server-only";
import { isUnder } from "../decks/index.ts";
import { DomainError } from "../errors/index.ts";
import { DECK_SEPARATOR } from "../notes/index.ts";
import { prisma } from "./client.ts";
import type { SessionUser } from "./users.ts";

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

const notFound = () => new DomainError("not_found", "No such deck in your own library: starter decks cannot be renamed or deleted.");

/** The learner's own deck (never a starter deck) and its sub-decks, by path. */
async function ownDeckWithSubDecks(db: Tx | typeof prisma, user: SessionUser, deckId: string) {
  const deck = await db.deck.findFirst({ where: { id: deckId, scope: user.id }, select: { id: true, path: true, name: true } });
  if (!deck) throw notFound();
  const below = await db.deck.findMany({
    where: { scope: user.id, path: { startsWith: deck.path + DECK_SEPARATOR } },
    select: { id: true, path: true },
  });
  // startsWith is a LIKE; checked again in code, since a path may hold "%" or "_".
  return { deck, subDecks: below.filter((d) => isUnder(d.path, deck.path)) };
}

/**
 * Renames one of the learner's own decks; its sub-decks move along with it. A re-import of the
 * note puts its cards back under the deck named in the note.
 */
export async function renameOwnDeck(user: SessionUser, deckId: string, name: string): Promise<{ path: string }> {
  return prisma.$transaction(async (tx) => {
    const { deck, subDecks } = await ownDeckWithSubDecks(tx, user, deckId);
    const cut = deck.path.lastIndexOf(DECK_SEPARATOR);
    const parent = cut < 0 ? "" : deck.path.slice(0, cut + DECK_SEPARATOR.length);
    const path = parent + name;
    if (path === deck.path) return { path };
    const taken = await tx.deck.findFirst({ where: { scope: user.id, path }, select: { id: true } });
    // startsWith ignores case on SQLite and not on PostgreSQL: the exact test is made here, as above.
    const below = await tx.deck.findMany({
      where: { scope: user.id, path: { startsWith: path + DECK_SEPARATOR } },
      select: { path: true },
    });
    const takenBelow = below.some((d) => isUnder(d.path, path));
    if (taken || takenBelow) throw new DomainError("deck_exists", `You already have a deck named “${path}”.`);
    await tx.deck.update({ where: { id: deck.id }, data: { path, name } });
    for (const sub of subDecks) {
      await tx.deck.update({ where: { id: sub.id }, data: { path: path + sub.path.slice(deck.path.length) } });
    }
    return { path };
  });
}

export interface DeckDeletion {
  path: string;
  subDecks: number;
  /** Cards in the deck and its sub-decks, suspended ones included. */
  cards: number;
}

/** What deleting a deck would remove, for the confirmation step. */
export async function deckDeletion(user: SessionUser, deckId: string): Promise<DeckDeletion | null> {
  try {
    const { deck, subDecks } = await ownDeckWithSubDecks(prisma, user, deckId);
    const cards = await prisma.card.count({ where: { scope: user.id, deckId: { in: [deck.id, ...subDecks.map((d) => d.id)] } } });
    return { path: deck.path, subDecks: subDecks.length, cards };
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") return null;
    throw error;
  }
}

/** Deletes one of the learner's own decks, its sub-decks and their cards with their review history. */
export async function deleteOwnDeck(user: SessionUser, deckId: string): Promise<DeckDeletion> {
  return prisma.$transaction(async (tx) => {
    const { deck, subDecks } = await ownDeckWithSubDecks(tx, user, deckId);
    const ids = [deck.id, ...subDecks.map((d) => d.id)];
    // Cards go with their deck (onDelete: Cascade), and their states and logs with them.
    const cards = await tx.card.deleteMany({ where: { scope: user.id, deckId: { in: ids } } });
    await tx.deck.deleteMany({ where: { scope: user.id, id: { in: ids } } });
    return { path: deck.path, subDecks: subDecks.length, cards: cards.count };
  });
}

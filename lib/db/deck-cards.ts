import "server-only";
import { frontLine } from "../decks/index.ts";
import { prisma } from "./client.ts";
import { containsIgnoringCase } from "./engine/text-match.ts";
import { readableScopes } from "./library-scope.ts";
import type { SessionUser } from "./users.ts";

/** Rows on one page of a deck's card list. */
export const CARDS_PER_PAGE = 50;

export type CardListState = "new" | "learning" | "review" | "relearning" | "suspended" | "buried";

export interface CardListRow {
  id: string;
  front: string;
  /** null for a card never studied. */
  due: Date | null;
  state: CardListState;
}

export interface CardListPage {
  rows: CardListRow[];
  /** Cards matching the search, over every page. */
  matching: number;
  page: number;
  pages: number;
}

const STATE_NAMES: readonly CardListState[] = ["new", "learning", "review", "relearning"];

/**
 * One page of a deck's cards, each by its front on one line with the learner's own due date and
 * state (Anki's browser); `search` finds text in the front or back. The deck must be readable.
 */
export async function deckCardPage(user: SessionUser, deckId: string, search: string, page: number, now: Date): Promise<CardListPage> {
  const text = search.trim();
  const where = {
    deckId,
    scope: { in: readableScopes(user) },
    ...(text ? { OR: [{ front: containsIgnoringCase(text) }, { back: containsIgnoringCase(text) }] } : {}),
  };
  const matching = await prisma.card.count({ where });
  const pages = Math.max(1, Math.ceil(matching / CARDS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const cards = await prisma.card.findMany({
    where,
    orderBy: [{ sourceFile: "asc" }, { sourceLine: "asc" }, { id: "asc" }],
    skip: (current - 1) * CARDS_PER_PAGE,
    take: CARDS_PER_PAGE,
    select: {
      id: true,
      front: true,
      suspended: true,
      states: { where: { userId: user.id }, select: { due: true, state: true, suspended: true, buriedUntil: true } },
    },
  });
  const rows = cards.map((card): CardListRow => {
    const own = card.states[0];
    const studied = own && own.state !== 0;
    let state: CardListState = studied ? (STATE_NAMES[own.state] ?? "review") : "new";
    if (own?.buriedUntil && own.buriedUntil > now) state = "buried";
    if (card.suspended || own?.suspended) state = "suspended";
    return { id: card.id, front: frontLine(card.front), due: studied ? own.due : null, state };
  });
  return { rows, matching, page: current, pages };
}

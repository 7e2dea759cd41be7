import "server-only";
import { prisma } from "./client.ts";
import { readableScopes, STARTER_SCOPE } from "./library-scope.ts";
import type { SessionUser } from "./users.ts";

export interface DeckSummary {
  id: string;
  path: string;
  name: string;
  starter: boolean;
  cards: number;
  /** Cards this learner has never studied. */
  newCount: number;
  /** Cards this learner has studied whose due time falls before the end of their day. */
  dueCount: number;
}

/** The decks a learner can study, with their counts for the day that ends at `dayEnd`. */
export async function listDecksWithCounts(user: SessionUser, dayEnd: Date): Promise<DeckSummary[]> {
  const scopes = readableScopes(user);
  const active = { scope: { in: scopes }, suspended: false };
  const studied = { userId: user.id, state: { not: 0 } };
  const [decks, totals, fresh, due] = await Promise.all([
    prisma.deck.findMany({
      where: { scope: { in: scopes } },
      orderBy: { path: "asc" },
      select: { id: true, path: true, name: true, scope: true },
    }),
    prisma.card.groupBy({ by: ["deckId"], where: active, _count: { _all: true } }),
    prisma.card.groupBy({ by: ["deckId"], where: { ...active, states: { none: studied } }, _count: { _all: true } }),
    prisma.card.groupBy({
      by: ["deckId"],
      where: { ...active, states: { some: { ...studied, suspended: false, due: { lt: dayEnd } } } },
      _count: { _all: true },
    }),
  ]);
  const countOf = (rows: Array<{ deckId: string; _count: { _all: number } }>) => new Map(rows.map((r) => [r.deckId, r._count._all]));
  const [totalBy, freshBy, dueBy] = [countOf(totals), countOf(fresh), countOf(due)];
  return decks.map((d) => ({
    id: d.id,
    path: d.path,
    name: d.name,
    starter: d.scope === STARTER_SCOPE,
    cards: totalBy.get(d.id) ?? 0,
    newCount: freshBy.get(d.id) ?? 0,
    dueCount: dueBy.get(d.id) ?? 0,
  }));
}

/** One deck with its active cards, or null when the user may not read it (callers answer 404). */
export async function findReadableDeck(user: SessionUser, deckId: string) {
  return prisma.deck.findFirst({
    where: { id: deckId, scope: { in: readableScopes(user) } },
    select: {
      id: true,
      path: true,
      name: true,
      scope: true,
      cards: {
        where: { suspended: false },
        orderBy: [{ sourceFile: "asc" }, { sourceLine: "asc" }],
        select: { id: true, kind: true, front: true, back: true, tags: true, sourceFile: true, sourceLine: true },
      },
    },
  });
}

/** A deck's path, or null when the user may not read it (callers answer 404). */
export async function readableDeckPath(user: SessionUser, deckId: string): Promise<string | null> {
  const deck = await prisma.deck.findFirst({ where: { id: deckId, scope: { in: readableScopes(user) } }, select: { path: true } });
  return deck?.path ?? null;
}

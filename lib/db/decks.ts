import "server-only";
import { deckToday, deckTree, summedTree, totalToday, type DeckToday, type SummedNode } from "../decks/index.ts";
import { activityToday, learnerDay, queueLimits } from "../srs/index.ts";
import { prisma } from "./client.ts";
import { databaseEngine } from "./engine/index.ts";
import { readableScopes, STARTER_SCOPE } from "./library-scope.ts";
import { loadSchedulerSettings } from "./review/settings.ts";
import type { SessionUser } from "./users.ts";

export interface DeckSummary {
  id: string;
  path: string;
  name: string;
  starter: boolean;
  cards: number;
  /** What can be studied today, limits applied, and which limit held cards back. */
  today: DeckToday;
}

export type TodayTotal = ReturnType<typeof totalToday>;
export type DeckBranch = SummedNode<DeckSummary, TodayTotal>;

export interface DeckList {
  decks: DeckSummary[];
  /** The decks nested by path, each node's counts rolled up from the decks under it. */
  tree: DeckBranch[];
  /** Over every deck: the learner's overall limits cap the sum of the decks'. */
  total: TodayTotal;
}

const LEARNING_STATES = [1, 3];
const REVIEW_STATE = 2;

/** The decks a learner can study, with what each offers on the learner's day that holds `now`. */
export async function listDecksWithCounts(user: SessionUser, now: Date): Promise<DeckList> {
  const scopes = readableScopes(user);
  const day = learnerDay(now, user.timeZone);
  const active = { scope: { in: scopes }, suspended: false };
  const studied = { userId: user.id, state: { not: 0 } };
  const dueState = (state: number | { in: number[] }) => ({
    states: {
      some: { userId: user.id, suspended: false, due: { lt: day.end }, state, OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }] },
    },
  });
  const [decks, totals, fresh, learning, review, logs, settings] = await Promise.all([
    prisma.deck.findMany({
      where: { scope: { in: scopes } },
      orderBy: { path: "asc" },
      select: { id: true, path: true, name: true, scope: true },
    }),
    prisma.card.groupBy({ by: ["deckId"], where: active, _count: { _all: true } }),
    prisma.card.groupBy({ by: ["deckId"], where: { ...active, states: { none: studied } }, _count: { _all: true } }),
    prisma.card.groupBy({ by: ["deckId"], where: { ...active, ...dueState({ in: LEARNING_STATES }) }, _count: { _all: true } }),
    prisma.card.groupBy({ by: ["deckId"], where: { ...active, ...dueState(REVIEW_STATE) }, _count: { _all: true } }),
    databaseEngine().queueReads.logsBetween(user.id, day.start, day.end),
    loadSchedulerSettings(user.id),
  ]);
  const countOf = (rows: Array<{ deckId: string; _count: { _all: number } }>) => new Map(rows.map((r) => [r.deckId, r._count._all]));
  const [totalBy, freshBy, learningBy, reviewBy] = [countOf(totals), countOf(fresh), countOf(learning), countOf(review)];
  const limits = queueLimits(settings);
  const activity = activityToday(logs, day);
  const summaries = decks.map((d) => ({
    id: d.id,
    path: d.path,
    name: d.name,
    starter: d.scope === STARTER_SCOPE,
    cards: totalBy.get(d.id) ?? 0,
    today: deckToday(
      { deckId: d.id, unstudied: freshBy.get(d.id) ?? 0, learning: learningBy.get(d.id) ?? 0, review: reviewBy.get(d.id) ?? 0 },
      limits,
      activity,
    ),
  }));
  const total = (list: DeckSummary[]) =>
    totalToday(
      list.map((s) => s.today),
      limits,
      activity,
    );
  return { decks: summaries, tree: summedTree(deckTree(summaries), total), total: total(summaries) };
}

/** One deck, or null when the user may not read it (callers answer 404). */
export async function findReadableDeck(user: SessionUser, deckId: string) {
  const deck = await prisma.deck.findFirst({
    where: { id: deckId, scope: { in: readableScopes(user) } },
    select: { id: true, path: true, name: true, scope: true },
  });
  return deck && { ...deck, starter: deck.scope === STARTER_SCOPE, editable: deck.scope === user.id };
}

/** A deck's path, or null when the user may not read it (callers answer 404). */
export async function readableDeckPath(user: SessionUser, deckId: string): Promise<string | null> {
  const deck = await prisma.deck.findFirst({ where: { id: deckId, scope: { in: readableScopes(user) } }, select: { path: true } });
  return deck?.path ?? null;
}

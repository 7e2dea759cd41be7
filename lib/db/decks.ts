import "server-only";
import { deckToday, deckTree, isUnder, summedTree, totalToday, type DeckToday, type SummedNode } from "../decks/index.ts";
import { activityToday, learnerDay, queueLimits, settingsAt } from "../srs/index.ts";
import { DECK_SEPARATOR } from "../notes/index.ts";
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

/** The decks a learner can study, with what each offers on the learner's day that holds `now`. */
export async function listDecksWithCounts(user: SessionUser, now: Date): Promise<DeckList> {
  const scopes = readableScopes(user);
  const day = learnerDay(now, user.timeZone);
  const [decks, counts, logs, settings] = await Promise.all([
    prisma.deck.findMany({
      where: { scope: { in: scopes } },
      orderBy: { path: "asc" },
      select: { id: true, path: true, name: true, scope: true },
    }),
    databaseEngine().statsReads.deckCounts(user.id, scopes, day.end, now),
    databaseEngine().queueReads.logsBetween(user.id, day.start, day.end),
    loadSchedulerSettings(user.id),
  ]);
  const countsBy = new Map(counts.map((c) => [c.deckId, c]));
  // Today's "study N more" raises count here as they will in the queue.
  const limits = queueLimits(settingsAt(settings, now));
  const activity = activityToday(logs, day);
  const summaries = decks.map((d) => ({
    id: d.id,
    path: d.path,
    name: d.name,
    starter: d.scope === STARTER_SCOPE,
    cards: countsBy.get(d.id)?.cards ?? 0,
    today: deckToday(
      {
        deckId: d.id,
        unstudied: countsBy.get(d.id)?.unstudied ?? 0,
        learning: countsBy.get(d.id)?.learning ?? 0,
        review: countsBy.get(d.id)?.review ?? 0,
      },
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

/**
 * A deck and every deck under it (by path: "AWS › IAM" holds "AWS › IAM › Roles"), among the decks
 * the user can read: what studying a parent deck takes cards from. Empty when the user may not read
 * the deck. A learner's deck and a starter deck at the same path are both under that path's parent.
 */
export async function deckIdsWithin(user: SessionUser, deckId: string): Promise<string[]> {
  const scopes = readableScopes(user);
  const deck = await prisma.deck.findFirst({ where: { id: deckId, scope: { in: scopes } }, select: { id: true, path: true } });
  if (!deck) return [];
  // Every readable library: the deck list merges the learner's and the starter decks into one tree.
  const under = await prisma.deck.findMany({
    where: { scope: { in: scopes }, path: { startsWith: deck.path + DECK_SEPARATOR } },
    orderBy: { path: "asc" },
    select: { id: true, path: true },
  });
  // startsWith is a LIKE on SQLite, case-insensitive for ASCII: check the prefix exactly here.
  return [deck.id, ...under.filter((d) => isUnder(d.path, deck.path)).map((d) => d.id)];
}

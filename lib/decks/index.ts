// Decks as a learner sees them: a tree built from their paths, what each offers today within the
// daily limits, and cards listed one line each.
export { deckTree, decksUnder, isUnder, summedTree, type DeckNode, type SummedNode } from "./tree.ts";
export { deckToday, totalToday, type DeckToday, type DeckWaiting, type LimitHeld } from "./today-counts.ts";
export { frontLine } from "./front-line.ts";

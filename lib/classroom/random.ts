// Deterministic choices: a learner's variant names, the distractors of a card question and the
// order of a shuffled paper all follow from ids, so recomputing them later (a reload, a regrade, a
// second server) gives the same result. The classroom's pairing is mulberry32 seeded by the cyrb32
// hash of a text seed; stored papers depend on it, so it must not change.

import { cyrb32, floats, mulberry32, shuffle } from "../random/index.ts";

/** The classroom's numbers in [0, 1) for a text seed: the same seed gives the same sequence. */
export function classroomRandom(seed: string): () => number {
  return floats(mulberry32(cyrb32(seed)));
}

/** A copy of `items` in an order fixed by `seed`. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  return shuffle(items, mulberry32(cyrb32(seed)));
}

// The simulation's seeding: splitmix32 over the FNV-1a hash of a text seed. It never calls
// Math.random, so the same scenario always produces the same keys, tokens and session ids; those
// are shown to learners and recomputed later, so this pairing must not change.

import { fnv1a32, splitmix32, type RandomSource } from "../../random/index.ts";

/** The STS random source for a seed: a number as it is, a text through FNV-1a. */
export function seededRandom(seed: number | string): RandomSource {
  return splitmix32(typeof seed === "number" ? seed : fnv1a32(seed));
}

// Deterministic randomness. The simulation never calls Math.random: a caller passes a RandomSource
// (usually seededRandom(seed)) so the same scenario always produces the same keys and tokens.

export interface RandomSource {
  /** An integer in [0, 2^32). */
  nextUint32(): number;
}

/** FNV-1a over UTF-16 code units: turns a text seed (or any label) into 32 bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A small counter-based generator (splitmix-style finaliser over a Weyl sequence). Quality is far
 * beyond what opaque simulated keys need, and the state is one number, easy to reason about.
 */
export function seededRandom(seed: number | string): RandomSource {
  let state = (typeof seed === "number" ? seed : hash32(seed)) >>> 0;
  return {
    nextUint32() {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    },
  };
}

/** A uniform index in [0, n) for small n (bias is irrelevant at these sizes). */
export function randomIndex(random: RandomSource, n: number): number {
  return random.nextUint32() % n;
}

export function randomString(random: RandomSource, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomIndex(random, alphabet.length)];
  return out;
}

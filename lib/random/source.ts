// Deterministic randomness: nothing in lib/ calls Math.random. A caller picks a generator and a
// seed, so the same ids give the same shuffles, variants and simulated credentials on every
// recompute. Two algorithms live here because each domain's stored results follow from its own;
// both give the same interface.

export interface RandomSource {
  /** An integer in [0, 2^32). */
  nextUint32(): number;
}

const TWO_POW_32 = 4294967296;

/** mulberry32: a tiny generator with one 32-bit state word (the classroom's and the benchmarks'). */
export function mulberry32(seed: number): RandomSource {
  let a = seed >>> 0;
  return {
    nextUint32() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    },
  };
}

/** splitmix32: a finaliser over a Weyl sequence, one state word (the STS simulation's). */
export function splitmix32(seed: number): RandomSource {
  let state = seed >>> 0;
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

/** The source as a function of numbers in [0, 1) (each a whole number of 2^-32 steps). */
export function floats(random: RandomSource): () => number {
  return () => random.nextUint32() / TWO_POW_32;
}

/** A uniform index in [0, n) for small n (the modulo bias is irrelevant at these sizes). */
function randomIndex(random: RandomSource, n: number): number {
  return random.nextUint32() % n;
}

/** `length` characters drawn from `alphabet`. */
export function randomString(random: RandomSource, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomIndex(random, alphabet.length)];
  return out;
}

/** A copy of `items` in the order the source picks (Fisher-Yates). */
export function shuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const next = floats(random);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

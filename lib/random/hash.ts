// String hashes for keys and seeds. None is secret; each only has to be stable forever, because
// its outputs are stored (card keys) or recomputed from ids later (papers, simulated credentials).
// Pure arithmetic, so the same code runs on the server, in the CLI and in the browser.

/** cyrb53's two 32-bit multiply-xorshift lanes after mixing in `text`. */
function cyrb53Lanes(text: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1, h2];
}

/**
 * cyrb53's whole 64-bit state as 16 hex digits: the hash behind card keys. Collision-free at vault
 * scale without node:crypto or async WebCrypto.
 */
export function cyrb53Hex(text: string): string {
  const [h1, h2] = cyrb53Lanes(text, 0);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

/** 32 bits from cyrb53 (its two lanes xor-ed): the classroom's seed hash. */
export function cyrb32(text: string, seed = 0): number {
  const [h1, h2] = cyrb53Lanes(text, seed);
  return (h1 ^ h2) >>> 0;
}

/** FNV-1a over UTF-16 code units: the STS simulation's seed and id hash. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

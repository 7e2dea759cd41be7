// Public face of the shared random basics: seeded generators behind one interface, the string
// hashes that seed them and key cards, and a seeded shuffle. Pure: no clock, no Math.random.

export { cyrb32, cyrb53Hex, fnv1a32 } from "./hash.ts";
export { floats, mulberry32, randomString, shuffle, splitmix32, type RandomSource } from "./source.ts";

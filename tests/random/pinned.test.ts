// Values that are stored or recomputed later, pinned to what they were when the seeded generators
// and string hashes moved into one module: card keys (cyrb53), classroom papers and variants
// (cyrb32 + mulberry32), and the STS simulation's keys, tokens and session ids (FNV-1a + splitmix32).
// A change here changes every card key or every learner's paper, so none of these may move.
import { describe, expect, it } from "vitest";
import { classroomRandom, seededShuffle } from "../../lib/classroom/random.ts";
import { seededRandom as stsRandom } from "../../lib/iam/sts/index.ts";
import { derivedKey } from "../../lib/notes/extract/keys.ts";
import { cyrb32, cyrb53Hex, floats, fnv1a32, mulberry32, randomString, shuffle } from "../../lib/random/index.ts";

const INPUTS = ["", "a", "s3:GetObject", "notes/iam.md\u241eIAM\u241fPolicies\u241eWhat is a principal?", "é✓😀", "x".repeat(1000)];

describe("string hashes keep their values", () => {
  it("cyrb53 as 16 hex digits: the card-key hash", () => {
    expect(INPUTS.map(cyrb53Hex)).toEqual([
      "488bdcb81aee8d83",
      "501c2ba782c97901",
      "9ba772aa1505e421",
      "30265d48501485f9",
      "eb29fe8cbc6621c1",
      "819a7942aee5273b",
    ]);
    expect(derivedKey("notes/iam.md", ["IAM", "Policies"], "What is a **principal**?")).toBe(
      cyrb53Hex("notes/iam.md\u241eIAM\u241fPolicies\u241ewhat is a principal?"),
    );
  });

  it("cyrb32: the classroom's seed hash, with and without a seed", () => {
    expect(INPUTS.map((text) => cyrb32(text))).toEqual([1382371643, 3537195686, 2393020043, 1613945009, 1464852301, 796876409]);
    expect(cyrb32("seed", 7)).toBe(1337425324);
  });

  it("FNV-1a 32: the STS simulation's seed and id hash", () => {
    expect(INPUTS.map(fnv1a32)).toEqual([2166136261, 3826002220, 2353470890, 3007569227, 3326606600, 131170661]);
  });
});

describe("seeded sequences keep their values", () => {
  it("mulberry32 from a number (benchmarks and fixtures)", () => {
    const random = floats(mulberry32(42));
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it("the classroom's stream from a string seed, and its shuffle", () => {
    const random = classroomRandom("variant:quiz-1:learner-1");
    expect([random(), random(), random(), random(), random()]).toEqual([
      0.4203057785052806, 0.586647511459887, 0.20051020593382418, 0.4499899288639426, 0.17845631390810013,
    ]);
    const order = ["d", "c", "g", "a", "b", "h", "e", "f"];
    expect(seededShuffle(["a", "b", "c", "d", "e", "f", "g", "h"], "order:quiz-1:learner-1")).toEqual(order);
    expect(shuffle(["a", "b", "c", "d", "e", "f", "g", "h"], mulberry32(cyrb32("order:quiz-1:learner-1")))).toEqual(order);
  });

  it("the STS stream from a text or numeric seed, and a random string from it", () => {
    const text = stsRandom("federation");
    expect([text.nextUint32(), text.nextUint32(), text.nextUint32()]).toEqual([1233921569, 4161828690, 3975734864]);
    const number = stsRandom(7);
    expect([number.nextUint32(), number.nextUint32(), number.nextUint32()]).toEqual([588686121, 1937383562, 4286812467]);
    expect(randomString(stsRandom(3), "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)).toBe("T6B6ERKPLEX2GXR4");
  });
});

describe("lib/random stays pure", () => {
  it("imports nothing and reads no clock or Math.random, so every domain (browser included) can use it", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = new URL("../../lib/random/", import.meta.url);
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(new URL(name, dir), "utf8");
      expect(text, name).not.toMatch(/from\s+["'](?!\.\/)/);
      expect(text, name).not.toMatch(/\bDate\.now\(|new Date\(|Math\.random\(|process\./);
    }
  });
});

// Join codes, card questions and variant names: deterministic, and each rule with its reason.
import { describe, expect, it } from "vitest";
import {
  canAskCard,
  cardQuestion,
  CardQuestionError,
  formatJoinCode,
  isJoinCode,
  makeJoinCode,
  normaliseJoinCode,
  variantNames,
} from "@/lib/classroom/index.ts";
import { nameProblem, type ScenarioName } from "@/lib/scenarios/index.ts";

describe("join codes", () => {
  it("are eight characters from the alphabet without look-alikes, typed loosely", () => {
    const code = makeJoinCode(new Uint8Array([0, 1, 2, 3, 30, 31, 255, 128]));
    expect(code).toBe("2345Z296");
    expect(isJoinCode(code)).toBe(true);
    expect(formatJoinCode(code)).toBe("2345-Z296");
    expect(normaliseJoinCode(" 2345-z296 ")).toBe(code);
    expect(isJoinCode("O0I1L234")).toBe(false);
    expect(() => makeJoinCode(new Uint8Array(4))).toThrow(RangeError);
  });
});

const deck = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"].map((w, i) => ({
  id: `card-${i}`,
  kind: "basic",
  front: `What is ${w}?`,
  back: `It is ${w}`,
}));

describe("card questions", () => {
  it("offer the card's back among three backs of other cards in its deck, always the same ones", () => {
    const q = cardQuestion(deck[0]!, deck);
    expect(q.options).toHaveLength(4);
    expect(q.options.filter((o) => o.correct).map((o) => o.text)).toEqual(["It is alpha"]);
    expect(new Set(q.options.map((o) => o.text)).size).toBe(4);
    expect(q.options.every((o) => deck.some((c) => c.back === o.text))).toBe(true);
    expect(q.options.map((o) => o.id)).toEqual(["a", "b", "c", "d"]);
    expect(cardQuestion(deck[0]!, [...deck].reverse())).toEqual(q);
  });

  it("never offer another card with the same answer as a distractor", () => {
    const twin = { id: "twin", kind: "basic", front: "Again?", back: "  it is ALPHA " };
    const q = cardQuestion(deck[0]!, [...deck, twin]);
    expect(q.options.filter((o) => o.text.toLowerCase().includes("alpha"))).toHaveLength(1);
  });

  it("refuse cloze cards, empty backs and decks with nothing else to offer", () => {
    expect(canAskCard({ kind: "cloze", back: "x" })).toBe(false);
    expect(canAskCard({ kind: "basic", back: " " })).toBe(false);
    expect(() => cardQuestion(deck[0]!, [deck[0]!])).toThrow(CardQuestionError);
  });
});

describe("variant names", () => {
  const names: ScenarioName[] = [
    { key: "account", kind: "account", value: "111122223333" },
    { key: "other", kind: "account", value: "444455556666" },
    { key: "bucket", kind: "bucket", value: "my_bucket" },
    { key: "role", kind: "role", value: "AppServerRole" },
    { key: "user", kind: "user", value: "alice" },
    { key: "instance", kind: "instance", value: "i-0123" },
    { key: "note", kind: "text", value: "keep me" },
  ];

  it("are the same for the same learner and quiz, and differ between learners", () => {
    const a = variantNames(names, "variant:quiz-1:learner-a");
    expect(variantNames(names, "variant:quiz-1:learner-a")).toEqual(a);
    const b = variantNames(names, "variant:quiz-1:learner-b");
    expect(b).not.toEqual(a);
  });

  it("suit their kind, differ from each other and from the originals, and leave free text alone", () => {
    for (let i = 0; i < 50; i++) {
      const mapping = variantNames(names, `seed-${i}`);
      expect(mapping.note).toBeUndefined();
      for (const n of names.filter((x) => x.kind !== "text")) {
        const value = mapping[n.key]!;
        expect(value, n.key).toBeDefined();
        expect(nameProblem(n.kind, value), `${n.key}=${value}`).toBeUndefined();
        expect(value).not.toBe(n.value);
      }
      expect(mapping.account).not.toBe(mapping.other);
    }
  });
});

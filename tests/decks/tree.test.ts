import { describe, expect, it } from "vitest";
import { deckTree, decksUnder, isUnder, summedTree } from "@/lib/decks/index.ts";

const decks = [
  { path: "Scenarios › STS and MFA", n: 4 },
  { path: "AWS STS", n: 7 },
  { path: "AWS STS › Directory Services", n: 3 },
  { path: "Scenarios › Roles › PassRole", n: 2 },
];

describe("deckTree", () => {
  it("nests decks by path, in path order, with parents that are not decks themselves", () => {
    const tree = deckTree(decks);
    expect(tree.map((n) => [n.name, n.decks[0]?.n ?? null])).toEqual([
      ["AWS STS", 7],
      ["Scenarios", null],
    ]);
    expect(tree[0]!.children.map((c) => c.name)).toEqual(["Directory Services"]);
    const roles = tree[1]!.children[0]!;
    expect([roles.name, roles.path, roles.decks]).toEqual(["Roles", "Scenarios › Roles", []]);
    expect(roles.children[0]!.decks[0]?.n).toBe(2);
  });

  it("keeps two decks at one path (a learner's and a starter deck) side by side", () => {
    const tree = deckTree([...decks, { path: "AWS STS", n: 1 }]);
    expect(tree[0]!.decks.map((d) => d.n).sort()).toEqual([1, 7]);
  });

  it("rolls counts up to every parent", () => {
    const tree = summedTree(deckTree(decks), (list) => list.reduce((s, d) => s + d.n, 0));
    expect(tree.map((n) => n.sum)).toEqual([10, 6]);
    expect(tree[1]!.children.map((n) => n.sum)).toEqual([2, 4]);
    expect(decksUnder(tree[0]!).map((d) => d.path)).toEqual(["AWS STS", "AWS STS › Directory Services"]);
  });

  it("tells a sub-deck from a deck whose name merely starts the same", () => {
    expect(isUnder("AWS STS › Directory Services", "AWS STS")).toBe(true);
    expect(isUnder("AWS STS extra", "AWS STS")).toBe(false);
    expect(isUnder("AWS STS", "AWS STS")).toBe(false);
  });
});

// Reading .apkg packages of both layouts into drafts, histories and media; each refusal names the
// file and the problem. Packages are built here (collection-builder.ts); the two real decks in
// ../shared/anki are read when that folder exists.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { zipSync } from "fflate";
import { fsrs, Rating, createEmptyCard } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { AnkiImportError, readAnkiFile } from "@/lib/anki/index.ts";
import { ImportTooLarge } from "@/lib/notes/index.ts";
import { DEFAULT_SETTINGS } from "@/lib/srs/index.ts";
import {
  BASIC,
  CLOZE,
  OPTIONAL_REVERSE,
  PNG,
  REVERSED,
  currentApkg,
  legacyApkg,
  zstdStored,
  type TestCollection,
} from "./collection-builder.ts";

const now = new Date("2026-03-01T12:00:00Z");
const DECK = { id: 10, name: "AWS::IAM::STS" };
const T0 = Date.parse("2026-01-05T09:00:00Z");
const DAY = 86_400_000;

function sample(): TestCollection {
  return {
    crt: Date.parse("2026-01-01T04:00:00Z") / 1000,
    models: [BASIC, REVERSED, OPTIONAL_REVERSE, CLOZE],
    decks: [{ id: 1, name: "Default" }, DECK],
    notes: [
      {
        id: 1,
        guid: "basic-1",
        mid: BASIC.id,
        fields: ["What does <b>sts:AssumeRole</b> return?", 'Temporary credentials<img src="key.png">'],
        tags: ["iam", "AWS::STS"],
      },
      { id: 2, guid: "rev-1", mid: REVERSED.id, fields: ["ARN", "Amazon Resource Name"] },
      { id: 3, guid: "opt-1", mid: OPTIONAL_REVERSE.id, fields: ["SCP", "Service control policy", ""] },
      { id: 4, guid: "cloze-1", mid: CLOZE.id, fields: ["{{c1::Deny}} beats {{c2::Allow::effect}}", "explicit deny wins"] },
    ],
    cards: [
      { id: 11, nid: 1, did: 10, type: 2, queue: 2, due: 70, ivl: 10, factor: 2500, reps: 3 },
      { id: 21, nid: 2, did: 10, ord: 0, queue: -1 },
      { id: 22, nid: 2, did: 10, ord: 1, queue: -2 },
      { id: 31, nid: 3, did: 10 },
      { id: 41, nid: 4, did: 10, ord: 0 },
      { id: 42, nid: 4, did: 10, ord: 1 },
    ],
    revlog: [
      { id: T0, cid: 11, ease: 3, type: 0 },
      { id: T0 + 60_000, cid: 11, ease: 3, type: 0 },
      { id: T0 + 2 * DAY, cid: 11, ease: 0, type: 4, ivl: 5 },
      { id: T0 + 4 * DAY, cid: 11, ease: 4, type: 1 },
    ],
  };
}

describe("reading a package", () => {
  for (const [layout, build] of [
    ["legacy collection.anki21", legacyApkg],
    ["current collection.anki21b", currentApkg],
  ] as const) {
    it(`reads cards, decks, tags, clozes and media from the ${layout} layout`, () => {
      const result = readAnkiFile("deck.apkg", build(sample(), { "key.png": PNG }), { now });
      expect(result.drafts.map((d) => [d.key, d.kind, d.front])).toEqual([
        ["anki:basic-1:0", "basic", "What does **sts:AssumeRole** return?"],
        ["anki:rev-1:0", "basic", "ARN"],
        ["anki:rev-1:1", "basic", "Amazon Resource Name"],
        ["anki:opt-1:0", "basic", "SCP"],
        ["anki:cloze-1:0", "cloze", "{{c1::Deny}} beats Allow"],
        ["anki:cloze-1:1", "cloze", "Deny beats {{c2::Allow::effect}}"],
      ]);
      expect(result.drafts[0]!.deckPath).toEqual(["AWS", "IAM", "STS"]);
      expect(result.drafts[0]!.tags).toEqual(["iam", "AWS::STS"]);
      expect(result.drafts[2]!.back).toBe("ARN");
      expect(result.drafts[4]!.back).toBe("explicit deny wins");
      expect(result.media).toHaveLength(1);
      expect(result.drafts[0]!.back).toBe(`Temporary credentials![key.png](/api/media/${result.media[0]!.sha256})`);
      expect(result.counts).toMatchObject({ notes: 4, cards: 6, reviews: 3, skippedReviews: 1, media: 1, missingMedia: 0 });
      expect(result.cards.map((c) => [c.suspended, c.buried])).toEqual([
        [false, false],
        [true, false],
        [false, true],
        [false, false],
        [false, false],
        [false, false],
      ]);
    });
  }

  it("replays the graded revlog entries with ts-fsrs, skipping manual ones, and keeps Anki's due date", () => {
    const card = readAnkiFile("deck.apkg", legacyApkg(sample()), { now }).cards[0]!;
    const scheduler = fsrs({
      enable_fuzz: false,
      request_retention: DEFAULT_SETTINGS.desiredRetention,
      learning_steps: ["1m", "10m"],
      relearning_steps: ["10m"],
      maximum_interval: DEFAULT_SETTINGS.maximumInterval,
    });
    let expected = createEmptyCard(new Date(T0));
    for (const [at, rating] of [
      [T0, Rating.Good],
      [T0 + 60_000, Rating.Good],
      [T0 + 4 * DAY, Rating.Easy],
    ] as const) {
      expected = scheduler.next(expected, new Date(at), rating).card;
    }
    expect(card.reviews.map((r) => r.rating)).toEqual([3, 3, 4]);
    expect(card.reviews.map((r) => r.revlogId)).toEqual([T0, T0 + 60_000, T0 + 4 * DAY]);
    expect(card.state!.stability).toBeCloseTo(expected.stability, 6);
    expect(card.state!.difficulty).toBeCloseTo(expected.difficulty, 6);
    expect(card.state!.reps).toBe(3);
    // crt (1 Jan 04:00 UTC) + 70 days, the date Anki would show it.
    expect(card.state!.due.toISOString()).toBe("2026-03-12T04:00:00.000Z");
  });

  it("reads Anki's own FSRS memory state and compares it with the replay", () => {
    const spec = sample();
    spec.cards[0]!.data = JSON.stringify({ s: 20, d: 5 });
    const result = readAnkiFile("deck.apkg", legacyApkg(spec), { now });
    expect(result.cards[0]!.ankiMemory).toEqual({ stability: 20, difficulty: 5 });
    expect(result.memory.compared).toBe(1);
    expect(result.memory.meanStabilityGap).toBeGreaterThan(0);
  });

  it("names images the notes reference but the package lacks, and puts the app's placeholder on the card", () => {
    const result = readAnkiFile("deck.apkg", legacyApkg(sample()), { now });
    expect(result.drafts[0]!.back).toBe("Temporary credentials [missing image: key.png]");
    expect(result.counts.missingMedia).toBe(1);
    expect(result.problems[0]!.message).toMatch(/key\.png/);
  });
});

describe("refusing bad input", () => {
  const cases: Array<[string, () => Uint8Array, RegExp]> = [
    ["a corrupt zip", () => new TextEncoder().encode("PK\u0003\u0004 not really"), /bad\.apkg: the file is not a readable zip archive/],
    ["a zip without a collection", () => zipSync({ "notes.txt": new Uint8Array([1]) }), /bad\.apkg: the archive holds no Anki collection/],
    [
      "a collection that is not SQLite",
      () => zipSync({ "collection.anki21": new TextEncoder().encode("hello") }),
      /collection\.anki21: the collection is not a SQLite database/,
    ],
    ["an unknown schema version", () => legacyApkg({ ...sample(), ver: 99 }), /schema version 99 is not one this importer knows/],
    [
      "a zstd stream that does not decode",
      () => zipSync({ "collection.anki21b": new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xff, 0xff, 0xff]) }),
      /collection\.anki21b: the zstd-compressed data does not decode/,
    ],
  ];
  it.each(cases)("refuses %s, naming the file and the problem", (_name, bytes, message) => {
    expect(() => readAnkiFile("bad.apkg", bytes(), { now })).toThrow(AnkiImportError);
    expect(() => readAnkiFile("bad.apkg", bytes(), { now })).toThrow(message);
  });

  it("refuses a media map that is neither JSON nor protobuf", () => {
    const pkg = zipSync({ ...unzipped(legacyApkg(sample())), media: new TextEncoder().encode("{oops") });
    expect(() => readAnkiFile("bad.apkg", pkg, { now })).toThrow(/bad\.apkg\/media: the media list is neither JSON/);
  });

  it("refuses a package that holds only Anki's 'please update' stub", () => {
    const stub = legacyApkg({
      models: [BASIC],
      decks: [{ id: 1, name: "Default" }],
      notes: [
        {
          id: 1,
          guid: "s",
          mid: BASIC.id,
          fields: ["Please update to the latest Anki version, then import the .colpkg/.apkg file again.", ""],
        },
      ],
      cards: [{ id: 1, nid: 1, did: 1 }],
    });
    const pkg = zipSync({ "collection.anki2": unzipped(stub)["collection.anki21"]! });
    expect(() => readAnkiFile("new.apkg", pkg, { now })).toThrow(/only Anki's "please update" stub/);
  });

  it("stops a package that expands past the import budget", () => {
    const pkg = currentApkg(sample(), { "big.png": new Uint8Array(300_000) });
    expect(() => readAnkiFile("big.apkg", pkg, { now, limits: { maxExpandedBytes: 200_000 } })).toThrow(ImportTooLarge);
    expect(zstdStored(new Uint8Array(1)).length).toBeGreaterThan(1);
  });
});

function unzipped(bytes: Uint8Array): Record<string, Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("fflate") as typeof import("fflate")).unzipSync(bytes);
}

const shared = resolve(process.cwd(), "../shared/anki");
describe.skipIf(!existsSync(shared))("the real decks in ../shared/anki", () => {
  it("reads the legacy deck's 13 cards with their images, never the stub note", () => {
    const result = readAnkiFile("aws-legacy-anki21.apkg", readFileSync(`${shared}/aws-legacy-anki21.apkg`), { now });
    expect(result.counts).toMatchObject({ cards: 13, reviews: 0, missingMedia: 0 });
    expect(result.media.length).toBeGreaterThan(0);
    expect(result.drafts.some((d) => /please update/i.test(d.front))).toBe(false);
    expect(result.drafts[0]!.back).toMatch(/^!\[[^\]]*\]\(\/api\/media\/[0-9a-f]{64}\)$/);
  });

  it("reads the current-format deck's 9 cards and 23 reviews", () => {
    const result = readAnkiFile("aws-anki21b.apkg", readFileSync(`${shared}/aws-anki21b.apkg`), { now });
    expect(result.counts).toMatchObject({ cards: 9, reviews: 23, skippedReviews: 0 });
    expect(result.drafts.every((d) => d.deckPath.join("/") === "AWS")).toBe(true);
    expect(result.drafts.some((d) => /please update/i.test(d.front))).toBe(false);
    const reviewed = result.cards.filter((c) => c.reviews.length > 0);
    expect(reviewed.length).toBeGreaterThan(0);
    expect(reviewed.every((c) => c.state !== null && c.state.reps === c.reviews.length)).toBe(true);
  });
});

// An Anki package into a learner's library on a real SQLite file: cards, images, review history
// and states in one transaction; a re-import adds only the new reviews; a failure stores nothing;
// images belong to their owner; an exported deck reads back with the same cards and due dates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAnkiFile } from "@/lib/anki/index.ts";
import { BASIC, CLOZE, PNG, REVERSED, legacyApkg, type TestCollection } from "../anki/collection-builder.ts";
import { importDeck } from "../support/learners.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { importAnkiIntoLibrary, writeAnkiImport, MediaOverLimit } = await import("@/lib/db/anki-import.ts");
const { exportDeckAsApkg } = await import("@/lib/db/anki-export.ts");
const { planImport } = await import("@/lib/db/import-plan.ts");

afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

const now = new Date("2026-03-01T12:00:00Z");
const T0 = Date.parse("2026-01-05T09:00:00Z");
const DAY = 86_400_000;
const learner = { id: "", email: "anki@example.com", name: null, role: "learner" as const, timeZone: "UTC" };
const other = { id: "", email: "other@example.com", name: null, role: "learner" as const, timeZone: "UTC" };

beforeAll(async () => {
  learner.id = (await prisma.user.create({ data: { email: learner.email } })).id;
  other.id = (await prisma.user.create({ data: { email: other.email } })).id;
});

function deck(extraReview = false): TestCollection {
  return {
    crt: Date.parse("2026-01-01T04:00:00Z") / 1000,
    models: [BASIC, REVERSED, CLOZE],
    decks: [
      { id: 10, name: "AWS::IAM" },
      { id: 11, name: "AWS::IAM::STS" },
    ],
    notes: [
      { id: 1, guid: "n-basic", mid: BASIC.id, fields: ["AssumeRole returns?", 'Credentials <img src="key.png">'], tags: ["sts"] },
      { id: 2, guid: "n-rev", mid: REVERSED.id, fields: ["ARN", "Amazon Resource Name"] },
      { id: 3, guid: "n-cloze", mid: CLOZE.id, fields: ["{{c1::Deny}} wins", ""] },
    ],
    cards: [
      { id: 11, nid: 1, did: 11, type: 2, queue: 2, due: 70, ivl: 10, factor: 2500, reps: 2 },
      { id: 21, nid: 2, did: 10, ord: 0, queue: -1 },
      { id: 22, nid: 2, did: 10, ord: 1, type: 2, queue: -3, due: 80, ivl: 20, factor: 2300 },
      { id: 31, nid: 3, did: 10 },
    ],
    revlog: [
      { id: T0, cid: 11, ease: 3, type: 0 },
      { id: T0 + 5 * DAY, cid: 11, ease: 3, type: 1 },
      ...(extraReview ? [{ id: T0 + 40 * DAY, cid: 11, ease: 2, type: 1 }] : []),
    ],
  };
}

const parse = (spec: TestCollection, media: Record<string, Uint8Array> = { "key.png": PNG }) =>
  readAnkiFile("aws.apkg", legacyApkg(spec, media), { now });

describe("importing an Anki package", () => {
  it("previews counts without writing, then stores cards, decks, tags, images, history and states", async () => {
    const preview = await importAnkiIntoLibrary(learner, parse(deck()), "preview");
    expect(preview.applied).toBe(false);
    expect(preview.counts.created).toBe(4);
    expect(preview.anki).toMatchObject({ notes: 3, cards: 4, reviews: 2, newReviews: 2, media: 1 });
    expect(await prisma.card.count({ where: { scope: learner.id } })).toBe(0);

    const applied = await importAnkiIntoLibrary(learner, parse(deck()), "apply");
    expect(applied.applied).toBe(true);
    expect(applied.anki.newReviews).toBe(2);
    const cards = await prisma.card.findMany({ where: { scope: learner.id }, include: { deck: true }, orderBy: { sourceLine: "asc" } });
    expect(cards.map((c) => [c.key, c.deck.path])).toEqual([
      ["anki:n-basic:0", "AWS › IAM › STS"],
      ["anki:n-rev:0", "AWS › IAM"],
      ["anki:n-rev:1", "AWS › IAM"],
      ["anki:n-cloze:0", "AWS › IAM"],
    ]);
    expect(cards[0]!.tags).toEqual(["sts"]);
    const media = await prisma.media.findMany({ where: { scope: learner.id } });
    expect(media.map((m) => [m.name, m.mime, m.size])).toEqual([["key.png", "image/png", PNG.length]]);
    expect(cards[0]!.back).toContain(`/api/media/${media[0]!.sha256}`);

    const logs = await prisma.reviewLog.findMany({ where: { userId: learner.id }, orderBy: { review: "asc" } });
    expect(logs.map((l) => [l.clientReviewId, l.rating, l.review.getTime(), l.durationMs])).toEqual([
      [`anki:${T0}`, 3, T0, 5000],
      [`anki:${T0 + 5 * DAY}`, 3, T0 + 5 * DAY, 5000],
    ]);
    const states = await prisma.cardState.findMany({ where: { userId: learner.id }, include: { card: true } });
    const byKey = new Map(states.map((s) => [s.card.key, s]));
    expect(byKey.get("anki:n-basic:0")!.due.toISOString()).toBe("2026-03-12T04:00:00.000Z");
    expect(byKey.get("anki:n-basic:0")!.reps).toBe(2);
    expect(byKey.get("anki:n-rev:0")!.suspended).toBe(true);
    expect(byKey.get("anki:n-rev:1")!.buriedUntil).not.toBeNull();
    expect(byKey.has("anki:n-cloze:0")).toBe(false);
  });

  it("updates in place on re-import and adds only the new reviews", async () => {
    const before = await prisma.card.findMany({ where: { scope: learner.id }, select: { id: true, key: true } });
    const result = await importAnkiIntoLibrary(learner, parse(deck(true)), "apply");
    expect(result.counts.created).toBe(0);
    expect(result.anki.newReviews).toBe(1);
    const after = await prisma.card.findMany({ where: { scope: learner.id }, select: { id: true, key: true } });
    expect(after).toEqual(expect.arrayContaining(before));
    expect(await prisma.reviewLog.count({ where: { userId: learner.id } })).toBe(3);
    expect(await prisma.media.count({ where: { scope: learner.id } })).toBe(1);
  });

  it("stores nothing when any part fails (images over the library's limit)", async () => {
    const parsed = parse(deck());
    const counts = async () => [
      await prisma.card.count({ where: { scope: other.id } }),
      await prisma.reviewLog.count({ where: { userId: other.id } }),
      await prisma.media.count({ where: { scope: other.id } }),
    ];
    const target = { scope: other.id, ownerId: other.id };
    await expect(
      writeAnkiImport(target, parsed, (stored) => planImport(stored, parsed.drafts, [parsed.file]), {
        now,
        maxMediaBytes: 10,
        leftOut: new Set(),
      }),
    ).rejects.toThrow(MediaOverLimit);
    expect(await counts()).toEqual([0, 0, 0]);
  });

  it("keeps each learner's images to their own scope", async () => {
    const media = await prisma.media.findFirstOrThrow({ where: { scope: learner.id } });
    expect(await prisma.media.findFirst({ where: { scope: other.id, sha256: media.sha256 } })).toBeNull();
  });
});

describe("exporting to Anki and reading it back", () => {
  it("gives the same cards, deck paths, tags and due dates", async () => {
    const top = await prisma.deck.findFirstOrThrow({ where: { scope: learner.id, path: "AWS › IAM" } });
    const exported = await exportDeckAsApkg(learner, top.id, now);
    expect(exported).not.toBeNull();
    expect(await exportDeckAsApkg(other, top.id, now)).toBeNull();
    const back = readAnkiFile(exported!.fileName, exported!.bytes, { now });
    const original = await prisma.card.findMany({ where: { scope: learner.id, suspended: false }, include: { deck: true, states: true } });
    expect(back.drafts.map((d) => d.key).sort()).toEqual(original.map((c) => c.key).sort());
    for (const draft of back.drafts) {
      const card = original.find((c) => c.key === draft.key)!;
      expect(draft.deckPath.join(" › ")).toBe(card.deck.path);
      expect(draft.tags).toEqual(card.tags);
      expect(draft.front).toBe(card.front);
    }
    const dueOf = (key: string) =>
      back.cards
        .find((c) => c.key === key)
        ?.state?.due.toISOString()
        .slice(0, 10);
    const reviewed = original.find((c) => c.key === "anki:n-basic:0")!;
    expect(dueOf("anki:n-basic:0")).toBe(reviewed.states[0]!.due.toISOString().slice(0, 10));
    expect(back.cards.find((c) => c.key === "anki:n-basic:0")!.reviews).toHaveLength(3);
    expect(back.media.map((m) => m.sha256)).toEqual((await prisma.media.findMany({ where: { scope: learner.id } })).map((m) => m.sha256));
    expect(back.drafts.find((d) => d.key === "anki:n-basic:0")!.back).toBe(original.find((c) => c.key === "anki:n-basic:0")!.back);
  });

  it("leaves out a deck whose path differs from the exported one's only in case", async () => {
    // Another deck on both engines (paths are unique as written); SQLite's LIKE would take it along.
    await importDeck(learner.id, "aws › iam › lower case", ["lower-case-1"]);
    const top = await prisma.deck.findFirstOrThrow({ where: { scope: learner.id, path: "AWS › IAM" } });
    const back = readAnkiFile("x.apkg", (await exportDeckAsApkg(learner, top.id, now))!.bytes, { now });
    expect(back.drafts.length).toBeGreaterThan(0);
    // Exported notes get Anki ids of their own: the card is told by its text.
    expect(back.drafts.filter((d) => d.front.includes("lower-case-1"))).toEqual([]);
  });
});

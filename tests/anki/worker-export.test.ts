// The Anki export's writing half in a worker thread: the app's own export.worker (run from source)
// writes the same package as writeApkg in-process, a deck from the database goes through it and
// reads back, and a forced failure comes back as the supervisor's answer, raised by the export.
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAnkiFile, writeApkg, type AnkiExportInput } from "@/lib/anki/index.ts";
import { writeApkgInWorker } from "@/lib/anki/worker/index.ts";
import { DomainError } from "@/lib/errors/index.ts";
import { seatsInUse } from "@/lib/notes/worker/index.ts";
import { CardStateCode } from "@/lib/srs/index.ts";
import { spawnFromSource } from "../notes/worker/spawn.ts";
import { BASIC, CLOZE, PNG, legacyApkg } from "./collection-builder.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { importAnkiIntoLibrary } = await import("@/lib/db/anki-import.ts");
const { exportDeckAsApkg } = await import("@/lib/db/anki-export.ts");

const spawn = spawnFromSource(new URL("../../lib/anki/worker/export.worker.ts", import.meta.url));
const now = new Date("2026-03-01T12:00:00Z");
const learner = { id: "", email: "export-worker@example.com", name: null, role: "learner" as const, timeZone: "UTC" };

function input(): AnkiExportInput {
  return {
    now,
    cards: [
      {
        key: "k1",
        kind: "basic",
        deckPath: ["AWS", "IAM"],
        front: "<p>What does <strong>sts:AssumeRole</strong> return?</p>",
        back: '<p>Temporary credentials <img src="key.png"></p>',
        tags: ["sts"],
        state: {
          due: new Date("2026-03-10T10:00:00Z"),
          stability: 12.5,
          difficulty: 5.1,
          elapsedDays: 0,
          scheduledDays: 9,
          learningSteps: 0,
          reps: 3,
          lapses: 0,
          state: CardStateCode.Review,
          lastReview: new Date("2026-03-01T10:00:00Z"),
        },
        suspended: false,
        reviews: [{ review: new Date("2026-03-01T10:00:00Z"), rating: 3, durationMs: 4000, state: CardStateCode.Review, scheduledDays: 9 }],
      },
    ],
    media: [{ name: "key.png", bytes: new Uint8Array(PNG) }],
  };
}

beforeAll(async () => {
  learner.id = (await prisma.user.create({ data: { email: learner.email } })).id;
  const apkg = legacyApkg(
    {
      crt: Date.parse("2026-01-01T04:00:00Z") / 1000,
      models: [BASIC, CLOZE],
      decks: [{ id: 10, name: "AWS::IAM" }],
      notes: [
        { id: 1, guid: "w-basic", mid: BASIC.id, fields: ["Who signs a request?", 'The caller <img src="key.png">'], tags: ["sigv4"] },
        { id: 2, guid: "w-cloze", mid: CLOZE.id, fields: ["An explicit {{c1::Deny}} wins", ""] },
      ],
      cards: [
        { id: 11, nid: 1, did: 10, type: 2, queue: 2, due: 70, ivl: 10, factor: 2500, reps: 2 },
        { id: 21, nid: 2, did: 10 },
      ],
      revlog: [{ id: Date.parse("2026-01-05T09:00:00Z"), cid: 11, ease: 3, type: 0 }],
    },
    { "key.png": PNG },
  );
  await importAnkiIntoLibrary(learner, readAnkiFile("aws.apkg", apkg, { now }), "apply");
});

afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

/** The package's files; the zip's own timestamps are left out, as they follow the clock. */
const entries = (bytes: Uint8Array) => unzipSync(bytes);

describe("writing an .apkg in a worker", () => {
  it("writes the same collection, media map and images as writeApkg in-process", async () => {
    const outcome = await writeApkgInWorker(input(), { spawn });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(entries(outcome.bytes)).toEqual(entries(writeApkg(input())));
    expect(seatsInUse()).toEqual({ running: 0, waiting: 0 });
  });

  it("sends a deck of several slices whole and in order", async () => {
    const [card] = input().cards;
    const cards = Array.from({ length: 1_201 }, (_, i) => ({ ...card!, key: `k${i}`, front: `<p>card ${i}</p>` }));
    const outcome = await writeApkgInWorker({ cards, media: [], now }, { spawn });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(entries(outcome.bytes)).toEqual(entries(writeApkg({ cards, media: [], now })));
    expect(readAnkiFile("big.apkg", outcome.bytes, { now }).drafts).toHaveLength(1_201);
  });

  it("exports a deck from the database through the worker, and it reads back", async () => {
    const top = await prisma.deck.findFirstOrThrow({ where: { scope: learner.id, path: "AWS › IAM" } });
    const inWorker = await exportDeckAsApkg(learner, top.id, now, (i) => writeApkgInWorker(i, { spawn }));
    const inProcess = await exportDeckAsApkg(learner, top.id, now);
    expect(inWorker!.cards).toBe(2);
    expect(entries(inWorker!.bytes)).toEqual(entries(inProcess!.bytes));
    const back = readAnkiFile(inWorker!.fileName, inWorker!.bytes, { now });
    expect(back.drafts.map((d) => d.key).sort()).toEqual(["anki:w-basic:0", "anki:w-cloze:0"]);
    expect(back.media).toHaveLength(1);
  });

  it("raises the supervisor's answer when the worker overruns, and frees its seat", async () => {
    const top = await prisma.deck.findFirstOrThrow({ where: { scope: learner.id, path: "AWS › IAM" } });
    const overrun = exportDeckAsApkg(learner, top.id, now, (i) => writeApkgInWorker(i, { spawn, limits: { timeoutMs: 1 } }));
    await expect(overrun).rejects.toThrow(DomainError);
    await expect(overrun).rejects.toMatchObject({ code: "too_large", message: expect.stringContaining("longer than 0.001 s") });
    expect(seatsInUse()).toEqual({ running: 0, waiting: 0 });
  });

  it("answers too_large when writing a deck outgrows the worker's heap cap, which an empty deck fits", async () => {
    const limits = { maxOldGenerationSizeMb: 32, timeoutMs: 30_000 };
    expect(await writeApkgInWorker({ cards: [], media: [], now }, { spawn, limits })).toMatchObject({ ok: true });
    const [card] = input().cards;
    // 30 MB of card text: with the copies writing makes, more than a 32 MB heap holds.
    const cards = Array.from({ length: 15_000 }, (_, i) => ({ ...card!, key: `k${i}`, front: `<p>${i} ${"x".repeat(2_000)}</p>` }));
    const outcome = await writeApkgInWorker({ cards, media: [], now }, { spawn, limits });
    expect(outcome).toMatchObject({ ok: false, code: "too_large", cause: "out_of_memory" });
  });
});

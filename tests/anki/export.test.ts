// The .apkg this app writes: Anki's schema-11 tables and columns (checked against a file Anki
// exported when ../shared/anki is present, and against Anki's schema11.sql column lists), and a
// round trip through this app's own importer.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readAnkiFile, writeApkg, type ExportCard } from "@/lib/anki/index.ts";
import { CardStateCode } from "@/lib/srs/index.ts";
import { PNG } from "./collection-builder.ts";

const now = new Date("2026-03-01T12:00:00Z");
const review = new Date("2026-02-20T10:00:00Z");
const cards: ExportCard[] = [
  {
    key: "k1",
    kind: "basic",
    deckPath: ["AWS", "IAM"],
    front: "<p>What is a <strong>role</strong>?</p>",
    back: '<p>An identity <img src="r.png" alt="r"></p>',
    tags: ["iam"],
    state: null,
    suspended: false,
    reviews: [],
  },
  {
    key: "k2",
    kind: "cloze",
    deckPath: ["AWS", "IAM", "STS"],
    front: "<p>{{c3::AssumeRole}} returns credentials</p>",
    back: "",
    tags: [],
    state: {
      due: new Date("2026-03-10T10:00:00Z"),
      stability: 18.5,
      difficulty: 4.2,
      elapsedDays: 0,
      scheduledDays: 18,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state: CardStateCode.Review,
      lastReview: review,
    },
    suspended: true,
    reviews: [{ review, rating: 3, durationMs: 4200, state: CardStateCode.Review, scheduledDays: 7 }],
  },
];

function tables(bytes: Uint8Array): Record<string, string[]> {
  const db = new Database(Buffer.from(bytes), { readonly: true });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      names.map((n) => [n, (db.prepare(`PRAGMA table_info(${n})`).all() as Array<{ name: string }>).map((c) => c.name)]),
    );
  } finally {
    db.close();
  }
}

describe("writeApkg", () => {
  const apkg = writeApkg({ cards, media: [{ name: "r.png", bytes: PNG }], now });
  const files = unzipSync(apkg);

  it("writes collection.anki21 with Anki's schema-11 tables and a JSON media map", () => {
    expect(Object.keys(files).sort()).toEqual(["0", "collection.anki21", "media"]);
    expect(JSON.parse(new TextDecoder().decode(files.media))).toEqual({ 0: "r.png" });
    expect(tables(files["collection.anki21"]!)).toEqual({
      cards: [
        "id",
        "nid",
        "did",
        "ord",
        "mod",
        "usn",
        "type",
        "queue",
        "due",
        "ivl",
        "factor",
        "reps",
        "lapses",
        "left",
        "odue",
        "odid",
        "flags",
        "data",
      ],
      col: ["id", "crt", "mod", "scm", "ver", "dty", "usn", "ls", "conf", "models", "decks", "dconf", "tags"],
      graves: ["usn", "oid", "type"],
      notes: ["id", "guid", "mid", "mod", "usn", "tags", "flds", "sfld", "csum", "flags", "data"],
      revlog: ["id", "cid", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type"],
    });
  });

  const shared = resolve(process.cwd(), "../shared/anki/aws-legacy-anki21.apkg");
  it.skipIf(!existsSync(shared))("has the same tables and columns as a collection Anki exported", () => {
    const anki = tables(unzipSync(readFileSync(shared))["collection.anki21"]!);
    expect(tables(files["collection.anki21"]!)).toEqual(anki);
  });

  it("stores the schedule as Anki reads it: review due in days since crt, FSRS memory in data, suspension in queue", () => {
    const db = new Database(Buffer.from(files["collection.anki21"]!), { readonly: true });
    const crt = db.prepare("SELECT crt FROM col").pluck().get() as number;
    const row = db.prepare("SELECT * FROM cards WHERE type = 2").get() as Record<string, number | string>;
    expect(row).toMatchObject({ type: 2, queue: -1, ivl: 18, reps: 3 });
    expect(new Date((crt + Number(row.due) * 86_400) * 1000).toISOString().slice(0, 10)).toBe("2026-03-10");
    expect(JSON.parse(String(row.data))).toMatchObject({ s: 18.5, d: 4.2 });
    expect(db.prepare("SELECT ease, time, type FROM revlog").get()).toEqual({ ease: 3, time: 4200, type: 1 });
    const decks = Object.values(
      JSON.parse(db.prepare("SELECT decks FROM col").pluck().get() as string) as Record<string, { name: string }>,
    ).map((d) => d.name);
    expect(decks.sort()).toEqual(["AWS", "AWS::IAM", "AWS::IAM::STS", "Default"]);
    db.close();
  });

  it("reads back with this app's importer: same cards, decks, tags, images and due dates", () => {
    const back = readAnkiFile("out.apkg", apkg, { now });
    expect(back.drafts.map((d) => [d.kind, d.deckPath.join("::"), d.front, d.tags])).toEqual([
      ["basic", "AWS::IAM", "What is a **role**?", ["iam"]],
      ["cloze", "AWS::IAM::STS", "{{c1::AssumeRole}} returns credentials", []],
    ]);
    expect(back.media).toHaveLength(1);
    expect(back.cards[1]!.suspended).toBe(true);
    expect(back.cards[1]!.state!.due.toISOString().slice(0, 10)).toBe("2026-03-10");
    expect(back.cards[1]!.ankiMemory).toEqual({ stability: 18.5, difficulty: 4.2 });
  });
});

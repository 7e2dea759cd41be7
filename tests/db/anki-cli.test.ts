// `npm run cli -- import <file.apkg>`: a package into a user's library with its history, and a
// broken package refused with its file and problem named.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BASIC, legacyApkg } from "../anki/collection-builder.ts";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { runImport } = await import("@/cli/commands/import.ts");

afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), readStdin: async () => "" } };
}

const dir = mkdtempSync(join(tmpdir(), "anki-cli-"));
const T0 = Date.parse("2026-01-05T09:00:00Z");

describe("the CLI's Anki import", () => {
  it("imports a package with its reviews into the owner's library", async () => {
    const user = await prisma.user.create({ data: { email: "cli-anki@example.com" } });
    const file = join(dir, "iam.apkg");
    writeFileSync(
      file,
      legacyApkg({
        models: [BASIC],
        decks: [{ id: 5, name: "IAM" }],
        notes: [{ id: 1, guid: "g1", mid: BASIC.id, fields: ["What is a principal?", "Who acts"] }],
        cards: [{ id: 2, nid: 1, did: 5, type: 1, queue: 1, due: T0 / 1000 + 600 }],
        revlog: [{ id: T0, cid: 2, ease: 1, type: 0 }],
      }),
    );
    const t = io();
    expect(await runImport(["--owner", "cli-anki@example.com", file], t.io)).toBe(0);
    expect(t.out.join("")).toMatch(/1 notes, 1 cards, 1 reviews \(1 new, 0 skipped\)/);
    expect(await prisma.reviewLog.count({ where: { userId: user.id, clientReviewId: `anki:${T0}` } })).toBe(1);
    expect(await prisma.cardState.count({ where: { userId: user.id, state: 1 } })).toBe(1);
  });

  it("refuses a package that is not a zip, naming it, and writes nothing", async () => {
    const file = join(dir, "broken.apkg");
    writeFileSync(file, "not a zip at all");
    const before = await prisma.card.count();
    const t = io();
    expect(await runImport([file], t.io)).toBe(1);
    expect(t.err.join("")).toMatch(/broken\.apkg: the file is not a readable zip archive/);
    expect(await prisma.card.count()).toBe(before);
  });
});

// Scenario cards end to end in the data layer: imported from a scenario file, shown with an answer
// computed when shown, and re-imported after a policy edit with the new answer and the same card.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { importScenarioFiles } = await import("@/lib/db/notes-import.ts");
const { renderStoredCardFacesOnServer } = await import("@/lib/card-faces/server.ts");
const { saveScenarioCards } = await import("@/lib/db/scenario-cards.ts");
const { readScenarioText } = await import("@/lib/scenarios/index.ts");

afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

const path = "scenarios/iam-and-bucket-example-2-bucket-denies-role.yaml";
const text = readFileSync(resolve(import.meta.dirname, "../../seeds", path), "utf8");
const now = new Date("2026-11-22T10:00:00Z");

describe("scenario cards", () => {
  it("import one card per question into the scenario's deck", async () => {
    const summary = await importScenarioFiles({ files: [{ path, text }] });
    expect(summary.problems).toEqual([]);
    const cards = await prisma.card.findMany({ where: { sourceFile: path }, include: { deck: true } });
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((c) => c.kind === "scenario" && c.deck.path === "Scenarios › IAM and S3 bucket policies")).toBe(true);
  });

  it("show an answer computed from the policies, and a new answer after the policy changes", async () => {
    const card = await prisma.card.findFirstOrThrow({ where: { sourceFile: path }, orderBy: { key: "asc" } });
    const before = await renderStoredCardFacesOnServer(card, now);
    expect(before.problem).toBeUndefined();
    expect(before.backHtml).toMatch(/denied/i);
    expect(before.backHtml).toContain("line-marked"); // the deciding statement is marked in its policy

    // The learner's copy of the note loses the bucket policy's Deny: the role's Allow now decides.
    const edited = text.replace(/Effect: Deny/g, "Effect: Allow");
    expect(edited).not.toBe(text);
    const summary = await importScenarioFiles({ files: [{ path, text: edited }] });
    expect(summary.updated).toBeGreaterThan(0);
    const after = await prisma.card.findUniqueOrThrow({ where: { id: card.id } });
    const faces = await renderStoredCardFacesOnServer(after, now);
    expect(faces.backHtml).not.toMatch(/explicitly denied/i);
    expect(faces.backHtml).toMatch(/allowed/i);
  });

  it("report an invalid scenario with its path and import nothing from it", async () => {
    const broken = text.replace("Effect: Allow", "Effect: Maybe");
    const summary = await importScenarioFiles({ files: [{ path: "scenarios/broken.yaml", text: broken }] });
    expect(summary.problems).toHaveLength(1);
    expect(summary.problems[0]!.message).toMatch(/Effect/);
    expect(await prisma.card.count({ where: { sourceFile: "scenarios/broken.yaml" } })).toBe(0);
  });
});

describe("scenario cards from the playground", () => {
  it("are saved once into the learner's own library, and refused with a path when invalid", async () => {
    const user = await prisma.user.create({ data: { email: "playground@example.com" } });
    const learner = { id: user.id, email: user.email, name: null, role: "learner" as const, timeZone: "UTC" };
    const json = JSON.stringify(readScenarioText(text), null, 2);
    const first = await saveScenarioCards(learner, json);
    expect(first).toMatchObject({ ok: true, deckPath: ["Scenarios", "IAM and S3 bucket policies"] });
    expect(first.ok && first.created).toBeGreaterThan(0);
    expect(await saveScenarioCards(learner, json)).toMatchObject({ ok: true, created: 0, updated: 0 });
    expect(await prisma.card.count({ where: { scope: user.id, kind: "scenario" } })).toBe(first.ok ? first.created : -1);

    const broken = await saveScenarioCards(learner, json.replace('"Effect": "Deny"', '"Effect": "Perhaps"'));
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problem.message).toMatch(/Effect/);
  });
});

// Every page and endpoint answers an outsider as if the thing did not exist, and changes nothing.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { countRows, readRow } from "./support/database.ts";
import { createAccounts } from "./support/accounts.ts";
import { followRun } from "./support/upload-runs.ts";

const baseUrl = inject("baseUrl");

let owner = "";
let outsider = "";
let ownerCard = "";
let ownerDeck = "";

beforeAll(async () => {
  [owner, outsider] = (await createAccounts(baseUrl, ["owner@authz.example", "outsider@authz.example"])) as [string, string];
  const upload = new FormData();
  upload.set("mode", "apply");
  upload.append("file", new Blob(["# Private notes\n\n- What is my secret?\n\t- It is mine alone\n"]), "private.md");
  upload.append("path", "private.md");
  const imported = await followRun(
    baseUrl,
    await fetch(`${baseUrl}/api/import`, { method: "POST", body: upload, headers: { cookie: owner } }),
    owner,
  );
  expect(imported.status).toBe(200);
  const row = (await readRow<{ card: string; deck: string }>(
    `SELECT c.id AS card, c."deckId" AS deck FROM "Card" c JOIN "User" u ON u.id = c.scope WHERE u.email = ? LIMIT 1`,
    "owner@authz.example",
  ))!;
  ownerCard = row.card;
  ownerDeck = row.deck;
});

describe("an outsider cannot reach another learner's things", () => {
  it("the owner can open their card and deck", async () => {
    expect((await fetch(`${baseUrl}/cards/${ownerCard}`, { headers: { cookie: owner } })).status).toBe(200);
    expect((await fetch(`${baseUrl}/decks/${ownerDeck}`, { headers: { cookie: owner } })).status).toBe(200);
  });

  it("gets 404 for the card, its edit page, the deck and its review", async () => {
    for (const path of [`/cards/${ownerCard}`, `/cards/${ownerCard}/edit`, `/decks/${ownerDeck}`, `/review?deck=${ownerDeck}`]) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: outsider } });
      expect(response.status, path).toBe(404);
    }
  });

  it("cannot grade, bury or suspend the card, and nothing is written", async () => {
    const before = await countRows(`SELECT COUNT(*) AS n FROM "CardState" WHERE "cardId" = ?`, ownerCard);
    for (const action of [
      { type: "grade", cardId: ownerCard, rating: 3, version: 0, clientReviewId: "outsider-grade-1", durationMs: 1000 },
      { type: "bury", cardId: ownerCard, version: 0 },
      { type: "suspend", cardId: ownerCard, version: 0 },
    ]) {
      const response = await fetch(`${baseUrl}/api/review`, {
        method: "POST",
        headers: { cookie: outsider, "content-type": "application/json" },
        body: JSON.stringify(action),
      });
      expect(response.status, action.type).toBe(404);
    }
    expect(await countRows(`SELECT COUNT(*) AS n FROM "CardState" WHERE "cardId" = ?`, ownerCard)).toBe(before);
    expect(await countRows(`SELECT COUNT(*) AS n FROM "ReviewLog" WHERE "cardId" = ?`, ownerCard)).toBe(0);
  });

  it("does not see the owner's deck in their own list", async () => {
    const html = await (await fetch(`${baseUrl}/decks`, { headers: { cookie: outsider } })).text();
    expect(html).not.toContain(ownerDeck);
    expect(html).toContain("Directory Services"); // the starter decks are everyone's
  });

  it("refuses invalid review input with the field that is wrong", async () => {
    const response = await fetch(`${baseUrl}/api/review`, {
      method: "POST",
      headers: { cookie: owner, "content-type": "application/json" },
      body: JSON.stringify({ type: "grade", cardId: ownerCard, rating: 7 }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/rating/);
  });
});

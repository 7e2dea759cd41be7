// Decks as a learner meets them right after an import: counts within the daily limits and why the
// rest waits, a tree of decks, a compact searchable card list that fits a phone, renaming and
// deleting (after a confirmation step), a starter deck left read-only, and card edits that confirm.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { countRows } from "./support/database.ts";
import { signIn, signUp } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");
const EMAIL = "deck-browser@example.com";

// 30 cards in one deck and 2 in a deck named like a starter deck, both under the note "study".
const NOTE = [
  "# Basics",
  "",
  ...Array.from({ length: 30 }, (_, i) => `- Which policy question number ${i + 1}? #card\n\t- Answer ${i + 1}`),
  "",
  "# Directory Services",
  "",
  "- What does AD Connector do? #card\n\t- It proxies directory requests",
  "- What is Simple AD? #card\n\t- A Samba-based directory",
  "",
].join("\n");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ownCards = () => countRows(`SELECT COUNT(*) AS n FROM "Card" WHERE scope = (SELECT id FROM "User" WHERE email = ?)`, EMAIL);
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function importNote(page: Page): Promise<string> {
  await page.goto("/import");
  await page.getByTestId("import-files").setInputFiles([{ name: "study.md", mimeType: "text/markdown", buffer: Buffer.from(NOTE) }]);
  await page.getByTestId("picked").waitFor();
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("heading", { name: "Preview" }).waitFor();
  const preview = (await page.getByTestId("import-summary").first().textContent()) ?? "";
  await page.getByRole("button", { name: "Import 32 cards", exact: true }).click();
  await page.getByRole("heading", { name: "Imported" }).waitFor();
  return preview;
}

describe("decks after an import", () => {
  it("counts what can be studied today, as a tree, and says why the rest waits", async () => {
    const { context, page } = await newPage(browser, baseUrl, "phone");
    await signUp(page, EMAIL);
    await page.waitForURL(`${baseUrl}/decks`);
    const preview = await importNote(page);
    expect(preview).toContain("32 new cards");
    expect(await page.getByTestId("starter-repeats").textContent()).toMatch(/“study › Directory Services”.*starter deck/);
    expect(await ownCards()).toBe(32);

    await page.goto("/decks");
    const summary = (await page.getByTestId("today-summary").textContent()) ?? "";
    expect(summary).toMatch(/^Today: 20 new, 0 learning, 0 reviews across \d+ decks/);
    const note = page.getByTestId("limit-note").first();
    expect(await note.textContent()).toMatch(/^Daily new-card limit is 20 a day: \d+ more new cards wait for later days\. /);
    expect(await note.getByRole("link", { name: "Settings" }).getAttribute("href")).toBe("/settings#newPerDay");
    expect(await note.getByRole("button", { name: "Study 20 more today" }).isVisible()).toBe(true);

    // "study" is no deck of its own: a fold whose counts are its decks' together.
    const study = page.locator("details.deck-branch").filter({ has: page.locator("summary", { hasText: /^study/ }) });
    expect(await study.locator("summary").getAttribute("data-testid")).toBe("deck-branch");
    // Read out once, in words; the coloured numbers are for the eye.
    expect(await study.locator("summary").textContent()).toMatch(/^study: 20 new, 0 learning, 0 to review today20/);
    const basics = study.getByRole("link", { name: "Basics", exact: true });
    expect(await basics.isVisible()).toBe(true);
    await study.locator("summary").click();
    expect(await basics.isVisible()).toBe(false);
    await study.locator("summary").click();
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await context.close();
  });

  it("lists a deck's cards one line each, searchable, within a phone's width", async () => {
    const { context, page } = await newPage(browser, baseUrl, "phone");
    await page.goto("/signin");
    await signIn(page, EMAIL, "correct horse battery");
    await page.waitForURL(`${baseUrl}/decks`);
    await page.getByRole("link", { name: "Basics", exact: true }).click();
    await page.getByRole("heading", { name: "Basics" }).waitFor();
    expect(await page.getByTestId("card-row").count()).toBe(30);
    expect(await page.getByTestId("card-row").first().textContent()).toMatch(/Which policy question number 1\?—New/);
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);

    await page.getByLabel("Find cards").fill("number 2");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\?q=number\+2/);
    expect(await page.getByTestId("card-count").textContent()).toMatch(/^11 cards with “number 2”/);
    expect(await page.getByTestId("card-row").count()).toBe(11);

    // Renamed, and said so; the old name is gone from the page.
    await page.getByText("Rename or delete this deck").click();
    await page.getByLabel("Deck name").fill("IAM basics");
    await page.getByRole("button", { name: "Rename" }).click();
    await page.getByText("Renamed to “study › IAM basics”.").waitFor();
    await page.getByRole("heading", { name: "IAM basics" }).waitFor();

    // Deleting asks first, then removes the deck and its cards.
    await page.getByRole("link", { name: "Delete deck…" }).click();
    expect(await page.getByTestId("deletion-summary").textContent()).toMatch(/Deleting “study › IAM basics” removes 30 cards/);
    expect(await ownCards()).toBe(32);
    await page.getByRole("button", { name: "Delete deck and cards" }).click();
    await page.waitForURL(/\/decks\?deleted=/);
    await page.getByText("Deleted the deck “study › IAM basics” and its cards.").waitFor();
    expect(await ownCards()).toBe(2);
    expect(await page.getByRole("link", { name: "IAM basics" }).count()).toBe(0);
    await context.close();
  });

  it("leaves a starter deck read-only and confirms a card edit", async () => {
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await page.goto("/signin");
    await signIn(page, EMAIL, "correct horse battery");
    await page.waitForURL(`${baseUrl}/decks`);
    const starter = page
      .getByTestId("deck")
      .filter({ has: page.locator(".badge", { hasText: "starter" }) })
      .first();
    await starter.locator(".deck-name").click();
    await page.getByText("A starter deck, shared by every learner: it cannot be renamed or deleted.").waitFor();
    expect(await page.getByText("Rename or delete this deck").count()).toBe(0);

    await page.goto("/decks");
    const own = page.getByTestId("deck").filter({ hasNotText: "starter" }).filter({ hasText: "Directory Services" });
    await own.locator(".deck-name").click();
    await page.getByTestId("card-row").first().getByRole("link").click();
    await page.getByRole("link", { name: "Edit card" }).click();
    await page.getByLabel("Front (Markdown)").fill("What does AD Connector proxy?");
    await page.getByRole("button", { name: "Save" }).click();
    expect(await page.getByTestId("card-saved").textContent()).toContain("Card saved.");
    expect(await countRows(`SELECT COUNT(*) AS n FROM "Card" WHERE front = ?`, "What does AD Connector proxy?")).toBe(1);
    await context.close();
  });
});

// The import preview in the browser: each card's faces as they will render, the blocks skipped with
// their file:line, and the learner's choice of notes and cards, which is exactly what gets written.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { readRows } from "./support/database.ts";
import { createAccounts, signIn, signUp } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");
const EMAIL = "previewer@example.com";

const IAM_NOTE = [
  "# IAM",
  "",
  "- What is STS? #card",
  "\t- **Security Token Service**: temporary credentials",
  "- What does `iam:PassRole` allow? #card",
  "\t- Handing a role to a service",
  "- Lonely question #card",
  "",
].join("\n");
const EXTRA_NOTE = "- Roles #card\n\t- assumed by services\n";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ownCards = () =>
  readRows<{ front: string; back: string; sourceFile: string }>(
    `SELECT front, back, "sourceFile" FROM "Card" WHERE scope = (SELECT id FROM "User" WHERE email = ?) ORDER BY "sourceFile", "sourceLine"`,
    EMAIL,
  );

async function preview(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  await page.goto("/import");
  await page
    .getByTestId("import-files")
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: "text/markdown", buffer: Buffer.from(f.text) })));
  await page.getByTestId("picked").waitFor();
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("heading", { name: "Preview" }).waitFor();
}

async function confirm(page: Page, label: string): Promise<void> {
  await page.getByRole("button", { name: label, exact: true }).click();
  await page.getByRole("heading", { name: "Imported" }).waitFor();
}

describe("the import preview", () => {
  it("shows rendered faces and skipped blocks, and imports only the ticked notes and cards", async () => {
    const { context, page } = await newPage(browser, baseUrl, "phone");
    await signUp(page, EMAIL);
    await page.waitForURL(`${baseUrl}/decks`);
    await preview(page, [
      { name: "iam.md", text: IAM_NOTE },
      { name: "extra.md", text: EXTRA_NOTE },
    ]);

    // Faces as the review screen renders them: markdown made HTML, nothing raw.
    const sts = page.getByTestId("preview-card").filter({ hasText: "What is STS?" });
    expect(await sts.getByTestId("preview-front").textContent()).toContain("What is STS?");
    expect(await sts.getByTestId("preview-back").innerHTML()).toContain("<strong>Security Token Service</strong>");
    expect(await page.getByTestId("preview-card").filter({ hasText: "PassRole" }).getByTestId("preview-front").innerHTML()).toContain(
      "<code>iam:PassRole</code>",
    );
    const skipped = page.getByTestId("skipped-block");
    expect(await skipped.count()).toBe(1);
    expect(await skipped.textContent()).toMatch(/^iam\.md:7 .*Lonely question.*: \S/);
    expect(await page.getByRole("heading", { name: "Skipped blocks (1)" }).count()).toBe(1);

    // Everything ticked to begin with; the learner leaves out one card, and one note by keyboard.
    expect(await page.getByRole("button", { name: "Import 3 cards", exact: true }).count()).toBe(1);
    await page.getByRole("checkbox", { name: /^Import the card .*PassRole/ }).uncheck();
    const extra = page.getByRole("checkbox", { name: "Import the note extra.md" });
    await extra.focus();
    await page.keyboard.press("Space");
    expect(await extra.isChecked()).toBe(false);
    expect(await page.getByRole("checkbox", { name: /^Import the card .*Roles/ }).isDisabled()).toBe(true);
    expect(await page.getByTestId("left-out").textContent()).toBe("Leaving out 1 note and 1 card.");

    // A phone's width holds the whole preview.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await confirm(page, "Import 1 card");
    expect(await ownCards()).toEqual([expect.objectContaining({ front: expect.stringContaining("What is STS?"), sourceFile: "iam.md" })]);
    expect(await page.getByTestId("left-out-done").textContent()).toMatch(/1 note and 1 card/);
    await context.close();
  });

  it("leaves a stored card untouched when the learner unticks its update", async () => {
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await page.goto("/signin");
    await signIn(page, EMAIL, "correct horse battery");
    await page.waitForURL(`${baseUrl}/decks`);

    const edited = IAM_NOTE.replace("temporary credentials", "short-lived credentials");
    await preview(page, [{ name: "iam.md", text: edited }]);
    const card = page.getByTestId("preview-card").filter({ hasText: "What is STS?" });
    expect(await card.getAttribute("data-action")).toBe("update");
    await page.getByRole("checkbox", { name: /^Import the card .*What is STS\?/ }).uncheck();
    expect(await card.textContent()).toContain("Left out: the card in your library stays as it is.");
    await confirm(page, "Import 1 card"); // the PassRole card, new this time
    const cards = await ownCards();
    expect(cards.map((c) => c.front)).toEqual([expect.stringContaining("What is STS?"), expect.stringContaining("PassRole")]);
    expect(cards[0]!.back).toContain("temporary credentials");
    await context.close();
  });

  it("bounds the preview: 2,000 cards rendered, the rest listed by their front", async () => {
    const [cookie] = await createAccounts(baseUrl, ["bounds@example.com"], browser);
    const note = Array.from({ length: 2_100 }, (_, i) => `- Question ${i}? #card\n\t- Answer ${i}\n`).join("");
    const body = new FormData();
    body.set("mode", "preview");
    body.append("file", new Blob([note]), "big.md");
    body.append("path", "big.md");
    const response = await fetch(`${baseUrl}/api/import`, { method: "POST", body, headers: { cookie: cookie! } });
    expect(response.status).toBe(200);
    const { review } = (await response.json()) as {
      review: { unrendered: number; files: Array<{ cards: Array<{ front: string; faces?: { front: string } }> }> };
    };
    const cards = review.files[0]!.cards;
    expect(cards).toHaveLength(2_100);
    expect(cards.filter((c) => c.faces)).toHaveLength(2_000);
    expect(review.unrendered).toBe(100);
    expect(cards[2_099]).toEqual({ ...cards[2_099], front: expect.stringContaining("Question 2099?") });
    expect(cards[2_099]!.faces).toBeUndefined();
  });

  it("refuses a malformed or oversized selection with 400 and writes nothing", async () => {
    const [cookie] = await createAccounts(baseUrl, ["selector@example.com"], browser);
    const send = async (keys: string[]) => {
      const body = new FormData();
      body.set("mode", "apply");
      body.append("file", new Blob([EXTRA_NOTE]), "x.md");
      body.append("path", "x.md");
      for (const key of keys) body.append("untickedKey", key);
      const response = await fetch(`${baseUrl}/api/import`, { method: "POST", body, headers: { cookie: cookie! } });
      return { status: response.status, error: ((await response.json()) as { error?: string }).error };
    };
    expect(await send([""])).toEqual({ status: 400, error: expect.stringMatching(/untickedKeys/) });
    expect(await send(Array.from({ length: 10_001 }, (_, i) => `k${i}`))).toEqual({
      status: 400,
      error: expect.stringMatching(/At most 10000 cards can be left out/),
    });
    expect(await readRows(`SELECT id FROM "Card" WHERE "sourceFile" = 'x.md'`)).toEqual([]);
  });
});

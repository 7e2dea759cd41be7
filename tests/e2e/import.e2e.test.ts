// Importing notes from the browser: choose files, preview, confirm; re-import an edited
// note; a bad file is listed while the good ones go through.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { countRows } from "./support/database.ts";
import { signIn, signUp } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");
const seeds = resolve(import.meta.dirname, "../../seeds/notes");
const EMAIL = "importer@example.com";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ownCards = (where = "1 = 1") =>
  countRows(`SELECT COUNT(*) AS n FROM "Card" WHERE scope = (SELECT id FROM "User" WHERE email = ?) AND ${where}`, EMAIL);

async function choose(page: Page, files: Array<{ name: string; text: string | Buffer }>): Promise<void> {
  await page
    .getByTestId("import-files")
    .setInputFiles(
      files.map((f) => ({ name: f.name, mimeType: "text/markdown", buffer: Buffer.isBuffer(f.text) ? f.text : Buffer.from(f.text) })),
    );
  await page.getByTestId("picked").waitFor();
}

async function summary(page: Page, heading: "Preview" | "Imported"): Promise<string> {
  const panel = page.getByTestId("import-summary").filter({ has: page.getByRole("heading", { name: heading }) });
  await panel.waitFor();
  return (await panel.textContent()) ?? "";
}

describe("importing notes in the browser", () => {
  it("previews, confirms, then re-imports an edited note keeping its cards", async () => {
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await signUp(page, EMAIL);
    await page.waitForURL(`${baseUrl}/decks`);
    await page.goto("/import");

    const note = readFileSync(join(seeds, "aws-sts-and-advanced-iam.md"), "utf8");
    await choose(page, [{ name: "sts.md", text: note }]);
    await page.getByRole("button", { name: "Preview import" }).click();
    const preview = await summary(page, "Preview");
    const created = Number(preview.match(/(\d+) new cards/)?.[1]);
    expect(created).toBeGreaterThan(10);
    expect(await ownCards()).toBe(0); // a preview writes nothing

    await page.getByRole("button", { name: /^Import \d+ cards?$/ }).click();
    await summary(page, "Imported");
    expect(await ownCards()).toBe(created);

    // The learner edits one answer in the note and imports it again.
    const edited = note.replace("**Ans** The S3 bucket policy auhorizes read", "**Ans** The S3 bucket policy allows reads");
    expect(edited).not.toBe(note);
    const ids = await countRows(`SELECT COUNT(*) AS n FROM "Card" WHERE back LIKE '%auhorizes read%' AND scope <> 'starter'`);
    expect(ids).toBe(1);
    await page.goto("/import");
    await choose(page, [{ name: "sts.md", text: edited }]);
    await page.getByRole("button", { name: "Preview import" }).click();
    const again = await summary(page, "Preview");
    expect(again).toMatch(/0 new cards, 1 updated, 0 suspended/);
    await page.getByRole("button", { name: /^Import \d+ cards?$/ }).click();
    await summary(page, "Imported");
    expect(await ownCards()).toBe(created);
    expect(await ownCards("back LIKE '%allows reads%'")).toBe(1);
    await context.close();
  });

  it("imports the good files of a batch and names the bad one", async () => {
    const { context, page } = await newPage(browser, baseUrl, "phone");
    await page.goto("/signin");
    await signIn(page, EMAIL, "correct horse battery");
    await page.waitForURL(`${baseUrl}/decks`);
    await page.goto("/import");
    const before = await ownCards();
    await choose(page, [
      { name: "good.md", text: "# Good note\n\n- What is STS?\n\t- Security Token Service\n" },
      { name: "broken.md", text: Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x00, 0x41]) },
    ]);
    await page.getByRole("button", { name: "Preview import" }).click();
    const preview = await summary(page, "Preview");
    expect(preview).toContain("broken.md");
    await page.getByRole("button", { name: /^Import \d+ cards?$/ }).click();
    await summary(page, "Imported");
    expect(await ownCards()).toBeGreaterThan(before);
    expect(await countRows(`SELECT COUNT(*) AS n FROM "Card" WHERE "sourceFile" = 'broken.md'`)).toBe(0);
    await context.close();
  });

  it("refuses an upload from a visitor", async () => {
    const body = new FormData();
    body.set("mode", "apply");
    body.append("file", new Blob(["# x\n- a\n\t- b\n"]), "x.md");
    body.append("path", "x.md");
    const response = await fetch(`${baseUrl}/api/import`, { method: "POST", body, redirect: "manual" });
    expect([307, 401]).toContain(response.status);
    expect(await countRows(`SELECT COUNT(*) AS n FROM "Card" WHERE "sourceFile" = 'x.md'`)).toBe(0);
  });
});

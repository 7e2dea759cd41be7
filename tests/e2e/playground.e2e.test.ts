// The policy playground end to end at the phone and desktop viewports, used signed out: a preset's
// computed decision, an edit that flips it, a JSON error located in the editor, a share link that
// reopens the same state, a broken link; then the scenario-card button's answers, signed out and
// after signing up.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { launchBrowser, newPage, VIEWPORTS, type ViewportName } from "./support/browser.ts";
import { signUp } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a playground address and waits until the page is interactive with its state loaded. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("[data-testid=playground][data-ready=true]").waitFor();
}

async function press(locator: Locator, viewport: ViewportName): Promise<void> {
  if (viewport === "phone") await locator.tap();
  else await locator.click();
}

async function decision(page: Page, expected: string): Promise<void> {
  await page.locator(`[data-testid=decision][data-decision=${expected}]`).waitFor();
}

/** Puts the caret (or a selection) in the editor at the text's first `find`, as a click there would. */
async function select(editor: Locator, find: string, length = 0, after = 0): Promise<void> {
  await editor.evaluate(
    (el: HTMLTextAreaElement, [text, len, shift]) => {
      const at = el.value.indexOf(text as string) + (shift as number);
      if (at < 0) throw new Error(`${text} is not in the editor`);
      el.focus();
      el.setSelectionRange(at, at + (len as number));
    },
    [find, length, after] as const,
  );
}

describe.each(["phone", "desktop"] as const)("the playground at the %s viewport", (viewport) => {
  it("computes, flips, locates an error, and shares its state by link", async () => {
    const { context, page } = await newPage(browser, baseUrl, viewport);
    await open(page, "/playground");

    // A preset, and the decision the evaluator computes for it.
    await page.getByLabel("Start from an example").selectOption({ label: "EC2 role allows, no bucket policy" });
    await press(page.getByRole("button", { name: "Load example" }), viewport);
    await decision(page, "allowed");
    await expect(page.getByTestId("decision").textContent()).resolves.toBe("Allowed");
    await expect(page.getByTestId("deciding").textContent()).resolves.toMatch(
      /Allow\s*ReadWriteMyBucket\s*in\s*AppServerRole S3ReadWrite, lines 4–12/,
    );
    await expect(page.getByTestId("policy-0").getByTestId("band-allow").getAttribute("data-lines")).resolves.toBe("4-12");

    // Allow -> Deny, typed: the decision and the deciding statement follow.
    const editor = page.getByLabel("AppServerRole S3ReadWrite: policy JSON");
    await select(editor, '"Allow"', 5, 1);
    await page.keyboard.type("Deny");
    await decision(page, "explicitDeny");
    await expect(page.getByTestId("deciding").textContent()).resolves.toMatch(
      /Deny\s*ReadWriteMyBucket\s*in\s*AppServerRole S3ReadWrite, lines 4–12/,
    );
    await expect(page.getByTestId("policy-0").getByTestId("band-deny").getAttribute("data-lines")).resolves.toBe("4-12");
    await expect(page.getByTestId("explanation").textContent()).resolves.toContain("Decision: explicitly denied.");

    // A missing comma: the message names the line and column, the line is marked, and no decision is shown.
    await select(editor, '"2012-10-17",', 0, '"2012-10-17"'.length);
    await page.keyboard.press("Delete");
    await decision(page, "none");
    const problem = page.getByTestId("problem-0");
    await expect(problem.textContent()).resolves.toBe(`Line 3, column 3: Expected ',' or '}' after the value of "Version" but found '"'`);
    await expect(editor.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByTestId("policy-0").getByTestId("band-error").getAttribute("data-lines")).resolves.toBe("3-3");
    await expect(page.getByTestId("live").textContent()).resolves.toMatch(/^Error in AppServerRole S3ReadWrite, line 3, column 3/);
    await page.keyboard.type(",");
    await decision(page, "explicitDeny");

    // A policy error: the JSON path is shown next to the editor, and the element's line is marked.
    await select(editor, '"Deny"', 0, 5);
    await page.keyboard.type("s");
    await decision(page, "none");
    await expect(problem.textContent()).resolves.toMatch(/^Line 6, column 7 at Statement\[0\]\.Effect: Effect must be "Allow" or "Deny"/);
    await expect(page.getByTestId("policy-0").getByTestId("band-error").getAttribute("data-lines")).resolves.toBe("6-6");
    await page.keyboard.press("Backspace");
    await decision(page, "explicitDeny");

    // The phone shows the page at its width, without sideways scrolling.
    if (viewport === "phone") {
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(VIEWPORTS.phone.width);
    }

    // Share, and open the link in a fresh browser context: the same state, the same decision.
    await page.getByLabel("Start from an example").scrollIntoViewIfNeeded();
    await press(page.getByRole("button", { name: "Share this state" }), viewport);
    const link = await page.getByTestId("share-url").inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/playground#v1\\.[A-Za-z0-9_-]+$`));
    const text = await editor.inputValue();
    const fresh = await newPage(browser, baseUrl, viewport);
    await open(fresh.page, link);
    await decision(fresh.page, "explicitDeny");
    await expect(fresh.page.getByLabel("AppServerRole S3ReadWrite: policy JSON").inputValue()).resolves.toBe(text);
    await expect(fresh.page.getByLabel("Principal").inputValue()).resolves.toBe(await page.getByLabel("Principal").inputValue());
    // Reloading keeps it too: the address bar follows the state.
    await fresh.page.reload();
    await fresh.page.locator("[data-testid=playground][data-ready=true]").waitFor();
    await decision(fresh.page, "explicitDeny");
    await expect(fresh.page.getByLabel("AppServerRole S3ReadWrite: policy JSON").inputValue()).resolves.toBe(text);
    await fresh.context.close();

    // "Make a scenario card" posts to /api/scenario-cards. Signed out, it says to sign in and links
    // back here; signed in, the cards are saved once, and saving again makes no second copy.
    const makeCard = page.getByRole("button", { name: "Make a scenario card" });
    const status = page.getByTestId("scenario-status");
    await press(makeCard, viewport);
    await status.filter({ hasText: "Sign in to save scenario cards." }).waitFor();
    await expect(status.textContent()).resolves.toBe("Sign in to save scenario cards. Sign in");
    await expect(status.getByRole("link", { name: "Sign in" }).getAttribute("href")).resolves.toMatch(
      /^\/signin\?next=%2Fplayground%23v1\./,
    );
    await signUp(page, `playground-${viewport}@example.com`);
    await page.waitForURL(`${baseUrl}/decks`);
    await open(page, link);
    await press(makeCard, viewport);
    await status.filter({ hasText: /^Saved as scenario cards in Scenarios › Playground\./ }).waitFor();
    await press(makeCard, viewport);
    await status.filter({ hasText: /^This scenario is already among your cards\./ }).waitFor();
    await context.close();
  });

  it("says so when a link is broken, and shows an example instead", async () => {
    const { context, page } = await newPage(browser, baseUrl, viewport);
    await open(page, "/playground#v1.AAAA-this-is-not-deflate");
    const linkError = page.getByTestId("link-error");
    await linkError.filter({ hasText: "This link is broken" }).waitFor();
    expect(await linkError.textContent()).toMatch(/This link is broken/);
    // The example shown instead is evaluated like any other state.
    await decision(page, "explicitDeny");
    expect(await page.getByTestId("decision").getAttribute("data-decision")).toBe("explicitDeny");
    await context.close();
  });
});

// The playground's linter in a real browser against the production build: a clean example has no
// findings; typing s3:GetObjekt brings the INVALID_ACTION error with its "did you mean", its line
// and its Access Analyzer link, computed in the page from the catalogue the page fetched for s3.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";

const baseUrl = inject("baseUrl");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the playground's policy linter", () => {
  it("shows findings inline as one types, with kind, line, message and link", async () => {
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    const catalogueRequests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/playground/catalogue")) catalogueRequests.push(new URL(r.url()).pathname);
    });
    await page.goto("/playground");
    await page.locator("[data-testid=playground][data-ready=true]").waitFor();
    const findings = page.getByTestId("policy-0-findings");
    await expect(findings.textContent()).resolves.toBe("Linter: no findings.");

    const editor = page.getByLabel("AppServerRole S3ReadWrite: policy JSON");
    await editor.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('"s3:GetObject"') + 1;
      el.focus();
      el.setSelectionRange(at, at + "s3:GetObject".length);
    });
    await page.keyboard.type("s3:GetObjekt");

    const finding = findings.locator("[data-testid=finding][data-code=INVALID_ACTION]");
    await finding.waitFor();
    await expect(finding.getAttribute("data-kind")).resolves.toBe("error");
    const text = await finding.textContent();
    expect(text).toContain("did you mean s3:GetObject?");
    const line = (await editor.inputValue()).split("\n").findIndex((l) => l.includes("s3:GetObjekt")) + 1;
    expect(text).toMatch(new RegExp(`^Error line ${line} INVALID_ACTION: "s3:GetObjekt"`));
    await expect(finding.getByRole("link").getAttribute("href")).resolves.toBe(
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-action",
    );
    // Only the index and the one service the policy names were fetched, once each.
    expect(catalogueRequests.sort()).toEqual(["/playground/catalogue", "/playground/catalogue/s3"]);

    // Fixing the typo clears the finding.
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("ct");
    await findings.getByText("Linter: no findings.").waitFor();

    // The catalogue endpoint answers only for real prefixes, and says why otherwise.
    const unknown = await page.request.get("/playground/catalogue/s4");
    expect(unknown.status()).toBe(404);
    await expect(unknown.json()).resolves.toEqual({ error: 'no AWS service has the prefix "s4"' });
    const bad = await page.request.get("/playground/catalogue/..%2Fsecrets");
    expect(bad.status()).toBe(400);
    const s3 = await page.request.get("/playground/catalogue/s3");
    expect(Object.keys((await s3.json()).actions)).toContain("GetObject");
    await context.close();
  });
});

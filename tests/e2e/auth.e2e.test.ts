// Accounts end to end, in Chromium at a desktop and a phone viewport.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, type ViewportName } from "./support/browser.ts";
import { countRows } from "./support/database.ts";
import { PASSWORD, signIn, signUp } from "./support/accounts.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const users = (email: string) => countRows(`SELECT COUNT(*) AS n FROM "User" WHERE email = ?`, email);

for (const viewport of ["desktop", "phone"] as ViewportName[]) {
  describe(`accounts at the ${viewport} viewport`, () => {
    const email = `learner-${viewport}@example.com`;

    it("sends a visitor from a protected page to sign in, and back after signing up", async () => {
      const { context, page } = await newPage(browser, baseUrl, viewport);
      await page.goto("/decks");
      await page.waitForURL(/\/signin\?next=%2Fdecks/);
      await expect(page.getByRole("heading", { name: "Sign in" }).isVisible()).resolves.toBe(true);

      await signUp(page, email);
      await page.waitForURL(`${baseUrl}/decks`);
      await expect(page.getByRole("heading", { name: "Your decks" }).isVisible()).resolves.toBe(true);
      await expect(page.getByTestId("signed-in-as").textContent()).resolves.toBe("Test Learner");
      expect(await users(email)).toBe(1);
      await context.close();
    });

    it("signs out, refuses a wrong password with a clear message, then signs in", async () => {
      const { context, page } = await newPage(browser, baseUrl, viewport);
      await page.goto("/signin");
      await signIn(page, email, PASSWORD);
      await page.waitForURL(`${baseUrl}/decks`);

      // On a phone the header's links sit behind one "Menu" button.
      if (viewport === "phone") await page.locator("summary", { hasText: "Menu" }).click();
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/signin\?signedOut=1/);
      await page.goto("/decks");
      await page.waitForURL(/\/signin\?next=/);

      await signIn(page, email, "not the password");
      // Next.js keeps a route announcer with role=alert on every page, so look for ours by id.
      const alert = page.locator("#signin-error");
      await alert.waitFor();
      await expect(alert.getAttribute("role")).resolves.toBe("alert");
      await expect(alert.textContent()).resolves.toContain("do not match an account");
      expect(page.url()).toContain("/signin");

      await signIn(page, email, PASSWORD);
      await page.waitForURL(`${baseUrl}/decks`);
      await context.close();
    });

    it("rejects a malformed sign-up field by field and creates nothing", async () => {
      const { context, page } = await newPage(browser, baseUrl, viewport);
      const cases = [
        { email: "not-an-email", password: PASSWORD, field: "email-error", message: "valid email" },
        { email: `short-${viewport}@example.com`, password: "short", field: "password-error", message: "at least 10" },
        { email, password: PASSWORD, field: "email-error", message: "already exists" },
      ];
      for (const c of cases) {
        const before = await countRows(`SELECT COUNT(*) AS n FROM "User"`);
        await signUp(page, c.email, c.password);
        const error = page.locator(`#${c.field} .field-error`);
        await error.waitFor();
        await expect(error.textContent()).resolves.toContain(c.message);
        expect(await countRows(`SELECT COUNT(*) AS n FROM "User"`)).toBe(before);
      }
      expect(await users(`short-${viewport}@example.com`)).toBe(0);
      await context.close();
    });
  });
}

describe("roles", () => {
  it("makes the first account the admin and later ones learners", async () => {
    const admins = await countRows(`SELECT COUNT(*) AS n FROM "User" WHERE role = 'admin'`);
    const first = await countRows(
      `SELECT COUNT(*) AS n FROM "User" WHERE role = 'admin' AND "createdAt" = (SELECT MIN("createdAt") FROM "User")`,
    );
    expect(admins).toBe(1);
    expect(first).toBe(1);
    expect(await countRows(`SELECT COUNT(*) AS n FROM "User" WHERE role = 'learner'`)).toBeGreaterThan(0);
  });

  it("stores only a bcrypt hash of each password", async () => {
    expect(await countRows(`SELECT COUNT(*) AS n FROM "User" WHERE "passwordHash" LIKE ?`, `%${PASSWORD}%`)).toBe(0);
    expect(await countRows(`SELECT COUNT(*) AS n FROM "User" WHERE "passwordHash" NOT LIKE '$2%'`)).toBe(0);
  });
});

// The sign-in limits (per address and per account) are tested in security-auth.e2e.test.ts, from
// addresses of their own, so that no other test's sign-ins from 127.0.0.1 are refused.

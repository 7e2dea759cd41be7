import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "./browser.ts";
import { signInOverHttp } from "./http-session.ts";

export const PASSWORD = "correct horse battery";

export async function signUp(page: Page, email: string, password = PASSWORD, name = "Test Learner"): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Polls `check` (a database read, say) until it holds; fails with `what()` when it never does. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: () => string | Promise<string>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met in time: ${await what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Makes accounts through the sign-up form, as people make them, and returns their session cookies
 * for requests over plain HTTP. Launches a browser of its own unless one is given.
 */
export async function createAccounts(baseUrl: string, emails: readonly string[], browser?: Browser): Promise<string[]> {
  const own = browser ?? (await launchBrowser());
  try {
    for (const email of emails) {
      const { context, page } = await newPage(own, baseUrl, "desktop");
      await signUp(page, email);
      await page.waitForURL(`${baseUrl}/decks`);
      await context.close();
    }
  } finally {
    if (!browser) await own.close();
  }
  return Promise.all(emails.map((email) => signInOverHttp(baseUrl, email, PASSWORD)));
}

import type { Page } from "playwright-core";

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
export async function waitUntil(check: () => boolean, what: () => string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met in time: ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

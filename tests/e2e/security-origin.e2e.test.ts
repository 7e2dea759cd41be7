// A page on another origin (here: another port of the same host, which browsers
// treat as the same *site*, so the Lax session cookie still rides along) cannot make a signed-in
// learner's browser write, and JSON endpoints refuse bodies not declared as JSON.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { countRows } from "./support/database.ts";
import { signInOverHttp } from "./support/http-session.ts";
import { PASSWORD, signUp } from "./support/accounts.ts";
import { freePort } from "./support/ports.ts";

const baseUrl = inject("baseUrl");
const EMAIL = "victim@origin.example";

let browser: Browser;
let attacker: Server;
let attackerUrl = "";

/** The attacker's page posts a planted note (multipart) and a text/plain "grade", as a CSRF page would. */
function attackPage(target: string): string {
  return `<!doctype html><title>prize</title><script>
    (async () => {
      const form = new FormData();
      form.set("mode", "apply");
      form.append("file", new Blob(["# Planted\\n\\n- What did the attacker plant?\\n\\t- This card\\n"]), "planted-by-origin-attack.md");
      form.append("path", "planted-by-origin-attack.md");
      await fetch(${JSON.stringify(`${target}/api/import`)}, { method: "POST", body: form, mode: "no-cors", credentials: "include" }).catch(() => {});
      await fetch(${JSON.stringify(`${target}/api/review`)}, { method: "POST", body: JSON.stringify({ type: "next" }), mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" } }).catch(() => {});
      document.title = "sent";
    })();
  </script>`;
}

const queuedRuns = () => countRows(`SELECT COUNT(*) AS n FROM "UploadRun" r JOIN "User" u ON u.id = r."userId" WHERE u.email = ?`, EMAIL);

const plantedCards = () =>
  countRows(
    `SELECT COUNT(*) AS n FROM "Card" c JOIN "User" u ON u.id = c.scope WHERE u.email = ? AND c.front LIKE '%attacker plant%'`,
    EMAIL,
  );

beforeAll(async () => {
  browser = await launchBrowser();
  const port = await freePort();
  attacker = createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(attackPage(baseUrl));
  });
  await new Promise<void>((ready) => attacker.listen(port, "127.0.0.1", ready));
  attackerUrl = `http://127.0.0.1:${port}/`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => attacker?.close(closed));
});

describe("10.8: state-changing route handlers refuse cross-origin requests", () => {
  it("10.8: a page on another port of the same host cannot plant a card through /api/import", async () => {
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    try {
      await signUp(page, EMAIL);
      await page.waitForURL(`${baseUrl}/decks`);
      await page.goto(attackerUrl);
      await page.waitForFunction(() => document.title === "sent", undefined, { timeout: 15_000 });
      expect(await plantedCards()).toBe(0);
      // Nor queued to be written later: an import runs as a job.
      expect(await queuedRuns()).toBe(0);

      // The same upload from the app's own page goes through, so the refusal above was about origin.
      await page.goto(`${baseUrl}/import`);
      const status = await page.evaluate(async () => {
        const form = new FormData();
        form.set("mode", "apply");
        form.append("file", new Blob(["# Planted\n\n- What did the attacker plant?\n\t- This card\n"]), "own.md");
        form.append("path", "own.md");
        // The import runs as a job: its answer comes from the run's address once the run ends.
        let response = await fetch("/api/import", { method: "POST", body: form });
        while (response.status === 202) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          response = await fetch(response.headers.get("location")!);
        }
        return response.status;
      });
      expect(status).toBe(200);
      expect(await plantedCards()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("10.8: a forged Origin or Sec-Fetch-Site is refused with 403 and nothing is written", async () => {
    const cookie = await signInOverHttp(baseUrl, EMAIL, PASSWORD);
    const before = await plantedCards();
    const forged: Array<Record<string, string>> = [
      { origin: "http://127.0.0.1:1" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const headers of forged) {
      const form = new FormData();
      form.set("mode", "apply");
      form.append("file", new Blob(["# More\n\n- What did the attacker plant again?\n\t- Another card\n"]), "again.md");
      form.append("path", "again.md");
      const response = await fetch(`${baseUrl}/api/import`, { method: "POST", body: form, headers: { cookie, ...headers } });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(((await response.json()) as { error: string }).error).toMatch(/Refused/);
    }
    expect(await plantedCards()).toBe(before);
  });

  it("10.8: JSON endpoints answer 415 to a text/plain body", async () => {
    const cookie = await signInOverHttp(baseUrl, EMAIL, PASSWORD);
    for (const path of ["/api/review", "/api/export/backup", "/api/scenario-cards", "/api/optimize", "/api/classroom/answers"]) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { cookie, "content-type": "text/plain;charset=UTF-8" },
        body: JSON.stringify({ type: "next" }),
      });
      expect(response.status, path).toBe(415);
      expect(((await response.json()) as { error: string }).error).toMatch(/application\/json/);
    }
  });
});

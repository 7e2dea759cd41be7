// Against the production build: open redirects, the sign-in
// limits, bounded fields, public assets, HSTS and sign-out revoking the session.
// Requests that must come from distinct clients bind their own loopback address (127.0.0.0/8 all
// reaches the server on Linux), so the server sees them as different sockets and no other test's
// sign-ins from 127.0.0.1 are refused.
import { request as httpRequest } from "node:http";
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage } from "./support/browser.ts";
import { countRows, readRows, writeRows } from "./support/database.ts";
import { PASSWORD, signIn, signUp, createAccounts } from "./support/accounts.ts";
import { signInOverHttp } from "./support/http-session.ts";
import { freePort } from "./support/ports.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request from `from` (a loopback address), as a client at that address would send it. */
function send(
  url: string,
  options: { from?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      url,
      { method: options.method ?? "GET", headers: options.headers, localAddress: options.from ?? "127.0.0.1" },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", fail);
    req.end(options.body);
  });
}

const cookiesOf = (reply: Reply) => ((reply.headers["set-cookie"] as string[] | undefined) ?? []).map((c) => c.split(";")[0]!);

/**
 * Posts email and password to Auth.js's credentials callback from `from`, as the sign-in form
 * would. Returns "ok" with a session, or the refusal's code ("credentials" for a wrong password,
 * "accountWait:42", "addressLimited:42").
 */
async function signInFrom(from: string, email: string, password: string, extraHeaders: Record<string, string> = {}): Promise<string> {
  const csrf = await send(`${baseUrl}/api/auth/csrf`, { from, headers: extraHeaders });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const reply = await send(`${baseUrl}/api/auth/callback/credentials`, {
    from,
    method: "POST",
    headers: { ...extraHeaders, "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password }).toString(),
  });
  if (cookiesOf(reply).some((c) => c.startsWith("authjs.session-token="))) return "ok";
  const location = new URL(String(reply.headers.location), baseUrl);
  return location.searchParams.get("code") ?? `no code (HTTP ${reply.status}, ${location})`;
}

/** Moves the attempts recorded under `key` `ms` into the past (the handle stores dates as Prisma does). */
async function ageAttempts(key: string, ms: number): Promise<void> {
  const rows = await readRows<{ id: string; createdAt: string | Date }>(
    `SELECT id, "createdAt" FROM "SignInAttempt" WHERE address = ?`,
    key,
  );
  const aged = rows.map((row) => [new Date(new Date(row.createdAt).getTime() - ms), row.id]);
  await writeRows(`UPDATE "SignInAttempt" SET "createdAt" = ? WHERE id = ?`, aged);
}

const attempts = (key: string) => countRows(`SELECT COUNT(*) AS n FROM "SignInAttempt" WHERE address = ?`, key);

const createAccount = (email: string) => createAccounts(baseUrl, [email], browser);

describe("10.4: no open redirect after sign-in", () => {
  const EMAIL = "redirect@security.example";
  let session: string;
  beforeAll(async () => {
    await createAccount(EMAIL);
    session = await signInOverHttp(baseUrl, EMAIL, PASSWORD);
  });

  it("10.4: a signed-in browser sent to /signin?next=/%09/evil.example/x stays on the app", async () => {
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await page.goto("/signin");
    await signIn(page, EMAIL, PASSWORD);
    await page.waitForURL(`${baseUrl}/decks`);
    await page.goto("/signin?next=/%09/evil.example/x");
    expect(new URL(page.url()).origin).toBe(new URL(baseUrl).origin);
    await context.close();
  });

  const variants = [
    "/%09/evil.example/x",
    "/%0a/evil.example/x",
    "/%0d/evil.example/x",
    "/%5Cevil.example",
    "//evil.example",
    "/%5C/evil.example",
    "https://evil.example/x",
    "/%09%5Cevil.example",
  ];
  for (const next of variants) {
    it(`10.4: next=${next} neither leaves the origin nor fails`, async () => {
      const reply = await send(`${baseUrl}/signin?next=${next}`, { headers: { cookie: session } });
      expect(reply.status).toBeGreaterThanOrEqual(300);
      expect(reply.status).toBeLessThan(400);
      expect(new URL(String(reply.headers.location), baseUrl).origin).toBe(new URL(baseUrl).origin);
    });
  }

  it("10.4: a path inside the app is still followed", async () => {
    const reply = await send(`${baseUrl}/signin?next=%2Fstats`, { headers: { cookie: session } });
    expect(reply.headers.location).toMatch(/\/stats$/);
  });
});

describe("10.5: the sign-in limits", () => {
  it("10.5: rotating X-Forwarded-For does not bypass the per-address limit", async () => {
    const from = "127.0.0.21";
    for (let i = 0; i < 10; i++) {
      // A different email each time, so that only the address limit can be what refuses.
      const code = await signInFrom(from, `nobody-${i}@security.example`, "guess", { "x-forwarded-for": `203.0.113.${i + 1}` });
      expect(code).toBe("credentials");
    }
    const code = await signInFrom(from, "nobody-11@security.example", "guess", { "x-forwarded-for": "203.0.113.99" });
    expect(code).toMatch(/^addressLimited:\d+$/);
    expect(await attempts(`ip:${from}`)).toBe(10);
    expect(await countRows(`SELECT COUNT(*) AS n FROM "SignInAttempt" WHERE address LIKE 'ip:203.0.113.%'`)).toBe(0);
  });

  it("10.5: 10 wrong passwords from other addresses do not stop the right password from a fresh address beyond the stated wait", async () => {
    const email = "victim@security.example";
    await createAccount(email);
    for (let i = 0; i < 10; i++) expect(await signInFrom(`127.0.0.${31 + i}`, email, `guess ${i}`)).toBe("credentials");

    const code = await signInFrom("127.0.0.41", email, PASSWORD);
    const [reason, seconds] = code.split(":");
    expect(reason).toBe("accountWait");
    const wait = Number(seconds);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);

    // The person at the keyboard is told how long, in words.
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await page.goto("/signin");
    await signIn(page, email, PASSWORD);
    const alert = page.locator("#signin-error");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Too many failed sign-ins for this account\. Try again in \d+ seconds?\.$/);
    await context.close();

    // Sitting out a whole minute would only slow the suite: age the account's recorded failures
    // as if all but two seconds of the stated wait had passed. The refusal must hold until then.
    // The browser took its own time, so ask for the wait again (refused tries are not recorded).
    const [, left] = (await signInFrom("127.0.0.41", email, PASSWORD)).split(":");
    expect(Number(left)).toBeGreaterThan(2);
    await ageAttempts(`email:${email}`, (Number(left) - 2) * 1000);
    expect(await signInFrom("127.0.0.41", email, PASSWORD)).toMatch(/^accountWait:[12]$/);
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await signInFrom("127.0.0.41", email, PASSWORD)).toBe("ok");
  }, 150_000);

  it("10.5: 40 concurrent wrong passwords check at most the limit", async () => {
    const email = "concurrent@security.example";
    await createAccount(email);
    const codes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signInFrom("127.0.0.51", email, `guess ${i}`, { "x-forwarded-for": `198.51.100.${i + 1}` })),
    );
    // Every checked password leaves one recorded attempt; refused ones are never checked.
    const checked = codes.filter((c) => c === "credentials").length;
    expect(checked).toBeLessThanOrEqual(10);
    expect(await attempts(`email:${email}`)).toBe(checked);
    expect(codes.filter((c) => /^(addressLimited|accountWait):\d+$/.test(c))).toHaveLength(40 - checked);
  }, 150_000);
});

describe("10.9: bounded fields", () => {
  it("10.9: a 255-character email is refused at sign-up with a field error, and nothing is stored", async () => {
    const email = `${"a".repeat(243)}@example.com`;
    const before = await countRows(`SELECT COUNT(*) AS n FROM "User"`);
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await signUp(page, email);
    const error = page.locator("#email-error .field-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("An email address has at most 254 characters.");
    expect(await countRows(`SELECT COUNT(*) AS n FROM "User"`)).toBe(before);
    await context.close();
  });

  it("10.9: a 255-character email is refused at sign-in without a password check", async () => {
    expect(await signInFrom("127.0.0.61", `${"b".repeat(243)}@example.com`, "guess")).toBe("credentials");
    expect(await attempts("ip:127.0.0.61")).toBe(0);
  });

  it("10.9: deeply nested JSON to /api/scenario-cards gets 400, not a stack overflow", async () => {
    const email = "nesting@security.example";
    await createAccount(email);
    const session = await signInOverHttp(baseUrl, email, PASSWORD);
    const body = `{"scenario":{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`;
    const reply = await send(`${baseUrl}/api/scenario-cards`, {
      method: "POST",
      headers: { cookie: session, "content-type": "application/json", origin: new URL(baseUrl).origin },
      body,
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({
      error: "The JSON body is nested 100002 levels deep; at most 64 are allowed.",
      code: "invalid",
    });
    expect((await send(`${baseUrl}/signin`)).status).toBe(200);
  });
});

describe("10.10: small ones", () => {
  it("10.10: /icon.svg and other public files are not redirected to sign-in", async () => {
    const icon = await send(`${baseUrl}/icon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toContain("image/svg+xml");
    for (const path of ["/favicon.ico", "/robots.txt", "/manifest.webmanifest"]) {
      const reply = await send(`${baseUrl}${path}`);
      expect(String(reply.headers.location ?? ""), path).not.toContain("/signin");
    }
  });

  it("10.10: a client's X-Forwarded-Proto: https over plain HTTP gets no HSTS header", async () => {
    const reply = await send(`${baseUrl}/signin`, { headers: { "x-forwarded-proto": "https" } });
    expect(reply.status).toBe(200);
    expect(reply.headers["strict-transport-security"]).toBeUndefined();
  });

  it("10.10: a copied session cookie no longer reaches /decks after its owner signs out", async () => {
    const email = "signout@security.example";
    await createAccount(email);
    const { context, page } = await newPage(browser, baseUrl, "desktop");
    await page.goto("/signin");
    await signIn(page, email, PASSWORD);
    await page.waitForURL(`${baseUrl}/decks`);
    const copied = (await context.cookies())
      .filter((c) => c.name.includes("authjs.session-token"))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    expect((await send(`${baseUrl}/decks`, { headers: { cookie: copied } })).status).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin\?signedOut=1/);
    const after = await send(`${baseUrl}/decks`, { headers: { cookie: copied } });
    expect(after.status).not.toBe(200);
    expect(String(after.headers.location)).toContain("/signin");
    await context.close();
  });
});

describe("10.5 and 10.10: behind a trusted proxy (TRUSTED_PROXY=1)", () => {
  let proxied: ChildProcess | undefined;
  let proxiedUrl = "";
  beforeAll(async () => {
    const port = await freePort();
    const { NODE_ENV: _test, ...inherited } = process.env;
    proxied = spawn("npx", ["tsx", "scripts/start-server.ts", "-H", "127.0.0.1", "-p", String(port)], {
      cwd: resolve(import.meta.dirname, "../.."),
      env: {
        ...inherited,
        NODE_ENV: "production",
        TRUSTED_PROXY: "1",
        DATABASE_URL: inject("databaseUrl"),
        AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    proxiedUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 100_000;
    for (;;) {
      const up = await send(`${proxiedUrl}/signin`).catch(() => null);
      if (up && up.status < 500) break;
      if (Date.now() > deadline) throw new Error("the TRUSTED_PROXY server did not start");
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  afterAll(() => {
    if (proxied?.pid) process.kill(-proxied.pid, "SIGTERM");
  });

  it("10.10: an https request reported by the trusted proxy gets HSTS", async () => {
    const reply = await send(`${proxiedUrl}/signin`, { headers: { "x-forwarded-proto": "https" } });
    expect(reply.headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
    const plain = await send(`${proxiedUrl}/signin`, { headers: { "x-forwarded-proto": "http" } });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
  });

  it("10.5: the address the trusted proxy appended is the one limited, not the client's own claim", async () => {
    const csrf = await send(`${proxiedUrl}/api/auth/csrf`);
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const reply = await send(`${proxiedUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        "x-forwarded-for": "10.9.9.9, 192.0.2.77",
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookiesOf(csrf).join("; "),
      },
      body: new URLSearchParams({ csrfToken, email: "nobody-proxied@security.example", password: "guess" }).toString(),
    });
    expect(reply.status).toBe(302);
    expect(await attempts("ip:192.0.2.77")).toBe(1);
    expect(await attempts("ip:10.9.9.9")).toBe(0);
  });
});

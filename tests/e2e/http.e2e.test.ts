// Plain HTTP against the running build: security headers and start-up checks.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { freePort } from "./support/ports.ts";

const baseUrl = inject("baseUrl");
const root = resolve(import.meta.dirname, "../..");

describe("security headers on every response", () => {
  const paths = ["/", "/signin", "/signup", "/decks", "/api/auth/session", "/no-such-page", "/favicon.ico"];
  for (const path of paths) {
    it(`GET ${path}`, async () => {
      const response = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/default-src '(self|none)'/);
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    });
  }

  it("gives pages a fresh script nonce on every request", async () => {
    const nonceOf = async () => (await fetch(`${baseUrl}/signin`)).headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
    const [a, b] = [await nonceOf(), await nonceOf()];
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
  });

  it("serves static assets with a CSP too", async () => {
    const html = await (await fetch(`${baseUrl}/signin`)).text();
    const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    expect(asset).toBeTruthy();
    const response = await fetch(`${baseUrl}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("protected pages over plain HTTP", () => {
  it("redirects a request without a session to sign in", async () => {
    const response = await fetch(`${baseUrl}/decks`, { redirect: "manual" });
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location") ?? "", baseUrl).href).toBe(`${baseUrl}/signin?next=%2Fdecks`);
  });

  it("does not trust a forged session cookie", async () => {
    const response = await fetch(`${baseUrl}/decks`, { redirect: "manual", headers: { cookie: "authjs.session-token=forged" } });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/signin?next=%2Fdecks");
  });
});

describe("GitHub and Google sign-in", () => {
  it("are offered only when their keys are set", async () => {
    const plain = await (await fetch(`${baseUrl}/signin`)).text();
    expect(plain).not.toContain("Continue with GitHub");
    expect(plain).not.toContain("Continue with Google");

    const port = await freePort();
    const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
      cwd: root,
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: inject("databaseUrl"),
        AUTH_SECRET: "x".repeat(32),
        AUTH_GITHUB_ID: "test-github-id",
        AUTH_GITHUB_SECRET: "test-github-secret",
        AUTH_GOOGLE_ID: "test-google-id",
        AUTH_GOOGLE_SECRET: "test-google-secret",
      },
    });
    try {
      let html = "";
      for (let i = 0; i < 120 && !html; i++) {
        try {
          html = await (await fetch(`http://127.0.0.1:${port}/signin`)).text();
        } catch {
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      expect(html).toContain("Continue with GitHub");
      expect(html).toContain("Continue with Google");
    } finally {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    }
  });
});

describe("start-up refuses a database it cannot use", () => {
  function startWith(databaseUrl: string): Promise<{ code: number | null; output: string }> {
    return new Promise((done) => {
      const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", "0"], {
        cwd: root,
        env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, AUTH_SECRET: "x".repeat(32) },
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        done({ code, output });
      });
    });
  }

  it("names DATABASE_URL when the file is missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iam-recall-missing-"));
    try {
      const { code, output } = await startWith(`file:${join(dir, "nowhere", "app.db")}`);
      expect(code).toBe(1);
      const line = output.split("\n").find((l) => l.includes("IAM Recall cannot start"));
      expect(line).toContain("does not exist");
      expect(line).toContain("DATABASE_URL");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names DATABASE_URL in one line when the PostgreSQL server it names does not answer", async () => {
    const port = await freePort();
    const { code, output } = await startWith(`postgresql://learner:s3cret-pw@127.0.0.1:${port}/iam_recall`);
    expect(code).toBe(1);
    const lines = output.split("\n").filter((l) => l.includes("IAM Recall cannot start"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`PostgreSQL at 127.0.0.1:${port}`);
    expect(lines[0]).toContain("DATABASE_URL");
    // The password in the URL is never printed.
    expect(output).not.toContain("s3cret-pw");
  });

  it("names DATABASE_URL when the path is a folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iam-recall-folder-"));
    try {
      const { code, output } = await startWith(`file:${dir}`);
      expect(code).toBe(1);
      expect(output).toMatch(/IAM Recall cannot start: .*is a directory.*DATABASE_URL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

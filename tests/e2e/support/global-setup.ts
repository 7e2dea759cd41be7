// Builds the app once, prepares a fresh database in a temporary folder, and serves the build on a
// free loopback port for the whole end-to-end run.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { CHROMIUM } from "./browser.ts";
import { freePort } from "./ports.ts";

const root = resolve(import.meta.dirname, "../../..");

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseFile: string;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}`);
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not answer at ${url} within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  const workDir = mkdtempSync(join(tmpdir(), "iam-recall-e2e-"));
  const databaseFile = join(workDir, "e2e.db");
  // vitest sets NODE_ENV=test, but next build and start must see production; and the OAuth
  // providers stay off, whatever the developer's shell has.
  const { NODE_ENV: _test, AUTH_GITHUB_ID: _github, AUTH_GOOGLE_ID: _google, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: "production",
    DATABASE_URL: `file:${databaseFile}`,
    AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  run("npx", ["tsx", "--conditions=react-server", "scripts/setup.ts"], env);
  // A build made from the current sources; set E2E_REUSE_BUILD=1 to skip it while iterating on tests.
  if (!(process.env.E2E_REUSE_BUILD === "1" && existsSync(join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")))) {
    run("npx", ["next", "build"], env);
  }

  const port = await freePort();
  // `npm start`'s server: like `next start`, but the client's address comes from the socket.
  const server = spawn("npx", ["tsx", "scripts/start-server.ts", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(`${baseUrl}/signin`, server, 60_000);
  project.provide("baseUrl", baseUrl);
  project.provide("databaseFile", databaseFile);

  return () => {
    // The server runs in its own process group so npx and next go down together.
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    rmSync(workDir, { recursive: true, force: true });
  };
}

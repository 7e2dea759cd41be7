// Builds the app (unless E2E_REUSE_BUILD=1 and a build exists), prepares a fresh database on the
// engine named by E2E_DATABASE_ENGINE (sqlite, the default, or postgresql), and serves the build on
// a free loopback port for the whole end-to-end run. The build holds no database URL: the engine
// is chosen when the server starts, from DATABASE_URL, so one build serves both engines' runs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { CHROMIUM } from "./browser.ts";
import { appServerEnv, startAppServer } from "./app-server.ts";
import { buildApp } from "./build.ts";
import { e2eDatabase } from "./e2e-database.ts";

const root = resolve(import.meta.dirname, "../../..");

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The DATABASE_URL the app under test runs on (file: or postgresql://). */
    databaseUrl: string;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  const workDir = mkdtempSync(join(tmpdir(), "iam-recall-e2e-"));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(workDir, { recursive: true, force: true })];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const database = await e2eDatabase(process.env.E2E_DATABASE_ENGINE, workDir);
    cleanups.push(database.remove);
    const env = appServerEnv(database.url);

    run("npx", ["tsx", "--conditions=react-server", "scripts/setup.ts"], env);
    // A build made from the current sources, unless told to reuse one: E2E_REUSE_BUILD=1 while
    // iterating on tests, or from tests/e2e/support/run-both.ts, which builds once for both engines.
    const built = existsSync(join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"));
    if (!(process.env.E2E_REUSE_BUILD === "1" && built)) buildApp();

    const server = await startAppServer(env);
    cleanups.push(() => server.stop());
    project.provide("baseUrl", server.baseUrl);
    project.provide("databaseUrl", database.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

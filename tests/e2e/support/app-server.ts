// An app server for the end-to-end tests: `npm start`'s server (scripts/start-server.ts) on a free
// loopback port, serving the run's build with the environment given, in a process group of its own
// so npx, tsx and Next.js stop together.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { freePort } from "./ports.ts";

const root = resolve(import.meta.dirname, "../../..");

export interface AppServer {
  baseUrl: string;
  /** Ends the server at once (SIGKILL), as a crashed machine would; resolves once it has exited. */
  kill(): Promise<void>;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s); resolves once it has exited. */
  stop(): Promise<void>;
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

export async function startAppServer(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<AppServer> {
  const port = await freePort();
  const server = spawn("npx", ["tsx", "scripts/start-server.ts", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const signal = (name: NodeJS.Signals) => {
    if (!server.pid || server.exitCode !== null || server.signalCode !== null) return;
    try {
      process.kill(-server.pid, name);
    } catch {
      // already gone
    }
  };
  const exited = new Promise<void>((done) => server.once("exit", () => done()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${baseUrl}/signin`, server, timeoutMs);
  } catch (error) {
    signal("SIGKILL");
    throw error;
  }
  return {
    baseUrl,
    async stop() {
      signal("SIGTERM");
      const late = setTimeout(() => signal("SIGKILL"), 5_000);
      await exited;
      clearTimeout(late);
    },
    async kill() {
      signal("SIGKILL");
      await exited;
    },
  };
}

/** The environment an app server of the run gets: production, the run's database, no OAuth providers. */
export function appServerEnv(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // vitest sets NODE_ENV=test, but next build and start must see production; and the OAuth
  // providers stay off, whatever the developer's shell has.
  const { NODE_ENV: _test, AUTH_GITHUB_ID: _github, AUTH_GOOGLE_ID: _google, ...inherited } = process.env;
  return {
    ...inherited,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

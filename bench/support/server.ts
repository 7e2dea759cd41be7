// The production build served on a free loopback port, for benchmarks that go through HTTP.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { freePort } from "../../tests/e2e/support/ports.ts";
import type { CpuCap } from "./cpu-cap.ts";

const root = resolve(import.meta.dirname, "../..");

/** Builds the app unless a build is already there (BENCH_REBUILD=1 forces one). */
export function ensureBuild(): void {
  if (process.env.BENCH_REBUILD !== "1" && existsSync(join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) return;
  const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("next build failed");
}

export interface RunningServer {
  baseUrl: string;
  stop(): void;
}

/** `next start` on the database `databaseUrl` names; inside `cap`'s CPU budget when given. */
export async function startServer(databaseUrl: string, cap?: CpuCap): Promise<RunningServer> {
  const port = await freePort();
  const start = ["npx", "next", "start", "-H", "127.0.0.1", "-p", String(port)];
  // The shell enters the group before it becomes the server, so every process of it is inside.
  const [command, ...args] = cap ? ["sh", "-c", `echo $$ > "${cap.procsFile}" && exec ${start.join(" ")}`] : start;
  const child: ChildProcess = spawn(command!, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "bench-only-secret-0123456789abcdef",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/signin`)).ok) return { baseUrl, stop };
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error("the server did not start within 60 s");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export { signInOverHttp } from "../../tests/e2e/support/http-session.ts";

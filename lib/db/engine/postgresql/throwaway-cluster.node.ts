// A PostgreSQL server of our own for tests and migration authoring, when none is given: Debian's
// server binaries run a fresh cluster in a temporary folder on a free loopback port, and it is
// removed when stopped. Debian's server refuses to run as root, so as root the cluster belongs to
// the `postgres` user the package creates.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DEBIAN_SERVERS = "/usr/lib/postgresql";

export interface ThrowawayCluster {
  /** A superuser URL on the `postgres` database, for creating and dropping databases. */
  adminUrl: string;
  /** Stops the server and keeps its data (a server that goes away while the app runs). */
  pause(): Promise<void>;
  /** Starts the paused server again on the same port, with the same data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** The newest Debian server's bin folder, or null when no server is installed. */
export function postgresBinDir(): string | null {
  if (!existsSync(DEBIAN_SERVERS)) return null;
  const versions = readdirSync(DEBIAN_SERVERS)
    .filter((name) => existsSync(join(DEBIAN_SERVERS, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(DEBIAN_SERVERS, versions[0], "bin") : null;
}

export interface ClusterOptions {
  /**
   * Keep fsync and full-page writes on, as a real server runs (benchmarks). Commits still do not
   * wait for their WAL flush (synchronous_commit=off), as the app's SQLite in WAL mode with
   * synchronous=NORMAL does not: both may lose the last commits on power loss, never corrupt.
   */
  durable?: boolean;
}

export async function startThrowawayCluster(options: ClusterOptions = {}): Promise<ThrowawayCluster> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(`no PostgreSQL server under ${DEBIAN_SERVERS}: apt-get install -y postgresql, or set TEST_POSTGRES_URL`);
  }
  const dir = mkdtempSync(join(tmpdir(), "iam-recall-pg-"));
  const data = join(dir, "data");
  const asServerUser = process.getuid?.() === 0;
  if (asServerUser) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [file, argv] = asServerUser ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]] : [join(bin, tool), args];
    execFileSync(file, argv, { stdio: ["ignore", "ignore", "pipe"] });
  };
  const port = await freeLoopbackPort();
  // For tests, durability is off: the cluster is thrown away, and tests should not wait on the disk.
  const durability = options.durable ? "-c synchronous_commit=off" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${durability}`;
  const start = () => run("pg_ctl", ["-D", data, "-o", serverOptions, "-l", join(dir, "server.log"), "-w", "start"]);
  try {
    run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
    start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  // Synchronous, so it also runs from an exit handler: a run that ends early (an error, Ctrl-C
  // handled by the runner) must not leave a server behind.
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stopNow);
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once("exit", stopNow);
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async pause() {
      // Fast shutdown: open connections are ended, as when a server is restarted under the app.
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    async resume() {
      start();
    },
    async stop() {
      stopNow();
    },
  };
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

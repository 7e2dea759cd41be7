// The database engines a benchmark runs on, side by side in one run so their figures compare as a
// ratio: SQLite always, and PostgreSQL when there is a server to use (BENCH_POSTGRES_URL, a
// superuser URL) or Debian's server is installed to start a throwaway one. BENCH_ENGINES=sqlite
// (or postgresql) runs one only.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { urlOnDatabase } from "../../lib/db/engine/postgresql/connection-url.ts";
import { dropDatabase } from "../../lib/db/engine/postgresql/database-check.node.ts";
import { postgresBinDir, startThrowawayCluster } from "../../lib/db/engine/postgresql/throwaway-cluster.node.ts";
import type { EngineName } from "../../tests/support/database.ts";

export interface BenchDatabase {
  engine: EngineName;
  url: string;
  /** How the database is set up, for the results' text. */
  described: string;
  drop(): Promise<void>;
}

export interface BenchEngines {
  names: EngineName[];
  /** A new, empty database of the engine (not migrated). */
  database(engine: EngineName, label: string): Promise<BenchDatabase>;
  stop(): Promise<void>;
}

function wantedEngines(): EngineName[] {
  const named = process.env.BENCH_ENGINES?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (!named?.length) return ["sqlite", "postgresql"];
  for (const name of named) {
    if (name !== "sqlite" && name !== "postgresql") throw new Error(`BENCH_ENGINES names ${name}: use sqlite and/or postgresql`);
  }
  return named as EngineName[];
}

export async function benchEngines(): Promise<BenchEngines> {
  const wanted = wantedEngines();
  let adminUrl: string | null = null;
  let described = "";
  let stopCluster = async () => {};
  if (wanted.includes("postgresql")) {
    if (process.env.BENCH_POSTGRES_URL) {
      adminUrl = process.env.BENCH_POSTGRES_URL;
      described = "PostgreSQL server from BENCH_POSTGRES_URL";
    } else if (postgresBinDir()) {
      const cluster = await startThrowawayCluster({ durable: true });
      adminUrl = cluster.adminUrl;
      stopCluster = () => cluster.stop();
      described = `Debian's PostgreSQL (${postgresBinDir()}) on loopback, default settings but synchronous_commit=off (as SQLite's WAL with synchronous=NORMAL)`;
    } else if (process.env.BENCH_ENGINES) {
      throw new Error("BENCH_ENGINES asks for postgresql, but there is no server: set BENCH_POSTGRES_URL or install postgresql");
    }
  }
  const names = wanted.filter((name) => name === "sqlite" || adminUrl !== null);
  return {
    names,
    async database(engine, label) {
      if (engine === "sqlite") {
        const dir = mkdtempSync(join(tmpdir(), `iam-recall-bench-${label}-`));
        return {
          engine,
          url: `file:${join(dir, "bench.db")}`,
          described: "SQLite file in WAL mode (better-sqlite3: synchronous=NORMAL)",
          drop: async () => rmSync(dir, { recursive: true, force: true }),
        };
      }
      const url = urlOnDatabase(adminUrl!, `iam_recall_bench_${label.replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`);
      return { engine, url, described, drop: () => dropDatabase(url) };
    },
    stop: () => stopCluster(),
  };
}

/** "1.42x" of PostgreSQL over SQLite, or "" when one is missing. */
export function ratio(sqlite: number | undefined, postgresql: number | undefined): string {
  if (sqlite === undefined || postgresql === undefined || sqlite === 0) return "";
  return `${(postgresql / sqlite).toFixed(2)}x`;
}

export interface EngineRuns<T> {
  figures: Map<EngineName, T>;
  /** How each engine's database was set up, a line each. */
  described: string[];
}

/**
 * Runs the benchmark file `script` once per engine, each in a process of its own (the Prisma
 * client is one per process and reads DATABASE_URL once): `script --measure <url>` on a new
 * database, printing its figures as JSON on its last line.
 */
export async function measureOnEngines<T>(script: string, label: string): Promise<EngineRuns<T>> {
  const engines = await benchEngines();
  const figures = new Map<EngineName, T>();
  const described: string[] = [];
  try {
    for (const engine of engines.names) {
      const database = await engines.database(engine, label);
      described.push(`${engine}: ${database.described}`);
      try {
        const child = spawnSync("npx", ["tsx", "--conditions=react-server", script, "--measure", database.url], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "inherit"],
          maxBuffer: 64 * 1024 * 1024,
        });
        if (child.status !== 0) throw new Error(`the ${engine} run of ${label} failed with exit code ${child.status}`);
        figures.set(engine, JSON.parse(child.stdout.trim().split("\n").at(-1)!) as T);
      } finally {
        await database.drop();
      }
    }
  } finally {
    await engines.stop();
  }
  return { figures, described };
}

/** The database URL a `--measure` child was given, or null when the file runs as the orchestrator. */
export function measureArgument(): string | null {
  const at = process.argv.indexOf("--measure");
  return at > 0 ? (process.argv[at + 1] ?? null) : null;
}

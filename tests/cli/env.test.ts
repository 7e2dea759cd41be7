// The CLI reads the same .env files as the app and setup: run from a folder whose .env.local names a
// database, `import` writes into that database and not the default one under data/.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase, withDatabase } from "../support/database.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
// Resolved from the repository, since the CLI runs with a temporary folder as its working folder.
const TSX = pathToFileURL(join(repo, "node_modules", "tsx", "dist", "loader.mjs")).href;
const run = promisify(execFile);

let dir = "";
let url = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "iam-recall-cli-env-"));
  url = `file:${join(dir, "from-env-local.db")}`;
  await migratedDatabase(url);
  writeFileSync(join(dir, ".env.local"), `DATABASE_URL=${url}\n`);
  // .env is read after .env.local and must not win, as with Next.js.
  writeFileSync(join(dir, ".env"), `DATABASE_URL=file:${join(dir, "from-env.db")}\n`);
  writeFileSync(join(dir, "iam.md"), "# IAM\n\n- What signs a SigV4 request? #card\n\t- the secret access key\n");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run cli reads .env.local", () => {
  it("imports into the DATABASE_URL that .env.local names", async () => {
    const environment = { ...process.env };
    delete environment.DATABASE_URL;
    const { stdout } = await run(
      process.execPath,
      ["--conditions=react-server", "--import", TSX, join(repo, "cli", "main.ts"), "import", "--json", "iam.md"],
      {
        cwd: dir,
        env: environment,
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ created: 1, problems: [] });
    const cards = await withDatabase(url, (db) => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM "Card"'), { readonly: true });
    expect(cards?.n).toBe(1);
  }, 60_000);
});

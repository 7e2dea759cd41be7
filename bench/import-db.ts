// Importer, database side: the generated vault of bench/notes.ts imported into a fresh
// SQLite file the way `npm run cli -- import` does it, then imported again unchanged.
// Targets: full import under 15 s, unchanged re-import under 3 s, peak memory under 1 GB.
//
//   npx tsx --conditions=react-server bench/import-db.ts

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generateVault } from "./notes.ts";
import { machineLine } from "./support/machine.ts";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ok = (good: boolean) => (good ? "yes" : "**no**");

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "iam-recall-bench-import-"));
  const file = join(dir, "bench.db");
  try {
    const { databaseAt, MIGRATIONS_DIR } = await import("../tests/support/database.ts");
    await databaseAt(`file:${file}`).applyMigrations(MIGRATIONS_DIR);
    process.env.DATABASE_URL = `file:${file}`;
    const { prisma } = await import("../lib/db/client.ts");
    const { importPreview } = await import("../lib/notes/index.ts");
    const { applyCardImport } = await import("../lib/db/card-import.ts");
    const user = await prisma.user.create({ data: { email: "bench@example.com" } });
    const target = { scope: user.id, ownerId: user.id };

    const vault = generateVault();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

    const importOnce = async () => {
      const started = performance.now();
      const preview = importPreview(vault.files);
      const counts = await applyCardImport(target, preview.drafts, preview.importedFiles);
      return { ms: performance.now() - started, counts };
    };
    const first = await importOnce();
    const second = await importOnce();
    clearInterval(sampler);
    peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
    const cards = await prisma.card.count();
    const decks = await prisma.deck.count();
    await prisma.$disconnect();

    return [
      "## Importer, into SQLite",
      "",
      `The vault of \`bench/notes.ts\` (${vault.files.length.toLocaleString("en")} notes, ${vault.blocks.toLocaleString("en")} blocks) parsed and written to a fresh SQLite file ` +
        "through `lib/db/card-import.ts` (one transaction), then imported again unchanged. `npx tsx --conditions=react-server bench/import-db.ts`.",
      "",
      "| measure | result | target | met |",
      "| --- | --- | --- | --- |",
      `| full import (parse + write ${first.counts.created.toLocaleString("en")} cards, ${decks.toLocaleString("en")} decks) | ${seconds(first.ms)} | < 15 s | ${ok(first.ms < 15_000)} |`,
      `| re-import, nothing changed (${second.counts.unchanged.toLocaleString("en")} unchanged, ${second.counts.created + second.counts.updated + second.counts.suspended} written) | ${seconds(second.ms)} | < 3 s | ${ok(second.ms < 3_000 && second.counts.unchanged === cards)} |`,
      `| peak RSS (whole process) | ${(peak / 1024 / 1024).toFixed(0)} MB | < 1 GB | ${ok(peak < 1024 ** 3)} |`,
      "",
      machineLine(),
      "",
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await run());
}

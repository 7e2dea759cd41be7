// Importer, database side: the generated vault of bench/notes.ts imported into a fresh database
// the way `npm run cli -- import` does it, then imported again unchanged, on SQLite and on
// PostgreSQL. Targets: full import under 15 s, unchanged re-import under 3 s, peak memory under
// 1 GB, and PostgreSQL within 2x of SQLite.
//
//   npx tsx --conditions=react-server bench/import-db.ts

import { fileURLToPath, pathToFileURL } from "node:url";
import type { EngineName } from "../tests/support/database.ts";
import { generateVault } from "./notes.ts";
import { measureArgument, measureOnEngines, ratio } from "./support/engines.ts";
import { machineLine } from "./support/machine.ts";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface ImportFigures {
  notes: number;
  blocks: number;
  firstMs: number;
  created: number;
  secondMs: number;
  unchanged: number;
  rewritten: number;
  cards: number;
  decks: number;
  peakBytes: number;
}

/** One engine's run, in a process of its own (one Prisma client each). */
async function measure(url: string): Promise<ImportFigures> {
  const { migratedDatabase } = await import("../tests/support/database.ts");
  await migratedDatabase(url);
  process.env.DATABASE_URL = url;
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
  return {
    notes: vault.files.length,
    blocks: vault.blocks,
    firstMs: first.ms,
    created: first.counts.created,
    secondMs: second.ms,
    unchanged: second.counts.unchanged,
    rewritten: second.counts.created + second.counts.updated + second.counts.suspended,
    cards,
    decks,
    peakBytes: peak,
  };
}

export async function run(): Promise<string> {
  const { figures, described } = await measureOnEngines<ImportFigures>(fileURLToPath(import.meta.url), "import");
  const any = figures.get("sqlite") ?? figures.get("postgresql")!;
  const cell = (engine: EngineName, pick: (f: ImportFigures) => string) => {
    const f = figures.get(engine);
    return f ? pick(f) : "not run";
  };
  const ratioOf = (pick: (f: ImportFigures) => number) => {
    const s = figures.get("sqlite");
    const p = figures.get("postgresql");
    return ratio(s && pick(s), p && pick(p));
  };
  const reimportOk = [...figures.values()].every((f) => f.unchanged === f.cards && f.rewritten === 0);
  return [
    "## Importer, database side, on both engines",
    "",
    `The vault of \`bench/notes.ts\` (${any.notes.toLocaleString("en")} notes, ${any.blocks.toLocaleString("en")} blocks) parsed and written to a fresh database ` +
      "through `lib/db/card-import.ts` (one transaction), then imported again unchanged; a process per engine, one after the other. " +
      "`npx tsx --conditions=react-server bench/import-db.ts`.",
    ...described.map((line) => `- ${line}`),
    "",
    "| measure | SQLite | PostgreSQL | PostgreSQL / SQLite | target |",
    "| --- | --- | --- | --- | --- |",
    `| full import (parse + write ${any.created.toLocaleString("en")} cards, ${any.decks.toLocaleString("en")} decks) | ${cell("sqlite", (f) => seconds(f.firstMs))} | ${cell("postgresql", (f) => seconds(f.firstMs))} | ${ratioOf((f) => f.firstMs)} | < 15 s |`,
    `| re-import, nothing changed (${any.unchanged.toLocaleString("en")} unchanged; every card unchanged and none written: ${reimportOk ? "yes" : "**no**"}) | ${cell("sqlite", (f) => seconds(f.secondMs))} | ${cell("postgresql", (f) => seconds(f.secondMs))} | ${ratioOf((f) => f.secondMs)} | < 3 s |`,
    `| peak RSS (the importing process) | ${cell("sqlite", (f) => `${(f.peakBytes / 1024 / 1024).toFixed(0)} MB`)} | ${cell("postgresql", (f) => `${(f.peakBytes / 1024 / 1024).toFixed(0)} MB`)} | | < 1 GB |`,
    "",
    machineLine(),
    "",
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = measureArgument();
  process.stdout.write(url ? `\n${JSON.stringify(await measure(url))}\n` : await run());
}

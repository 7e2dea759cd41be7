import { readFileSync } from "node:fs";
import { importPreview } from "../lib/notes/index.ts";
const [file, from, to] = process.argv.slice(2);
const text = readFileSync(file!, "utf8");
const p = importPreview([{ path: "x.md", text }]);
for (const d of p.drafts)
  if (d.source.line >= Number(from ?? 0) && d.source.line <= Number(to ?? 1e9))
    console.log(`--- ${d.source.line} [${d.kind}] ${d.deckPath.join(" / ")}\nFRONT: ${d.front}\nBACK: ${d.back}\n`);
console.log(p.skippedBlocks, p.notices);

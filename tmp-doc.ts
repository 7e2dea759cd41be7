import { readFileSync } from "node:fs";
import { cardsOf } from "./tests/notes/helpers.ts";
const doc = readFileSync("docs/importing.md", "utf8");
for (const m of doc.matchAll(/^(`{3,4})markdown\n([\s\S]*?)\n\1$/gm)) {
  console.log("=== EXAMPLE\n" + m[2]);
  for (const c of cardsOf(m[2]!, "aws.md")) console.log(`  [${c.deckPath.join(" › ")}] ${c.kind}: ${JSON.stringify(c.front)} -> ${JSON.stringify(c.back)} tags=${c.tags}`);
}

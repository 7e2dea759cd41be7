import { readFileSync } from "node:fs";
import { parseNote } from "./lib/notes/parse/note.ts";
import { extractNote } from "./lib/notes/extract/cards.ts";
const f = process.argv[2]!;
const n = parseNote({ path: f.split("/").pop()!, text: readFileSync(f, "utf8") });
const { drafts, notices } = extractNote(n);
for (const d of drafts) {
  console.log(`--- [${d.deckPath.join(" › ")}] ${d.kind} L${d.source.line} ${d.key} tags=${d.tags.join(",")}`);
  console.log("Q: " + d.front.replace(/\n/g, "\n   "));
  console.log("A: " + d.back.replace(/\n/g, "\n   "));
}
console.log("NOTICES", JSON.stringify(notices), "COUNT", drafts.length);

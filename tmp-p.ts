import { readFileSync } from "node:fs";
import { parseNote } from "./lib/notes/parse/note.ts";
import type { NoteNode } from "./lib/notes/tree.ts";
const f = process.argv[2]!;
const n = parseNote({ path: f.split("/").pop()!, text: readFileSync(f, "utf8") });
console.log("TITLE", n.title, "PROPS", JSON.stringify(n.properties), "NOTICES", JSON.stringify(n.notices));
function dump(nodes: NoteNode[], ind: string) {
  for (const x of nodes) {
    if (x.type === "heading") { console.log(`${ind}H${x.level}@${x.line} ${x.text}`); dump(x.children, ind + "  "); }
    else if (x.type === "item") {
      console.log(`${ind}${x.marker}@${x.line}${x.heading ? " h" + x.heading : ""} ${JSON.stringify(x.text)} ${x.properties.map((p) => p.key + "=" + p.value).join(";")}`);
      for (const b of x.body) console.log(`${ind}   [${b.type}${b.type === "code" ? ":" + b.lang + (b.closed ? "" : " UNCLOSED") : ""}@${b.line}] ${JSON.stringify(b.type === "code" ? b.code.slice(0, 60) : b.text)}`);
      dump(x.children, ind + "  ");
    } else if (x.type === "paragraph") console.log(`${ind}P@${x.line} ${JSON.stringify(x.text.slice(0, 80))}`);
    else if (x.type === "code") console.log(`${ind}CODE:${x.lang}@${x.line} ${JSON.stringify(x.code.slice(0, 80))}`);
    else console.log(`${ind}RULE@${x.line}`);
  }
}
dump(n.nodes, "");

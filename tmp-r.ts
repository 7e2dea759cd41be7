import { readFileSync } from "node:fs";
import { importPreview, renderCardMarkdown, renderClozeFront, renderClozeBack } from "./lib/notes/index.ts";
const p = importPreview([{ path: "003.md", text: readFileSync("/work/shared/seeds/003_9fbebdb2070a271f.txt", "utf8") }, { path: "002.md", text: readFileSync("/work/shared/seeds/002_6426e57091a80225.txt", "utf8") }]);
console.log(renderCardMarkdown(p.drafts[0]!.back));
console.log(renderCardMarkdown(p.drafts.at(-1)!.front));
console.log(renderCardMarkdown('<script>alert(1)</script> [x](javascript:alert(1)) [y](/rel) ![i](../assets/a.png) ![r](https://x/y.png) <https://ok.com> [missing image: foo.png] **b**'));
console.log(renderClozeFront("The {{c1::root user::who}} can close the {{c1::account}}"), renderClozeBack("The {{c1::**root** user}} x"));

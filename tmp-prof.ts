import { generateVault } from "./bench/notes.ts";
import { importPreview } from "./lib/notes/index.ts";
const v = generateVault();
console.log("blocks", v.blocks);
const t = performance.now();
const p = importPreview(v.files);
console.log("ms", performance.now() - t, p.drafts.length);

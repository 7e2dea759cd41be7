// Scores the importer against the hand-labelled development corpus (issue 12). Each label in
// bench/corpus/*.json is one card an author meant, named by the file and 1-based line where its front
// starts; the notes themselves live outside the repo (default /work/corpus/<id>/<path>), since they
// are other people's writing. A draft at a labelled line is "meant", and "ready" when nobody would
// have to edit it; a draft anywhere else is "junk"; a label with no draft is "missed".
//
//   npx tsx scripts/score-corpus.ts [--corpus /work/corpus] [--lib <lib/notes/index.ts>] [--json] [--verbose]
//
// --lib scores another checkout's importer (e.g. a worktree of the commit before the work), so
// before and after come from one script. --verbose prints note text: for the developer, never commit it.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";

const Label = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  end: z.number().int().positive(),
  marked: z.boolean(),
  count: z.number().int().positive().default(1),
});
const Note = z.object({
  id: z.string(),
  style: z.enum(["logseq", "obsidian-sr", "obsidian-flashcards", "anki-text", "markdown", "qa", "exam", "table"]),
  repo: z.string(),
  commit: z.string(),
  files: z.array(z.string()).min(1),
  cards: z.array(Label),
});
const CorpusFile = z.object({ notes: z.array(Note) });
type Note = z.infer<typeof Note>;

/** The part of lib/notes this script needs; an older checkout's module only has to match this. */
interface DraftLike {
  kind: string;
  front: string;
  back: string;
  source: { file: string; line: number };
}
type Preview = (files: { path: string; text: string }[]) => { drafts: DraftLike[] };

async function loadImporter(lib: string): Promise<Preview> {
  const mod: unknown = await import(pathToFileURL(resolve(lib)).href);
  if (typeof mod !== "object" || mod === null || !("importPreview" in mod) || typeof mod.importPreview !== "function") {
    throw new Error(`${lib} does not export importPreview`);
  }
  return mod.importPreview as Preview;
}

// Syntax an author would have to delete by hand if it reached a card.
const LEFTOVERS: [RegExp, string][] = [
  [/#(?:card|flashcards?)(?:\/[\w/-]*)?(?![\w-])/i, "a card tag"],
  [/<!--\s*SR/i, "an SR scheduling comment"],
  [/card-(?:last-|next-|repeats|ease)/i, "a Logseq card-* property"],
  [/<\/?(?:details|summary)\b/i, "<details>/<summary> markup"],
  [/^\s*\?{1,2}\s*$/m, "a lone ?/?? separator line"],
];
const LEADING_QA = /^\s*(?:[*_]{1,2})?[QA](?:[*_]{1,2})?\s*:(?!:)/;

/** Text without the parts that may legitimately hold `::` or tags: code, cloze markers, ARNs, comments. */
function withoutCodeAndCloze(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\{\{c\d+::([\s\S]*?)(?:::[^}]*)?\}\}/g, "$1")
    .replace(/\barn:[^\s)\]]*/gi, " ");
}

/** The author's own answer label ("- **Answer:** ", "A: ") is markup the importer rightly drops. */
function withoutAnswerMarker(line: string): string {
  return line.replace(/^\s*(?:[-*+]\s+)?(?:[*_]{1,2})?\s*(?:answer|ans|a)\s*(?:[*_]{1,2})?\s*:\s*(?:[*_]{1,2})?/i, "");
}

/** Letters and digits only, lower-cased, after unwrapping cloze syntaxes and dropping tags, comments and block refs. */
function reduce(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/\{\{(?:cloze|c\d+)(?:::|\s)([\s\S]*?)(?:::[^}]*)?\}\}/g, "$1")
    .replace(/(?<!\{)\{(?:\d+:)?([^{}\n]+)\}(?!\})/g, "$1")
    .replace(/\(\([0-9a-f-]{36}\)\)/gi, " ")
    .replace(/#\[\[[^\]]*\]\]|#[\p{L}\p{N}_/-]+/gu, " ")
    .replace(/^\s*[\w-]+::.*$/gm, " ")
    .replace(/(^|\s)\^[\w-]+\s*$/gm, " ")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

function problems(draft: DraftLike, lines: string[], label: z.infer<typeof Label>): string[] {
  const found: string[] = [];
  for (const [face, text] of [
    ["front", draft.front],
    ["back", draft.back],
  ] as const) {
    for (const [pattern, what] of LEFTOVERS) if (pattern.test(text)) found.push(`${what} on the ${face}`);
    if (/(^|[^:])::([^:]|$)/.test(withoutCodeAndCloze(text))) found.push(`a stray :: on the ${face}`);
    if (LEADING_QA.test(text)) found.push(`a leading Q:/A: on the ${face}`);
  }
  if (draft.kind === "basic" && draft.back.trim() === "") found.push("an empty back");
  const range = lines.slice(label.line - 1, label.end).filter((line) => line.trim() !== "");
  const last = reduce(withoutAnswerMarker(range.at(-1) ?? ""));
  // The importer prefixes fronts with their context ("Heading › "), which the note does not hold.
  const front = draft.front.slice(draft.front.lastIndexOf(" › ") + 1);
  const faces = reduce(`${front}\n${draft.back}`);
  const reversed = reduce(`${draft.back}\n${front}`);
  if (last !== "" && !faces.includes(last) && !reversed.includes(last)) found.push("the labelled answer's last line is missing");
  return found;
}

interface Tally {
  notes: number;
  labels: number;
  drafts: number;
  ready: number;
  needsEdit: number;
  junk: number;
  missed: number;
  missedMarked: number;
  perfect: number;
}
const emptyTally = (): Tally => ({
  notes: 0,
  labels: 0,
  drafts: 0,
  ready: 0,
  needsEdit: 0,
  junk: 0,
  missed: 0,
  missedMarked: 0,
  perfect: 0,
});

function scoreNote(note: Note, corpus: string, preview: Preview, report: (line: string) => void): Tally {
  const texts = new Map(note.files.map((file) => [file, readFileSync(join(corpus, note.id, file), "utf8")]));
  const drafts = preview([...texts].map(([path, text]) => ({ path, text }))).drafts;
  const tally = { ...emptyTally(), notes: 1, labels: note.cards.length, drafts: drafts.length };
  const byLine = new Map<string, DraftLike[]>();
  for (const draft of drafts) {
    const key = `${draft.source.file}:${draft.source.line}`;
    byLine.set(key, [...(byLine.get(key) ?? []), draft]);
  }
  const short = (text: string) => text.replace(/\s+/g, " ").slice(0, 90);
  const labelled = new Set<string>();
  for (const label of note.cards) {
    const key = `${label.file}:${label.line}`;
    labelled.add(key);
    const made = byLine.get(key) ?? [];
    if (made.length === 0) {
      tally.missed++;
      if (label.marked) tally.missedMarked++;
      report(
        `  missed${label.marked ? " (marked)" : ""}  ${note.id}/${key}: ${short(texts.get(label.file)?.split("\n")[label.line - 1] ?? "")}`,
      );
      continue;
    }
    made.forEach((draft, index) => {
      if (index >= label.count) {
        tally.junk++;
        report(`  junk        ${note.id}/${key}: one more draft than the label's ${label.count}: ${short(draft.front)}`);
        return;
      }
      const found = problems(draft, texts.get(label.file)?.split("\n") ?? [], label);
      if (found.length === 0) tally.ready++;
      else {
        tally.needsEdit++;
        report(`  needs edit  ${note.id}/${key}: ${found.join("; ")}: ${short(draft.front)} || ${short(draft.back)}`);
      }
    });
  }
  for (const [key, made] of byLine) {
    if (labelled.has(key)) continue;
    tally.junk += made.length;
    for (const draft of made) report(`  junk        ${note.id}/${key}: ${short(draft.front)} || ${short(draft.back)}`);
  }
  if (tally.junk === 0 && tally.missed === 0 && tally.needsEdit === 0) tally.perfect = 1;
  return tally;
}

function add(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += from[key];
}

const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${Math.round((100 * part) / whole)}%`);

function table(rows: [string, Tally][]): string {
  const head = "| style | notes | labels | drafts | ready | needs edit | junk | missed | missed marked | notes perfect |";
  const rule = "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|";
  const body = rows.map(
    ([name, t]) =>
      `| ${name} | ${t.notes} | ${t.labels} | ${t.drafts} | ${t.ready} (${percent(t.ready, t.drafts)}) | ${t.needsEdit} | ` +
      `${t.junk} (${percent(t.junk, t.drafts)}) | ${t.missed} | ${t.missedMarked} | ${t.perfect} (${percent(t.perfect, t.notes)}) |`,
  );
  return [head, rule, ...body].join("\n");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const corpus = option("--corpus") ?? "/work/corpus";
  const preview = await loadImporter(option("--lib") ?? join(root, "lib/notes/index.ts"));
  const verbose = args.includes("--verbose");
  const labelDir = join(root, "bench/corpus");
  const notes = readdirSync(labelDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => CorpusFile.parse(JSON.parse(readFileSync(join(labelDir, name), "utf8"))).notes);

  const styles = new Map<string, Tally>();
  const total = emptyTally();
  for (const note of notes) {
    const lines: string[] = [];
    const tally = scoreNote(note, corpus, preview, (line) => lines.push(line));
    if (verbose && lines.length > 0) console.log(`${note.id} (${note.style})\n${lines.join("\n")}`);
    if (!styles.has(note.style)) styles.set(note.style, emptyTally());
    add(styles.get(note.style) ?? emptyTally(), tally);
    add(total, tally);
  }
  const rows: [string, Tally][] = [...[...styles].sort(([a], [b]) => a.localeCompare(b)), ["total", total]];
  if (args.includes("--json")) console.log(JSON.stringify(Object.fromEntries(rows), null, 2));
  else console.log(table(rows));
}

await main();

// Anki's "Notes in Plain Text" export (.txt: tab-separated, with `#separator:`, `#html:`,
// `#columns:`, `#deck:`, `#tags:` and `#… column:` header lines) and CSV files with a header row,
// as card drafts. Which column is the front, the back, the tags or the deck is the learner's
// choice in the preview; the header lines and the header row give the first guess.
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { CardDraft, ImportProblem } from "../notes/index.ts";
import { deckPathOf } from "./collection.ts";
import { AnkiImportError } from "./errors.ts";
import { htmlToMarkdown } from "./html.ts";

export const COLUMN_ROLES = ["front", "back", "tags", "deck", "ignore"] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export interface TextTable {
  file: string;
  /** Names of the columns, from `#columns:` or the header row, else "Column 1", "Column 2", … */
  columns: string[];
  rows: string[][];
  /** The first guess at each column's role, shown in the preview to be changed. */
  guess: ColumnRole[];
  html: boolean;
  /** `#deck:`, when the file names one deck for every row. */
  deck?: string[];
  /** `#tags:`, added to every row. */
  tags: string[];
}

const SEPARATORS: Readonly<Record<string, string>> = { tab: "\t", comma: ",", semicolon: ";", space: " ", pipe: "|", colon: ":" };
/** A text file is an Anki export when it starts with one of Anki's header lines. */
const ANKI_HEADER = /^#(separator|html|columns|deck|notetype|tags|guid column|notetype column|deck column|tags column):/;
export const MAX_TEXT_ROWS = 50_000;

export function isAnkiText(name: string, text: string): boolean {
  if (/\.csv$/i.test(name)) return true;
  return /\.(txt|tsv)$/i.test(name) && ANKI_HEADER.test(text.replace(/^\uFEFF/, ""));
}

export function readTextTable(file: string, text: string): TextTable {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = new Map<string, string>();
  let at = 0;
  while (at < lines.length && lines[at]!.startsWith("#") && ANKI_HEADER.test(lines[at]!)) {
    const line = lines[at]!;
    const colon = line.indexOf(":");
    header.set(line.slice(1, colon).trim(), line.slice(colon + 1));
    at += 1;
  }
  const csv = /\.csv$/i.test(file) && header.size === 0;
  const named = header.get("separator")?.trim().toLowerCase();
  const delimiter = named ? (SEPARATORS[named] ?? named) : csv ? sniff(lines[at] ?? "") : "\t";
  let rows: string[][];
  try {
    rows = parse(lines.slice(at).join("\n"), {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      relax_quotes: true,
      to: MAX_TEXT_ROWS + 2,
    }) as string[][];
  } catch (error) {
    throw new AnkiImportError(
      "bad-text",
      file,
      `the rows cannot be read as ${delimiter === "\t" ? "tab" : `"${delimiter}"`}-separated values (${(error as Error).message})`,
    );
  }
  let columns = header
    .get("columns")
    ?.split(delimiter)
    .map((c) => c.trim());
  if (!columns && csv) columns = rows.shift()?.map((c) => c.trim());
  if (rows.length === 0) throw new AnkiImportError("bad-text", file, "the file holds no rows to import");
  if (rows.length > MAX_TEXT_ROWS)
    throw new AnkiImportError("too-large", file, `the file has more than ${MAX_TEXT_ROWS} rows; import it in parts`);
  const width = Math.max(...rows.map((r) => r.length), columns?.length ?? 0);
  const names = Array.from({ length: width }, (_, i) => columns?.[i] || `Column ${i + 1}`);
  const special = (key: string) => {
    const n = Number(header.get(key));
    return Number.isInteger(n) && n >= 1 ? n - 1 : -1;
  };
  const guess = names.map((name, i): ColumnRole => {
    if (i === special("tags column") || /^tags?$/i.test(name)) return "tags";
    if (i === special("deck column") || /^deck$/i.test(name)) return "deck";
    if (i === special("guid column") || i === special("notetype column")) return "ignore";
    return "ignore";
  });
  const free = guess
    .map((role, i) => (role === "ignore" && i !== special("guid column") && i !== special("notetype column") ? i : -1))
    .filter((i) => i >= 0);
  if (free[0] !== undefined) guess[free[0]] = "front";
  if (free[1] !== undefined) guess[free[1]] = "back";
  const deck = header.get("deck");
  return {
    file,
    columns: names,
    rows,
    guess,
    html: (header.get("html")?.trim().toLowerCase() ?? (csv ? "false" : "true")) === "true",
    ...(deck ? { deck: deckPathOf(deck) } : {}),
    tags: (header.get("tags") ?? "").split(/\s+/).filter((t) => t !== ""),
  };
}

/** The drafts a mapping makes; rows with an empty front are named and left out. */
export function textDrafts(
  table: TextTable,
  mapping: readonly ColumnRole[] = table.guess,
): { drafts: CardDraft[]; problems: ImportProblem[] } {
  const col = (role: ColumnRole) => mapping.indexOf(role);
  if (col("front") < 0) throw new AnkiImportError("bad-text", table.file, "no column is mapped to the front of the card");
  const drafts: CardDraft[] = [];
  const problems: ImportProblem[] = [];
  const text = (value: string | undefined) => (table.html ? htmlToMarkdown(value ?? "") : (value ?? "").trim());
  const fileDeck = table.deck ?? [
    table.file
      .replace(/\.[^.]+$/, "")
      .split("/")
      .pop() || "Imported",
  ];
  table.rows.forEach((row, i) => {
    const line = i + 1;
    const front = text(row[col("front")]);
    if (front === "") {
      problems.push({ file: table.file, line, message: "the row's front is empty; it was left out" });
      return;
    }
    const back = col("back") >= 0 ? text(row[col("back")]) : "";
    const deckCell = col("deck") >= 0 ? (row[col("deck")] ?? "").trim() : "";
    const tags = [...table.tags, ...(col("tags") >= 0 ? (row[col("tags")] ?? "").split(/\s+/).filter((t) => t !== "") : [])];
    const key = `ankitext:${createHash("sha256").update(`${table.file}\u0000${front}`).digest("hex").slice(0, 16)}`;
    drafts.push({
      key,
      kind: /\{\{c\d+::/.test(front) ? "cloze" : "basic",
      deckPath: deckCell ? deckPathOf(deckCell) : fileDeck,
      front,
      back,
      tags,
      source: { file: table.file, line },
      noteKey: key,
    });
  });
  return { drafts, problems };
}

/** A CSV with a header row says which separator it uses by its first line. */
function sniff(line: string): string {
  const counts = [",", ";", "\t", "|"].map((d) => [d, line.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

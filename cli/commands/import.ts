// `import`: notes on disk (files, folders, Logseq graphs, Obsidian vaults, .zip archives) -> decks.
// File system access lives here; everything about what a note means is in lib/notes, which the
// web upload shares. Exit codes: 0 all good, 1 some files had problems (the good ones were still
// used), 2 usage error.

import { lstat, readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import {
  archivePrefix,
  expandZip,
  importPreview,
  MAX_NOTE_BYTES,
  MAX_IMPORT_EXPANDED_BYTES,
  planVault,
  readNoteBytes,
  type CardDraft,
  type ImportPreview,
  type ImportProblem,
  type NoteFile,
  type SkippedPath,
} from "../../lib/notes/index.ts";
import type { ImportCounts } from "../../lib/db/index.ts";
import { CliUsageError, type CliCommand, type CliIO } from "../command.ts";

interface ImportArgs {
  dryRun: boolean;
  json: boolean;
  deck?: string;
  owner?: string;
  inputs: string[];
}

interface Collected {
  files: NoteFile[];
  problems: ImportProblem[];
  skipped: SkippedPath[];
}

export interface DatabaseImport {
  importNoteFiles(options: {
    ownerEmail?: string;
    files: NoteFile[];
    deck?: string;
  }): Promise<ImportCounts & { problems: ImportProblem[] }>;
}

const USAGE = "npm run -s cli -- import [--dry-run] [--json] [--deck NAME] [--owner EMAIL] <file-or-folder>...";
const LISTED_CARDS = 40;

export function parseImportArgs(args: readonly string[]): ImportArgs {
  const parsed: ImportArgs = { dryRun: false, json: false, inputs: [] };
  let onlyInputs = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (onlyInputs || arg === "-" || !arg.startsWith("-")) {
      parsed.inputs.push(arg);
      continue;
    }
    const [flag, inlineValue] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inlineValue ?? args[++i];
      if (v === undefined || v.trim() === "") throw new CliUsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--") onlyInputs = true;
    else if (flag === "--dry-run") parsed.dryRun = true;
    else if (flag === "--json") parsed.json = true;
    else if (flag === "--deck") parsed.deck = value();
    else if (flag === "--owner") parsed.owner = value();
    else throw new CliUsageError(`unknown option ${flag}`);
  }
  if (parsed.inputs.length === 0) throw new CliUsageError("give at least one file or folder to import");
  return parsed;
}

// ---- reading inputs ---------------------------------------------------------------------------

async function walk(root: string, skipped: SkippedPath[]): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const rel = relative(root, full).split(sep).join("/");
      if (entry.isDirectory()) {
        // Hidden folders (.git, .obsidian, .trash) can be huge; planVault would skip them anyway.
        // Only a vault's Spaced Repetition settings are read from .obsidian/ (plugin-settings.ts).
        if (entry.name === ".obsidian") {
          const settings = `${rel}/plugins/obsidian-spaced-repetition/data.json`;
          if (await isFile(join(root, settings))) found.push(settings);
          skipped.push({ path: `${rel}/`, reason: "hidden folder (only its Spaced Repetition settings are read)" });
        } else if (entry.name.startsWith(".")) skipped.push({ path: `${rel}/`, reason: "hidden folder" });
        else await visit(full);
      } else if (entry.isFile()) {
        found.push(rel);
      } else if (entry.isSymbolicLink()) {
        skipped.push({ path: rel, reason: "symbolic link not followed" });
      }
    }
  };
  await visit(root);
  return found;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readNote(fullPath: string, notePath: string, into: Collected): Promise<void> {
  const info = await stat(fullPath);
  if (info.size > MAX_NOTE_BYTES) {
    // Refused before reading: no point loading a huge file only to reject it.
    into.problems.push({ file: notePath, message: `file is ${(info.size / 1048576).toFixed(1)} MB, over the 5.0 MB limit for one note` });
    return;
  }
  const read = readNoteBytes(notePath, await readFile(fullPath));
  if (read.ok) into.files.push(read.file);
  else into.problems.push(read.problem);
}

async function readArchive(fullPath: string, label: string, prefix: string, into: Collected): Promise<void> {
  const info = await stat(fullPath);
  if (info.size > MAX_IMPORT_EXPANDED_BYTES) {
    into.problems.push({ file: label, message: "archive is over 200 MB; nothing imported" });
    return;
  }
  const result = expandZip(await readFile(fullPath), { name: label });
  into.files.push(...result.files.map((f) => ({ ...f, path: prefix + f.path })));
  into.problems.push(...result.problems);
  into.skipped.push(...result.skipped.map((s) => ({ ...s, path: `${label}/${s.path}` })));
}

async function collectInputs(inputs: readonly string[], io: CliIO): Promise<Collected> {
  const collected: Collected = { files: [], problems: [], skipped: [] };
  for (const input of inputs) {
    if (input === "-") {
      collected.files.push({ path: "stdin.md", text: (await io.readStdin()).replace(/\r\n?/g, "\n") });
      continue;
    }
    let info;
    try {
      info = await lstat(input);
      if (info.isSymbolicLink()) info = await stat(input);
    } catch {
      collected.problems.push({ file: input, message: "no such file or folder" });
      continue;
    }
    try {
      if (info.isDirectory()) {
        const paths = await walk(input, collected.skipped);
        const plan = planVault(paths, { archives: true });
        collected.skipped.push(...plan.skipped);
        collected.problems.push(...plan.problems);
        for (const note of plan.notes) await readNote(join(input, note), note, collected);
        for (const archive of plan.archives) {
          // Notes from an archive inside a folder live under the archive's name, apart from the folder's own.
          await readArchive(join(input, archive), archive, archivePrefix(archive), collected);
        }
      } else if (input.toLowerCase().endsWith(".zip")) {
        await readArchive(input, basename(input), "", collected);
      } else {
        await readNote(input, basename(input), collected);
      }
    } catch (error) {
      collected.problems.push({ file: input, message: `could not be read: ${(error as Error).message}` });
    }
  }
  return collected;
}

// ---- output -----------------------------------------------------------------------------------

function where(problem: ImportProblem): string {
  return problem.line ? `${problem.file}:${problem.line}` : problem.file;
}

function firstLine(text: string, max = 90): string {
  const line =
    text
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function previewJson(preview: ImportPreview, collected: Collected): string {
  const cards = preview.drafts.map((d: CardDraft) => ({
    deckPath: d.deckPath,
    front: d.front,
    back: d.back,
    key: d.key,
    tags: d.tags,
    source: d.source,
    kind: d.kind,
  }));
  return `${JSON.stringify(
    {
      decks: preview.decks,
      cards,
      problems: [...collected.problems, ...preview.problems],
      notices: preview.notices,
      skippedBlocks: preview.skippedBlocks,
      skipped: collected.skipped.length,
    },
    null,
    2,
  )}\n`;
}

function previewText(preview: ImportPreview, collected: Collected): string {
  const problems = [...collected.problems, ...preview.problems];
  const out: string[] = [
    "Dry run: nothing was written.",
    `${preview.notes} note${preview.notes === 1 ? "" : "s"} read, ${collected.skipped.length} other file${collected.skipped.length === 1 ? "" : "s"} skipped` +
      ` -> ${preview.drafts.length} card${preview.drafts.length === 1 ? "" : "s"} in ${preview.decks.length} deck${preview.decks.length === 1 ? "" : "s"}`,
    "",
    "Decks:",
    ...preview.decks.map((d) => `  ${d.name}  (${d.cards})`),
    "",
    "Cards:",
    ...preview.drafts
      .slice(0, LISTED_CARDS)
      .map((d) => `  ${d.kind === "cloze" ? "[cloze] " : ""}${firstLine(d.front)}  (${d.source.file}:${d.source.line})`),
  ];
  if (preview.drafts.length > LISTED_CARDS) out.push(`  … and ${preview.drafts.length - LISTED_CARDS} more (--json lists them all)`);
  if (preview.skippedBlocks.length > 0)
    out.push(
      "",
      `Skipped blocks (${preview.skippedBlocks.length}), no card made:`,
      ...preview.skippedBlocks.map((b) => `  ${b.file}:${b.line}: "${b.text}": ${b.reason}`),
    );
  if (problems.length > 0)
    out.push("", `Problems (${problems.length}), not imported:`, ...problems.map((p) => `  ${where(p)}: ${p.message}`));
  if (preview.notices.length > 0)
    out.push("", `Notices (${preview.notices.length}):`, ...preview.notices.map((p) => `  ${where(p)}: ${p.message}`));
  return `${out.join("\n")}\n`;
}

async function loadDatabaseImport(): Promise<DatabaseImport> {
  // Loaded only here, so previews work (and the CLI builds) without the database side.
  const url = new URL("../../lib/db/notes-import.ts", import.meta.url).href;
  const mod = (await import(url)) as Partial<DatabaseImport>;
  if (typeof mod.importNoteFiles !== "function") throw new Error("lib/db/notes-import.ts does not export importNoteFiles");
  return mod as DatabaseImport;
}

// ---- command ----------------------------------------------------------------------------------

export interface ImportDependencies {
  /** Replaces the dynamic import of lib/db/notes-import.ts (tests). */
  loadDatabaseImport?: () => Promise<DatabaseImport>;
}

/**
 * An Anki package (.apkg, .colpkg), with its review history and images, through the same
 * transaction as the web import (lib/db/anki-import.ts). One package per run.
 */
async function runAnkiImport(options: ImportArgs, io: CliIO): Promise<number> {
  if (options.inputs.length !== 1) throw new CliUsageError("import one Anki package at a time, on its own");
  const input = options.inputs[0]!;
  const { AnkiImportError, readAnkiFile } = await import("../../lib/anki/index.ts");
  const { ImportTooLarge } = await import("../../lib/notes/index.ts");
  let parsed;
  try {
    parsed = readAnkiFile(basename(input), await readFile(input), { now: new Date() });
  } catch (error) {
    if (!(error instanceof AnkiImportError || error instanceof ImportTooLarge)) throw error;
    io.stderr(`import: ${error.message}. Nothing was imported.\n`);
    return 1;
  }
  const { importAnkiForOwner } = (await import(
    new URL("../../lib/db/anki-import.ts", import.meta.url).href
  )) as typeof import("../../lib/db/anki-import.ts");
  const result = await importAnkiForOwner({ parsed, dryRun: options.dryRun, ...(options.owner ? { ownerEmail: options.owner } : {}) });
  if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const { counts, anki } = result;
    io.stdout(
      [
        `${options.dryRun ? "Dry run: nothing was written. " : ""}${input}: ${anki.notes} notes, ${anki.cards} cards, ${anki.reviews} reviews (${anki.newReviews} new, ${anki.skippedReviews} skipped), ${anki.media} images.`,
        `Cards: ${counts.created} created, ${counts.updated} updated, ${counts.suspended} suspended, ${counts.unchanged} unchanged.`,
        ...result.problems.map((p) => `  ${where(p)}: ${p.message}`),
      ].join("\n") + "\n",
    );
  }
  return 0;
}

export async function runImport(args: readonly string[], io: CliIO, deps: ImportDependencies = {}): Promise<number> {
  const options = parseImportArgs(args);
  if (options.inputs.some((input) => /\.(apkg|colpkg)$/i.test(input))) return runAnkiImport(options, io);
  const collected = await collectInputs(options.inputs, io);

  if (options.dryRun) {
    const preview = importPreview(collected.files, options.deck ? { deck: options.deck } : {});
    io.stdout(options.json ? previewJson(preview, collected) : previewText(preview, collected));
    return collected.problems.length + preview.problems.length > 0 ? 1 : 0;
  }

  let database: DatabaseImport;
  try {
    database = await (deps.loadDatabaseImport ?? loadDatabaseImport)();
  } catch (error) {
    io.stderr(`import: the database import is not available (${(error as Error).message}).\nUse --dry-run to preview without writing.\n`);
    return 1;
  }
  const result = await database.importNoteFiles({
    files: collected.files,
    ...(options.owner ? { ownerEmail: options.owner } : {}),
    ...(options.deck ? { deck: options.deck } : {}),
  });
  const problems = [...collected.problems, ...result.problems];
  if (options.json) {
    io.stdout(`${JSON.stringify({ ...result, problems, skipped: collected.skipped.length }, null, 2)}\n`);
  } else {
    const lines = [
      `${collected.files.length} note${collected.files.length === 1 ? "" : "s"} imported: ${result.created} created, ${result.updated} updated, ` +
        `${result.suspended} suspended, ${result.unchanged} unchanged.`,
    ];
    if (problems.length > 0)
      lines.push(`Problems (${problems.length}), not imported:`, ...problems.map((p) => `  ${where(p)}: ${p.message}`));
    io.stdout(`${lines.join("\n")}\n`);
  }
  return problems.length > 0 ? 1 : 0;
}

const importCommand: CliCommand = {
  name: "import",
  summary: "Import notes (Markdown, Logseq, Obsidian, .zip) or an Anki package (.apkg, .colpkg) as decks of cards",
  usage: USAGE,
  run: (args, io) => runImport(args, io),
};

export default importCommand;

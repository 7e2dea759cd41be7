// expandZip: an uploaded archive (a zipped Logseq graph or Obsidian vault) -> note files.
//
// Zip bombs are stopped in two places, against one ExpansionBudget that a web upload shares across
// all its files and archives. Before anything is inflated, every central directory is read and the
// entries and declared expanded bytes are charged; over the budget refuses the whole import. While
// inflating, output is counted chunk by chunk, against the entry's declared size (an entry that grows
// past it stops its archive, since its headers cannot be trusted) and against the budget.
// Entry-level problems (an unsafe path, a binary or oversized note) only drop that entry.
// Archives inside an archive are listed as skipped and never expanded.

import { Inflate } from "fflate";
import type { ImportProblem, NoteFile } from "../types.ts";
import { ARCHIVE_WORDING, ExpansionBudget, ImportTooLarge } from "./budget.ts";
import { readNoteBytes } from "./bytes.ts";
import { formatBytes, MAX_IMPORT_ENTRIES, MAX_IMPORT_EXPANDED_BYTES, MAX_NOTE_BYTES } from "./limits.ts";
import { checkRelativePath } from "./paths.ts";
import { planVault, stripWrapperFolder, type SkippedPath } from "./vault.ts";

export interface ZipLimits {
  maxEntries: number;
  maxExpandedBytes: number;
  maxNoteBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: MAX_IMPORT_ENTRIES,
  maxExpandedBytes: MAX_IMPORT_EXPANDED_BYTES,
  maxNoteBytes: MAX_NOTE_BYTES,
};

export interface ExpandedZip {
  files: NoteFile[];
  problems: ImportProblem[];
  skipped: SkippedPath[];
}

export interface ExpandZipOptions {
  /** The archive's own name, used in messages ("vault.zip/pages/x.md"). */
  name?: string;
  limits?: Partial<ZipLimits>;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** An archive whose central directory has been read, not yet inflated. */
export interface OpenedZip {
  name: string;
  bytes: Uint8Array;
  entries: Entry[];
  /** Entries the directory lists (the larger of its count field and the entries walked). */
  listed: number;
  declaredBytes: number;
}

export type ZipOpening = { ok: true; zip: OpenedZip } | { ok: false; problem: ImportProblem };

class ZipRefused extends Error {}

const CHUNK = 16 * 1024;

/**
 * Reads an archive's central directory. The walk stops a little past `entriesLeft`, so a directory
 * of millions of entries costs no more than the budget allows; the caller's budget then refuses it.
 */
export function openZip(bytes: Uint8Array, name: string, entriesLeft: number): ZipOpening {
  try {
    const { entries, count } = readCentralDirectory(bytes, entriesLeft + 1);
    const declaredBytes = entries.reduce((sum, e) => sum + e.size, 0);
    return { ok: true, zip: { name, bytes, entries, listed: Math.max(count, entries.length), declaredBytes } };
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    return { ok: false, problem: { file: name, message: error.message } };
  }
}

/**
 * Inflates the notes of an archive already charged to `budget` (declared). Throws ImportTooLarge
 * when the bytes actually inflated pass the budget; other faults refuse this archive only.
 */
export function inflateZip(zip: OpenedZip, budget: ExpansionBudget, maxNoteBytes = MAX_NOTE_BYTES): ExpandedZip {
  const { name, bytes } = zip;
  const result: ExpandedZip = { files: [], problems: [], skipped: [] };
  try {
    const byPath = new Map<string, Entry>();
    for (const entry of zip.entries) {
      if (entry.name.endsWith("/")) continue; // directory
      const checked = checkRelativePath(entry.name);
      if (!checked.ok) {
        result.problems.push({ file: `${name}/${entry.name}`, message: checked.message });
        continue;
      }
      byPath.set(checked.path, entry);
    }
    // Without { archives: true }, a .zip inside the archive is skipped, never expanded.
    const plan = planVault([...byPath.keys()]);
    result.skipped.push(...plan.skipped);
    for (const problem of plan.problems) result.problems.push({ ...problem, file: `${name}/${problem.file}` });
    const notePaths = stripWrapperFolder(plan.notes);

    for (const [path, original] of notePaths) {
      const entry = byPath.get(original)!;
      const label = `${name}/${entry.name}`;
      if (entry.flags & 1) {
        result.problems.push({ file: label, message: "entry is encrypted; refused" });
        continue;
      }
      if (entry.method !== 0 && entry.method !== 8) {
        result.problems.push({ file: label, message: `unsupported compression method ${entry.method}` });
        continue;
      }
      if (entry.size > maxNoteBytes) {
        result.problems.push({
          file: label,
          message: `file is ${formatBytes(entry.size)}, over the ${formatBytes(maxNoteBytes)} limit for one note`,
        });
        continue;
      }
      const data = inflateEntry(bytes, entry, label, budget);
      const read = readNoteBytes(path, data);
      if (read.ok) result.files.push(read.file);
      else result.problems.push({ ...read.problem, file: label });
    }
    return result;
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    return { files: [], problems: [{ file: name, message: error.message }], skipped: [] };
  }
}

/** One archive read on its own, with a budget of its own (the CLI, which reads local files). */
export function expandZip(bytes: Uint8Array, options: ExpandZipOptions = {}): ExpandedZip {
  const name = options.name ?? "archive.zip";
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const budget = new ExpansionBudget(limits, ARCHIVE_WORDING);
  const opened = openZip(bytes, name, budget.entriesLeft);
  if (!opened.ok) return { files: [], problems: [opened.problem], skipped: [] };
  try {
    budget.declare(opened.zip.listed, opened.zip.declaredBytes);
    budget.check();
    return inflateZip(opened.zip, budget, limits.maxNoteBytes);
  } catch (error) {
    if (!(error instanceof ImportTooLarge)) throw error;
    return { files: [], problems: [{ file: name, message: error.message }], skipped: [] };
  }
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

function readCentralDirectory(bytes: Uint8Array, walkAtMost: number): { entries: Entry[]; count: number } {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused("not a zip archive (no end of central directory); nothing imported");
  const count = u16(bytes, eocd + 10);
  const offset = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || (eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50)) {
    throw new ZipRefused("ZIP64 archives are not supported (they only matter past the import limits); nothing imported");
  }
  const entries: Entry[] = [];
  if (count > walkAtMost) return { entries, count };
  const decoder = new TextDecoder("utf-8");
  let at = offset;
  // Walk the directory itself rather than trusting the count: a forged count cannot hide entries.
  while (u32(bytes, at) === 0x02014b50 && entries.length < walkAtMost) {
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) throw new ZipRefused("archive is truncated; nothing imported");
    entries.push({
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, count };
}

function inflateEntry(bytes: Uint8Array, entry: Entry, label: string, budget: ExpansionBudget): Uint8Array {
  const local = entry.localOffset;
  if (u32(bytes, local) !== 0x04034b50) throw new ZipRefused(`${label}: corrupt local header; nothing imported`);
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipRefused(`${label}: entry data runs past the end of the archive; nothing imported`);
  const compressed = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (compressed.length !== entry.size) throw new ZipRefused(`${label}: stored size does not match its header; nothing imported`);
    budget.spend(compressed.length);
    return compressed.slice();
  }
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) {
      throw new ZipRefused(`${label}: expands past the size its header declares (${entry.size} bytes); nothing imported`);
    }
    budget.spend(chunk.length);
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let i = 0; i < compressed.length; i += CHUNK) {
      inflater.push(compressed.subarray(i, i + CHUNK), i + CHUNK >= compressed.length);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipRefused || error instanceof ImportTooLarge) throw error;
    throw new ZipRefused(`${label}: corrupt compressed data (${(error as Error).message}); nothing imported`);
  }
  return written === entry.size ? out : out.subarray(0, written);
}

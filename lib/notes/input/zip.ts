// expandZip: an uploaded archive (a zipped Logseq graph or Obsidian vault) -> note files.
//
// Zip bombs are stopped in two places. Before anything is inflated, the central directory is read
// and the archive refused when it lists too many entries or declares too many expanded bytes.
// While inflating, output is counted chunk by chunk and an entry that grows past the size its
// header declared stops the whole archive, since its headers cannot be trusted. Entry-level
// problems (an unsafe path, a binary or oversized note) only drop that entry.

import { Inflate } from "fflate";
import type { ImportProblem, NoteFile } from "../types.ts";
import { readNoteBytes } from "./bytes.ts";
import { formatBytes, MAX_NOTE_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_EXPANDED_BYTES } from "./limits.ts";
import { checkRelativePath } from "./paths.ts";
import { planVault, stripWrapperFolder, type SkippedPath } from "./vault.ts";

export interface ZipLimits {
  maxEntries: number;
  maxExpandedBytes: number;
  maxNoteBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: MAX_ZIP_ENTRIES,
  maxExpandedBytes: MAX_ZIP_EXPANDED_BYTES,
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

class ZipRefused extends Error {}

const CHUNK = 16 * 1024;

export function expandZip(bytes: Uint8Array, options: ExpandZipOptions = {}): ExpandedZip {
  const name = options.name ?? "archive.zip";
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const result: ExpandedZip = { files: [], problems: [], skipped: [] };
  try {
    const entries = readCentralDirectory(bytes, limits);
    const declared = entries.reduce((sum, e) => sum + e.size, 0);
    if (declared > limits.maxExpandedBytes) {
      throw new ZipRefused(
        `archive would expand to ${formatBytes(declared)}, over the ${formatBytes(limits.maxExpandedBytes)} limit; nothing imported`,
      );
    }

    const byPath = new Map<string, Entry>();
    for (const entry of entries) {
      if (entry.name.endsWith("/")) continue; // directory
      const checked = checkRelativePath(entry.name);
      if (!checked.ok) {
        result.problems.push({ file: `${name}/${entry.name}`, message: checked.message });
        continue;
      }
      byPath.set(checked.path, entry);
    }
    const plan = planVault([...byPath.keys()]);
    result.skipped.push(...plan.skipped);
    for (const problem of plan.problems) result.problems.push({ ...problem, file: `${name}/${problem.file}` });
    const notePaths = stripWrapperFolder(plan.notes);

    let expanded = 0;
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
      if (entry.size > limits.maxNoteBytes) {
        result.problems.push({
          file: label,
          message: `file is ${formatBytes(entry.size)}, over the ${formatBytes(limits.maxNoteBytes)} limit for one note`,
        });
        continue;
      }
      const data = inflateEntry(bytes, entry, label);
      expanded += data.length;
      if (expanded > limits.maxExpandedBytes) {
        throw new ZipRefused(`archive expands past ${formatBytes(limits.maxExpandedBytes)}; nothing imported`);
      }
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

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): Entry[] {
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
  if (count > limits.maxEntries) {
    throw new ZipRefused(`archive has ${count} entries, over the ${limits.maxEntries} limit; nothing imported`);
  }
  const entries: Entry[] = [];
  const decoder = new TextDecoder("utf-8");
  let at = offset;
  // Walk the directory itself rather than trusting the count: a forged count cannot hide entries.
  while (u32(bytes, at) === 0x02014b50) {
    if (entries.length >= limits.maxEntries) {
      throw new ZipRefused(`archive has more than ${limits.maxEntries} entries; nothing imported`);
    }
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
  return entries;
}

function inflateEntry(bytes: Uint8Array, entry: Entry, label: string): Uint8Array {
  const local = entry.localOffset;
  if (u32(bytes, local) !== 0x04034b50) throw new ZipRefused(`${label}: corrupt local header; nothing imported`);
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipRefused(`${label}: entry data runs past the end of the archive; nothing imported`);
  const compressed = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (compressed.length !== entry.size) throw new ZipRefused(`${label}: stored size does not match its header; nothing imported`);
    return compressed.slice();
  }
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) {
      throw new ZipRefused(`${label}: expands past the size its header declares (${entry.size} bytes); nothing imported`);
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let i = 0; i < compressed.length; i += CHUNK) {
      inflater.push(compressed.subarray(i, i + CHUNK), i + CHUNK >= compressed.length);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipRefused) throw error;
    throw new ZipRefused(`${label}: corrupt compressed data (${(error as Error).message}); nothing imported`);
  }
  return written === entry.size ? out : out.subarray(0, written);
}

// readNoteBytes: the gate every uploaded or walked file passes before parsing. Pure over bytes so
// the web upload and the CLI apply exactly the same checks.

import type { ImportProblem, NoteFile } from "../types.ts";
import { formatBytes, MAX_NOTE_BYTES, NOTE_EXTENSIONS } from "./limits.ts";
import { isPluginSettingsPath, MAX_SETTINGS_BYTES } from "./plugin-settings.ts";
import { firstInvalidUtf8, lineOfOffset } from "./utf8.ts";

export type NoteRead = { ok: true; file: NoteFile } | { ok: false; problem: ImportProblem };

export function extensionOf(path: string): string {
  const base = path.split("/").pop() ?? path;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

export function isNoteExtension(path: string): boolean {
  return (NOTE_EXTENSIONS as readonly string[]).includes(extensionOf(path));
}

export function unsupportedReason(path: string): string {
  const ext = extensionOf(path);
  if (ext === ".org") return "Org-mode files are not supported; export the page to Markdown";
  return `unsupported file type "${ext || "(none)"}"; notes must be ${NOTE_EXTENSIONS.join(", ")}`;
}

export function readNoteBytes(path: string, bytes: Uint8Array): NoteRead {
  const fail = (message: string, line?: number): NoteRead => ({
    ok: false,
    problem: { file: path, ...(line !== undefined ? { line } : {}), message },
  });
  if (!isNoteExtension(path) && !isPluginSettingsPath(path)) return fail(unsupportedReason(path));
  if (isPluginSettingsPath(path) && bytes.length > MAX_SETTINGS_BYTES) return fail("plugin settings file is too large to be one; not read");
  if (bytes.length > MAX_NOTE_BYTES) {
    return fail(`file is ${formatBytes(bytes.length)}, over the ${formatBytes(MAX_NOTE_BYTES)} limit for one note`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail("file is UTF-16 encoded; save it as UTF-8");
  }
  if (looksBinary(bytes)) return fail("binary file (not text); only Markdown/text notes can be imported");
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const at = lineOfOffset(bytes, bad);
    return fail(
      `invalid UTF-8 at line ${at.line}, column ${at.column} (byte 0x${bytes[bad]!.toString(16).padStart(2, "0")}); ` +
        "the file may be in Latin-1/Windows-1252: save it as UTF-8",
      at.line,
    );
  }
  const text = new TextDecoder("utf-8")
    .decode(bytes)
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
  return { ok: true, file: { path, text } };
}

/** A NUL byte anywhere, or more than 10% control bytes in the first 8 KB, means not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) >= 0) return true;
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (const b of sample) {
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f) control += 1;
  }
  return control / sample.length > 0.1;
}

// Import limits, in one place so docs, tests, the CLI and the web upload agree.
//
// MAX_IMPORT_ENTRIES and MAX_IMPORT_EXPANDED_BYTES are one budget for a whole import: every file of
// an upload and every entry of every archive in it count against the same totals (see budget.ts).
// Each archive once had its own 200 MB, so eighteen small archives could expand to 3.6 GB together.

export const MAX_NOTE_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ENTRIES = 20_000;
export const MAX_IMPORT_EXPANDED_BYTES = 200 * 1024 * 1024;

export const NOTE_EXTENSIONS = [".md", ".markdown", ".txt"] as const;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

// Import limits, in one place so docs, tests and the CLI agree.

export const MAX_NOTE_BYTES = 5 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 20_000;
export const MAX_ZIP_EXPANDED_BYTES = 200 * 1024 * 1024;

export const NOTE_EXTENSIONS = [".md", ".markdown", ".txt"] as const;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

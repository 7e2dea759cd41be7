// One budget of entries and expanded bytes for everything an import reads. It is charged twice:
// first with what the files and the archives' central directories declare (cheap, before anything
// is inflated), then with the bytes actually inflated, chunk by chunk, because headers can lie.

import { formatBytes, MAX_IMPORT_ENTRIES, MAX_IMPORT_EXPANDED_BYTES } from "./limits.ts";

export interface ImportLimits {
  maxEntries: number;
  maxExpandedBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxEntries: MAX_IMPORT_ENTRIES,
  maxExpandedBytes: MAX_IMPORT_EXPANDED_BYTES,
};

/** The whole import is refused: nothing from it may be read. The web route answers 413. */
export class ImportTooLarge extends Error {
  readonly code = "import-too-large";
  constructor(
    message: string,
    readonly limit: "entries" | "bytes",
  ) {
    super(message);
    this.name = "ImportTooLarge";
  }
}

/** How messages name what is counted: the whole upload, or one archive read on its own (CLI). */
export interface BudgetWording {
  subject: string;
  entries: string;
  scope: string;
}

export const UPLOAD_WORDING: BudgetWording = { subject: "the upload", entries: "files and archive entries", scope: " for one import" };
export const ARCHIVE_WORDING: BudgetWording = { subject: "archive", entries: "entries", scope: "" };

export class ExpansionBudget {
  readonly limits: ImportLimits;
  private declaredEntries = 0;
  private declaredBytes = 0;
  private inflatedBytes = 0;

  private readonly words: BudgetWording;

  constructor(limits: Partial<ImportLimits> = {}, words: BudgetWording = UPLOAD_WORDING) {
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...limits };
    this.words = words;
  }

  /** How many more entries may be listed; directory walks stop a little past it. */
  get entriesLeft(): number {
    return Math.max(0, this.limits.maxEntries - this.declaredEntries);
  }

  /** Records what a file or an archive's directory declares; `check` judges the total. */
  declare(entries: number, bytes: number): void {
    this.declaredEntries += entries;
    this.declaredBytes += bytes;
  }

  /** Throws when the declared totals are over either limit; call it before inflating anything. */
  check(): void {
    const { maxEntries, maxExpandedBytes } = this.limits;
    if (this.declaredEntries > maxEntries) {
      throw new ImportTooLarge(
        `${this.words.subject} has ${this.declaredEntries} ${this.words.entries}, over the ${maxEntries} limit${this.words.scope}; nothing imported`,
        "entries",
      );
    }
    if (this.declaredBytes > maxExpandedBytes) {
      throw new ImportTooLarge(
        `${this.words.subject} would expand to ${formatBytes(this.declaredBytes)}, over the ${formatBytes(maxExpandedBytes)} limit${this.words.scope}; nothing imported`,
        "bytes",
      );
    }
  }

  /** Counts bytes as they are inflated (or read as they are); throws past the limit. */
  spend(bytes: number): void {
    this.inflatedBytes += bytes;
    const max = this.limits.maxExpandedBytes;
    if (this.inflatedBytes > max) {
      throw new ImportTooLarge(
        `${this.words.subject} expands past the ${formatBytes(max)} limit${this.words.scope} (its archive headers understate the sizes); nothing imported`,
        "bytes",
      );
    }
  }
}

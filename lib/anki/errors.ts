// A package or text file this importer refuses, with the file and the problem named, so the learner
// knows what to fix. Nothing of a refused file is imported.

export type AnkiProblemCode =
  "not-a-zip" | "no-collection" | "not-sqlite" | "unknown-schema" | "zstd" | "media-map" | "missing-media" | "too-large" | "bad-text";

export class AnkiImportError extends Error {
  constructor(
    readonly code: AnkiProblemCode,
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "AnkiImportError";
  }
}

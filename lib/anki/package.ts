// An .apkg or .colpkg: a zip holding one SQLite collection and the media its notes reference.
// Three layouts exist (Anki's PackageMetadata versions): `collection.anki2` (oldest),
// `collection.anki21` with a JSON media map (2.1 to 2.1.49), and `collection.anki21b` with the
// collection, the media map (protobuf) and every media file zstd-compressed (2.1.50+). Packages
// of the newer layouts also hold a `collection.anki2` whose only note asks to update Anki: the
// newest collection present is read, and that stub never is.
import { unzipSync } from "fflate";
import { ExpansionBudget, ImportTooLarge, formatBytes } from "../notes/index.ts";
import { AnkiImportError } from "./errors.ts";
import { decodeMediaEntries } from "./protobuf.ts";
import { inflateZstd, isZstd } from "./zstd.ts";

export type CollectionFormat = "anki21b" | "anki21" | "anki2";

export interface AnkiPackage {
  file: string;
  format: CollectionFormat;
  /** The collection as a SQLite file's bytes. */
  collection: Uint8Array;
  /** Media by the name notes use for it. */
  media: Map<string, Uint8Array>;
  /** Names the media map lists whose file is absent from the zip. */
  missingMedia: string[];
}

const COLLECTIONS: ReadonlyArray<[CollectionFormat, string]> = [
  ["anki21b", "collection.anki21b"],
  ["anki21", "collection.anki21"],
  ["anki2", "collection.anki2"],
];

export function readAnkiPackage(file: string, bytes: Uint8Array, budget: ExpansionBudget = new ExpansionBudget()): AnkiPackage {
  const entries = unzip(file, bytes, budget);
  const found = COLLECTIONS.find(([, name]) => entries[name] !== undefined);
  if (!found) {
    throw new AnkiImportError(
      "no-collection",
      file,
      "the archive holds no Anki collection (collection.anki21b, collection.anki21 or collection.anki2)",
    );
  }
  const [format, name] = found;
  const raw = entries[name]!;
  const collection = format === "anki21b" ? inflateZstd(raw, `${file}/${name}`, budget) : raw;
  const mapBytes = entries["media"];
  const listed = mapBytes ? mediaMap(file, mapBytes, format, budget) : [];
  const media = new Map<string, Uint8Array>();
  const missingMedia: string[] = [];
  for (const { name: mediaName, zipName } of listed) {
    const stored = entries[zipName];
    if (!stored) {
      missingMedia.push(mediaName);
      continue;
    }
    media.set(mediaName, format === "anki21b" && isZstd(stored) ? inflateZstd(stored, `${file}/${zipName}`, budget) : stored);
  }
  return { file, format, collection, media, missingMedia };
}

function unzip(file: string, bytes: Uint8Array, budget: ExpansionBudget): Record<string, Uint8Array> {
  let declaredEntries = 0;
  let declaredBytes = 0;
  try {
    // The filter sees each entry's declared size before it is inflated; fflate sizes the output by
    // it, so an entry whose header understates its size cannot grow past what was charged.
    return unzipSync(bytes, {
      filter: (entry) => {
        declaredEntries += 1;
        declaredBytes += entry.originalSize;
        budget.declare(1, entry.originalSize);
        budget.check();
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportTooLarge) throw error;
    throw new AnkiImportError(
      "not-a-zip",
      file,
      `the file is not a readable zip archive (${(error as Error).message}; ${declaredEntries} entries, ${formatBytes(declaredBytes)} read before the error)`,
    );
  }
}

function mediaMap(file: string, bytes: Uint8Array, format: CollectionFormat, budget: ExpansionBudget) {
  const where = `${file}/media`;
  if (format === "anki21b" || isZstd(bytes)) {
    try {
      return decodeMediaEntries(inflateZstd(bytes, where, budget)).filter((e) => e.name !== "");
    } catch (error) {
      if (error instanceof AnkiImportError || error instanceof ImportTooLarge) throw error;
      throw new AnkiImportError("media-map", where, `the media list is not Anki's protobuf media map (${(error as Error).message})`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AnkiImportError("media-map", where, "the media list is neither JSON nor a zstd-compressed protobuf map");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AnkiImportError("media-map", where, 'the media list is not a JSON object of {"0": "name.jpg", ...}');
  }
  return Object.entries(parsed as Record<string, unknown>)
    .filter((pair): pair is [string, string] => typeof pair[1] === "string" && pair[1] !== "")
    .map(([zipName, name]) => ({ name, zipName }));
}

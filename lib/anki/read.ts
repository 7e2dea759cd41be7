// A package's bytes to an import: unzip within the budget, open the newest collection, read it,
// build the drafts. Synchronous and CPU-bound: the web route runs it in a worker (worker/).
import { ExpansionBudget, type ImportLimits } from "../notes/index.ts";
import { DEFAULT_SETTINGS, type CardSettings } from "../srs/index.ts";
import { buildAnkiImport, type AnkiImport } from "./build.ts";
import { readCollection } from "./collection.ts";
import { AnkiImportError } from "./errors.ts";
import { readAnkiPackage } from "./package.ts";
import { openCollection } from "./sqlite.ts";

export interface ReadAnkiOptions {
  now: Date;
  settings?: CardSettings;
  limits?: Partial<ImportLimits>;
}

const STUB = /please update to the latest anki version/i;

export function readAnkiFile(file: string, bytes: Uint8Array, options: ReadAnkiOptions): AnkiImport {
  const budget = new ExpansionBudget(options.limits ?? {});
  const pkg = readAnkiPackage(file, bytes, budget);
  const db = openCollection(pkg.collection, `${file}/collection.${pkg.format}`);
  try {
    const collection = readCollection(db, `${file}/collection.${pkg.format}`);
    if (pkg.format === "anki2" && collection.notes.length === 1 && STUB.test(collection.notes[0]!.fields.join(" "))) {
      throw new AnkiImportError(
        "unknown-schema",
        file,
        'the package holds only Anki\'s "please update" stub; export it again from Anki with "Support older Anki versions" or as a current .apkg',
      );
    }
    const result = buildAnkiImport(file, collection, pkg.media, { settings: options.settings ?? DEFAULT_SETTINGS, now: options.now });
    if (pkg.missingMedia.length > 0) {
      result.problems.push({
        file,
        message: `the media list names ${pkg.missingMedia.length} file(s) the archive does not hold: ${pkg.missingMedia.slice(0, 10).join(", ")}`,
      });
    }
    return result;
  } finally {
    db.close();
  }
}

// Where the SQLite file is, and whether the app can use it. Start-up refuses to run on a path it
// cannot write, with one line that says what to set, instead of failing on the first query.
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";

export function sqliteFilePath(databaseUrl: string, cwd = process.cwd()): string {
  const raw = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}

/**
 * Null when the database can be used; otherwise the one-line reason, naming DATABASE_URL.
 * `mustExist` is for the running app: only setup creates the file (and applies migrations).
 */
export function databaseFileProblem(databaseUrl: string, options: { mustExist: boolean }): string | null {
  const file = sqliteFilePath(databaseUrl);
  const folder = dirname(file);
  const fix = "set DATABASE_URL to a writable file:, e.g. DATABASE_URL=file:./data/iam-recall.db, then run npm run setup";
  if (!existsSync(file)) {
    if (options.mustExist) return `Database file ${file} does not exist: run npm run setup, or ${fix}`;
    if (!existsSync(folder)) return null; // setup creates the folder
    if (!writable(folder)) return `Database folder ${folder} is not writable: ${fix}`;
    return null;
  }
  if (statSync(file).isDirectory()) return `Database path ${file} is a directory: ${fix}`;
  if (!writable(file) || !writable(folder)) return `Database file ${file} is not writable: ${fix}`;
  return null;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

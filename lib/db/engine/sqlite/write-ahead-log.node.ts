// Write-ahead logging lets readers go on while a review or an import writes, which is what many
// learners grading at once need. The mode is stored in the database file, so setting it once at
// setup lasts.
import Database from "better-sqlite3";

export function enableWriteAheadLog(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

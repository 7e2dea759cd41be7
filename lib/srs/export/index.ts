export { csvField, REVIEW_CSV_COLUMNS, REVIEW_CSV_HEADER, reviewCsvRow, reviewsToCsv, type CsvReview } from "./csv.ts";
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  createBackup,
  parseBackup,
  type Backup,
  type BackupCardState,
  type BackupParts,
  type BackupReviewLog,
} from "./backup.ts";
export { MAX_BACKUP_BYTES, MAX_BACKUP_SIZE_LABEL } from "./limits.ts";
export { parseBackupInSlices } from "./backup-slices.ts";

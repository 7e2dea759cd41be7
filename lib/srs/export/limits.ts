// The largest backup a restore accepts: the route refuses anything larger with 413 and the settings
// page states it. A restore holds the file, its parsed form and the validated copy in memory and
// parses it on the server's one event loop, so the limit bounds both memory (about 6x the file)
// and the time other requests wait. 50 MB is about 200,000 review logs, years of daily study.
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** The limit as people read it, for messages and the settings page. */
export const MAX_BACKUP_SIZE_LABEL = `${MAX_BACKUP_BYTES / 1024 / 1024} MB`;

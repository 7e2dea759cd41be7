// A backup restore from the bytes the restore route received, to its outcome: the JSON read here
// (in the job, so the route never parses a 50 MB body on the thread that serves requests), then
// restoreBackup, which checks it and writes all of it or nothing.
import "server-only";
import { restoreBackup } from "./backup.ts";
import { refused, type UploadOutcome } from "./upload-outcome.ts";
import type { SessionUser } from "./users.ts";

/** The first problems are enough to fix the file; thousands would only bury them. */
const MAX_ISSUES = 20;

/** Every refusal of a restore lists its issues, none for most, so the page reads one shape. */
export const RESTORE_REFUSAL_EXTRA = { issues: [] };

export async function restoreUpload(user: SessionUser, bytes: Uint8Array, now: Date): Promise<UploadOutcome> {
  let input: unknown;
  try {
    input = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "not UTF-8 text";
    return refused("invalid", `This file is not JSON (${reason}).`, RESTORE_REFUSAL_EXTRA);
  }
  const result = await restoreBackup(user, input, now);
  if (!result.ok) {
    const issues = result.issues.slice(0, MAX_ISSUES);
    const more = result.issues.length - issues.length;
    return refused("not_restorable", "The backup was not restored; nothing changed.", { issues, more });
  }
  return { ok: true, body: result };
}

// parseBackup a slice at a time. Checking 30,000 log rows with zod takes a few hundred
// milliseconds in one go, during which a server answers nobody else; here the caller's `pause`
// runs between slices (the server passes one that yields to its event loop). The result, issues
// and their paths included, is parseBackup's.
import { z } from "zod";
import { fieldIssues, formatJsonPath, type FieldIssue } from "../../errors/index.ts";
import type { Parsed } from "../validation.ts";
import { backupCardStateSchema, backupOutlineSchema, backupReviewLogSchema, orphanLogIssues, type Backup } from "./backup.ts";

const SLICE = 500;

const stateSlice = z.record(z.string().min(1), backupCardStateSchema);
const logSlice = z.array(backupReviewLogSchema);

/** Issues of a slice, with their paths moved to where the slice sits in the whole backup. */
function placed(error: z.ZodError, prefix: ReadonlyArray<string | number>, offset = 0): FieldIssue[] {
  return fieldIssues(
    new z.ZodError(
      error.issues.map((issue) => {
        const [first, ...rest] = issue.path;
        const shifted = typeof first === "number" ? first + offset : first;
        return { ...issue, path: first === undefined ? [...prefix] : [...prefix, shifted!, ...rest] };
      }),
    ),
  );
}

export async function parseBackupInSlices(input: unknown, pause: () => Promise<void>): Promise<Parsed<Backup>> {
  const outline = backupOutlineSchema.safeParse(input);
  const issues: FieldIssue[] = outline.success ? [] : fieldIssues(outline.error);
  const raw = input as { cardStates?: unknown; reviewLogs?: unknown } | null;

  const cardStates: Backup["cardStates"] = {};
  if (
    raw !== null &&
    typeof raw === "object" &&
    typeof raw.cardStates === "object" &&
    raw.cardStates !== null &&
    !Array.isArray(raw.cardStates)
  ) {
    const entries = Object.entries(raw.cardStates);
    for (let i = 0; i < entries.length; i += SLICE) {
      const checked = stateSlice.safeParse(Object.fromEntries(entries.slice(i, i + SLICE)));
      if (checked.success) Object.assign(cardStates, checked.data);
      // Key problems (an empty key) are the outline's to report; value problems are reported here.
      else issues.push(...placed(new z.ZodError(checked.error.issues.filter((issue) => issue.code !== "invalid_key")), ["cardStates"]));
      await pause();
    }
  }
  const reviewLogs: Backup["reviewLogs"] = [];
  if (raw !== null && typeof raw === "object" && Array.isArray(raw.reviewLogs)) {
    for (let i = 0; i < raw.reviewLogs.length; i += SLICE) {
      const checked = logSlice.safeParse(raw.reviewLogs.slice(i, i + SLICE));
      if (checked.success) reviewLogs.push(...checked.data);
      else issues.push(...placed(checked.error, ["reviewLogs"], i));
      await pause();
    }
  }
  if (issues.length > 0 || !outline.success) return { ok: false, issues };

  const backup: Backup = { ...outline.data, cardStates, reviewLogs };
  const orphans = orphanLogIssues(backup).map(({ path, message }) => {
    const where = formatJsonPath(path, "(root)");
    return { path: where, message: `${where}: ${message}` };
  });
  return orphans.length > 0 ? { ok: false, issues: orphans } : { ok: true, value: backup };
}

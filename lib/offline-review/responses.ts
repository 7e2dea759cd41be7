// The server's answers, checked before the device keeps anything of them: the day (with the
// learner's settings parsed, defaults filled in, so the device never parses them again) and a
// sync's result. sync.ts loads this module with the first answer: zod and the protocol's schemas
// are not needed to show or grade a card, and the review screen's bundle stays small without them.
import { ReviewDaySchema, SyncResultSchema, type ReviewDay, type SyncResult } from "@/lib/contracts/review-sync.ts";
import { fieldIssues } from "@/lib/errors/index.ts";
import { parseSettings } from "@/lib/srs/index.ts";

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

/** The first problem, with its JSON path, e.g. `cards[3].frontHtml: Invalid input`. */
const firstProblem = (problems: Array<{ message: string }>) => problems[0]?.message ?? "not readable";

export function readDay(json: unknown): Read<ReviewDay> {
  const parsed = ReviewDaySchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: firstProblem(fieldIssues(parsed.error)) };
  const settings = parseSettings(parsed.data.settings);
  if (!settings.ok) return { ok: false, problem: firstProblem(settings.issues.map((i) => ({ message: `settings.${i.message}` }))) };
  return { ok: true, value: { ...parsed.data, settings: settings.value as unknown as Record<string, unknown> } };
}

export function readSyncResult(json: unknown): Read<SyncResult> {
  const parsed = SyncResultSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: firstProblem(fieldIssues(parsed.error)) };
}

import "server-only";
import { isValidTimeZone, learnerDay, parseSettings, withRaisedNew, type DeckOverrides, type SchedulerSettings } from "../srs/index.ts";
import type { FieldIssue } from "../errors/index.ts";
import { prisma } from "./client.ts";
import { jsonColumn } from "./json-column.ts";
import { parseStoredSettings } from "./review/settings.ts";
import { readableScopes } from "./library-scope.ts";
import type { SessionUser } from "./users.ts";

export interface SettingsDeck {
  id: string;
  path: string;
}

export interface LearnerSettings {
  settings: SchedulerSettings;
  timeZone: string;
  /** Decks the learner can read, the only ones whose overrides may be edited. */
  decks: SettingsDeck[];
}

/** The fields of the settings page's main form, already converted from text. */
export type GeneralSettings = Pick<
  SchedulerSettings,
  "desiredRetention" | "newPerDay" | "reviewsPerDay" | "learningSteps" | "relearningSteps" | "maximumInterval" | "fuzz"
>;

export type SaveResult = { ok: true; settings: SchedulerSettings } | { ok: false; issues: FieldIssue[] };

export async function loadLearnerSettings(user: SessionUser): Promise<LearnerSettings> {
  const [row, decks] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { schedulerSettings: true, timeZone: true } }),
    prisma.deck.findMany({ where: { scope: { in: readableScopes(user) } }, orderBy: { path: "asc" }, select: { id: true, path: true } }),
  ]);
  return { settings: parseStoredSettings(row.schedulerSettings), timeZone: row.timeZone, decks };
}

/**
 * Reads the stored settings, lets `change` derive new ones, validates the result with lib/srs and
 * writes it, all in one transaction: a concurrent save (another tab, the optimizer finishing) is
 * never overwritten with a stale copy, and an invalid change writes nothing.
 */
async function updateSettings(
  user: SessionUser,
  change: (current: SchedulerSettings) => unknown,
  extra: { timeZone?: string } = {},
): Promise<SaveResult> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { schedulerSettings: true } });
    const parsed = parseSettings(change(parseStoredSettings(row.schedulerSettings)));
    if (!parsed.ok) return parsed;
    await tx.user.update({ where: { id: user.id }, data: { schedulerSettings: jsonColumn(parsed.value), ...extra } });
    return { ok: true as const, settings: parsed.value };
  });
}

/** Saves the learner-wide settings and time zone; per-deck overrides and parameters are kept. */
export async function saveGeneralSettings(user: SessionUser, general: GeneralSettings, timeZone: string): Promise<SaveResult> {
  if (!isValidTimeZone(timeZone))
    return { ok: false, issues: [{ path: "timeZone", message: "timeZone: not a time zone this server knows" }] };
  return updateSettings(user, (current) => ({ ...current, ...general }), { timeZone });
}

/**
 * Sets (or, with null, removes) one deck's overrides. A deck the learner cannot read answers
 * "not_found" and nothing is written, so overrides never name other people's decks.
 */
export async function saveDeckOverrides(
  user: SessionUser,
  deckId: string,
  overrides: DeckOverrides | null,
): Promise<SaveResult | { ok: false; notFound: true }> {
  const deck = await prisma.deck.findFirst({ where: { id: deckId, scope: { in: readableScopes(user) } }, select: { id: true } });
  if (!deck) return { ok: false, notFound: true };
  return updateSettings(user, (current) => {
    const decks = { ...current.decks };
    const kept = overrides ? Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) : {};
    if (Object.keys(kept).length === 0) delete decks[deckId];
    else decks[deckId] = kept;
    return { ...current, decks };
  });
}

/** Stores parameters found by the optimizer, leaving every other setting as it is now. */
export async function saveParameters(user: SessionUser, parameters: readonly number[]): Promise<SaveResult> {
  return updateSettings(user, (current) => ({ ...current, parameters: [...parameters] }));
}

/**
 * "Study N more today": raises the new-card limit of one deck (or, with null, of every deck) by
 * `extra` until the learner's day that holds `now` ends. A deck the learner cannot read answers
 * "not_found" and nothing is written.
 */
export async function raiseNewCardsToday(
  user: SessionUser,
  deckId: string | null,
  extra: number,
  now: Date,
): Promise<SaveResult | { ok: false; notFound: true }> {
  if (deckId !== null) {
    const deck = await prisma.deck.findFirst({ where: { id: deckId, scope: { in: readableScopes(user) } }, select: { id: true } });
    if (!deck) return { ok: false, notFound: true };
  }
  const until = learnerDay(now, user.timeZone).end.toISOString();
  return updateSettings(user, (current) => withRaisedNew(current, { deckId, extra, until }, now));
}

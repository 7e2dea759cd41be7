import "server-only";
import {
  createBackup,
  formatPath,
  parseBackup,
  type Backup,
  type FieldIssue,
  type SchedulerSettings,
} from "../srs/index.ts";
import { prisma } from "./client.ts";
import { loadSchedulerSettings } from "./review/settings.ts";
import { readableScopes, STARTER_SCOPE } from "./scope.ts";
import type { SessionUser } from "./users.ts";

// A card key is unique within its scope only, and a learner who imports the starter notes into
// their own library gets cards with the same keys as the starter ones. So the backup names a
// starter card "starter:<key>" and an own card by its bare key (keys are hex digests, never
// holding a colon).
const STARTER_PREFIX = `${STARTER_SCOPE}:`;

function backupKey(card: { scope: string; key: string }): string {
  return card.scope === STARTER_SCOPE ? `${STARTER_PREFIX}${card.key}` : card.key;
}

const stateColumns = {
  due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true, learningSteps: true,
  reps: true, lapses: true, state: true, lastReview: true, suspended: true, buriedUntil: true,
} as const;

const logColumns = {
  rating: true, state: true, due: true, stability: true, difficulty: true, elapsedDays: true, lastElapsedDays: true,
  scheduledDays: true, learningSteps: true, review: true, durationMs: true,
} as const;

/** The learner's settings, card states and review log; nothing of anyone else's. */
export async function exportBackup(user: SessionUser, now: Date): Promise<Backup> {
  const [settings, states, logs] = await Promise.all([
    loadSchedulerSettings(user.id),
    prisma.cardState.findMany({ where: { userId: user.id }, select: { ...stateColumns, card: { select: { scope: true, key: true } } } }),
    prisma.reviewLog.findMany({
      where: { userId: user.id },
      orderBy: [{ review: "asc" }, { id: "asc" }],
      select: { ...logColumns, card: { select: { scope: true, key: true } } },
    }),
  ]);
  const cardStates: Record<string, (typeof states)[number]> = {};
  for (const row of states) cardStates[backupKey(row.card)] = row;
  // A log row always has its card's state row (undo deletes the row only with the card's first
  // grade); the filter keeps the backup valid even if that ever stops holding.
  const reviewLogs = logs.map((log) => ({ ...log, cardKey: backupKey(log.card) })).filter((log) => Object.hasOwn(cardStates, log.cardKey));
  return createBackup({ exportedAt: now, settings, cardStates, reviewLogs });
}

export type RestoreResult = { ok: true; cards: number; reviews: number } | { ok: false; issues: FieldIssue[] };

/** Finds the cards a backup names among those the learner can read; keys not found are issues. */
async function resolveCards(user: SessionUser, keys: string[]): Promise<{ ids: Map<string, string>; issues: FieldIssue[] }> {
  const own = keys.filter((k) => !k.startsWith(STARTER_PREFIX));
  const starter = keys.filter((k) => k.startsWith(STARTER_PREFIX)).map((k) => k.slice(STARTER_PREFIX.length));
  const ids = new Map<string, string>();
  for (let i = 0; i < Math.max(own.length, starter.length); i += 500) {
    const cards = await prisma.card.findMany({
      where: {
        OR: [
          { scope: user.id, key: { in: own.slice(i, i + 500) } },
          { scope: STARTER_SCOPE, key: { in: starter.slice(i, i + 500) } },
        ],
      },
      select: { id: true, scope: true, key: true },
    });
    for (const card of cards) ids.set(backupKey(card), card.id);
  }
  const issues = keys
    .filter((key) => !ids.has(key))
    .map((key) => {
      const path = formatPath(["cardStates", key]);
      return { path, message: `${path}: no card with this key in your library or the starter decks` };
    });
  return { ids, issues };
}

/** Per-deck overrides for decks the learner cannot read (any more) are dropped, not restored. */
async function readableOverrides(user: SessionUser, settings: SchedulerSettings): Promise<SchedulerSettings> {
  const deckIds = Object.keys(settings.decks);
  if (deckIds.length === 0) return settings;
  const readable = await prisma.deck.findMany({ where: { id: { in: deckIds }, scope: { in: readableScopes(user) } }, select: { id: true } });
  const keep = new Set(readable.map((d) => d.id));
  return { ...settings, decks: Object.fromEntries(Object.entries(settings.decks).filter(([id]) => keep.has(id))) };
}

const BATCH = 500;

/**
 * Validates a backup, then in one transaction replaces the learner's settings and their states and
 * review logs for the cards the backup names; other cards' history is left alone. An invalid
 * backup, or one naming cards the learner cannot read, writes nothing.
 */
export async function restoreBackup(user: SessionUser, input: unknown): Promise<RestoreResult> {
  const parsed = parseBackup(input);
  if (!parsed.ok) return parsed;
  const backup = parsed.value;
  const { ids, issues } = await resolveCards(user, Object.keys(backup.cardStates));
  if (issues.length > 0) return { ok: false, issues };
  const settings = await readableOverrides(user, backup.settings);
  const cardIds = [...ids.values()];
  const cardIdOf = (key: string) => ids.get(key)!;

  await prisma.$transaction(
    async (tx) => {
      // Versions move past any a review screen may hold, so a grade made before the restore is refused.
      const versions = new Map<string, number>();
      for (let i = 0; i < cardIds.length; i += BATCH) {
        const where = { userId: user.id, cardId: { in: cardIds.slice(i, i + BATCH) } };
        for (const row of await tx.cardState.findMany({ where, select: { cardId: true, version: true } })) versions.set(row.cardId, row.version);
        await tx.reviewLog.deleteMany({ where });
        await tx.cardState.deleteMany({ where });
      }
      const states = Object.entries(backup.cardStates).map(([key, state]) => {
        const cardId = cardIdOf(key);
        return { ...state, userId: user.id, cardId, version: (versions.get(cardId) ?? 0) + 1 };
      });
      for (let i = 0; i < states.length; i += BATCH) await tx.cardState.createMany({ data: states.slice(i, i + BATCH) });
      const logs = backup.reviewLogs.map(({ cardKey, ...log }) => ({ ...log, userId: user.id, cardId: cardIdOf(cardKey) }));
      for (let i = 0; i < logs.length; i += BATCH) await tx.reviewLog.createMany({ data: logs.slice(i, i + BATCH) });
      await tx.user.update({ where: { id: user.id }, data: { schedulerSettings: JSON.stringify(settings) } });
    },
    // A year of reviews is a few hundred thousand rows; the default 5 s would cut a big restore short.
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { ok: true, cards: cardIds.length, reviews: backup.reviewLogs.length };
}

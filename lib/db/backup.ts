import "server-only";
import { formatJsonPath, type FieldIssue } from "../errors/index.ts";
import { createBackup, parseBackupInSlices, type Backup, type SchedulerSettings } from "../srs/index.ts";
import { prisma } from "./client.ts";
import { claimRestore } from "./restore-lock.ts";
import { loadSchedulerSettings } from "./review/settings.ts";
import { readableScopes, STARTER_SCOPE } from "./library-scope.ts";
import { SCHEDULING_SELECT } from "./scheduling-state.ts";
import { databaseEngine, type CardRef } from "./engine/index.ts";
import type { SessionUser } from "./users.ts";

// A card key is unique within its scope only, and a learner who imports the starter notes into
// their own library gets cards with the same keys as the starter ones. So the backup names a
// starter card "starter:<key>" and an own card by its bare key (keys are hex digests, never
// holding a colon).
const STARTER_PREFIX = `${STARTER_SCOPE}:`;

function backupKey(card: { scope: string; key: string }): string {
  return card.scope === STARTER_SCOPE ? `${STARTER_PREFIX}${card.key}` : card.key;
}

const stateColumns = { ...SCHEDULING_SELECT, suspended: true, buriedUntil: true } as const;

const logColumns = {
  rating: true,
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  lastElapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  review: true,
  durationMs: true,
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

export { RestoreRunningError } from "./restore-lock.ts";

export type RestoreResult = { ok: true; cards: number; reviews: number } | { ok: false; issues: FieldIssue[] };

/** Per-deck overrides for decks the learner cannot read (any more) are dropped, not restored. */
async function readableOverrides(user: SessionUser, settings: SchedulerSettings): Promise<SchedulerSettings> {
  const deckIds = Object.keys(settings.decks);
  if (deckIds.length === 0) return settings;
  const readable = await prisma.deck.findMany({
    where: { id: { in: deckIds }, scope: { in: readableScopes(user) } },
    select: { id: true },
  });
  const keep = new Set(readable.map((d) => d.id));
  return { ...settings, decks: Object.fromEntries(Object.entries(settings.decks).filter(([id]) => keep.has(id))) };
}

/** What a backup key names: a starter card ("starter:<key>") or one of the learner's own. */
function cardRef(user: SessionUser, key: string): CardRef {
  return key.startsWith(STARTER_PREFIX) ? { scope: STARTER_SCOPE, key: key.slice(STARTER_PREFIX.length) } : { scope: user.id, key };
}

/**
 * Validates a backup, then in one transaction replaces the learner's settings and their states and
 * review logs for the cards the backup names; other cards' history is left alone. An invalid
 * backup, or one naming cards the learner cannot read, writes nothing. One restore runs at a time
 * per learner: a second one meanwhile throws RestoreRunningError.
 */
export async function restoreBackup(user: SessionUser, input: unknown, now = new Date()): Promise<RestoreResult> {
  const claim = await claimRestore(user.id);
  try {
    // A slice at a time, with the event loop given back in between: other learners are served meanwhile.
    const parsed = await parseBackupInSlices(input, () => new Promise<void>((resolve) => setImmediate(resolve)));
    if (!parsed.ok) return parsed;
    const backup = parsed.value;
    const settings = await readableOverrides(user, backup.settings);
    const cards = new Map(Object.keys(backup.cardStates).map((key) => [key, cardRef(user, key)]));
    const written = await databaseEngine().bulkWrites.restoreInTransaction({
      userId: user.id,
      cards,
      states: backup.cardStates,
      logs: backup.reviewLogs,
      settingsJson: JSON.stringify(settings),
      now,
    });
    if (!written.ok) {
      const issues = written.missing.map((key) => {
        const path = formatJsonPath(["cardStates", key], "(root)");
        return { path, message: `${path}: no card with this key in your library or the starter decks` };
      });
      return { ok: false, issues };
    }
    await forgetEvents(user, cards);
    return written;
  } finally {
    await claim.release();
  }
}

const KEY_CHUNK = 500;

/**
 * A restored card's state and log are the backup's now: its stored review events (and the base
 * they replay from) would undo the restore at the card's next sync, so they go, and its next event
 * starts from the restored state (docs/scheduling.md, "Reviews as events").
 */
async function forgetEvents(user: SessionUser, cards: ReadonlyMap<string, CardRef>): Promise<void> {
  const byScope = new Map<string, string[]>();
  for (const ref of cards.values()) {
    const keys = byScope.get(ref.scope);
    if (keys) keys.push(ref.key);
    else byScope.set(ref.scope, [ref.key]);
  }
  for (const [scope, keys] of byScope) {
    for (let i = 0; i < keys.length; i += KEY_CHUNK) {
      const rows = await prisma.card.findMany({ where: { scope, key: { in: keys.slice(i, i + KEY_CHUNK) } }, select: { id: true } });
      await prisma.reviewEvent.deleteMany({ where: { userId: user.id, cardId: { in: rows.map((r) => r.id) } } });
    }
  }
}

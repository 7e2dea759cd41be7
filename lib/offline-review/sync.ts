// Talking to the server: sending the outbox in batches (POST /api/review/sync) and fetching the day
// (GET /api/review/day). Shared by the review screen and the service worker's Background Sync, so
// both settle the outbox the same way. Nothing here drops an event: it leaves the outbox only when
// the server stored it or refused it, and a refusal is kept with its reason.
import type { ReviewDay, ReviewEvent } from "@/lib/contracts/review-sync.ts";
import { MAX_SYNC_BATCH } from "@/lib/contracts/review-sync-limits.ts";
import { withStandings, withStoredEvents, type PendingEvent } from "./local-day.ts";
import type { DeviceStore, RefusedEntry } from "./store.ts";

export type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;

export type SyncStatus = "synced" | "offline" | "signed-out" | "failed";

export interface SyncOutcome {
  status: SyncStatus;
  stored: number;
  refused: number;
  /** For the learner when status is "failed". */
  message?: string;
}

/** Events being sent right now by this page: undoing one of them must also tell the server. */
export const inFlight = new Set<string>();

function withLock<T>(name: string, job: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  return locks ? (locks.request(name, job) as Promise<T>) : job();
}

export function syncPending(store: DeviceStore, userId: string, fetcher: Fetcher = fetch): Promise<SyncOutcome> {
  // One sync at a time per learner across the tabs and the service worker of this browser.
  return withLock(`iam-recall-sync-${userId}`, () => sendOutbox(store, fetcher));
}

async function sendOutbox(store: DeviceStore, fetcher: Fetcher): Promise<SyncOutcome> {
  let stored = 0;
  let refused = 0;
  for (;;) {
    const batch = (await store.pending()).slice(0, MAX_SYNC_BATCH);
    if (batch.length === 0) return { status: "synced", stored, refused };
    const events: ReviewEvent[] = batch.map((p) => p.event);
    let response: Response;
    for (const e of events) inFlight.add(e.id);
    try {
      response = await fetcher("/api/review/sync", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ events }),
        credentials: "same-origin",
      });
    } catch {
      return { status: "offline", stored, refused };
    } finally {
      for (const e of events) inFlight.delete(e.id);
    }
    if (response.status === 401 || response.redirected) return { status: "signed-out", stored, refused };
    if (!response.ok) {
      // The events stay in the outbox either way; the learner is told why they are still there.
      const said = ((await response.json().catch(() => null)) as { error?: unknown } | null)?.error;
      const message =
        typeof said === "string"
          ? `${said} Your grades stay on this device until then.`
          : `Not synced yet: the server answered ${response.status}. Your grades stay on this device and are sent again.`;
      return { status: "failed", stored, refused, message };
    }
    const { readSyncResult } = await import("./responses.ts");
    const parsed = readSyncResult(await response.json().catch(() => null));
    if (!parsed.ok)
      return { status: "failed", stored, refused, message: `The server's sync answer could not be read (${parsed.problem}).` };
    const result = parsed.value;

    const accepted = new Set(result.accepted);
    const storedEvents = batch.filter((p) => accepted.has(p.event.id));
    const refusals: RefusedEntry[] = result.refused.flatMap((r) => {
      const pending = batch[r.index] ?? batch.find((p) => p.event.id === r.id);
      return pending ? [{ event: pending.event, code: r.code, message: r.message, refusedAt: result.syncedAt }] : [];
    });
    for (const stored of await store.days()) {
      await store.saveDay({ ...stored, day: withStandings(withStoredEvents(stored.day, storedEvents), result.cards) });
    }
    await store.settle(accepted, refusals);
    await store.setLastSyncAt(result.syncedAt);
    stored += storedEvents.length;
    refused += refusals.length;
    // A batch the server neither stored nor refused would come back forever: stop and say so.
    if (storedEvents.length + refusals.length < batch.length) {
      return { status: "failed", stored, refused, message: "The server left some grades unanswered; they stay queued." };
    }
  }
}

export type DayOutcome = { status: "fresh"; day: ReviewDay } | { status: SyncStatus; message?: string };

/** Fetches the day for a deck (null: every deck) and keeps it on the device. */
export function refreshDay(
  store: DeviceStore,
  userId: string,
  deckId: string | null,
  now: Date,
  fetcher: Fetcher = fetch,
): Promise<DayOutcome> {
  // Under the sync lock: a day fetched while a batch is between "sent" and "settled" would count
  // those events twice (once in the day, once still pending).
  return withLock(`iam-recall-sync-${userId}`, () => fetchDay(store, deckId, now, fetcher));
}

async function fetchDay(store: DeviceStore, deckId: string | null, now: Date, fetcher: Fetcher): Promise<DayOutcome> {
  let response: Response;
  try {
    response = await fetcher(deckId ? `/api/review/day?deck=${encodeURIComponent(deckId)}` : "/api/review/day", {
      credentials: "same-origin",
      headers: { accept: "application/json" },
      cache: "no-store",
    });
  } catch {
    return { status: "offline" };
  }
  if (response.status === 401 || response.redirected) return { status: "signed-out" };
  if (!response.ok) return { status: "failed", message: `The server answered ${response.status} for today's cards.` };
  const { readDay } = await import("./responses.ts");
  const parsed = readDay(await response.json().catch(() => null));
  if (!parsed.ok) return { status: "failed", message: `Today's cards from the server could not be read (${parsed.problem}).` };
  await store.saveDay({ day: parsed.value, fetchedAt: now.toISOString() });
  return { status: "fresh", day: parsed.value };
}

export type { PendingEvent };

// The last resort for a grade made just before the page goes away. A grade is applied in memory at
// once and written to IndexedDB after the next paint (review-device.ts); a page closed or navigated
// away in between can lose that write, since the browser aborts a transaction its page no longer
// outlives. When the page is hidden, the actions not yet written are copied here, into
// localStorage, whose writes are synchronous; the next open puts them in the outbox (store.ts
// `recover`) unless their write made it after all.
import type { PendingEvent } from "./local-day.ts";
import type { HistoryEntry } from "./store.ts";

export interface UnwrittenAction {
  pending: PendingEvent;
  history: HistoryEntry | null;
}

export interface Journal {
  /** Replaces this page's copy with `actions` (none: the copy is removed). */
  keep(actions: readonly UnwrittenAction[]): void;
  /** Every page's copy for the learner, oldest action first, and a way to forget them once recovered. */
  collect(): { actions: UnwrittenAction[]; forget(): void };
}

/** Only what this code writes is read back; anything else under the key is skipped. */
function isUnwrittenAction(value: unknown): value is UnwrittenAction {
  if (typeof value !== "object" || value === null) return false;
  const { pending } = value as { pending?: { event?: { id?: unknown; at?: unknown } } };
  return typeof pending?.event?.id === "string" && typeof pending.event.at === "string";
}

/** A journal on a `Storage` (localStorage), one key per page, so two tabs of one learner never overwrite each other. */
export function storageJournal(storage: Storage, userId: string, pageId: string = crypto.randomUUID()): Journal {
  const prefix = `iam-recall-unwritten:${userId}:`;
  const ownKey = prefix + pageId;
  return {
    keep(actions) {
      try {
        if (actions.length === 0) storage.removeItem(ownKey);
        else storage.setItem(ownKey, JSON.stringify(actions));
      } catch {
        // Storage full or denied: the IndexedDB write may still finish; nothing better to do here.
      }
    },
    collect() {
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(prefix)) keys.push(key);
      }
      const actions: UnwrittenAction[] = [];
      for (const key of keys) {
        try {
          const parsed: unknown = JSON.parse(storage.getItem(key) ?? "[]");
          if (Array.isArray(parsed)) actions.push(...parsed.filter(isUnwrittenAction));
        } catch {
          // A copy cut short by a crash mid-write: it cannot be read, and its actions are lost either way.
        }
      }
      actions.sort((a, b) => a.pending.event.at.localeCompare(b.pending.event.at));
      return { actions, forget: () => keys.forEach((key) => storage.removeItem(key)) };
    },
  };
}

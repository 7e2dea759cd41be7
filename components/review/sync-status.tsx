"use client";
// How many grades wait to sync, when the device last synced and last fetched the day, and every
// event the server refused, with its reason (never dropped silently).
import type { ReviewView } from "@/lib/offline-review/index.ts";
import { clockTime, dateAndTime } from "./clock.ts";

const time = (iso: string | null) => (iso ? clockTime(iso) : null);

export function SyncStatus({ view, onDismissRefused }: { view: ReviewView; onDismissRefused: () => void }) {
  const synced = time(view.lastSyncAt);
  const updated = time(view.dayFetchedAt);
  const offline = view.network === "offline";
  return (
    <div className="sync-status">
      <p data-testid="sync-status">
        <span data-testid="pending-count">{view.pendingCount === 1 ? "1 grade" : `${view.pendingCount} grades`} waiting to sync</span>
        {" · "}
        {synced ? `last synced ${synced}` : "not synced yet"}
        {updated ? ` · cards updated ${updated}` : ""}
        {offline ? " · offline" : ""}
        {view.network === "signed-out" ? " · sign in again to sync" : ""}
      </p>
      {view.refused.length > 0 && (
        <div className="refused" role="alert" data-testid="refused">
          <h2>{view.refused.length === 1 ? "1 action was" : `${view.refused.length} actions were`} refused by the server</h2>
          <ul>
            {view.refused.map((r) => (
              <li key={`${r.event.id}-${r.refusedAt}`}>
                {r.event.kind} of card {r.event.cardId} at {dateAndTime(r.event.at)}: {r.message}
              </li>
            ))}
          </ul>
          <button type="button" className="button secondary small" onClick={onDismissRefused}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}

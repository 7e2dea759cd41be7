"use client";
// Sign out, after a warning when this device still holds grades the server has not stored
// (lib/offline-review keeps them in IndexedDB per learner; once signed out they cannot be sent).
import { useRef, type MouseEvent } from "react";
import { databaseName, DeviceStore } from "@/lib/offline-review/index.ts";
import { REVIEW_PAGES_CACHE } from "@/lib/offline-review/sw-names.ts";

async function unsyncedGrades(userId: string): Promise<number> {
  if (typeof indexedDB === "undefined") return 0;
  const known = indexedDB.databases ? await indexedDB.databases() : null;
  if (known && !known.some((db) => db.name === databaseName(userId))) return 0;
  const store = await DeviceStore.open(userId);
  try {
    return await store.pendingCount();
  } finally {
    store.close();
  }
}

export function SignOutButton({ userId }: { userId: string }) {
  const confirmed = useRef(false);
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (confirmed.current) return;
    event.preventDefault();
    const form = event.currentTarget.form;
    void unsyncedGrades(userId)
      .catch(() => 0)
      .then(async (pending) => {
        const message = `${pending === 1 ? "1 grade has" : `${pending} grades have`} not reached the server yet. They stay on this device and are sent when you sign in here again. Sign out anyway?`;
        if (pending > 0 && !window.confirm(message)) return;
        // The offline copy of the review page belongs to this learner.
        if (typeof caches !== "undefined") await caches.delete(REVIEW_PAGES_CACHE).catch(() => false);
        confirmed.current = true;
        form?.requestSubmit();
      });
  };
  return (
    <button className="linklike" type="submit" onClick={onClick} data-testid="sign-out">
      Sign out
    </button>
  );
}

"use client";
// Registers the service worker once the review screen is up, names the signed-in learner for its
// Background Sync, and asks it to keep this page for offline launches.
import { useEffect } from "react";
import { ACTIVE_LEARNER_KEY, REVIEW_PAGES_CACHE, SW_URL, SYNC_TAG } from "@/lib/offline-review/sw-names.ts";

interface SyncManager {
  register(tag: string): Promise<void>;
}

export function useServiceWorker(userId: string): void {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || process.env.NODE_ENV !== "production") return;
    let cancelled = false;
    void (async () => {
      try {
        // A classic worker: a module worker's script is fetched without cookies, and the proxy
        // sends cookieless requests to sign in.
        const registration = await navigator.serviceWorker.register(SW_URL, { scope: "/" });
        const cache = await caches.open(REVIEW_PAGES_CACHE);
        await cache.put(ACTIVE_LEARNER_KEY, new Response(userId, { headers: { "content-type": "text/plain" } }));
        const ready = await navigator.serviceWorker.ready;
        if (cancelled) return;
        // The page itself came from the network before the worker existed: have the worker fetch
        // it once more through its review route so it is there offline.
        ready.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [location.pathname + location.search] } });
        void registration.update().catch(() => undefined);
      } catch {
        // No worker (private mode, an old browser): review still works while the page stays open.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [userId]);
}

/** Asks the browser to wake the worker for a sync when the network is back (Chromium only). */
export function requestBackgroundSync(): void {
  if (!("serviceWorker" in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => (registration as ServiceWorkerRegistration & { sync?: SyncManager }).sync?.register(SYNC_TAG))
    .catch(() => undefined);
}

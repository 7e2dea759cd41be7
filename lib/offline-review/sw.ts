/// <reference lib="webworker" />
// The service worker (built by @serwist/turbopack from app/serwist/[path]/route.ts, served at
// /serwist/sw.js with scope /). It precaches the build's static files and the offline page, keeps
// the last review page it fetched (network first, so a fresh session wins when there is one), and
// runs Background Sync for the review outbox where the browser has it.
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  Serwist,
  type PrecacheEntry,
  type SerwistGlobalConfig,
  type SerwistPlugin,
} from "serwist";
import { DeviceStore } from "./store.ts";
import { syncPending } from "./sync.ts";
import { ACTIVE_LEARNER_KEY, OFFLINE_PAGE, REVIEW_PAGES_CACHE, SYNC_TAG } from "./sw-names.ts";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

// A sign-in redirect or an error page must never be what the learner gets offline.
const onlyPages: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // Navigations, and the page's own request to keep a copy (CACHE_URLS, not a navigation);
      // not the RSC payloads of client-side navigations.
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin &&
        request.method === "GET" &&
        url.pathname === "/review" &&
        !url.searchParams.has("_rsc") &&
        !request.headers.has("rsc"),
      handler: new NetworkFirst({
        cacheName: REVIEW_PAGES_CACHE,
        networkTimeoutSeconds: 5,
        plugins: [onlyPages, new ExpirationPlugin({ maxEntries: 20 })],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: "next-static", plugins: [new ExpirationPlugin({ maxEntries: 400 })] }),
    },
  ],
  fallbacks: {
    entries: [{ url: OFFLINE_PAGE, matcher: ({ request }) => request.destination === "document" }],
  },
});
serwist.addEventListeners();

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// Background Sync: the browser wakes the worker when the network is back, even with the tab closed.
// The page names the signed-in learner (their outbox is the one the session cookie may send).
self.addEventListener("sync", (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(
    (async () => {
      const cache = await caches.open(REVIEW_PAGES_CACHE);
      const named = await cache.match(ACTIVE_LEARNER_KEY);
      const userId = named ? await named.text() : "";
      if (!userId) return;
      const store = await DeviceStore.open(userId);
      try {
        const outcome = await syncPending(store, userId, (input, init) => fetch(input, init));
        // Throwing asks the browser to try again later.
        if (outcome.status === "offline") throw new Error("still offline");
      } finally {
        store.close();
      }
    })(),
  );
});

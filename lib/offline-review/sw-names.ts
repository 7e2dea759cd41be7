// Names the page and the service worker share.
export const SW_URL = "/serwist/sw.js";
export const SYNC_TAG = "review-outbox";
export const REVIEW_PAGES_CACHE = "review-pages";
/** A synthetic entry in REVIEW_PAGES_CACHE holding the id of the learner signed in on this page. */
export const ACTIVE_LEARNER_KEY = "/__active-learner";
export const OFFLINE_PAGE = "/offline.html";

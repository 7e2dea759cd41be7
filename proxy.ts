// Runs before every page and API request: gives the response its CSP nonce, and sends visitors
// without a session cookie to sign in. The cookie check is only a shortcut for a better redirect;
// every page and action still checks the session itself through lib/auth.
import { NextResponse, type NextRequest } from "next/server";
import { pageContentSecurityPolicy } from "./lib/security/csp.ts";

const PUBLIC_PATHS = [/^\/$/, /^\/signin$/, /^\/signup$/, /^\/api\/auth(\/|$)/, /^\/playground(\/|$)/];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => p.test(pathname));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSession) {
    const target = new URL("/signin", request.url);
    target.searchParams.set("next", `${pathname}${search}`);
    const redirect = NextResponse.redirect(target);
    redirect.headers.set("Content-Security-Policy", csp);
    return redirect;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};

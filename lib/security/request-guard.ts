/**
 * Checks every state-changing route handler makes before it reads a body or the session.
 *
 * A form post or a `fetch` with a "simple" content type (multipart, text/plain) crosses origins
 * without a CORS preflight, so a page on another site, or on another port of the same host, could
 * otherwise make a signed-in browser write on its owner's behalf. Browsers tell us where a request
 * comes from in `Sec-Fetch-Site` (all current ones) and `Origin` (every cross-origin POST); scripts
 * and the CLI send neither and carry no ambient cookie, so they are let through.
 * Server actions get the same Origin check from Next.js itself.
 */

export interface RequestRefusal {
  status: 403 | 415;
  code: "cross_origin" | "unsupported_media_type";
  message: string;
}

/** Refuses a request a browser sent from any origin other than the app's own. */
export function refuseCrossOrigin(request: Request): RequestRefusal | null {
  const site = request.headers.get("sec-fetch-site");
  // "none" is a navigation the user started (typed URL, bookmark): not another site's doing.
  if (site !== null && site !== "same-origin" && site !== "none") {
    return { status: 403, code: "cross_origin", message: `Refused: the request came from another site (Sec-Fetch-Site: ${site}).` };
  }
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const host = request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, file: pages) and garbage are refused below.
  }
  if (host === null || originHost !== host) {
    return { status: 403, code: "cross_origin", message: `Refused: the request came from ${origin}, not from this app.` };
  }
  return null;
}

/** Refuses a body that is not declared as JSON, so text/plain cannot smuggle one past a preflight. */
export function refuseNonJson(request: Request): RequestRefusal | null {
  const type = request.headers.get("content-type") ?? "";
  const essence = type.split(";")[0]?.trim().toLowerCase();
  if (essence === "application/json") return null;
  return {
    status: 415,
    code: "unsupported_media_type",
    message: `The body must be sent as application/json (got ${type || "no Content-Type"}).`,
  };
}

/** Both checks for a JSON endpoint, the origin first. */
export function refuseUnsafeJsonRequest(request: Request): RequestRefusal | null {
  return refuseCrossOrigin(request) ?? refuseNonJson(request);
}

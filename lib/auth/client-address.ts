import { plainAddress } from "../http/forwarded-headers.ts";

/**
 * The client's address for the sign-in and sign-up limits. `npm start` (scripts/start-server.ts)
 * writes the socket address into X-Forwarded-For unless TRUSTED_PROXY is set; with a trusted proxy
 * the last entry is the one that proxy appended, as earlier ones may be the client's own invention.
 */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const nearest = entries.at(-1);
  return nearest ? plainAddress(nearest) : "unknown";
}

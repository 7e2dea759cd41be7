/**
 * The X-Forwarded-* headers the app may believe. `next start` copies whatever the client sent, so
 * anyone could pick their own address (and dodge or aim the sign-in limits) or claim HTTPS. Unless a
 * reverse proxy we trust sets them, they are rewritten here from the socket itself.
 */

export type HeaderRecord = Record<string, string | string[] | undefined>;

export interface SocketFacts {
  remoteAddress: string | undefined;
  encrypted: boolean;
}

const CLIENT_CHOSEN = ["x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded"];

export function rewriteForwardedHeaders(headers: HeaderRecord, socket: SocketFacts, trustProxy: boolean): void {
  if (trustProxy) return;
  for (const name of CLIENT_CHOSEN) delete headers[name];
  headers["x-forwarded-for"] = plainAddress(socket.remoteAddress ?? "unknown");
  headers["x-forwarded-proto"] = socket.encrypted ? "https" : "http";
}

/** "::ffff:203.0.113.5" is how a dual-stack socket shows an IPv4 client; the limits want one spelling. */
export function plainAddress(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address as the server saw it. `next start` fills x-forwarded-for from the socket
 * when the request has none; behind a reverse proxy, the proxy must overwrite that header, or a
 * client could choose its own address (the per-email limit still holds then).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}

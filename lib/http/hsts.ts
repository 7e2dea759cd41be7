/**
 * Strict-Transport-Security for responses served over HTTPS. Behind a proxy that ends TLS the app
 * sees plain HTTP, so X-Forwarded-Proto counts, but only when TRUSTED_PROXY says a proxy sets it.
 */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

export function servedOverHttps(input: { protocol: string; forwardedProto: string | null; trustProxy: boolean }): boolean {
  if (input.protocol === "https:") return true;
  if (!input.trustProxy || !input.forwardedProto) return false;
  // A chain of proxies lists one value per hop; the first is what the client used.
  return input.forwardedProto.split(",")[0]?.trim().toLowerCase() === "https";
}

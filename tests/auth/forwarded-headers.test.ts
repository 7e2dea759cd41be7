// Which X-Forwarded-* values the app believes (TRUSTED_PROXY), for the sign-in limits and HTTPS.
import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address.ts";
import { rewriteForwardedHeaders, type HeaderRecord } from "@/lib/http/forwarded-headers.ts";
import { servedOverHttps } from "@/lib/http/hsts.ts";

const socket = { remoteAddress: "::ffff:192.0.2.10", encrypted: false };

describe("10.5: client address", () => {
  it("10.5: without a trusted proxy, client-sent forwarding headers are replaced by the socket's", () => {
    const headers: HeaderRecord = {
      "x-forwarded-for": "203.0.113.1",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
      "x-real-ip": "203.0.113.2",
      forwarded: "for=203.0.113.3",
      host: "app.example",
    };
    rewriteForwardedHeaders(headers, socket, false);
    expect(headers).toEqual({ "x-forwarded-for": "192.0.2.10", "x-forwarded-proto": "http", host: "app.example" });
    expect(clientAddress(new Headers(headers as Record<string, string>))).toBe("192.0.2.10");
  });

  it("10.5: with a trusted proxy, the headers stay and the entry the proxy appended is used", () => {
    const headers: HeaderRecord = { "x-forwarded-for": "203.0.113.1, 198.51.100.2", "x-forwarded-proto": "https" };
    rewriteForwardedHeaders(headers, socket, true);
    expect(headers["x-forwarded-for"]).toBe("203.0.113.1, 198.51.100.2");
    expect(clientAddress(new Headers(headers as Record<string, string>))).toBe("198.51.100.2");
  });

  it("10.5: IPv6 addresses keep their spelling; a missing header is 'unknown'", () => {
    const headers: HeaderRecord = {};
    rewriteForwardedHeaders(headers, { remoteAddress: "2001:db8::1", encrypted: true }, false);
    expect(headers).toEqual({ "x-forwarded-for": "2001:db8::1", "x-forwarded-proto": "https" });
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});

describe("10.10: HSTS", () => {
  const cases: Array<[string, Parameters<typeof servedOverHttps>[0], boolean]> = [
    ["an https request", { protocol: "https:", forwardedProto: null, trustProxy: false }, true],
    ["plain http", { protocol: "http:", forwardedProto: null, trustProxy: false }, false],
    ["a client claiming https with no trusted proxy", { protocol: "http:", forwardedProto: "https", trustProxy: false }, false],
    ["a trusted proxy that ended TLS", { protocol: "http:", forwardedProto: "https", trustProxy: true }, true],
    ["a trusted proxy chain that began with https", { protocol: "http:", forwardedProto: "HTTPS, http", trustProxy: true }, true],
    ["a trusted proxy serving http", { protocol: "http:", forwardedProto: "http", trustProxy: true }, false],
  ];
  for (const [name, input, expected] of cases) {
    it(`10.10: ${expected ? "sends" : "does not send"} HSTS for ${name}`, () => {
      expect(servedOverHttps(input)).toBe(expected);
    });
  }
});

// The checks every state-changing route handler makes first.
// Sec-Fetch-Site values: https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header
import { describe, expect, it } from "vitest";
import { refuseCrossOrigin, refuseNonJson, refuseUnsafeJsonRequest } from "@/lib/security/request-guard.ts";

const APP = "http://127.0.0.1:3000";

function post(headers: Record<string, string>): Request {
  return new Request(`${APP}/api/review`, { method: "POST", headers: { host: "127.0.0.1:3000", ...headers } });
}

describe("10.8: refuseCrossOrigin", () => {
  it.each([
    ["the app's own page", { origin: APP, "sec-fetch-site": "same-origin" }],
    ["a script with no browser headers (CLI, curl)", {}],
    ["a navigation the user started", { "sec-fetch-site": "none" }],
    ["an older browser sending only a matching Origin", { origin: APP }],
  ])("lets %s through", (_, headers) => {
    expect(refuseCrossOrigin(post(headers))).toBeNull();
  });

  it.each([
    ["another port of the same host", { origin: "http://127.0.0.1:4000", "sec-fetch-site": "same-site" }],
    ["another site", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["same-site without Origin", { "sec-fetch-site": "same-site" }],
    ["a mismatched Origin without Sec-Fetch-Site", { origin: "http://127.0.0.1:4000" }],
    ["an opaque Origin", { origin: "null" }],
    ["an Origin that is not a URL", { origin: "::::" }],
  ])("refuses %s with 403", (_, headers) => {
    const refusal = refuseCrossOrigin(post(headers));
    expect(refusal?.status).toBe(403);
    expect(refusal?.message).toMatch(/^Refused/);
  });
});

describe("10.8: refuseNonJson", () => {
  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON"])("accepts %s", (type) => {
    expect(refuseNonJson(post({ "content-type": type }))).toBeNull();
  });

  it.each(["text/plain", "text/plain;charset=UTF-8", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"])(
    "refuses %s with 415, naming what came",
    (type) => {
      const refusal = refuseNonJson(post({ "content-type": type }));
      expect(refusal?.status).toBe(415);
      expect(refusal?.message).toContain(type);
    },
  );

  it("refuses a body with no Content-Type", () => {
    expect(refuseNonJson(post({}))?.message).toMatch(/no Content-Type/);
  });

  it("checks the origin before the content type", () => {
    expect(refuseUnsafeJsonRequest(post({ origin: "https://evil.example", "content-type": "text/plain" }))?.status).toBe(403);
  });
});

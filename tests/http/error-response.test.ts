// The route handlers' one error contract: a code decides the status, the body is { error, code }.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "@/lib/errors/index.ts";
import { domainErrorResponse, errorResponse, invalidBodyResponse, refusalResponse, statusForCode } from "@/lib/http/error-response.ts";

describe("statusForCode", () => {
  it.each([
    ["invalid", 400],
    ["unauthenticated", 401],
    ["cross_origin", 403],
    ["unpublished", 403],
    ["not_found", 404],
    ["not_member", 404],
    ["too_large", 413],
    ["unsupported_media_type", 415],
    ["not_restorable", 422],
    ["failed", 500],
    ["database_busy", 503],
    ["uploads_busy", 503],
    ["stale", 409],
    ["closed", 409],
    ["restore_running", 409],
  ])("%s answers %i", (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });
});

describe("errorResponse", () => {
  it("answers the message and the code, with extra fields, and the code's status", async () => {
    const response = errorResponse("not_restorable", "The backup was not restored.", { issues: ["a"], more: 0 });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: "The backup was not restored.", code: "not_restorable", issues: ["a"], more: 0 });
  });

  it("tells a client when to try again after a busy answer", () => {
    expect(errorResponse("database_busy", "Busy.").headers.get("retry-after")).toBe("5");
    expect(errorResponse("stale", "Stale.").headers.get("retry-after")).toBeNull();
  });

  it("does not let an extra field replace the message or the code", async () => {
    expect(await errorResponse("invalid", "Real.", { error: "forged", code: "forged" }).json()).toEqual({
      error: "Real.",
      code: "invalid",
    });
  });
});

describe("domainErrorResponse", () => {
  it("answers a domain error by its code", async () => {
    const response = domainErrorResponse(new DomainError("restore_running", "A restore is already running."));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: "A restore is already running.", code: "restore_running" });
  });

  it("throws anything else on, so a bug is never dressed up as a refusal", () => {
    const bug = new TypeError("x is undefined");
    expect(() => domainErrorResponse(bug)).toThrow(bug);
  });
});

describe("invalidBodyResponse and refusalResponse", () => {
  it("names the first bad field by its JSON path", async () => {
    const schema = z.object({ items: z.array(z.object({ rating: z.number().max(4) })) });
    const parsed = schema.safeParse({ items: [{ rating: 1 }, { rating: 7 }] });
    expect(parsed.success).toBe(false);
    const response = invalidBodyResponse(parsed.error!);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; code: string };
    expect(body.code).toBe("invalid");
    expect(body.error).toMatch(/^items\[1\]\.rating: /);
  });

  it("answers a refused request with its own status", async () => {
    const response = refusalResponse({ status: 415, code: "unsupported_media_type", message: "Send JSON." });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: "Send JSON.", code: "unsupported_media_type" });
  });
});

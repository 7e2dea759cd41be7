// Bounded input: an email is at most 254 characters; deep JSON is refused before it is parsed.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SignInSchema } from "@/lib/auth/credentials.ts";
import { SignUpSchema } from "@/lib/auth/sign-up.ts";
import { jsonNestingDepth, parseBoundedJson, readBoundedText } from "@/lib/http/bounded-json.ts";

const emailOf = (length: number) => `${"a".repeat(length - "@example.com".length)}@example.com`;

describe("10.9: email length", () => {
  const schemas = [
    ["sign-in", (email: string) => SignInSchema.safeParse({ email, password: "x" })],
    ["sign-up", (email: string) => SignUpSchema.safeParse({ email, password: "long enough password" })],
  ] as const;
  for (const [name, parse] of schemas) {
    it(`10.9: ${name} refuses a 255-character email with a field error naming the limit`, () => {
      const result = parse(emailOf(255));
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(z.flattenError(result.error).fieldErrors.email).toEqual(["An email address has at most 254 characters."]);
    });
    it(`10.9: ${name} refuses the audit's 900 KB email with one message, not a pile`, () => {
      const result = parse(emailOf(900_000));
      expect(result.success).toBe(false);
      if (!result.success) expect(z.flattenError(result.error).fieldErrors.email).toHaveLength(1);
    });
    it(`10.9: ${name} accepts a 254-character email`, () => {
      expect(parse(emailOf(254)).success).toBe(true);
    });
  }
});

describe("10.9: bounded JSON", () => {
  it("10.9: refuses 100,000 levels of nesting with 400 and the depth, without overflowing the stack", () => {
    const deep = `{"scenario":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    expect(parseBoundedJson(deep, 64)).toEqual({
      ok: false,
      status: 400,
      message: "The JSON body is nested 100001 levels deep; at most 64 are allowed.",
    });
  });

  it("10.9: counts nesting outside strings only", () => {
    expect(jsonNestingDepth('{"a":[{"b":"[[[[\\"{{{"}]}')).toBe(3);
    expect(parseBoundedJson('{"a":"[[[[[[[["}', 1)).toEqual({ ok: true, value: { a: "[[[[[[[[" } });
  });

  it("10.9: names the parse error of a broken body", () => {
    const result = parseBoundedJson('{"scenario":', 64);
    expect(result).toMatchObject({ ok: false, status: 400 });
    if (!result.ok) expect(result.message).toMatch(/^The body is not valid JSON: /);
  });

  it("10.9: stops reading a body past the limit, whatever Content-Length claims", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(1000));
        controller.close();
      },
    });
    const request = new Request("http://app.test/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(await readBoundedText(request, 4000)).toEqual({ ok: false, status: 413, message: "The request body is over 4000 bytes." });
    expect(await readBoundedText(new Request("http://app.test/", { method: "POST", body: "{}" }), 4000)).toEqual({ ok: true, text: "{}" });
  });
});

// Open redirects: the return path after sign-in never leaves the app.
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-to.ts";

describe("10.4: safeReturnPath", () => {
  // Values as they arrive after the query string is decoded; the first three are the audit's.
  const refused: Array<[string, unknown]> = [
    ["tab after the slash (/%09/evil.example/x)", "/\t/evil.example/x"],
    ["newline after the slash (%0a)", "/\n/evil.example/x"],
    ["carriage return after the slash (%0d)", "/\r/evil.example/x"],
    ["tab inside the double slash", "/\t\t/evil.example"],
    ["protocol-relative //", "//evil.example/x"],
    ["slash then backslash", "/\\evil.example/x"],
    ["backslash then slash", "\\/evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["tab then backslash", "/\t\\evil.example"],
    ["absolute https URL", "https://evil.example/x"],
    ["https: without slashes", "https:evil.example"],
    ["javascript: URL", "javascript:alert(1)"],
    ["relative path", "decks"],
    ["empty", ""],
    ["not a string", ["/decks"]],
    ["undefined", undefined],
  ];
  for (const [name, value] of refused) {
    it(`10.4: refuses ${name} and goes home`, () => {
      expect(safeReturnPath(value)).toBe("/decks");
    });
  }

  const kept: Array<[string, string, string]> = [
    ["a plain path", "/decks", "/decks"],
    ["a path with query and hash", "/review?deck=abc#top", "/review?deck=abc#top"],
    ["a path with dot segments", "/decks/../stats", "/stats"],
    ["a newline inside a path is encoded, not passed on", "/decks/\nx", "/decks/x"],
    ["a space is percent-encoded", "/decks/a b", "/decks/a%20b"],
  ];
  for (const [name, value, expected] of kept) {
    it(`10.4: keeps ${name}`, () => {
      const result = safeReturnPath(value);
      expect(result).toBe(expected);
      expect(result).not.toMatch(/[\t\n\r\\]/);
    });
  }

  it("10.4: uses the given fallback", () => {
    expect(safeReturnPath("//evil.example", "/")).toBe("/");
  });
});

// The editor's JSON reader: same values as JSON.parse, syntax errors with the line and column a
// learner can find, and the span of every element a PolicyError path can name.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLocated, spanAt } from "@/lib/playground/json-locate.ts";
import { lineStarts, linesOf, positionAt } from "@/lib/playground/lines.ts";

function errorAt(text: string) {
  const located = parseLocated(text);
  if (located.ok) throw new Error(`expected a syntax error in ${JSON.stringify(text)}`);
  return { ...positionAt(lineStarts(text), located.error.offset), message: located.error.message };
}

describe("syntax errors", () => {
  it.each([
    // [text, line, column, message fragment]
    ['{\n  "Version": "2012-10-17"\n  "Statement": []\n}', 3, 3, "Expected ',' or '}'"],
    ['{\n  "Statement": [\n    {"Effect": "Allow"},\n  ]\n}', 3, 24, "Trailing comma"],
    ["{\n  Version: 1\n}", 2, 3, "double quotes"],
    ["{\n  'Version': 1\n}", 2, 3, "double quotes"],
    ['{\n  "Effect": "Allow\n}', 2, 13, "not closed"],
    ['{"a": tru}', 1, 7, "Expected a value"],
    ['{"a": 1', 1, 8, "Expected ',' or '}'"],
    ['{"a": 1} x', 1, 10, "after the end"],
    ["", 1, 1, "empty"],
    ['{"a": "\\q"}', 1, 8, "Unknown escape"],
  ])("%j fails at line %i, column %i", (text, line, column, fragment) => {
    const error = errorAt(text);
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
    expect(error.message).toContain(fragment);
  });
});

describe("values and spans", () => {
  const policy = [
    "{",
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    "    {",
    '      "Effect": "Allow",',
    '      "Action": "s3:GetObject",',
    '      "Resource": "*"',
    "    },",
    "    {",
    '      "Effect": "Deny",',
    '      "Action": "s3:*",',
    '      "Resource": "*",',
    '      "Condition": { "StringEquals": { "aws:username": "bob" } }',
    "    }",
    "  ]",
    "}",
  ].join("\n");

  it("finds each statement's lines and a nested element's line", () => {
    const located = parseLocated(policy);
    if (!located.ok) throw new Error(located.error.message);
    const starts = lineStarts(policy);
    const lines = (path: string) => linesOf(starts, spanAt(located.spans, path)!);
    expect(lines("Statement[0]")).toEqual({ start: 4, end: 8 });
    expect(lines("Statement[1]")).toEqual({ start: 9, end: 14 });
    expect(lines("Statement[1].Condition.StringEquals")).toEqual({ start: 13, end: 13 });
    // A path naming something absent falls back to the element that should hold it.
    expect(lines("Statement[0].Principal")).toEqual({ start: 4, end: 8 });
    expect(lines("Statement[1].Action[3]")).toEqual({ start: 11, end: 11 });
  });

  it("reads the same value as JSON.parse for any JSON, pretty or compact", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const located = parseLocated(text);
        expect(located.ok).toBe(true);
        if (located.ok) expect(located.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("accepts exactly the texts JSON.parse accepts", () => {
    const fragments = fc.constantFrom(
      "{",
      "}",
      "[",
      "]",
      ",",
      ":",
      '"a"',
      '"',
      "1",
      "-",
      "0.5",
      "1e3",
      "true",
      "nul",
      " ",
      "\n",
      "'",
      "\\",
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(parseLocated(text).ok).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});

// Share links: every preset survives the round trip, and a damaged link gives a message, not a crash.
import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { PRESETS } from "@/lib/playground/presets.ts";
import { decodeState, encodeState, LIMITS } from "@/lib/playground/url-state.ts";
import type { PlaygroundState } from "@/lib/playground/types.ts";

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const link = (wire: unknown) => `v1.${base64url(deflateSync(strToU8(JSON.stringify(wire))))}`;

describe("encodeState and decodeState", () => {
  it.each(PRESETS.map((p) => [p.id, p.state] as const))("round-trips the %s preset", (_id, state) => {
    const encoded = encodeState(state);
    expect(encoded).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(decodeState(`#${encoded}`)).toEqual({ ok: true, state });
    // Deflate earns its keep: the link is shorter than the JSON it carries.
    expect(encoded.length).toBeLessThan(JSON.stringify(state).length);
  });

  it("keeps text exactly, including non-ASCII characters, tabs and broken JSON", () => {
    const state: PlaygroundState = {
      policies: [
        { kind: "identity", name: "Politique été ✓", text: '{ "Version": "2012-10-17",\t"Statement": [ ' },
        { kind: "scp", name: "", text: "" },
      ],
      request: {
        principal: "anonymous",
        action: "s3:GetObject",
        resource: "arn:aws:s3:::b/ü/*",
        resourceAccount: "",
        context: [{ key: "aws:TagKeys", value: "a, b" }],
      },
    };
    expect(decodeState(encodeState(state))).toEqual({ ok: true, state });
  });
});

describe("broken links", () => {
  const cases: [string, string, RegExp][] = [
    ["no version", "#abc", /should start with #v1\./],
    ["another version", "#v9.abc", /should start with #v1\./],
    ["characters outside base64url", "#v1.ab$cd", /characters a link cannot carry/],
    ["cut short inside a base64 quantum", `#${encodeState(PRESETS[0]!.state).slice(0, 40)}`, /was cut short/],
    ["cut short on a quantum boundary", `#${encodeState(PRESETS[0]!.state).slice(0, 43)}`, /does not decompress/],
    ["data that is not deflated", `#v1.${base64url(strToU8("hello world"))}`, /does not decompress/],
    ["deflated text that is not JSON", `#v1.${base64url(deflateSync(strToU8("{nope")))}`, /not the playground's format/],
    ["JSON of the wrong shape", `#${link({ policies: [] })}`, /the state is not a list/],
    ["an unknown policy kind", `#${link([[["trust", "", "{}"]], ["p", "a", "r", "", []]])}`, /policy 1 has an unknown kind/],
    [
      "two resource policies",
      `#${link([
        [
          ["resource", "", "{}"],
          ["resource", "", "{}"],
        ],
        ["p", "a", "r", "", []],
      ])}`,
      /more than one resource policy/,
    ],
    ["a number where text belongs", `#${link([[], [1, "a", "r", "", []]])}`, /the principal is not text/],
    [
      "an oversized policy",
      `#${link([[["identity", "", "x".repeat(LIMITS.textChars + 1)]], ["p", "a", "r", "", []]])}`,
      /policy 1 is longer than/,
    ],
    [
      "a decompression bomb",
      `#v1.${base64url(deflateSync(new Uint8Array(LIMITS.inflatedBytes + 10).fill(32)))}`,
      /more than the playground will open/,
    ],
  ];
  it.each(cases)("%s", (_what, fragment, message) => {
    const decoded = decodeState(fragment);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(message);
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, parseSettings, queueLimits, settingsForDeck } from "@/lib/srs/index.ts";

describe("scheduler settings", () => {
  it("fills Anki-like defaults", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      desiredRetention: 0.9,
      newPerDay: 20,
      reviewsPerDay: 200,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      maximumInterval: 36500,
      fuzz: true,
      decks: {},
    });
    const parsed = parseSettings(undefined);
    expect(parsed.ok && parsed.value).toEqual(DEFAULT_SETTINGS);
  });

  it("keeps valid values, including empty step lists and 21 parameters", () => {
    const parameters = Array.from({ length: 21 }, (_, i) => i / 10);
    const parsed = parseSettings({ desiredRetention: 0.85, learningSteps: [], relearningSteps: ["5m", "1h"], fuzz: false, parameters });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.desiredRetention).toBe(0.85);
    expect(parsed.value.learningSteps).toEqual([]);
    expect(parsed.value.relearningSteps).toEqual(["5m", "1h"]);
    expect(parsed.value.parameters).toEqual(parameters);
    expect(parsed.value.newPerDay).toBe(20);
  });

  const invalid: Array<{ name: string; input: unknown; path: string; message: RegExp }> = [
    { name: "retention below 0.70", input: { desiredRetention: 0.69 }, path: "desiredRetention", message: /0\.70 and 0\.99/ },
    { name: "retention above 0.99", input: { desiredRetention: 0.995 }, path: "desiredRetention", message: /0\.70 and 0\.99/ },
    { name: "retention as text", input: { desiredRetention: "0.9" }, path: "desiredRetention", message: /number/ },
    { name: "fractional new-card limit", input: { newPerDay: 2.5 }, path: "newPerDay", message: /whole number/ },
    { name: "negative review limit", input: { reviewsPerDay: -1 }, path: "reviewsPerDay", message: /negative/ },
    { name: "step without unit", input: { learningSteps: ["1m", "10"] }, path: "learningSteps[1]", message: /m, h or d/ },
    { name: "step in seconds", input: { relearningSteps: ["30s"] }, path: "relearningSteps[0]", message: /m, h or d/ },
    { name: "maximum interval of 0", input: { maximumInterval: 0 }, path: "maximumInterval", message: /at least 1 day/ },
    { name: "20 parameters", input: { parameters: Array(20).fill(1) }, path: "parameters", message: /21 parameters/ },
    {
      name: "non-finite parameter",
      input: { parameters: [...Array(20).fill(1), Number.NaN] },
      path: "parameters[20]",
      message: /number|finite/,
    },
    { name: "fuzz as text", input: { fuzz: "yes" }, path: "fuzz", message: /true or false/ },
    { name: "unknown field", input: { newCardsPerDay: 5 }, path: "(root)", message: /newCardsPerDay/ },
    {
      name: "bad deck override",
      input: { decks: { "deck-1": { newPerDay: -3 } } },
      path: 'decks["deck-1"].newPerDay',
      message: /negative/,
    },
    { name: "deck override of an unknown field", input: { decks: { d1: { fuzz: false } } }, path: "decks.d1", message: /fuzz/ },
  ];
  for (const c of invalid) {
    it(`refuses ${c.name}, naming the field`, () => {
      const parsed = parseSettings(c.input);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      const issue = parsed.issues.find((i) => i.path === c.path);
      expect(issue, JSON.stringify(parsed.issues)).toBeDefined();
      expect(issue!.message.startsWith(`${c.path}: `)).toBe(true);
      expect(issue!.message).toMatch(c.message);
    });
  }

  it("merges a deck's overrides over the learner's settings", () => {
    const parsed = parseSettings({ newPerDay: 30, decks: { sts: { newPerDay: 5, desiredRetention: 0.95, learningSteps: ["2m"] } } });
    if (!parsed.ok) throw new Error("expected valid settings");
    const sts = settingsForDeck(parsed.value, "sts");
    expect(sts.newPerDay).toBe(5);
    expect(sts.desiredRetention).toBe(0.95);
    expect(sts.learningSteps).toEqual(["2m"]);
    expect(sts.reviewsPerDay).toBe(200);
    expect(sts.relearningSteps).toEqual(["10m"]);
    expect(settingsForDeck(parsed.value, "iam")).toBe(parsed.value);
    expect(queueLimits(parsed.value)).toEqual({ newPerDay: 30, reviewsPerDay: 200, decks: { sts: { newPerDay: 5, reviewsPerDay: 200 } } });
  });
});
